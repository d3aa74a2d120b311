import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { MissingApiKeyError } from '../errors/missing-api-key-error';
import { findNonLatin1Character } from './find-non-latin1-character';
import { hasControlCharacters } from './has-control-characters';
import { readEnvironment } from './read-environment';

/**
 * The API key: the explicit option when it is a string, else `process.env[environmentVariableName]`.
 * Throws `MissingApiKeyError` naming both, or `InvalidArgumentError` for a key with control characters
 * or a character a header cannot carry (the key itself is never printed).
 */
export function loadApiKey(args: {
  apiKey: string | undefined;
  environmentVariableName: string;
  provider: string;
  optionName?: string;
}): string {
  const optionName = args.optionName ?? 'apiKey';
  let apiKey = args.apiKey;
  let source = `the \`${optionName}\` option`;
  if (apiKey === undefined || apiKey === null) {
    apiKey = readEnvironment(args.environmentVariableName);
    source = `the ${args.environmentVariableName} environment variable`;
  }
  if (apiKey === undefined || (typeof apiKey === 'string' && apiKey.trim() === '')) {
    throw new MissingApiKeyError({
      provider: args.provider,
      optionName,
      environmentVariableName: args.environmentVariableName,
    });
  }
  if (typeof apiKey !== 'string') {
    throw new InvalidArgumentError({
      argument: optionName,
      message: `${optionName} must be a string, got ${typeof apiKey}`,
    });
  }
  if (hasControlCharacters(apiKey)) {
    throw new InvalidArgumentError({
      argument: optionName,
      message: `the API key from ${source} holds control characters (CR, LF, ...); it is not sent`,
    });
  }
  const nonLatin1 = findNonLatin1Character(apiKey);
  if (nonLatin1) {
    throw new InvalidArgumentError({
      argument: optionName,
      message: `the API key from ${source} holds ${nonLatin1}, which no HTTP header can carry; it is not sent`,
    });
  }
  return apiKey;
}
