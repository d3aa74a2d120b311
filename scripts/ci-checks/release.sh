#!/usr/bin/env bash
# CI hook (.ci/run runs every scripts/ci-checks/*.sh from the repo root): the end-to-end release check.
# scripts/release-check.mjs counts its own checks into .ci/results/release.json; this hook exits non-zero
# only when the check crashed before writing that file (then .ci/run counts one failure).
set -uo pipefail
cd "$(dirname "$0")/../.."
results=.ci/results/release.json
rm -f "$results"
node scripts/release-check.mjs
status=$?
if [ -f "$results" ]; then
  exit 0
fi
echo "release check: exited with $status before writing $results" >&2
exit 1
