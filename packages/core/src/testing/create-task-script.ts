/** One stage of a scripted task: the vendor-shaped `state` it shows from `afterMs` on. */
export interface ScriptStage<S> {
  /** Delay after the previous stage began (stage 0: after creation). Default 0. */
  afterMs?: number | undefined;
  state: S;
}

/** How a script moves from stage to stage. */
export interface TaskScriptOptions {
  /** `'time'`: by ms since creation; `'read'`: one stage per `read()`. Default `'time'`. */
  advanceOn?: 'time' | 'read' | undefined;
  /** Clock for `'time'` scripts. Default `Date.now`. */
  now?: (() => number) | undefined;
}

/** Where a script stands. */
export interface TaskScriptPosition<S> {
  state: S;
  stageIndex: number;
  /** True on the last stage. */
  done: boolean;
}

/** A scripted lifecycle, shared by the vendor sandboxes. */
export interface TaskScript<S> {
  /** The current stage; with `advanceOn: 'read'`, moves one stage forward after answering. */
  read(): TaskScriptPosition<S>;
  /** The current stage without moving (with `advanceOn: 'read'`, the last `read()`'s). */
  peek(): TaskScriptPosition<S>;
  readonly stages: readonly ScriptStage<S>[];
}

/** A task lifecycle in stages (queued → running → finished, ...). Throws on no stages or a negative or non-finite `afterMs`. */
export function createTaskScript<S>(
  stages: ScriptStage<S>[],
  options: TaskScriptOptions = {},
): TaskScript<S> {
  if (stages.length === 0) throw new Error('createTaskScript: at least one stage is needed');
  // Absolute start of each stage, from the gaps.
  const startsAt: number[] = [];
  let total = 0;
  for (const [index, stage] of stages.entries()) {
    const gap = stage.afterMs ?? 0;
    if (!Number.isFinite(gap) || gap < 0) {
      throw new Error(`createTaskScript: stage ${index} has afterMs ${gap}; expected a finite number >= 0`);
    }
    total += gap;
    startsAt.push(total);
  }
  const advanceOn = options.advanceOn ?? 'time';
  if (advanceOn !== 'time' && advanceOn !== 'read') {
    throw new Error(`createTaskScript: advanceOn must be 'time' or 'read', got ${JSON.stringify(advanceOn)}`);
  }
  const now = options.now ?? Date.now;
  const startedAt = now();
  let reads = 0;
  const last = stages.length - 1;

  const indexNow = (): number => {
    if (advanceOn === 'read') return Math.min(reads, last);
    const elapsed = now() - startedAt;
    let index = 0;
    for (const [candidate, start] of startsAt.entries()) {
      if (start <= elapsed) index = candidate;
    }
    return index;
  };
  const position = (index: number): TaskScriptPosition<S> => ({
    state: stages[index]!.state,
    stageIndex: index,
    done: index === last,
  });

  return {
    stages,
    peek: () => position(advanceOn === 'read' ? Math.min(Math.max(reads - 1, 0), last) : indexNow()),
    read() {
      const current = position(indexNow());
      if (advanceOn === 'read') reads++;
      return current;
    },
  };
}
