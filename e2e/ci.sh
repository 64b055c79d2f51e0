#!/usr/bin/env bash
# The end-to-end test in CI, on the example config and on one with everything on. `npm run test:e2e`
# exits 3 when the Go module proxy will not serve a provider it needs: reported as a loud skip (this
# machine cannot run it), never as a pass. Any other failure fails CI.
set -uo pipefail
cd "$(dirname "$0")/.."
for config in config/example.json e2e/configs/everything-on.json; do
  OKTA_CLOUDFLARE_CONFIG="$config" npm run --silent test:e2e
  status=$?
  if [ "$status" -eq 3 ]; then
    echo "::warning::E2E SKIPPED for $config: providers unavailable from the Go module proxy (lines above)"
    echo "=== E2E SKIPPED ($config): providers unavailable; nothing was planned or applied ==="
  elif [ "$status" -ne 0 ]; then
    echo "=== E2E FAILED ($config): exit $status ==="
    exit "$status"
  fi
done
