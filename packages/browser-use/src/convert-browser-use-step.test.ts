import { describe, expect, it } from 'vitest';
import type { BrowserUseTaskStepView } from './browser-use-api-types';
import { convertBrowserUseStep } from './convert-browser-use-step';

const step: BrowserUseTaskStepView = {
  number: 3,
  memory: 'm',
  evaluationPreviousGoal: 'e',
  nextGoal: 'g',
  url: 'https://x',
  screenshotUrl: 'https://s/3.png',
  actions: ['{"click":{"index":1}}', 'done'],
  duration: 1.2345,
};

describe('convertBrowserUseStep', () => {
  it('sets the fields in the order of TaskStep', () => {
    expect(Object.entries(convertBrowserUseStep(step))).toEqual([
      ['index', 3],
      ['url', 'https://x'],
      ['goal', 'g'],
      ['evaluation', 'e'],
      ['memory', 'm'],
      ['actions', [{ click: { index: 1 } }, 'done']],
      ['screenshotUrl', 'https://s/3.png'],
      ['durationMs', 1235],
      ['raw', step],
    ]);
  });

  it('leaves out what is missing or of another type, and durations that are negative or too large', () => {
    const odd = { number: 1, memory: null, nextGoal: 5, url: undefined, screenshotUrl: null, actions: null };
    for (const duration of [undefined, null, -1, Number.NaN, Number.POSITIVE_INFINITY, 1e308, '2']) {
      const converted = convertBrowserUseStep({ ...odd, duration } as unknown as BrowserUseTaskStepView);
      expect(Object.keys(converted)).toEqual(['index', 'raw']);
    }
    expect(convertBrowserUseStep({ ...step, duration: 0 }).durationMs).toBe(0);
  });
});
