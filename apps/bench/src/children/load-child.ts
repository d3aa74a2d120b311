// Child process: loads ONE client, warms it up, then keeps 100 calls in flight for a fixed time,
// and reports its peak RSS (the kernel's high-water mark for this process).
import type { BodyServerInfo } from '../lib/bench-setup';
import { runConcurrentFor, runSequential } from '../lib/run-load';
import { findTarget } from '../lib/targets';

const [targetId = '', infoJSON = '{}', loadMsText = '1000', inFlightText = '100'] = process.argv.slice(2);
const info = JSON.parse(infoJSON) as BodyServerInfo;
const target = findTarget(targetId);
const call = await target.create(info);
await runSequential(call, 100);
const rssBeforeLoad = process.memoryUsage().rss;
const { calls, wallMs } = await runConcurrentFor(call, Number(loadMsText), Number(inFlightText));
const maxRssBytes = process.resourceUsage().maxRSS * 1024;
process.send?.({ type: 'result', targetId, maxRssBytes, rssBeforeLoad, calls, wallMs });
process.disconnect?.();
