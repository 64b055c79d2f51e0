#!/usr/bin/env bash
# The cdktn test in CI. `npm run test:cdktn` exits 3 when the npm registry cannot be reached to install
# cdktn, its CLI and Node 22 into the cache: reported as a loud skip, never as a pass. Any other
# failure fails CI.
set -uo pipefail
cd "$(dirname "$0")/../.."
source .ci/run-or-skip.sh
run_or_skip \
  "CDKTN SKIPPED: the npm registry cannot be reached (lines above)" \
  "CDKTN SKIPPED: npm registry unreachable; nothing was installed, compiled or synthesized" \
  "CDKTN FAILED" \
  npm run --silent test:cdktn
