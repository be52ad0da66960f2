#!/usr/bin/env bash
# Fails when clang-format would change any C++ file of the project. Usage: check-format.sh [CLANG_FORMAT]
set -euo pipefail
cd "$(dirname "$0")/.."
cf=${1:-clang-format}
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    mapfile -t files < <(git ls-files -co --exclude-standard -- '*.cpp' '*.h')
else
    mapfile -t files < <(find src sync tests bench tools -name '*.cpp' -o -name '*.h' 2>/dev/null | sort)
fi
[ ${#files[@]} -gt 0 ] || { echo "no C++ files"; exit 0; }
if ! "$cf" --dry-run --Werror "${files[@]}"; then
    echo "clang-format: the files above need formatting (run: $cf -i FILE)" >&2
    exit 1
fi
echo "clang-format: ${#files[@]} files clean"
