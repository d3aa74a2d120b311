import { randomUUID } from 'node:crypto';
import { InvalidArgumentError } from '@x/core';
import type {
  BrowserUseTaskStatus,
  BrowserUseTaskStepView,
  BrowserUseTaskView,
} from '../browser-use-api-types';
import type { BrowserUseSandboxTaskOptions, SandboxOutcome } from './browser-use-sandbox-types';
import { formatNaiveTimestamp } from './format-naive-timestamp';

/** One stage of a sandbox task: the TaskView served from `atMs` after the task's creation. */
export interface TimedView {
  atMs: number;
  view: BrowserUseTaskView;
}

const DEFAULT_PROMPT = 'Find the top story on Hacker News and return its title';
// Cost in ten-thousandths of a dollar: an initial charge when the task starts, then one per step.
const START_COST = 100;
const STEP_COST = 20;

const PAGES = [
  {
    url: 'about:blank',
    goal: 'Open news.ycombinator.com',
    action: { go_to_url: { url: 'https://news.ycombinator.com', new_tab: false } },
  },
  {
    url: 'https://news.ycombinator.com/',
    goal: 'Find the first story on the front page',
    action: { scroll: { down: true, num_pages: 0.5 } },
  },
  {
    url: 'https://news.ycombinator.com/',
    goal: 'Read the title of the first story',
    action: { extract_structured_data: { query: 'title of the first story' } },
  },
  {
    url: 'https://news.ycombinator.com/item?id=41000000',
    goal: 'Open the story to confirm its title',
    action: { click_element_by_index: { index: 12 } },
  },
];

/** The base TaskView of a sandbox task: everything empty or null, status `created`. */
export function createBaseView(args: {
  id: string;
  createdAtMs: number;
  options: BrowserUseSandboxTaskOptions;
}): BrowserUseTaskView {
  return {
    id: args.id,
    sessionId: randomUUID(),
    llm: 'browser-use-llm',
    task: args.options.task ?? DEFAULT_PROMPT,
    status: 'created',
    createdAt: formatNaiveTimestamp(args.createdAtMs),
    startedAt: null,
    finishedAt: null,
    metadata: args.options.metadata ?? {},
    steps: [],
    output: null,
    outputFiles: [],
    browserUseVersion: '0.7.10',
    isSuccess: null,
    judgement: null,
    judgeVerdict: null,
    cost: null,
    suggestions: null,
  };
}

/**
 * The lifecycle of a scripted task: `created`, `started` with no step, one `started` stage per step
 * (cost growing), then the final `finished` / `failed` / `stopped` view.
 */
export function buildBrowserUseStages(
  base: BrowserUseTaskView,
  createdAtMs: number,
  options: BrowserUseSandboxTaskOptions,
): TimedView[] {
  const outcome = options.outcome ?? 'succeeded';
  const finalStatus = finalStatusOf(outcome);
  const stepCount = options.steps ?? 3;
  if (!Number.isInteger(stepCount) || stepCount < 0)
    throw new RangeError(`steps must be an integer >= 0, got ${stepCount}`);
  const stepMs = options.stepMs ?? 100;
  const at = (stage: number) => createdAtMs + stage * stepMs;
  const startedAt = formatNaiveTimestamp(at(1));
  const stages: TimedView[] = [{ atMs: 0, view: base }];
  const steps: BrowserUseTaskStepView[] = [];
  stages.push({ atMs: stepMs, view: { ...base, status: 'started', startedAt, cost: cost(0) } });
  for (let index = 1; index <= stepCount; index++) {
    steps.push(createStep(base.id, index, stepMs));
    stages.push({
      atMs: (index + 1) * stepMs,
      view: { ...base, status: 'started', startedAt, steps: [...steps], cost: cost(index) },
    });
  }
  const end = stepCount + 2;
  const final: BrowserUseTaskView = {
    ...base,
    status: finalStatus,
    startedAt,
    finishedAt: formatNaiveTimestamp(at(end)),
    steps: [...steps],
    cost: cost(stepCount),
  };
  if (finalStatus === 'finished') {
    final.output =
      options.output ?? `The top story is "Show HN: A sandbox for browser agents" (${stepCount} steps)`;
    final.outputFiles = [{ id: randomUUID(), fileName: 'output.md' }];
    final.isSuccess = true;
  } else if (finalStatus === 'failed') {
    final.output =
      options.error ??
      options.output ??
      'The agent failed: 3 consecutive errors on https://news.ycombinator.com/';
    final.isSuccess = false;
  } else {
    final.output = options.error ?? options.output ?? null;
  }
  stages.push({ atMs: end * stepMs, view: final });
  return stages;
}

/** `outcome` as a JavaScript caller may pass it: the two words Browser Use cannot express get their own message. */
function finalStatusOf(outcome: SandboxOutcome | 'timed_out' | 'paused'): BrowserUseTaskStatus {
  switch (outcome) {
    case 'succeeded':
      return 'finished';
    case 'failed':
      return 'failed';
    case 'cancelled':
      return 'stopped';
    case 'timed_out':
    case 'paused':
      throw new InvalidArgumentError({
        argument: 'outcome',
        message:
          `Browser Use has no task status for "${outcome}" (its words are created, started, finished, failed, stopped); ` +
          `use outcome 'succeeded', 'failed' or 'cancelled', or write the stages yourself with the \`stages\` option`,
      });
    default: {
      const exhaustive: never = outcome;
      throw new InvalidArgumentError({
        argument: 'outcome',
        message: `outcome must be 'succeeded', 'failed' or 'cancelled', got ${JSON.stringify(exhaustive)}`,
      });
    }
  }
}

function createStep(taskId: string, number: number, stepMs: number): BrowserUseTaskStepView {
  const page = PAGES[(number - 1) % PAGES.length]!;
  return {
    number,
    memory: `Step ${number}: ${number === 1 ? 'starting on a blank page' : 'on the Hacker News front page'}.`,
    evaluationPreviousGoal:
      number === 1 ? 'Unknown - this is the first step' : 'Success - the page is as expected',
    nextGoal: page.goal,
    url: page.url,
    screenshotUrl: `https://sandbox.browser-use.invalid/screenshots/${taskId}/${number}.png`,
    actions: [JSON.stringify(page.action)],
    duration: stepMs / 1000,
  };
}

function cost(steps: number): string {
  const units = START_COST + STEP_COST * steps;
  return `${Math.floor(units / 10_000)}.${String(units % 10_000).padStart(4, '0')}`;
}
