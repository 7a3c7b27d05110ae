#!/usr/bin/env bash
# Whole-process benchmarks of Winnow over S3 (S3Proxy on this machine, jclouds' filesystem store, so
# the buckets are generated on disk once and reused; see S3BenchServer):
#  1. `winnow validate` of N samples (the validation benchmark's PNGs and detection prediction files)
#     against (a) a sequential loop of GETs with the same SDK, what a naive script does (over the
#     first SEQUENTIAL objects, default 20000: it is slow), and (b) the floor, the same GETs with
#     Winnow's concurrency and nothing done with the bytes; both GET keys read from a file, so only
#     the GETs are timed, while Winnow's time includes its own listing (also timed alone);
#  2. listing KEYS keys (1,000 folders) with one paginated listing against Winnow's folder fan-out;
#     this store walks the whole bucket for every page, so the paginated listing stops after PAGES
#     pages (default 1) and its per-page time tells the whole;
#  3. `winnow convert coco` of N images into a bucket against the floor of PUTting the same objects
#     with the same concurrency.
# Usage: bench/cloud.sh N   (HEAP: Winnow's -Xmx, default 512m; CONCURRENCY, default 64; KEYS, default
#                           1000000; PARTS, default "validate list convert"; SEQUENTIAL; PAGES;
#                           WINNOW_BENCH_DATA: the data folder)
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
pages="${PAGES:-1}"
samples="validate-$n"
keys_bucket="keys-$keys"
coco="$bench_data/convert-$n/coco.json"

cli_jar="${WINNOW_CLI_JAR:-$cli_jar}"
require_jars "$cli_jar" "$bench_jar"
mkdir -p "$buckets"
if [ ! -f "$buckets/$samples.complete" ]; then
  rm -rf "${buckets:?}/$samples" "$buckets/$samples-originals"
  java -cp "$bench_jar" dev.winnow.bench.validate.ValidationDatasetGenerator "$buckets/$samples" "$n"
  # The objects' keys, for the GET loops: every file of the bucket but the generator's originals.
  (cd "$buckets/$samples" && find . -type f -printf '%P\n' | sort) >"$buckets/$samples.keys"
  touch "$buckets/$samples.complete"
fi
if [[ " $parts " == *" list "* ]] && [ ! -f "$buckets/$keys_bucket.complete" ]; then
  rm -rf "${buckets:?}/$keys_bucket"
  # Empty objects, 1,000 to a folder: only the listing is measured.
  python3 - "$buckets/$keys_bucket" "$keys" <<'PY'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    folder = os.path.join(root, "%04d" % (i // 1000))
    if i % 1000 == 0:
        os.makedirs(folder)
    open(os.path.join(folder, "k%07d" % i), "wb").close()
PY
  touch "$buckets/$keys_bucket.complete"
fi
if [[ " $parts " == *" convert "* ]] && [ ! -f "$coco" ]; then
  java -cp "$bench_jar" dev.winnow.bench.convert.CocoDatasetGenerator "$coco" "$n"
fi
rm -rf "$results" && mkdir -p "$results"

# The server writes its port once it serves; it is stopped when the script ends.
java -Xmx2g -cp "$bench_jar" dev.winnow.bench.cloud.S3BenchServer "$buckets" "$results/port" 2>"$results/server.log" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  [ -s "$results/port" ] && break
  kill -0 "$server" 2>/dev/null || { echo "the S3 server stopped; see $results/server.log" >&2; exit 1; }
  sleep 1
done
[ -s "$results/port" ] || { echo "the S3 server did not start within 2 minutes" >&2; exit 1; }
endpoint="http://127.0.0.1:$(cat "$results/port")"
export AWS_ENDPOINT_URL="$endpoint" AWS_ACCESS_KEY_ID=bench-access AWS_SECRET_ACCESS_KEY=bench-secret AWS_REGION=us-east-1

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
  measure "list $keys keys, $pages pages of one listing" java -cp "$bench_jar" dev.winnow.bench.cloud.S3ListLoop \
    "$endpoint" "$keys_bucket" paginated "$pages"
  measure "list $keys keys, winnow fan-out" java "-Xmx$heap" -cp "$cli_jar:$bench_jar" dev.winnow.bench.cloud.S3ListLoop \
    "$endpoint" "$keys_bucket" winnow
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
