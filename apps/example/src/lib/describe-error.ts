import { APIError, MissingApiKeyError, XError } from '@x/core';
import { escapeControlCharacters } from './escape-control-characters';

/**
 * One line for an error, as the CLI prints it: the vendor's own message and the request id for an
 * API error, the environment variable to set for a missing key. Control characters the vendor sent
 * (an escape sequence in its message or request id) are shown as visible escapes.
 */
export function describeError(error: unknown): string {
  if (MissingApiKeyError.isInstance(error)) {
    return (
      `missing API key for ${error.provider}: set ${error.environmentVariableName} ` +
      '(in the environment or in a .env file, see .env.example)'
    );
  }
  if (APIError.isInstance(error)) {
    return oneLine(error.requestId ? `${error.message} (request id: ${error.requestId})` : error.message);
  }
  if (XError.isInstance(error) || error instanceof Error) return oneLine(error.message);
  return oneLine(String(error));
}

function oneLine(text: string): string {
  return escapeControlCharacters(text.replace(/\s+/g, ' ').trim());
}
