import { hasErrorMarker, registerError, XError } from './x-error';

/** No API key in the options nor the environment. Raised at the first call, not at import. */
export class MissingApiKeyError extends XError {
  static {
    registerError(MissingApiKeyError, 'MissingApiKeyError');
  }

  readonly provider: string;
  readonly environmentVariableName: string;

  constructor(args: { provider: string; optionName?: string; environmentVariableName: string }) {
    super(
      `${args.provider}: API key is missing. Pass it as the \`${args.optionName ?? 'apiKey'}\` option ` +
        `or set the ${args.environmentVariableName} environment variable.`,
    );
    this.provider = args.provider;
    this.environmentVariableName = args.environmentVariableName;
  }

  static override isInstance(value: unknown): value is MissingApiKeyError {
    return hasErrorMarker(value, 'MissingApiKeyError');
  }
}
