import nock from 'nock';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

// A unit test can never reach a real API, and every mock it declares must be used.
// Loopback stays open for the real sandboxes of the integration tests.
beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
});
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending, 'unused HTTP mocks').toEqual([]);
});
afterAll(() => nock.enableNetConnect());
