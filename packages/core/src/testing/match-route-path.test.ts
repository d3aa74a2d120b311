import { describe, expect, it } from 'vitest';
import { matchRoutePath } from './match-route-path';

describe('matchRoutePath', () => {
  it('matches literal segments exactly and returns no params', () => {
    expect(matchRoutePath('/v1/tasks', '/v1/tasks')).toEqual({});
    expect(matchRoutePath('/v1/tasks', '/v1/tasks/')).toBeUndefined();
    expect(matchRoutePath('/v1/tasks', '/v1/Tasks')).toBeUndefined();
  });

  it('captures each :param as one decoded segment', () => {
    expect(
      matchRoutePath('/v1/task/:taskId/executions/:executionId', '/v1/task/t%201/executions/e-2'),
    ).toEqual({
      taskId: 't 1',
      executionId: 'e-2',
    });
  });

  it('keeps an encoded slash inside one segment', () => {
    expect(matchRoutePath('/tasks/:id', '/tasks/a%2Fb')).toEqual({ id: 'a/b' });
    expect(matchRoutePath('/tasks/:id', '/tasks/a/b')).toBeUndefined();
  });

  it('does not match an empty segment or a segment that fails to decode', () => {
    expect(matchRoutePath('/tasks/:id', '/tasks/')).toBeUndefined();
    expect(matchRoutePath('/tasks/:id', '/tasks/%E0%A4%A')).toBeUndefined();
  });

  it('compares literal segments raw, not decoded', () => {
    expect(matchRoutePath('/tasks/a%2Fb', '/tasks/a%2Fb')).toEqual({});
    expect(matchRoutePath('/tasks/a%2Fb', '/tasks/a%2fb')).toBeUndefined();
  });
});
