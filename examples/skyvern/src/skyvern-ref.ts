import { InvalidArgumentError, splitRef, validatePathSegment } from '@x/core';

/** The provider's name, also the prefix of the string form of a reference. */
export const SKYVERN_PROVIDER_NAME = 'skyvern';

/**
 * A Skyvern run reference: the run's id (`tsk_…`, `tsk_v2_…` or `wr_…`). Its string form is
 * `skyvern:<run_id>`. The spec types `run_id` as a plain string (no uuid), so it is checked as a safe
 * path segment only.
 */
export type SkyvernRef = string;

const EXPECTED = 'skyvern:<run_id>';

/**
 * Parses `skyvern:<run_id>` (the bare run id is accepted too) and checks the id (non-empty, no control
 * characters, no `/ \ ? # %`, at most 512 characters). Throws `InvalidArgumentError` naming `ref`.
 */
export function parseSkyvernRef(text: string): SkyvernRef {
  return checkRef(splitRef(text, SKYVERN_PROVIDER_NAME, EXPECTED));
}

/** Prints `skyvern:<run_id>`. Throws `InvalidArgumentError` for an invalid run id. */
export function formatSkyvernRef(ref: SkyvernRef): string {
  return `${SKYVERN_PROVIDER_NAME}:${checkRef(ref)}`;
}

function checkRef(runId: unknown): string {
  try {
    return validatePathSegment(runId, 'runId');
  } catch (error) {
    if (!InvalidArgumentError.isInstance(error)) throw error;
    throw new InvalidArgumentError({
      argument: 'ref',
      message: `ref must look like "${EXPECTED}" with a valid run id: ${error.message}`,
    });
  }
}
