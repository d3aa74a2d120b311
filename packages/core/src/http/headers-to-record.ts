import { redactSecret } from './redact-secret';

/**
 * Response headers as a plain object with lower-case names, `secret` redacted from names (in lower
 * case, as `Headers` holds them) and values.
 */
export function headersToRecord(headers: Headers, secret?: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lowerSecret = secret?.toLowerCase();
  headers.forEach((value, name) => {
    out[redactSecret(name.toLowerCase(), lowerSecret)] = redactSecret(value, secret);
  });
  return out;
}

const REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'x-amzn-requestid', 'x-correlation-id'];

/** The vendor's request id, from the usual headers. */
export function getRequestId(headers: Record<string, string>): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    if (headers[name]) return headers[name];
  }
  return undefined;
}
