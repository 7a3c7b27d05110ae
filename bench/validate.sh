#!/usr/bin/env bash
# Whole-process benchmark of `winnow validate` on N generated samples (a small PNG and an
# object-detection prediction file with 5 boxes and 10-class probabilities each), side by side
# with the status quo (bench/validate_baseline.py, a json.load loop with the same checks) and the
# read floor (two parallel `cat`s over the same files), all from a warm page cache.
# Usage: bench/validate.sh N        (HEAP sets Winnow's -Xmx, default 512m)
set -euo pipefail
n="${1:?usage: bench/validate.sh N}"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
here="$winnow_root"
data="$here/bench-data/validate-$n"
results="$here/bench-data/validate-$n-results"
heap="${HEAP:-512m}"

require_jars "$cli_jar" "$bench_jar"
if [ ! -f "$data/.complete" ]; then
  rm -rf "$data" "$data-originals"
  java -cp "$bench_jar" dev.winnow.bench.validate.ValidationDatasetGenerator "$data" "$n"
  touch "$data/.complete"
fi
mkdir -p "$results"

# The files every tool reads: the images and the predictions. Split in two halves for the floor.
(cd "$data" && find . -type f ! -name .complete | LC_ALL=C sort) > "$results/files.txt"
split -n l/2 -d "$results/files.txt" "$results/half."
# Warm the page cache so that every tool reads from memory.
(cd "$data" && xargs -d '\n' cat < "$results/files.txt" > /dev/null)

measure() { # name, command...: runs it under /usr/bin/time -v and prints one table row
  local name="$1"; shift
  local log="$results/${name// /_}.time"
  /usr/bin/time -v "$@" >"$results/${name// /_}.stdout" 2>"$log" || true
  if ! exited_ok "$log"; then
    echo "$name did not exit with 0; see $log" >&2
    tail -n 30 "$log" >&2
    exit 1
  fi
  local wall rss
  wall=$(wall_seconds "$log")
  rss=$(peak_rss_mb "$log" floor)
  printf '%-28s %10.2f %12d %14.0f\n' "$name" "$wall" "$rss" "$(echo "$n / $wall" | bc -l)"
}

printf '%-28s %10s %12s %14s\n' "tool (N=$n)" "wall s" "peak RSS MB" "samples/s"
measure "read floor (2 x cat)" bash -c "cd '$data' && { xargs -d '\n' cat < '$results/half.00' > /dev/null & xargs -d '\n' cat < '$results/half.01' > /dev/null; wait; }"
measure "winnow validate" java "-Xmx$heap" -jar "$cli_jar" validate --input "$data" --format json --max-errors 100
measure "python json.load loop" python3 "$here/bench/validate_baseline.py" "$data"
echo "winnow: $(tail -n 1 "$results/winnow_validate.stdout")"
echo "$(cat "$results/python_json.load_loop.stdout")"
