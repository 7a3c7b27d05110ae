#!/usr/bin/env bash
# Whole-run benchmark: `winnow run` over N generated 640x480 JPEGs with object-detection
# predictions (bench/run.sh generates them once into bench-data/run-N), with the built-in
# embedder, diversity + uncertainty + class balance selecting 1%. Rows:
#   winnow run         the first run: every image decoded, measured, embedded, scored, selected
#   winnow rerun       a second run over the same folder: the datapool knows every image
#   ffmpeg decode      the decoding floor: ffmpeg decoding every JPEG at full size and discarding it
# Prints wall time, peak memory (/usr/bin/time -v) and images per second.
# There is no other status-quo tool for a whole run on the reference machine (the Lightly Worker
# is a hosted container); the ffmpeg row shows how much of the time is mere JPEG decoding.
#
# Usage: bench/run.sh N        (for example: bench/run.sh 10000; HEAP sets -Xmx, default 2g)
set -euo pipefail
n="${1:?usage: bench/run.sh N}"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
here="$winnow_root"
data="$here/bench-data/run-$n"
results="$here/bench-data/run-$n-results"
heap="${HEAP:-2g}"

require_jars "$bench_jar"
generate_once "$data" java -cp "$bench_jar" dev.winnow.bench.run.RunDataset "$n" "$data"
rm -rf "$data/.winnow" "$results"
mkdir -p "$results"
# Warm the page cache so that every row reads from memory.
find "$data/images" -type f -print0 | xargs -0 cat > /dev/null

printf '%-15s | %8s | %7s | %8s\n' "run" "wall s" "peak MB" "images/s"
measure() { # name, command...: runs it under /usr/bin/time -v and prints one table row
  local name="$1"; shift
  local log="$results/${name// /_}.time"
  /usr/bin/time -v "$@" >"$results/${name// /_}.stdout" 2>"$log" || true
  if ! exited_ok "$log"; then
    echo "$name did not exit with 0; see $log" >&2
    tail -n 20 "$log" >&2
    return
  fi
  local wall rss
  wall=$(wall_seconds "$log")
  rss=$(peak_rss_mb "$log")
  printf '%-15s | %8.2f | %7s | %8.1f\n' "$name" "$wall" "$rss" "$(echo "$n / $wall" | bc -l)"
}

measure "winnow run" java "-Xmx$heap" -cp "$bench_jar" dev.winnow.cli.Main run --input "$data" --config "$data/run.json" --run-id first
measure "winnow rerun" java "-Xmx$heap" -cp "$bench_jar" dev.winnow.cli.Main run --input "$data" --config "$data/run.json" --run-id second
if command -v ffmpeg > /dev/null; then
  measure "ffmpeg decode" ffmpeg -v error -threads 2 -f image2 -i "$data/images/img-%05d.jpg" -f null -
fi
grep -A5 '^Run first finished' "$results/winnow_run.stdout" || true
