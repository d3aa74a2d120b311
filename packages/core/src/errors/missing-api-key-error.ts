import { hasErrorMarker, markError, XError } from './x-error';

const MARKER = 'x.sdk.error.MissingApiKeyError';

/** No API key was given as an option nor found in the environment. Raised at the first call, not at import. */
export class MissingApiKeyError extends XError {
  readonly provider: string;
  readonly environmentVariableName: string;

  constructor(args: { provider: string; optionName?: string; environmentVariableName: string }) {
    super(
      `${args.provider}: API key is missing. Pass it as the \`${args.optionName ?? 'apiKey'}\` option ` +
        `or set the ${args.environmentVariableName} environment variable.`,
    );
    this.provider = args.provider;
    this.environmentVariableName = args.environmentVariableName;
    markError(this, MARKER);
  }

  static override isInstance(value: unknown): value is MissingApiKeyError {
    return hasErrorMarker(value, MARKER);
  }
}
