#!/usr/bin/env bash
# CI hook (.ci/run runs every scripts/ci-checks/*.sh from the repo root): proves scripts/ci-summary.mjs,
# which prints the closing `Tests:` line, counts honestly (skips, crashes, missing reports, no tests).
# Writes .ci/results/ci-summary.json; exits non-zero only if the check itself crashed.
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p .ci/results
node scripts/check-ci-summary.mjs .ci/results/ci-summary.json
