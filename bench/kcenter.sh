#!/usr/bin/env bash
# k-center greedy (farthest-first) on N x 64 clustered unit vectors: Winnow (float32 and int8
# storage) against the same loop in NumPy (diff and BLAS forms), on the same .npy file.
# Prints wall time, peak memory, ms per pick, the k-center radius and how many picks agree.
#
# Usage: bench/kcenter.sh N PICKS        (for example: bench/kcenter.sh 1000000 1000)
# Builds the bench jar when it is missing (or set WINNOW_BENCH_JAR)
set -euo pipefail

N=${1:?usage: bench/kcenter.sh N PICKS}
PICKS=${2:?usage: bench/kcenter.sh N PICKS}
DIM=64
SEED=42
THREADS=${THREADS:-$(nproc)}
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ROOT=$winnow_root
JAR=$bench_jar
DATA=$ROOT/bench-data/kcenter-$N
JAVA_OPTS=${JAVA_OPTS:--Xmx6g}

require_jars "$JAR"
mkdir -p "$DATA"
if [ ! -f "$DATA/embeddings.npy" ]; then
  java -cp "$JAR" dev.winnow.bench.selection.ClusteredEmbeddings "$N" "$DIM" "$SEED" "$DATA/embeddings.npy"
fi

# Runs a command under /usr/bin/time -v; prints "label | wall s | peak MB | its own output".
measure() {
  local label=$1; shift
  local log=$DATA/$label.time
  local out
  if ! out=$(/usr/bin/time -v "$@" 2>"$log" | tail -n 1); then
    echo "kcenter.sh: $label failed; its output is in $log" >&2
    tail -n 30 "$log" >&2
    exit 1
  fi
  echo "$out" >"$DATA/$label.out"
  local wall rss
  wall=$(wall_seconds "$log")
  rss=$(peak_rss_mb "$log")
  printf '%-16s | %8s | %7s | %s\n' "$label" "$wall" "$rss" "$out"
}

printf '%-16s | %8s | %7s | %s\n' "run" "wall s" "peak MB" "details"
measure winnow-float32 java $JAVA_OPTS --add-modules jdk.incubator.vector -cp "$JAR" dev.winnow.bench.selection.KCenterRun \
  "$DATA/embeddings.npy" "$PICKS" FLOAT32 "$THREADS" 7 "$DATA/picks-float32.txt"
measure winnow-int8 java $JAVA_OPTS --add-modules jdk.incubator.vector -cp "$JAR" dev.winnow.bench.selection.KCenterRun \
  "$DATA/embeddings.npy" "$PICKS" INT8 "$THREADS" 7 "$DATA/picks-int8.txt"
FIRST=$(head -n 1 "$DATA/picks-float32.txt")
measure numpy-diff python3 "$ROOT/bench/kcenter_numpy.py" "$DATA/embeddings.npy" "$PICKS" "$FIRST" "$DATA/picks-numpy-diff.txt" --method diff
measure numpy-dot python3 "$ROOT/bench/kcenter_numpy.py" "$DATA/embeddings.npy" "$PICKS" "$FIRST" "$DATA/picks-numpy-dot.txt" --method dot

python3 - "$DATA" <<'PY'
import sys
d = sys.argv[1]
def load(name):
    return [int(l) for l in open(f"{d}/picks-{name}.txt") if l.strip()]
def radius(label):
    for field in open(f"{d}/{label}.out").read().split():
        if field.startswith("radius="):
            return float(field[len("radius="):])
ref = load("numpy-diff")
ref_radius = radius("numpy-diff")
for name, label in (("float32", "winnow-float32"), ("int8", "winnow-int8"), ("numpy-dot", "numpy-dot")):
    p = load(name)
    same_prefix = next((i for i, (a, b) in enumerate(zip(p, ref)) if a != b), min(len(p), len(ref)))
    common = len(set(p) & set(ref))
    print(f"{label:16s} vs numpy-diff: identical first {same_prefix} of {len(ref)} picks, {common} in common, "
          f"radius ratio {radius(label) / ref_radius:.4f}")
PY
