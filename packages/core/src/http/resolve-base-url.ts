import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { describeValue } from './describe-value';
import { hasControlCharacters } from './has-control-characters';
import { readEnvironment } from './read-environment';

/**
 * The base URL: the option, else the environment variable, else the vendor's default. It must be an
 * absolute http(s) URL with no query or fragment; the trailing slash is removed.
 */
export function resolveBaseURL(args: {
  baseURL: string | undefined;
  environmentVariableName: string;
  defaultBaseURL: string;
}): string {
  const fromOption = args.baseURL !== undefined;
  const value = fromOption
    ? args.baseURL
    : (readEnvironment(args.environmentVariableName) ?? args.defaultBaseURL);
  const name = fromOption ? 'baseURL' : args.environmentVariableName;
  const fail = (expected: string): never => {
    throw new InvalidArgumentError({
      argument: name,
      message: `${name} must be ${expected}, got ${describeValue(value)}`,
    });
  };
  if (typeof value !== 'string' || value.trim() === '') return fail('a non-empty URL string');
  if (hasControlCharacters(value)) return fail('free of control characters');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail('an absolute http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail('an http: or https: URL');
  if (url.search || url.hash) return fail('a URL without query or fragment');
  if (url.username || url.password) return fail('a URL without credentials');
  return url.href.replace(/\/+$/, '');
}
