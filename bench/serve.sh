#!/usr/bin/env bash
# winnow serve on N generated object-detection samples (the scores benchmark's generator):
# the cold start (index build) beside `winnow scores` on the same data, the warm start (the cached
# index served at once; and when its check against the files, in the background, ended), the
# latency (p50, p99 over 200 requests) of the first grid page with a filter and a sort, and the
# peak memory (resident set) of each process. Prints the load average beside the
# figures: on a shared machine they move with it.
# Usage: bench/serve.sh N        (HEAP sets Winnow's -Xmx, default 2g)
set -euo pipefail
n="${1:?usage: bench/serve.sh N}"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
here="$winnow_root"
data="$here/bench-data/scores-$n"
out="$here/bench-data/serve-$n-output"
heap="${HEAP:-2g}"

require_jars "$cli_jar" "$bench_jar"
generate_once "$data" java -cp "$bench_jar" dev.winnow.bench.scores.DetectionDatasetGenerator "$data" "$n"
rm -rf "$out"
mkdir -p "$out"
cp -r "$data/.lightly" "$out/.lightly"
sync

now() { date +%s.%N; }

# await_line PATTERN FILE: waits until the running viewer wrote a line matching PATTERN to FILE;
# fails when the viewer stops first.
await_line() {
  until grep -q "$1" "$2" 2>/dev/null; do
    if ! kill -0 "$viewer" 2>/dev/null; then
      echo "winnow serve stopped; see $out/serve.stderr" >&2
      exit 1
    fi
    sleep 0.05
  done
}

# Starts the viewer under /usr/bin/time (its report in $out/serve-LABEL.time); sets seconds (until
# it printed its URL), viewer (the time process), java (the viewer itself) and port.
start_viewer() {
  local log="$out/serve.stdout" started
  rm -f "$log"
  started=$(now)
  /usr/bin/time -v -o "$out/serve-$1.time" \
    java "-Xmx$heap" -jar "$cli_jar" serve --input "$data" --output "$out" --port 0 >"$log" 2>"$out/serve.stderr" &
  viewer=$!
  await_line "^Open http" "$log"
  seconds=$(echo "$(now) - $started" | bc -l)
  viewer_started=$started
  port=$(sed -n 's|^Open http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$log")
  java=$(pgrep -P "$viewer")
}

# Stops the viewer (its JVM, so that time reports on it).
stop_viewer() {
  kill "$java"
  wait "$viewer" 2>/dev/null || true
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
started=$(now)
/usr/bin/time -v -o "$out/scores.time" \
  java "-Xmx$heap" -jar "$cli_jar" scores --input "$data" --task detection --out "$out/scores.csv" 2>/dev/null
scores=$(echo "$(now) - $started" | bc -l)
start_viewer cold
cold=$seconds
stop_viewer
start_viewer warm
warm=$seconds
# The warm start serves the cached index at once and checks it against a listing in the background.
await_line "^The index matches the files" "$out/serve.stderr"
checked=$(echo "$(now) - $viewer_started" | bc -l)
query="api/samples?task=detection&score=detection:0.5:1&sort=detection.uncertainty_entropy:desc&size=100"
curl -s -o /dev/null "http://127.0.0.1:$port/$query"   # the first request computes the sort order
for i in $(seq 200); do
  curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port/$query"
done | sort -n >"$out/latency.txt"
stop_viewer
p50=$(sed -n '100p' "$out/latency.txt")
p99=$(sed -n '198p' "$out/latency.txt")
printf 'N=%s  winnow scores %.1f s  cold start %.1f s (%.2fx)  warm start %.1f s (index checked after %.1f s)  first page p50 %.0f ms  p99 %.0f ms\n' \
  "$n" "$scores" "$cold" "$(echo "$cold / $scores" | bc -l)" "$warm" "$checked" "$(echo "$p50 * 1000" | bc -l)" "$(echo "$p99 * 1000" | bc -l)"
printf 'peak RSS: winnow scores %s MB, cold start %s MB, warm start and 200 requests %s MB\n' \
  "$(peak_rss_mb "$out/scores.time")" "$(peak_rss_mb "$out/serve-cold.time")" "$(peak_rss_mb "$out/serve-warm.time")"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
