/** `process.env[name]` when running where `process` exists (Node, Bun, Deno), else `undefined`. */
export function readEnvironment(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.[name];
  return value === undefined || value === '' ? undefined : value;
}
