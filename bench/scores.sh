#!/usr/bin/env bash
# Whole-process benchmark of `winnow scores` against a Python json.load loop computing the same
# scores, on N generated object-detection samples (5 boxes, 10-class probabilities each).
# Usage: bench/scores.sh N        (HEAP sets Winnow's -Xmx, default 1g; THREADS its --threads)
set -euo pipefail
n="${1:?usage: bench/scores.sh N}"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
here="$winnow_root"
data="$here/bench-data/scores-$n"
results="$here/bench-data/scores-$n-results"
heap="${HEAP:-1g}"
threads="${THREADS:-$(nproc)}"

require_jars "$cli_jar" "$bench_jar"
generate_once "$data" java -cp "$bench_jar" dev.winnow.bench.scores.DetectionDatasetGenerator "$data" "$n"
mkdir -p "$results"
sync

measure() { # name, command...: runs it under /usr/bin/time -v and prints one table row
  local name="$1"; shift
  local log="$results/$name.time"
  if ! /usr/bin/time -v "$@" >"$results/$name.stdout" 2>"$log"; then
    echo "$name failed; see $log" >&2
    tail -n 30 "$log" >&2
    exit 1
  fi
  local wall rss
  wall=$(wall_seconds "$log")
  rss=$(peak_rss_mb "$log" floor)
  printf '%-26s %10.2f %12d %14.0f\n' "$name" "$wall" "$rss" "$(echo "$n / $wall" | bc -l)"
}

printf '%-26s %10s %12s %14s\n' "tool (N=$n)" "wall s" "peak RSS MB" "samples/s"
measure "winnow scores" java "-Xmx$heap" -jar "$cli_jar" scores --input "$data" --task detection \
  --threads "$threads" --out "$results/winnow.csv"
measure "python json.load loop" python3 "$here/bench/scores_reference.py" "$data" detection "$results/python.csv"
python3 "$here/bench/scores_compare.py" "$results/winnow.csv" "$results/python.csv"
echo "in-process table fill, scoring and heap (1 GB heap):"
java -Xmx1g -cp "$bench_jar" dev.winnow.bench.scores.TableMemoryProbe "$n" "$threads"
