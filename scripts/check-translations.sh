#!/usr/bin/env bash
# Checks that every string the UI shows has its Chinese translation: lupdate scans qml/ and
# src/app into a merged copy of assets/i18n/*_zh_CN.ts, and any message it finds new (or left
# unfinished) is listed and fails the check. Part of the test command (ctest, label qml).
# Usage: scripts/check-translations.sh [LUPDATE [LCONVERT]]
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=${1:-/usr/lib/qt6/bin/lupdate}
lconvert=${2:-/usr/lib/qt6/bin/lconvert}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$lconvert" -i assets/i18n/*_zh_CN.ts -o "$tmp/all_zh_CN.ts"
"$lupdate" -silent -locations none -I src qml src/app -ts "$tmp/all_zh_CN.ts" -no-obsolete
missing=$(grep -c 'type="unfinished"' "$tmp/all_zh_CN.ts" || true)
if [ "$missing" -ne 0 ]; then
    echo "translations: $missing string(s) without a Chinese translation:" >&2
    grep -B4 'type="unfinished"' "$tmp/all_zh_CN.ts" | grep -E '<name>|<source>' >&2
    exit 1
fi
echo "translations: every string of qml/ and src/app has its zh_CN translation"
