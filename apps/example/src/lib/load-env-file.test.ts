import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadEnvFile } from './load-env-file';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('loadEnvFile', () => {
  it('loads a .env file', () => {
    const directory = mkdtempSync(join(tmpdir(), 'example-env-file-'));
    const file = join(directory, '.env');
    writeFileSync(file, 'EXAMPLE_LOAD_ENV_FILE_TEST=loaded\n');
    vi.stubEnv('EXAMPLE_LOAD_ENV_FILE_TEST', undefined);
    expect(loadEnvFile(file)).toBe(file);
    expect(process.env.EXAMPLE_LOAD_ENV_FILE_TEST).toBe('loaded');
  });

  it('skips a .env that is a directory (a Python virtualenv named .env) without throwing', () => {
    const directory = mkdtempSync(join(tmpdir(), 'example-env-dir-'));
    mkdirSync(join(directory, '.env', 'bin'), { recursive: true });
    expect(loadEnvFile(join(directory, '.env'))).toBeUndefined();
  });

  it('skips a missing .env', () => {
    expect(loadEnvFile(join(mkdtempSync(join(tmpdir(), 'example-env-none-')), '.env'))).toBeUndefined();
  });
});
