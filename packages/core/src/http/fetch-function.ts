/** The platform `fetch`, or anything with the same shape (a proxy, a test double). */
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
