// Request-body checks for the fake providers: a few explicit lines instead of a schema library, because
// each endpoint takes a handful of fields and the 400 message should name the one that is wrong.
import { invalidRequest } from './errors';

export type JsonObject = Record<string, unknown>;

export function jsonObject(value: unknown, path = 'body'): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidRequest(`${path} must be a JSON object`);
  }
  return value as JsonObject;
}

export function nonEmptyString(object: JsonObject, field: string, path = field): string {
  const value = object[field];
  if (typeof value !== 'string' || value.trim() === '') throw invalidRequest(`${path} must be a non-empty string`);
  return value;
}

export function positiveInt(object: JsonObject, field: string, path = field): number {
  const value = object[field];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw invalidRequest(`${path} must be a positive integer`);
  }
  return value;
}

export function currencyCode(object: JsonObject, field: string): string {
  const value = nonEmptyString(object, field);
  if (!/^[A-Za-z]{3}$/.test(value)) throw invalidRequest(`${field} must be a three-letter ISO 4217 code`);
  return value;
}

export function nonEmptyArray(object: JsonObject, field: string): unknown[] {
  const value = object[field];
  if (!Array.isArray(value) || value.length === 0) throw invalidRequest(`${field} must be a non-empty array`);
  return value;
}

/** A query parameter given once, as `?name=value`; absent is undefined. */
export function queryParam(query: unknown, name: string): string | undefined {
  const value = (query as JsonObject | undefined)?.[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalidRequest(`query parameter ${name} must be given once`);
  return value;
}
