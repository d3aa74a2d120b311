// Child process: loads ONE client, warms it up, then makes a fixed number of calls with 100 in
// flight (the same work for every client), and reports its peak RSS (the kernel's high-water mark).
import type { BodyServerInfo } from '../lib/bench-setup';
import { runConcurrent, runSequential } from '../lib/run-load';
import { findTarget } from '../lib/targets';

const [targetId = '', infoJSON = '{}', callsText = '1500', inFlightText = '100'] = process.argv.slice(2);
const info = JSON.parse(infoJSON) as BodyServerInfo;
const target = findTarget(targetId);
const call = await target.create(info);
await runSequential(call, 100);
const rssBeforeLoad = process.memoryUsage().rss;
const calls = Number(callsText);
const wallMs = await runConcurrent(call, calls, Number(inFlightText));
const maxRssBytes = process.resourceUsage().maxRSS * 1024;
process.send?.({ type: 'result', targetId, maxRssBytes, rssBeforeLoad, calls, wallMs });
process.disconnect?.();
