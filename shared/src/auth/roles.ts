// Who may do what: `customer` places orders and reads and cancels its own; `operator` runs the system
// (restock, rebuild the read model, fault switches, any order). Roles travel in the token's `roles` claim.
export const Roles = { customer: 'customer', operator: 'operator' } as const;

export type Role = (typeof Roles)[keyof typeof Roles];

export const isRole = (value: unknown): value is Role => Object.values(Roles).includes(value as Role);

/** A verified caller: the token's subject (for a customer, the customer id) and its known roles. */
export interface Caller {
  subject: string;
  roles: readonly Role[];
}

export const hasRole = (caller: Caller, role: Role): boolean => caller.roles.includes(role);
