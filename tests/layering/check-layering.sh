#!/usr/bin/env bash
# Builds each layering probe (tests/layering/CMakeLists.txt) and checks its outcome:
# "ok" probes must compile; "refused" probes must fail with "No such file" for their header.
# Usage: check-layering.sh CMAKE BUILD_DIR NAME:EXPECT:HEADER...
set -uo pipefail
cmake=$1 build=$2
shift 2
failed=0
for probe in "$@"; do
    IFS=: read -r name expect header <<<"$probe"
    out=$("$cmake" --build "$build" --target "$name" 2>&1)
    status=$?
    if [ "$expect" = ok ]; then
        if [ $status -ne 0 ]; then
            echo "FAIL $name: '$header' should compile:"; echo "$out" | tail -20; failed=1
        else
            echo "ok   $name: '$header' compiles"
        fi
    elif [ $status -eq 0 ]; then
        echo "FAIL $name: '$header' compiled, but the layering forbids it"; failed=1
    elif ! grep -q "$header: No such file" <<<"$out"; then
        echo "FAIL $name: failed for another reason than the missing '$header':"
        echo "$out" | tail -20; failed=1
    else
        echo "ok   $name: '$header' is not visible"
    fi
done
exit $failed
