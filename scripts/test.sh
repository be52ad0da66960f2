#!/usr/bin/env bash
# The test command: installs what is missing, builds with warnings as errors, and runs every test
# suite (ctest), the formatting check included, with a throwaway PostgreSQL for the `pg` suites
# (started before and removed after, by with-postgres.sh). Exit status 0 only when all pass.
# Run one kind only with e.g.: scripts/test.sh -L unit
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=deps.sh
source scripts/deps.sh
gx_install_deps
export GX_BUILD_DIR=${GX_BUILD_DIR:-build}
scripts/build.sh -DGX_WERROR=ON
export QT_QPA_PLATFORM=offscreen
scripts/with-postgres.sh ctest --test-dir "$GX_BUILD_DIR" --output-on-failure -j 2 "$@"
