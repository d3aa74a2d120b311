import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { assertUuid, isUuid } from './assert-uuid';
import { buildPath } from './build-path';

const rejected = (value: unknown) => {
  try {
    buildPath('/tasks/{task_id}', { task_id: value });
  } catch (error) {
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toBe('task_id');
    expect((error as Error).message).toMatch(/^task_id must be /);
    return (error as Error).message;
  }
  throw new Error(`${JSON.stringify(value)} was accepted`);
};

describe('buildPath', () => {
  it.each([
    ['a/b'],
    ['..'],
    ['.'],
    ['a?b=1'],
    ['a#frag'],
    ['100%'],
    ['%2e%2e'],
    ['a\r\nX-Injected: 1'],
    ['a\u0000b'],
    [''],
    ['   '],
    ['x'.repeat(10_000)],
    ['a\\b'],
  ])('rejects %j', (value) => {
    rejected(value);
  });

  it.each([[null], [undefined], [42], [{}], [['a']]])('rejects the non-string %j', (value) => {
    expect(rejected(value)).toContain('must be a string');
  });

  it('never prints a long id back', () => {
    expect(rejected('z'.repeat(10_000))).toContain('a 10000-character string');
  });

  it('encodes ordinary ids so the path is exactly the one intended', () => {
    expect(buildPath('/tasks/{id}/status', { id: 'abc-123' })).toBe('/tasks/abc-123/status');
    expect(buildPath('/tasks/{id}', { id: 'a b' })).toBe('/tasks/a%20b');
    expect(buildPath('/tasks/{id}', { id: 'café' })).toBe('/tasks/caf%C3%A9');
    expect(buildPath('/t/{a}/e/{b}', { a: 'x', b: 'y' })).toBe('/t/x/e/y');
  });

  it('fails loudly on a template parameter with no value', () => {
    expect(() => buildPath('/tasks/{id}', {})).toThrow(/no value for \{id\}/);
  });
});

describe('assertUuid', () => {
  it('accepts uuids in either case and rejects the rest, naming the parameter', () => {
    expect(assertUuid('3c90c3cc-0d44-4b50-8888-8dd25736052a', 'taskId')).toBe(
      '3c90c3cc-0d44-4b50-8888-8dd25736052a',
    );
    expect(isUuid('3C90C3CC-0D44-4B50-8888-8DD25736052A')).toBe(true);
    for (const value of [
      '3c90c3cc0d444b5088888dd25736052a',
      'not-a-uuid',
      '',
      null,
      7,
      '3c90c3cc-0d44-4b50-8888-8dd25736052a/..',
    ]) {
      expect(() => assertUuid(value, 'taskId')).toThrow(/^taskId must be a uuid/);
    }
  });
});

describe('isUuid', () => {
  it('takes hex digits only, in every group', () => {
    expect(isUuid('12345678-abcd-1234-1234-123456789abc')).toBe(true);
    for (const id of [
      'z2345678-abcd-1234-1234-123456789abc',
      '12345678-zzzz-1234-1234-123456789abc',
      '12345678-abcd-z234-1234-123456789abc',
      '12345678-abcd-1234-z234-123456789abc',
      '12345678-abcd-1234-1234-z23456789abc',
    ])
      expect(isUuid(id)).toBe(false);
  });
});
