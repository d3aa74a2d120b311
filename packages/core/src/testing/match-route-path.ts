/**
 * Matches a raw request path against a route pattern such as `/v1/task/:taskId/executions/:executionId`.
 *
 * - Segments are compared on the raw (still percent-encoded) path, so `a%2Fb` is one segment.
 * - A `:param` segment matches exactly one non-empty raw segment; its value is decoded with
 *   `decodeURIComponent`. A value that fails to decode (`%E0`) means the pattern does not match.
 * - Every other segment must equal the raw segment exactly (a pattern without params is an exact path).
 *
 * @returns the decoded params, or `undefined` when the path does not match.
 */
export function matchRoutePath(pattern: string, rawPath: string): Record<string, string> | undefined {
  const patternSegments = pattern.split('/');
  const pathSegments = rawPath.split('/');
  if (patternSegments.length !== pathSegments.length) return undefined;

  const params: Record<string, string> = {};
  for (let index = 0; index < patternSegments.length; index++) {
    const patternSegment = patternSegments[index]!;
    const pathSegment = pathSegments[index]!;
    if (patternSegment.startsWith(':') && patternSegment.length > 1) {
      if (pathSegment === '') return undefined;
      const value = safeDecode(pathSegment);
      if (value === undefined) return undefined;
      params[patternSegment.slice(1)] = value;
    } else if (patternSegment !== pathSegment) {
      return undefined;
    }
  }
  return params;
}

/** `decodeURIComponent` that returns `undefined` instead of throwing on a malformed escape. */
function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
