#!/usr/bin/env bash
# Proves `pnpm new-provider` in CI: in a temporary copy of the repo (no node_modules, dist, .turbo), it
# scaffolds a throwaway provider, installs from the warm pnpm store, then builds, type-checks, lints and
# tests the new package as generated. Each step below is one check; the counts go to
# .ci/results/new-provider.json as {"name":"new-provider scaffold","passed":N,"failed":M}.
# Run from the repo root (as .ci/run does), after build and lint. Takes well under 3 minutes.
set -uo pipefail

root=$(pwd)
name=acme-agent
package="@x/$name"
results="$root/.ci/results"
mkdir -p "$results"
started=$(date +%s)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/new-provider-check.XXXXXX")
log="$tmp.log"
trap 'rm -rf "$tmp" "$log"' EXIT
passed=0
failed=0

# check <label> <seconds> <command...>: runs in the temporary copy, counts a pass or a failure.
check() {
  local label=$1 limit=$2
  shift 2
  local begin=$SECONDS
  if (cd "$tmp" && timeout --kill-after=10 "$limit" "$@") >"$log" 2>&1; then
    passed=$((passed + 1))
    printf '  ok    %-44s %3ss\n' "$label" "$((SECONDS - begin))"
  else
    failed=$((failed + 1))
    printf '  FAIL  %-44s %3ss\n' "$label" "$((SECONDS - begin))"
    tail -n 40 "$log" | sed 's/^/        /'
  fi
}

# expect_exit <label> <code> <command...>: the command must end with exactly this exit code.
expect_exit() {
  local label=$1 code=$2
  shift 2
  check "$label" 30 bash -c '"$@"; test $? -eq '"$code" _ "$@"
}

# The store is warm in CI (the main install ran first); --offline never reaches the registry.
install='pnpm install --offline --frozen-lockfile=false --reporter=silent || pnpm install --prefer-offline --frozen-lockfile=false --reporter=silent'

echo "new-provider: copying the repo to $tmp"
tar -C "$root" \
  --exclude=./node_modules --exclude='*/node_modules' --exclude='./.ci/.tools' --exclude='./.ci/results' \
  --exclude='*/dist' --exclude='*/.turbo' --exclude='./.turbo' --exclude='*/test-results.json' \
  -cf - . | tar -C "$tmp" -xf -

check "pnpm install (offline, warm store)" 120 bash -c "$install"
check "what it writes (names, exports, files, changeset)" 30 node scripts/check-new-provider-output.mjs .
expect_exit "rejects an invalid name (Acme_Agent)" 1 node scripts/new-provider.mjs Acme_Agent
expect_exit "rejects an existing provider (anchor)" 1 node scripts/new-provider.mjs anchor
check "--dry-run writes nothing" 30 bash -c \
  "node scripts/new-provider.mjs $name --dry-run && test ! -e packages/$name && test ! -e .changeset/$name-first-release.md"
# As an author would: scaffold in an installed repo (the scaffolder formats with its biome), then install.
check "pnpm new-provider $name" 30 node scripts/new-provider.mjs "$name"
check "pnpm install (links $package)" 120 bash -c "$install"
check "biome check $package" 60 pnpm exec biome check "packages/$name"
check "build @x/core, then $package" 120 bash -c "pnpm --filter @x/core --fail-if-no-match build && pnpm --filter $package --fail-if-no-match build"
check "typecheck $package" 60 pnpm --filter "$package" --fail-if-no-match typecheck
check "publint --strict, attw --pack $package" 90 bash -c "pnpm --filter $package --fail-if-no-match publint && pnpm --filter $package --fail-if-no-match attw"
check "test $package (unit + conformance kit)" 120 pnpm --filter "$package" --fail-if-no-match test

tests=$(node -e "try{const r=require('$tmp/packages/$name/test-results.json');console.log(r.numPassedTests+' passed, '+r.numFailedTests+' failed')}catch{console.log('no report')}")
# The generated package's own tests must have run and passed some: no report, or nothing passed, fails.
if [[ "$tests" == "no report" || "$tests" == "0 passed,"* ]]; then
  failed=$((failed + 1))
  echo "  FAIL  the generated package's tests left no report with passed tests ($tests)"
fi
echo "new-provider: $package tests: $tests; $passed checks passed, $failed failed in $(($(date +%s) - started))s"
printf '{"name":"new-provider scaffold","passed":%d,"failed":%d}\n' "$passed" "$failed" >"$results/new-provider.json"
# The failures are counted in that file; a non-zero exit would count them once more (.ci/run).
exit 0
