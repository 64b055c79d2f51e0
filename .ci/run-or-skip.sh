# Sourced by e2e/ci.sh and compat/cdktn/ci.sh. run_or_skip WARNING SKIPPED FAILED command...: runs
# the command; its exit 3 (cannot run on this machine) is a loud skip, never a pass; any other
# failure fails CI with its exit code.
run_or_skip() {
  local warning=$1 skipped=$2 failed=$3
  shift 3
  "$@"
  local status=$?
  if [ "$status" -eq 3 ]; then
    echo "::warning::$warning"
    echo "=== $skipped ==="
  elif [ "$status" -ne 0 ]; then
    echo "=== $failed: exit $status ==="
    exit "$status"
  fi
}
