// A stand-in for an external provider (payment provider, carrier) that keeps Stripe-like idempotency:
// one call per idempotency key, found again by that key. It can lose an answer or drop a call, the two
// ways a call ends up in doubt, so handler tests can show the in-doubt lookup settles both.
import { ProviderRejectedError, ProviderUnavailableError } from '@saga/shared';

export class FakeProvider<Request extends { idempotencyKey: string }, Made> {
  /** What the provider made, by idempotency key. */
  readonly made = new Map<string, Made>();
  /** The next call takes effect, but its answer never reaches the caller (a timeout). */
  loseNextAnswer = false;
  /** The next call never reaches the provider (the process died right after recording its intent). */
  dropNextCall = false;
  /** Calls that reached the provider or were dropped on the way; lookups are not counted. */
  calls = 0;

  /** `make` is what a first call under a key makes; `count` numbers it from 1 (ch_1, shp_1). */
  constructor(
    private readonly name: string,
    private readonly make: (request: Request, count: number) => Made,
  ) {}

  async call(request: Request): Promise<Made> {
    this.calls += 1;
    if (this.dropNextCall) {
      this.dropNextCall = false;
      throw new ProviderUnavailableError(`${this.name} unreachable`);
    }
    let made = this.made.get(request.idempotencyKey);
    if (!made) {
      made = this.make(request, this.made.size + 1);
      this.made.set(request.idempotencyKey, made);
    }
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      throw new ProviderUnavailableError(`${this.name} timed out`);
    }
    return made;
  }

  lookup(idempotencyKey: string): Made | undefined {
    return this.made.get(idempotencyKey);
  }

  /** The one thing made that `matches`, or the rejection a real provider's 404 becomes. */
  find(matches: (made: Made) => boolean, what: string): Made {
    const found = [...this.made.values()].find(matches);
    if (!found) throw new ProviderRejectedError(`${this.name} answered 404 to ${what}`);
    return found;
  }
}
