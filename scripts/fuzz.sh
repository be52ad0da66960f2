#!/usr/bin/env bash
# Fuzzes the server's input path in src/core (the push decoder and the validator) with libFuzzer,
# AddressSanitizer and UndefinedBehaviorSanitizer; see tests/fuzz/README.md.
#
# Usage: scripts/fuzz.sh [SECONDS] [--merge] [--target push|http]
#   SECONDS  how long to fuzz (default 60)
#   --target push (default): the push decoder and validator; http: the server's HTTP request
#            reader (sync/http/httprequestreader.h), seeds in tests/fuzz/corpus/http
#   --merge  afterwards, add the inputs that found new coverage to tests/fuzz/corpus/TARGET
#            (otherwise the seed corpus is never modified: the fuzzer works on a copy)
#
# Installs clang 14 and its libFuzzer/sanitizer runtimes when missing, configures build-fuzz-clang
# with -DGX_FUZZ=ON, builds fuzz_push, runs it on a copy of the seed corpus in a fresh work dir
# (build-fuzz-clang/fuzz-work/TIMESTAMP), prints executions, coverage and any crash files, and
# exits non-zero when the fuzzer found a crash, a leak, a timeout or undefined behaviour.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=60
merge=0
target=push
expect_target=0
for arg in "$@"; do
    if [ "$expect_target" -eq 1 ]; then
        case "$arg" in push|http) target=$arg ;; *) echo "fuzz.sh: --target push or http" >&2; exit 2 ;; esac
        expect_target=0
        continue
    fi
    case "$arg" in
        --merge) merge=1 ;;
        --target) expect_target=1 ;;
        -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        ''|*[!0-9]*) echo "fuzz.sh: unknown argument '$arg' (usage: fuzz.sh [SECONDS] [--merge])" >&2; exit 2 ;;
        *) seconds=$arg ;;
    esac
done
[ "$seconds" -gt 0 ] || { echo "fuzz.sh: SECONDS must be positive" >&2; exit 2; }

# clang-14 brings the compiler; libclang-rt-14-dev the libFuzzer, ASan and UBSan runtimes
# (libclang_rt.fuzzer-x86_64.a, libclang_rt.asan-x86_64.a, ...). Debian 12 package names.
FUZZ_PACKAGES=(clang-14 libclang-rt-14-dev)
missing=()
for p in "${FUZZ_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "fuzz.sh: run as root (or install sudo) to install: ${missing[*]}" >&2; exit 1; }
        sudo=sudo
    fi
    echo "fuzz.sh: installing ${missing[*]}"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

build=${GX_FUZZ_BUILD_DIR:-build-fuzz-clang}
# -O1 -g without NDEBUG: fast enough to fuzz, with assertions and readable stacks.
cmake -S . -B "$build" -G Ninja -DGX_FUZZ=ON -DGX_WERROR=ON \
      -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" >"$build.configure.log" 2>&1 \
    || { cat "$build.configure.log" >&2; exit 1; }
ninja -C "$build" -j "${GX_JOBS:-2}" "fuzz_$target"

seeds=tests/fuzz/corpus/$target
fuzzer="$build/tests/fuzz/fuzz_$target"
dict=()
[ "$target" = push ] && dict=(-dict=tests/fuzz/push.dict)
work="$PWD/$build/fuzz-work/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$work/corpus" "$work/artifacts"
cp "$seeds"/* "$work/corpus/"
log="$work/fuzz.log"
echo "fuzz.sh: fuzzing for ${seconds}s on a copy of $seeds in $work (log: $log)"

export GX_ASSETS_DIR="$PWD/assets"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1:quarantine_size_mb=64}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
"$fuzzer" "$work/corpus" \
    "${dict[@]}" -max_len=65536 -max_total_time="$seconds" \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/" >"$log" 2>&1 || status=$?

# The last status line ("#N DONE cov: C ft: F corp: ...") and the final stats.
last=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
echo "fuzz.sh: ran ${seconds}s: ${execs:-?} executions, ${rate:-?} exec/s"
echo "fuzz.sh: last status: ${last:-none}"
echo "fuzz.sh: corpus now $(find "$work/corpus" -type f | wc -l) inputs (seeds: $(find "$seeds" -type f | wc -l))"

mapfile -t found < <(find "$work/artifacts" -type f | sort)
if [ ${#found[@]} -gt 0 ] || [ "$status" -ne 0 ]; then
    echo "fuzz.sh: FAILED (fuzzer exit status $status); artifacts:" >&2
    printf '  %s\n' "${found[@]}" >&2
    grep -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|fuzz_(push|http): ' "$log" | head -n 20 >&2 || true
    echo "fuzz.sh: reproduce with: GX_ASSETS_DIR=$GX_ASSETS_DIR $fuzzer FILE" >&2
    echo "fuzz.sh: minimise with: $fuzzer -minimize_crash=1 -runs=10000 FILE" >&2
    exit 1
fi

if [ "$merge" -eq 1 ]; then
    before=$(find "$seeds" -type f | wc -l)
    "$fuzzer" -merge=1 -max_len=65536 "$seeds" "$work/corpus" >"$work/merge.log" 2>&1
    echo "fuzz.sh: merged $(( $(find "$seeds" -type f | wc -l) - before )) new inputs into $seeds"
fi
echo "fuzz.sh: no crash"
