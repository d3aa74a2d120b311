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
      message: `${name} must be ${expected}, got ${describeURL(value)}`,
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
  // `href`, not `search`/`hash`: an empty `?` or `#` leaves those empty but still ends the path.
  if (url.href.includes('?') || url.href.includes('#')) return fail('a URL without query or fragment');
  if (url.username || url.password) return fail('a URL without credentials');
  return url.href.replace(/\/+$/, '');
}

/**
 * A rejected base URL as an error may show it: what may hold a secret (user and password, query,
 * fragment) is left out, and text that is no URL but looks like it holds one (`@`, `?`, `#`) is only
 * described by its length.
 */
function describeURL(value: unknown): string {
  if (typeof value !== 'string') return describeValue(value);
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {}
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    // `user:pw@host` parses too, as the scheme `user:`: only an http(s) URL is taken apart.
    return /[@?#]/.test(value) ? `a ${value.length}-character string` : describeValue(value);
  }
  if (!url.username && !url.password && !/[?#]/.test(url.href)) return describeValue(value);
  return `"${url.protocol}//${url.host}${url.pathname}" (credentials, query and fragment not shown)`;
}
