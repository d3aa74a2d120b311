import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { describeValue } from '../http/describe-value';

/**
 * Strips the `"<provider>:"` prefix from a string reference (the bare id is accepted too) and checks the
 * rest is non-empty. Throws `InvalidArgumentError` naming `ref` and the expected form.
 */
export function splitRef(text: unknown, provider: string, expected: string): string {
  if (typeof text !== 'string') {
    throw new InvalidArgumentError({
      argument: 'ref',
      message: `ref must be a string like "${expected}", got ${describeValue(text)}`,
    });
  }
  const prefix = `${provider}:`;
  const id = text.startsWith(prefix) ? text.slice(prefix.length) : text;
  if (id.trim() === '') {
    throw new InvalidArgumentError({
      argument: 'ref',
      message: `ref must look like "${expected}", got ${describeValue(text)}`,
    });
  }
  return id;
}
