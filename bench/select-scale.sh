#!/usr/bin/env bash
# A whole selection at scale: DIVERSITY (int8, rows memory-mapped from the .npy file) + WEIGHTS +
# BALANCE combined, on N x 64 clustered unit vectors (the data of bench/kcenter.sh). One process
# runs an untimed selection of PICKS_A picks, then timed ones of PICKS_A and PICKS_B picks; the
# difference gives the cost of one pick without the set-up, from which 10,000 picks are
# extrapolated when PICKS_B is smaller. Prints the load average, wall time, peak RSS and the line
# of SelectionScale (per-pick cost, set-up, peak heap).
#
# Usage: bench/select-scale.sh N PICKS_A PICKS_B     (for example: bench/select-scale.sh 1000000 500 2000)
# HEAP (default 3g), THREADS (default: all cores). Builds the bench jar when it is missing.
set -euo pipefail

N=${1:?usage: bench/select-scale.sh N PICKS_A PICKS_B}
PICKS_A=${2:?usage: bench/select-scale.sh N PICKS_A PICKS_B}
PICKS_B=${3:?usage: bench/select-scale.sh N PICKS_A PICKS_B}
THREADS=${THREADS:-$(nproc)}
HEAP=${HEAP:-3g}
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ROOT=$winnow_root
JAR=$bench_jar
# WINNOW_BENCH_CP runs freshly compiled classes ahead of the jar (a colon-separated class path).
CP=${WINNOW_BENCH_CP:-$JAR}
DATA=$ROOT/bench-data/kcenter-$N

require_jars "$JAR"
mkdir -p "$DATA"
if [ ! -f "$DATA/embeddings.npy" ]; then
  java -cp "$JAR" dev.winnow.bench.selection.ClusteredEmbeddings "$N" 64 42 "$DATA/embeddings.npy"
fi
log=$DATA/select-scale.time
load=$(cut -d' ' -f1-3 /proc/loadavg)
if ! out=$(/usr/bin/time -v java "-Xmx$HEAP" --add-modules jdk.incubator.vector -cp "$CP" \
  dev.winnow.bench.selection.SelectionScale "$DATA/embeddings.npy" "$PICKS_A" "$PICKS_B" "$THREADS" 2>"$log" | tail -n 1); then
  echo "select-scale.sh: SelectionScale failed; its output is in $log" >&2
  tail -n 30 "$log" >&2
  exit 1
fi
echo "N=$N $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores load=$load wall_s=$(wall_seconds "$log") rss_mb=$(peak_rss_mb "$log") $out"
