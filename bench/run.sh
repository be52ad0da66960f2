#!/usr/bin/env bash
# The one benchmark script: builds the benchmarks in Release and runs them, each printing its
# figures beside a floor measured in the same run, as a ratio. Nothing is asserted.
#   bench/run.sh              every benchmark
#   bench/run.sh bench_store  only those named
# GX_BENCH_BUILD_DIR (default build-bench) is the build directory; the databases of the runs go
# there too, on the disk the build lives on (use a real disk: fsync is part of what is measured).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${GX_BENCH_BUILD_DIR:-build-bench}
all=(bench_store bench_sync bench_server bench_app)
benches=("$@")
[ ${#benches[@]} -gt 0 ] || benches=("${all[@]}")

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DGX_BUILD_TESTS=OFF >/dev/null
ninja -C "$build" "${benches[@]}" >/dev/null
for bench in "${benches[@]}"; do
    echo "== $bench ($(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores)"
    case "$bench" in
        bench_store) "$build/bench/bench_store" --dir "$build" ;;
        bench_sync) "$build/bench/bench_sync" --dir "$build" ;;
        bench_server)
            # SQLite, then PostgreSQL 15 when installed (scripts/with-postgres.sh).
            # GX_BENCH_SERVER_ARGS passes options, e.g. "--scale 0.1 --seconds 10".
            "$build/bench/bench_server" --dir "$build" ${GX_BENCH_SERVER_ARGS:-}
            if [ -x /usr/lib/postgresql/15/bin/initdb ]; then
                scripts/with-postgres.sh "$build/bench/bench_server" --dir "$build" \
                    --backend postgres ${GX_BENCH_SERVER_ARGS:-}
            fi ;;
        *) "$build/bench/$bench" ;;
    esac
    echo
done
