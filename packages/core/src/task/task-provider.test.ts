import { describe, expectTypeOf, it } from 'vitest';
import type { TaskClient } from '../client/task-client-types';
import type { AnyTaskProvider, RawOf, RefOf, TaskProvider } from './task-provider';

// Checked by the type-check (`tsc` covers test files); at run time these calls do nothing.
describe('RefOf and RawOf', () => {
  it('give the reference and raw body types of a provider', () => {
    type Acme = TaskProvider<{ id: string }, { state: 'done' }>;
    expectTypeOf<RefOf<Acme>>().toEqualTypeOf<{ id: string }>();
    expectTypeOf<RawOf<Acme>>().toEqualTypeOf<{ state: 'done' }>();
    expectTypeOf<RawOf<TaskProvider<string, number[]>>>().toEqualTypeOf<number[]>();
  });

  it('are never for what is not a provider', () => {
    expectTypeOf<RawOf<{ name: string }>>().toBeNever();
    expectTypeOf<RefOf<string>>().toBeNever();
    expectTypeOf<RawOf<AnyTaskProvider>>().toBeAny();
  });
});

describe('what the task client hands back', () => {
  it('is typed unknown, never any (a typo on a resolved provider is a type error)', () => {
    type Resolved = ReturnType<TaskClient['resolve']>['provider'];
    expectTypeOf<Resolved>().not.toBeAny();
    expectTypeOf<ReturnType<Resolved['parseRef']>>().toBeUnknown();
    expectTypeOf<Awaited<ReturnType<Resolved['getTask']>>['raw']>().toBeUnknown();
    expectTypeOf<TaskClient['providers'][number]>().toEqualTypeOf<TaskProvider>();
  });
});
