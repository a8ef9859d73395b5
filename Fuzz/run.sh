#!/usr/bin/env bash
# Builds and runs one libFuzzer target, or all of them one after another.
#   Fuzz/run.sh TARGET [SECONDS] [extra libFuzzer flags...]
#   TARGET: csv | scenario | repl | json | all         SECONDS: default 600
# Environment: FUZZ_OUT (default /tmp/ba-fuzz) holds the binaries, the working corpora (seeded from
# Fuzz/corpus/TARGET, which is never written to), crash files and logs; FUZZ_JOBS parallel build jobs.
# The fuzzer runs under `nice -n 19` (the machine is shared); crashing inputs land in $FUZZ_OUT/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: Fuzz/run.sh csv|scenario|repl|all [SECONDS] [libFuzzer flags...]}"
seconds="${2:-600}"
shift $(( $# >= 2 ? 2 : 1 ))
out="${FUZZ_OUT:-/tmp/ba-fuzz}"

if [[ "$target" == all ]]; then
    for t in csv scenario repl json; do "$0" "$t" "$seconds" "$@"; done
    exit 0
fi

case "$target" in
    csv) harness="Fuzz/CSVFuzz.swift Fuzz/CSVReference.swift" ;;
    scenario) harness=Fuzz/ModelScenarioFuzz.swift ;;
    repl) harness=Fuzz/ReplFuzz.swift ;;
    json) harness=Fuzz/JSONFuzz.swift ;;
    *) echo "unknown target '$target' (csv, scenario, repl, json, all)" >&2; exit 64 ;;
esac

mkdir -p "$out/$target/corpus"
binary="$out/fuzz-$target"
sources=$(find Sources/BudgetAdvisor -name '*.swift' | sort)
kernel_sources=$(find Sources/ObjectiveKernel -name '*.swift' | sort)
kernels="$out/kernels"
if [[ ! -x "$binary" || -n "$(find Sources/BudgetAdvisor Sources/ObjectiveKernel $harness -newer "$binary" -name '*.swift' | head -1)" ]]; then
    echo "building $binary" >&2
    # The library imports the objective's chunk kernel as two modules built from one source, as in Package.swift:
    # ObjectiveKernel (baseline) and ObjectiveKernelAVX2 (-target-cpu haswell on x86-64).
    mkdir -p "$kernels"
    for module in ObjectiveKernel ObjectiveKernelAVX2; do
        cpu=()
        [[ "$module" == ObjectiveKernelAVX2 && "$(uname -m)" == x86_64 ]] && cpu=(-target-cpu haswell)
        # shellcheck disable=SC2086
        nice -n 19 swiftc -sanitize=fuzzer,address -parse-as-library -O -g -wmo -module-name "$module" "${cpu[@]}" \
            -emit-module -emit-module-path "$kernels/$module.swiftmodule" -c $kernel_sources -o "$kernels/$module.o"
    done
    # shellcheck disable=SC2086
    nice -n 19 swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name BudgetAdvisor -I "$kernels" \
        -j "${FUZZ_JOBS:-1}" $sources $harness "$kernels/ObjectiveKernel.o" "$kernels/ObjectiveKernelAVX2.o" \
        -o "$binary" 2>&1 | { grep -v "Cannot export local symbol" >&2 || true; }
fi

# The REPL harness keeps its fixtures in globals, which LeakSanitizer reports at exit (a harness artefact,
# not a leak in the library); leak checking stays on for the other targets.
extra=()
if [[ "$target" == repl ]]; then
    extra=(-detect_leaks=0)
    export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
fi
dictionary=()
[[ -f "Fuzz/$target.dict" ]] && dictionary=(-dict="$PWD/Fuzz/$target.dict")
export BA_FUZZ_SCENARIOS="$PWD/scenarios"
cd "$out/$target"
# -rss_limit_mb applies to the whole process; -malloc_limit_mb catches one huge allocation.
exec nice -n 19 "$binary" corpus "$OLDPWD/Fuzz/corpus/$target" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$out/$target/" "${dictionary[@]}" "${extra[@]}" "$@"
