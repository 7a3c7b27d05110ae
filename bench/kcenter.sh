#!/usr/bin/env bash
# k-center greedy (farthest-first) on N x 64 clustered unit vectors, in one interleaved run:
# NumPy's BLAS form (the status quo, with the OpenBLAS overrides of the environment removed),
# the memory-bandwidth floor (ReadFloor: all threads merely reading an array of the size a pass
# reads) and Winnow's fused pass with int8 and float32 storage. Each repetition runs the four in
# turn (numpy, floor, int8, float32), so a busy machine slows them alike; the summary takes the
# median of the repetitions, checks that every run picked the same rows in the same order, and
# prints the load average seen before each measurement.
#
# Winnow reads the rows memory-mapped from the .npy file: the int8 runs hold only their compact
# copy on the heap (INT8_JAVA_OPTS, default -Xmx1800m), the float32 runs a float32 copy
# (JAVA_OPTS, default -Xmx3500m, enough for 10M x 64).
#
# Usage: bench/kcenter.sh N PICKS [REPS]      (for example: bench/kcenter.sh 1000000 1000 3)
# THREADS (default: all cores), NUMPY_ENV_UNSET (the variables removed for NumPy; default
# OPENBLAS_CORETYPE OPENBLAS_L2_SIZE). Builds the bench jar when it is missing.
set -euo pipefail

N=${1:?usage: bench/kcenter.sh N PICKS [REPS]}
PICKS=${2:?usage: bench/kcenter.sh N PICKS [REPS]}
REPS=${3:-3}
DIM=64
SEED=42
THREADS=${THREADS:-$(nproc)}
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ROOT=$winnow_root
JAR=$bench_jar
# WINNOW_BENCH_CP runs freshly compiled classes ahead of the jar (a colon-separated class path).
CP=${WINNOW_BENCH_CP:-$JAR}
DATA=$ROOT/bench-data/kcenter-$N
JAVA_OPTS=${JAVA_OPTS:--Xmx3500m}
INT8_JAVA_OPTS=${INT8_JAVA_OPTS:--Xmx1800m}
NUMPY_ENV_UNSET=${NUMPY_ENV_UNSET:-OPENBLAS_CORETYPE OPENBLAS_L2_SIZE}

require_jars "$JAR"
mkdir -p "$DATA"
if [ ! -f "$DATA/embeddings.npy" ]; then
  java -cp "$JAR" dev.winnow.bench.selection.ClusteredEmbeddings "$N" "$DIM" "$SEED" "$DATA/embeddings.npy"
fi
unset_args=()
for v in $NUMPY_ENV_UNSET; do unset_args+=(-u "$v"); done

RESULTS=$DATA/results.txt
: >"$RESULTS"

# measure LABEL REP COMMAND...: runs it under /usr/bin/time -v, appends "LABEL REP load=... wall_s=...
# rss_mb=... <its last line>" to the results and prints it.
measure() {
  local label=$1 rep=$2; shift 2
  local log=$DATA/$label-$rep.time load out
  load=$(cut -d' ' -f1 /proc/loadavg)
  if ! out=$(/usr/bin/time -v "$@" 2>"$log" | tail -n 1); then
    echo "kcenter.sh: $label failed; its output is in $log" >&2
    tail -n 30 "$log" >&2
    exit 1
  fi
  local line="$label $rep load=$load wall_s=$(wall_seconds "$log") rss_mb=$(peak_rss_mb "$log") $out"
  echo "$line" | tee -a "$RESULTS"
}

# shellcheck disable=SC2206
winnow=(java $JAVA_OPTS --add-modules jdk.incubator.vector -cp "$CP" dev.winnow.bench.selection.KCenterRun)
# shellcheck disable=SC2206
winnow_int8=(java $INT8_JAVA_OPTS --add-modules jdk.incubator.vector -cp "$CP" dev.winnow.bench.selection.KCenterRun)

# The first pick is the one Winnow's seed draws; NumPy starts from it.
"${winnow_int8[@]}" "$DATA/embeddings.npy" 1 INT8 "$THREADS" 7 "$DATA/picks-first.txt" mapped >/dev/null 2>&1
FIRST=$(head -n 1 "$DATA/picks-first.txt")

echo "N=$N picks=$PICKS reps=$REPS threads=$THREADS $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores"
echo "numpy: $(env "${unset_args[@]}" python3 -c 'import numpy; print(numpy.__version__)') with ${NUMPY_ENV_UNSET} unset"
for rep in $(seq 1 "$REPS"); do
  measure numpy-dot "$rep" env "${unset_args[@]}" python3 "$ROOT/bench/kcenter_numpy.py" \
    "$DATA/embeddings.npy" "$PICKS" "$FIRST" "$DATA/picks-numpy-dot-$rep.txt" --method dot --no-radius
  measure floor "$rep" java -Xmx3500m -cp "$CP" dev.winnow.bench.selection.ReadFloor "$N" "$DIM" "$THREADS" 9
  measure winnow-int8 "$rep" "${winnow_int8[@]}" "$DATA/embeddings.npy" "$PICKS" INT8 "$THREADS" 7 \
    "$DATA/picks-int8-$rep.txt" mapped
  measure winnow-float32 "$rep" "${winnow[@]}" "$DATA/embeddings.npy" "$PICKS" FLOAT32 "$THREADS" 7 \
    "$DATA/picks-float32-$rep.txt" mapped
done

python3 - "$DATA" "$REPS" <<'PY'
import statistics
import sys

d, reps = sys.argv[1], int(sys.argv[2])
runs = {}
for line in open(f"{d}/results.txt"):
    parts = line.split()
    fields = dict(p.split("=", 1) for p in parts[2:] if "=" in p)
    runs.setdefault(parts[0], []).append(fields)

def med(label, key):
    return statistics.median(float(r[key]) for r in runs[label])

numpy_ms = med("numpy-dot", "ms_per_pick")
print()
print("median of %d repetitions (load averages seen: %s)" % (
    reps, ", ".join(sorted({r["load"] for rs in runs.values() for r in rs}, key=float))))
for storage, key in (("int8", "int8"), ("float32", "float32")):
    ms = med(f"winnow-{storage}", "ms_per_pick")
    gbs = med(f"winnow-{storage}", "pass_gbs")
    floor = med("floor", f"floor_{key}_gbs")
    print(f"winnow {storage:7s}: {ms:8.3f} ms/pick, pass {gbs:6.2f} GB/s = {gbs / floor:.2f} of the floor "
          f"({floor:.2f} GB/s), {numpy_ms / ms:.2f}x numpy, peak {med(f'winnow-{storage}', 'rss_mb'):.0f} MB")
print(f"numpy dot     : {numpy_ms:8.3f} ms/pick, peak {med('numpy-dot', 'rss_mb'):.0f} MB")

def picks(name):
    return [int(l) for l in open(f"{d}/picks-{name}.txt") if l.strip()]
ref = picks("numpy-dot-1")
for name in [f"{k}-{r}" for k in ("numpy-dot", "int8", "float32") for r in range(1, reps + 1)]:
    p = picks(name)
    same = next((i for i, (a, b) in enumerate(zip(p, ref)) if a != b), min(len(p), len(ref)))
    print(f"picks {name:12s}: identical first {same} of {len(ref)}" + ("" if p == ref else "  <-- DIFFERENT"))
PY
