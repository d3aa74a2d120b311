import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { describeValue } from './describe-value';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a canonical 8-4-4-4-12 hex uuid. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Throws `InvalidArgumentError` naming `name` unless `value` is a uuid. Returns it unchanged. */
export function assertUuid(value: unknown, name: string): string {
  if (!isUuid(value)) {
    throw new InvalidArgumentError({
      argument: name,
      message: `${name} must be a uuid (8-4-4-4-12 hex digits), got ${describeValue(value)}`,
    });
  }
  return value;
}
