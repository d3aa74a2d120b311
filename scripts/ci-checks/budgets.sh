#!/usr/bin/env bash
# Deterministic size budgets of each provider package (see docs/benchmarks.md and apps/bench):
#   - zero runtime dependencies outside the workspace: the provider and @x/core declare only @x/*,
#     and a fresh install of the provider brings exactly the provider and @x/core;
#   - bytes installed for one provider + @x/core (packed with `pnpm pack`, installed with
#     `npm install --offline` into a fresh project: no registry needed);
#   - min+gz size of a program calling one provider's getTask (esbuild, platform node, minify; gzip -9).
# The two sizes fail CI above CEILINGS in apps/bench/src/lib/goals.ts (today's sizes plus a margin);
# the issue's budgets (< 100 KB, < 5 KB) are missed today and only printed, as TARGET MISS lines.
# Runs from the repo root after the build (.ci/run), in well under 60 s. Writes
# .ci/results/budgets.json = {"name":"budgets","passed":N,"failed":M}; a missed budget counts as a
# failed check there (and the script exits 0); the script exits non-zero only when it cannot measure.
set -euo pipefail
cd "$(dirname "$0")/../.."
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1 NO_UPDATE_NOTIFIER=1

if [ ! -f apps/bench/dist/check-budgets.js ]; then
  pnpm --filter bench build >/dev/null
fi
mkdir -p .ci/results
node apps/bench/dist/check-budgets.js .ci/results/budgets.json
