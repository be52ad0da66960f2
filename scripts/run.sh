#!/usr/bin/env bash
# The run command: installs what is missing, builds, and runs what exists of the system.
# Today that is the survey core: it loads the survey definition and the regions with their
# targets, validates a sample survey, and computes the indicator figures of a sample city.
# (The server with its embedded SQLite store and the app come with later work; this script
# will then start them.)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=deps.sh
source scripts/deps.sh
gx_install_deps
export GX_BUILD_DIR=${GX_BUILD_DIR:-build}
scripts/build.sh >/dev/null
tool="$GX_BUILD_DIR/tools/gengxin-forms/gengxin-forms"
"$tool" check
echo
# The sample draft has problems on purpose: validate exits 1 and lists them.
"$tool" validate survey assets/demo/survey-draft.json --submit --today 2024-11-20 || true
echo
"$tool" figures assets/demo/sample-city.json
