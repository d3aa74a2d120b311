/** The fixed identities every process of the run shares: one key, one id per vendor. */
export const BENCH_API_KEY = 'sk-bench-0123456789abcdef0123456789abcdef';

/** What the body server tells the runner once it listens. */
export interface BodyServerInfo {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  ids: {
    browserUseTaskId: string;
    anchorTaskId: string;
    anchorExecutionId: string;
    browserAISessionId: string;
  };
  /** Byte sizes of the bodies served, by endpoint. */
  bodyBytes: Record<string, number>;
}

/** The base URLs each client is pointed at (the vendors' own path prefixes, on the loopback server). */
export function baseURLs(origin: string) {
  return {
    browserUse: `${origin}/api/v2`,
    anchor: origin,
    browserAI: `${origin}/api/v1`,
  };
}
