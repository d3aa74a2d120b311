// Child process: the three vendor sandboxes (@x/<vendor>/testing), each a real HTTP server on
// 127.0.0.1. On "create" it scripts the tasks of the polling benchmark and answers with their string
// references and end times; on "counts" with the requests each sandbox received.
import { createAnchorSandbox } from '@x/anchor/testing';
import { createBrowserUseSandbox } from '@x/browser-use/testing';
import { createBrowserAISandbox } from '@x/browserai/testing';
import { BENCH_API_KEY } from '../lib/bench-setup';
import { lifecycle, type PlannedTask, type PollingSettings, seededRandom } from '../lib/polling-plan';
import type { Vendor } from '../lib/targets';

const sandboxes = {
  'browser-use': await createBrowserUseSandbox({ apiKey: BENCH_API_KEY }),
  anchor: await createAnchorSandbox({ apiKey: BENCH_API_KEY }),
  browserai: await createBrowserAISandbox({ apiKey: BENCH_API_KEY }),
};
const vendors = Object.keys(sandboxes) as Vendor[];

function createTasks(settings: PollingSettings): {
  tasks: PlannedTask[];
  minimumRequests: number;
  endOnlyRequests: number;
} {
  const random = seededRandom(settings.seed);
  const tasks: PlannedTask[] = [];
  let minimumRequests = 0;
  let endOnlyRequests = 0;
  for (let index = 0; index < settings.tasks; index++) {
    const vendor = vendors[index % vendors.length]!;
    const stepMs = Math.round(settings.stepMsMin + random() * (settings.stepMsMax - settings.stepMsMin));
    const options = { steps: settings.steps, stepMs };
    let ref: string;
    const createdAt = Date.now();
    if (vendor === 'browser-use') ref = `browser-use:${sandboxes['browser-use'].createTask(options)}`;
    else if (vendor === 'anchor') {
      const { taskId, executionId } = sandboxes.anchor.createTask(options);
      ref = `anchor:${taskId}/${executionId}`;
    } else ref = `browserai:${sandboxes.browserai.createTask(options)}`;
    const plan = lifecycle(vendor, settings.steps, stepMs);
    minimumRequests += plan.visibleStates + plan.extraRequestsAtEnd;
    endOnlyRequests += 1 + plan.extraRequestsAtEnd;
    tasks.push({ ref, vendor, endsAt: createdAt + plan.endsAfterMs });
  }
  return { tasks, minimumRequests, endOnlyRequests };
}

process.on('message', (message: { type: string; settings?: PollingSettings }) => {
  if (message.type === 'create') {
    for (const sandbox of Object.values(sandboxes)) sandbox.server.clearRequests();
    process.send?.({ type: 'created', ...createTasks(message.settings!) });
  } else if (message.type === 'counts') {
    const counts = Object.fromEntries(
      vendors.map((vendor) => [vendor, sandboxes[vendor].server.countRequests()]),
    );
    process.send?.({ type: 'counts', counts });
  }
});
process.on('disconnect', async () => {
  await Promise.all(Object.values(sandboxes).map((sandbox) => sandbox.close()));
  process.exit(0);
});
process.send?.({
  type: 'ready',
  baseURLs: Object.fromEntries(vendors.map((vendor) => [vendor, sandboxes[vendor].baseURL])),
});
