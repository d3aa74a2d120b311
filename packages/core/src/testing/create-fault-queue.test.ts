import { describe, expect, it } from 'vitest';
import { createFaultQueue } from './create-fault-queue';
import type { TestRequest } from './test-server-types';

const request = (path: string): TestRequest => ({
  method: 'GET',
  path,
  url: path,
  query: {},
  headers: {},
  receivedAt: 0,
});

describe('createFaultQueue', () => {
  it('lets a fault go once its times are used up, so injecting one per call keeps nothing dead', () => {
    const queue = createFaultQueue(() => 0);
    for (let index = 0; index < 1_000; index++) {
      queue.add({ status: 503 });
      expect(queue.take(request('/x'))?.status).toBe(503);
    }
    expect(queue.size()).toBe(0);
    queue.add({ status: 429, times: 2 });
    queue.add({ status: 500, times: 0 }); // never applies, never queued
    expect(queue.size()).toBe(1);
    expect(queue.take(request('/x'))?.status).toBe(429);
    expect(queue.size()).toBe(1);
    expect(queue.take(request('/x'))?.status).toBe(429);
    expect(queue.size()).toBe(0);
    expect(queue.take(request('/x'))).toBeUndefined();
  });

  it('keeps Infinity faults and faults that did not match', () => {
    const queue = createFaultQueue(() => 0);
    queue.add({ status: 502, times: Number.POSITIVE_INFINITY, match: { path: '/a' } });
    queue.add({ status: 504, match: { path: '/b' } });
    for (let index = 0; index < 3; index++) expect(queue.take(request('/a'))?.status).toBe(502);
    expect(queue.size()).toBe(2);
    expect(queue.take(request('/b'))?.status).toBe(504);
    expect(queue.size()).toBe(1);
  });
});
