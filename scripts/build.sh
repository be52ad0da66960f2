#!/usr/bin/env bash
# Configures and builds everything into build/ (Ninja, two jobs: the machines have two cores).
# Extra arguments go to cmake's configure step, e.g. -DGX_WERROR=ON.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${GX_BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -G Ninja "$@" >"$BUILD_DIR.configure.log" 2>&1 \
    || { cat "$BUILD_DIR.configure.log" >&2; exit 1; }
ninja -C "$BUILD_DIR" -j "${GX_JOBS:-2}"
