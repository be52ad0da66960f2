#!/usr/bin/env bash
# Renders every screen at phone size (360x740) in English (docs/screenshots/NAME-en-360x740.png)
# and in Chinese with the font 1.5 times as large (NAME-large-360x740.png), to look for text
# that is cut off, overlapping or untranslated. Takes the environment of scripts/screenshots.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
failed=0
GX_SIZES=360x740 GX_EXTRA_SIZES=0 GX_LANG=en GX_SUFFIX=-en scripts/screenshots.sh || failed=1
GX_SIZES=360x740 GX_EXTRA_SIZES=0 GX_FONT_SCALE=1.5 GX_SUFFIX=-large scripts/screenshots.sh \
    || failed=1
exit "$failed"
