#!/usr/bin/env bash
# The kill soak: runs the kill test (tests/e2e/tst_e2e_kill) with many trials against a real
# gengxin-server, each trial SIGKILLing the device driver at a random point of a session
# (mid-edit, mid-push, mid-pull, mid-upload), restarting it and syncing to the end, then checking
# that every edit it reported saved is on the server exactly once. Prints one line:
#   trials N, lost L, duplicated D
# and exits 0 only when L and D are 0.
# Usage: scripts/soak.sh [TRIALS (default 200, at most 599)] [SEED (default: the time)]
set -euo pipefail
cd "$(dirname "$0")/.."
trials=${1:-200}
seed=${2:-$(date +%s)}
build=${GX_BUILD_DIR:-build}
if [ ! -x "$build/tests/e2e/tst_e2e_kill" ] || [ "${GX_SOAK_BUILD:-1}" = 1 ]; then
    cmake -S . -B "$build" -G Ninja >"$build.configure.log" 2>&1 \
        || { cat "$build.configure.log" >&2; exit 1; }
    ninja -C "$build" -j "${GX_JOBS:-2}" tst_e2e_kill gx_device_driver gengxin-server >/dev/null
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
GX_KILL_TRIALS=$trials GX_KILL_SEED=$seed \
GX_ASSETS_DIR=$PWD/assets \
GX_SERVER_BIN=$build/sync/gengxin-server GX_DRIVER_BIN=$build/tests/e2e/gx_device_driver \
    "$build/tests/e2e/tst_e2e_kill" >"$log" 2>&1 || status=$?
line=$(grep -o 'trials [0-9]*, lost [0-9]*, duplicated [0-9]*' "$log" | tail -1 || true)
where=$(grep -o 'killed after: .*' "$log" | tail -1 || true)
if [ -z "$line" ]; then
    echo "the kill test did not finish (seed $seed):" >&2
    tail -40 "$log" >&2
    exit 1
fi
echo "$line"
echo "($where; seed $seed)"
if [ "$status" -ne 0 ]; then
    grep -E 'WARN|FAIL' "$log" | head -40 >&2
fi
exit "$status"
