import { describe, expectTypeOf, it } from 'vitest';
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
