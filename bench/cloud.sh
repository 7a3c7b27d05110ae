#!/usr/bin/env bash
# Whole-process benchmarks of Winnow over S3 (S3Proxy on this machine, jclouds' filesystem store, so
# the buckets are generated on disk once and reused; see S3BenchServer):
#  1. `winnow validate` of N samples (the validation benchmark's PNGs and detection prediction files)
#     against (a) a sequential loop of GETs with the same SDK, what a naive script does (over the
#     first SEQUENTIAL objects, default 20000: it is slow), and (b) the floor, the same GETs with
#     Winnow's concurrency and nothing done with the bytes; both GET keys read from a file, so only
#     the GETs are timed, while Winnow's time includes its own listing (also timed alone);
#  2. listing KEYS keys (1,000 to a folder) with one paginated listing against Winnow's folder
#     fan-out, on a second server over jclouds' in-memory store filled in its own process (the
#     filesystem store reads every file's attributes for every page); every store of S3Proxy builds
#     the whole sorted listing for each page, so the paginated listing may stop after PAGES pages
#     (default: all) and its time per page tells the rest;
#  3. `winnow convert coco` of N images into a bucket against the floor of PUTting the same objects
#     with the same concurrency.
# Usage: bench/cloud.sh N   (HEAP: Winnow's -Xmx, default 512m; CONCURRENCY, default 64; KEYS, default
#                           1000000; PARTS, default "validate list convert"; SEQUENTIAL; PAGES;
#                           LIST_SERVER_HEAP, default 6g; WINNOW_BENCH_DATA: the data folder;
#                           PREPARE=1: generate the data and stop)
set -euo pipefail
n="${1:?usage: bench/cloud.sh N}"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
here="$winnow_root"
bench_data="${WINNOW_BENCH_DATA:-$here/bench-data}"
buckets="$bench_data/cloud/buckets"
results="$bench_data/cloud-$n-results"
heap="${HEAP:-512m}"
concurrency="${CONCURRENCY:-64}"
keys="${KEYS:-1000000}"
parts="${PARTS:-validate list convert}"
sequential="${SEQUENTIAL:-20000}"
pages="${PAGES:-}"
samples="validate-$n"
keys_bucket="keys-$keys"
coco="$bench_data/convert-$n/coco.json"

cli_jar="${WINNOW_CLI_JAR:-$cli_jar}"
require_jars "$cli_jar" "$bench_jar"
mkdir -p "$buckets"
if [[ " $parts " == *" validate "* ]] && [ ! -f "$buckets/$samples.complete" ]; then
  rm -rf "${buckets:?}/$samples" "$buckets/$samples-originals"
  java -cp "$bench_jar" dev.winnow.bench.validate.ValidationDatasetGenerator "$buckets/$samples" "$n"
  # The objects' keys, for the GET loops: every file of the bucket but the generator's originals.
  (cd "$buckets/$samples" && find . -type f -printf '%P\n' | sort) >"$buckets/$samples.keys"
  touch "$buckets/$samples.complete"
fi
if [[ " $parts " == *" convert "* ]] && [ ! -f "$coco" ]; then
  java -cp "$bench_jar" dev.winnow.bench.convert.CocoDatasetGenerator "$coco" "$n"
fi
# PREPARE=1 only generates the data, so a timed run later starts at once.
[ -n "${PREPARE:-}" ] && exit 0
rm -rf "$results" && mkdir -p "$results"

# start_server NAME HEAP ARGS...: starts S3BenchServer, waits until it writes its port, sets $endpoint
# and AWS_ENDPOINT_URL; every server started is stopped when the script ends.
servers=()
trap 'for s in "${servers[@]}"; do kill "$s" 2>/dev/null || true; done' EXIT
start_server() {
  local name="$1" heap="$2"; shift 2
  java "-Xmx$heap" -cp "$bench_jar" dev.winnow.bench.cloud.S3BenchServer "$@" "$results/$name.port" \
    2>"$results/$name.log" &
  local pid=$!
  servers+=("$pid")
  for _ in $(seq 1 300); do
    [ -s "$results/$name.port" ] && break
    kill -0 "$pid" 2>/dev/null || { echo "the S3 server stopped; see $results/$name.log" >&2; exit 1; }
    sleep 1
  done
  [ -s "$results/$name.port" ] || { echo "the S3 server did not start within 5 minutes" >&2; exit 1; }
  endpoint="http://127.0.0.1:$(cat "$results/$name.port")"
  export AWS_ENDPOINT_URL="$endpoint"
}
export AWS_ACCESS_KEY_ID=bench-access AWS_SECRET_ACCESS_KEY=bench-secret AWS_REGION=us-east-1
start_server filesystem 2g "$buckets"

measure() { # name, command...: runs it under /usr/bin/time -v and prints one table row
  local name="$1"; shift
  local file="${name// /_}"
  local log="$results/$file.time"
  /usr/bin/time -v "$@" >"$results/$file.stdout" 2>"$log" || true
  if ! exited_ok "$log"; then
    echo "$name did not exit with 0; see $log" >&2
    tail -n 30 "$log" >&2
    exit 1
  fi
  local wall rss
  wall=$(wall_seconds "$log")
  rss=$(peak_rss_mb "$log" floor)
  printf '%-40s %10.2f %12d  %s\n' "$name" "$wall" "$rss" "$(tail -n 1 "$results/$file.stdout")"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-40s %10s %12s  %s\n' "tool (S3Proxy, filesystem store)" "wall s" "peak RSS MB" "its own summary"
if [[ " $parts " == *" validate "* ]]; then
  # Read once, so every row finds the bucket's files in the page cache.
  java -cp "$bench_jar" dev.winnow.bench.cloud.S3GetLoop "$endpoint" "$samples" "$buckets/$samples.keys" \
    "$concurrency" >/dev/null
  measure "GET floor ($concurrency in flight)" java -cp "$bench_jar" dev.winnow.bench.cloud.S3GetLoop \
    "$endpoint" "$samples" "$buckets/$samples.keys" "$concurrency"
  measure "winnow validate" java "-Xmx$heap" -jar "$cli_jar" validate --input "s3://$samples" --format json \
    --max-errors 100 --cloud-concurrency "$concurrency"
  # Winnow's classes from the CLI jar, ahead of the bench jar's copy.
  measure "winnow listing alone" java "-Xmx$heap" -cp "$cli_jar:$bench_jar" dev.winnow.bench.cloud.S3ListLoop \
    "$endpoint" "$samples" winnow
  measure "sequential GET loop (1 in flight)" java -cp "$bench_jar" dev.winnow.bench.cloud.S3GetLoop \
    "$endpoint" "$samples" "$buckets/$samples.keys" 1 "$sequential"
fi
if [[ " $parts " == *" list "* ]]; then
  filesystem_endpoint="$endpoint"
  start_server in-memory "${LIST_SERVER_HEAP:-6g}" --in-memory "$keys_bucket" "$keys"
  tail -n 1 "$results/in-memory.log"
  measure "list $keys keys, one listing${pages:+, $pages pages}" java -cp "$bench_jar" dev.winnow.bench.cloud.S3ListLoop \
    "$endpoint" "$keys_bucket" paginated $pages
  measure "list $keys keys, winnow fan-out" java "-Xmx$heap" -cp "$cli_jar:$bench_jar" dev.winnow.bench.cloud.S3ListLoop \
    "$endpoint" "$keys_bucket" winnow
  echo "in-memory server peak RSS: $(awk '/VmHWM/ {print int($2/1024) " MB"}' "/proc/${servers[-1]}/status")"
  kill "${servers[-1]}" 2>/dev/null || true
  endpoint="$filesystem_endpoint"
  export AWS_ENDPOINT_URL="$endpoint"
fi
if [[ " $parts " == *" convert "* ]]; then
  rm -rf "${buckets:?}/coco-out" "$buckets/put-floor" && mkdir -p "$buckets/coco-out" "$buckets/put-floor"
  measure "winnow convert coco" java "-Xmx$heap" -jar "$cli_jar" convert coco --annotations "$coco" \
    --output s3://coco-out --task detection --default-score 0 --cloud-concurrency "$concurrency"
  # The floor PUTs the very objects Winnow wrote, read from the bucket's folder before its clock starts.
  measure "PUT floor ($concurrency in flight)" java -cp "$bench_jar" dev.winnow.bench.cloud.S3PutLoop \
    "$endpoint" put-floor "$buckets/coco-out" "$concurrency"
  echo "objects: winnow $(find "$buckets/coco-out" -type f | wc -l), floor $(find "$buckets/put-floor" -type f | wc -l)"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
