import { format, inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { splitRef } from './split-ref';
import { withSafeInspect } from './with-safe-inspect';

const KEY = 'acme-live-0123456789abcdef';

/** A client-like object that closes over a key and also holds it in a private-looking field. */
function makeClient() {
  const apiKey = KEY;
  const client = {
    name: 'acme',
    baseURL: 'https://acme.example.test',
    config: { apiKey, headers: { authorization: `Bearer ${apiKey}` } },
    getTask: async () => apiKey,
  };
  return withSafeInspect(client, 'AcmeProvider', () => ({ name: client.name, baseURL: client.baseURL }));
}

describe('withSafeInspect', () => {
  it('String, template literals, JSON and util.inspect print only the summary', () => {
    const client = makeClient();
    const summary = 'AcmeProvider {"name":"acme","baseURL":"https://acme.example.test"}';
    expect(String(client)).toBe(summary);
    expect(`${client}`).toBe(summary);
    expect(JSON.stringify(client)).toBe('{"name":"acme","baseURL":"https://acme.example.test"}');
    expect(inspect(client)).toBe(summary);
    expect(inspect(client, { depth: Number.POSITIVE_INFINITY })).toBe(summary);
  });

  it('nothing shows the key, even nested in other objects or through console-style formatting', () => {
    const client = makeClient();
    const renderings = [
      String(client),
      JSON.stringify({ client }),
      JSON.stringify([client], null, 2),
      inspect({ deep: { client } }, { depth: Number.POSITIVE_INFINITY }),
      inspect(new Map([['client', client]])),
      format('%s %o %O %j', client, client, client, client),
    ];
    for (const text of renderings) expect(text).not.toContain(KEY);
  });

  it('the object still works and keeps its fields', async () => {
    const client = makeClient();
    expect(await client.getTask()).toBe(KEY);
    expect(client.config.apiKey).toBe(KEY);
    expect(Object.keys(client)).toEqual(['name', 'baseURL', 'config', 'getTask']);
  });

  it('returns the same object, and the summary is read each time', () => {
    const target = { state: 'a' };
    const same = withSafeInspect(target, 'Thing', () => ({ state: target.state }));
    expect(same).toBe(target);
    target.state = 'b';
    expect(String(same)).toBe('Thing {"state":"b"}');
  });

  it('a summary that throws prints an empty summary instead of failing', () => {
    const client = withSafeInspect({ secret: KEY }, 'Broken', () => {
      throw new Error(`cannot summarize ${KEY}`);
    });
    expect(String(client)).toBe('Broken {}');
    expect(JSON.stringify(client)).toBe('{}');
    expect(inspect(client)).toBe('Broken {}');
  });

  it('can be applied twice (a wrapper over a wrapped object) and the last summary wins', () => {
    const target = withSafeInspect({ secret: KEY }, 'Inner', () => ({ layer: 'inner' }));
    const outer = withSafeInspect(target, 'Outer', () => ({ layer: 'outer' }));
    expect(String(outer)).toBe('Outer {"layer":"outer"}');
    expect(inspect(outer)).toBe('Outer {"layer":"outer"}');
  });

  it('the hooks are not enumerable: spreading or listing the object does not pick them up', () => {
    const client = makeClient();
    expect(Object.keys(client)).not.toContain('toJSON');
    expect(Object.keys(client)).not.toContain('toString');
    expect(
      Object.getOwnPropertySymbols(client).every(
        (symbol) => !Object.prototype.propertyIsEnumerable.call(client, symbol),
      ),
    ).toBe(true);
  });
});

describe('splitRef', () => {
  it('strips the "<provider>:" prefix and accepts the bare id', () => {
    expect(splitRef('acme:t_1', 'acme', 'acme:<taskId>')).toBe('t_1');
    expect(splitRef('t_1', 'acme', 'acme:<taskId>')).toBe('t_1');
    expect(splitRef('acme:a:b', 'acme', 'acme:<taskId>')).toBe('a:b');
    expect(splitRef('other:t_1', 'acme', 'acme:<taskId>')).toBe('other:t_1');
  });

  it.each([
    ['', 'ref must look like "acme:<taskId>", got ""'],
    ['acme:', 'ref must look like "acme:<taskId>", got "acme:"'],
    ['acme:   ', 'ref must look like "acme:<taskId>", got "acme:   "'],
    [null, 'ref must be a string like "acme:<taskId>", got null'],
    [undefined, 'ref must be a string like "acme:<taskId>", got undefined'],
    [7, 'ref must be a string like "acme:<taskId>", got number 7'],
  ])('refuses %j with InvalidArgumentError naming ref and the expected form', (value, message) => {
    try {
      splitRef(value, 'acme', 'acme:<taskId>');
      throw new Error('accepted');
    } catch (error) {
      expect(InvalidArgumentError.isInstance(error)).toBe(true);
      expect((error as InvalidArgumentError).argument).toBe('ref');
      expect((error as Error).message).toBe(message);
    }
  });
});
