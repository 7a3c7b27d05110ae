#!/usr/bin/env bash
# Whole-process benchmark of `winnow validate` over an S3 bucket: N generated samples (the
# validation benchmark's PNGs and detection prediction files) served by S3Proxy on this machine,
# against (a) a sequential loop of GETs with the same SDK, what a naive script does, and (b) the
# floor, the same GETs with Winnow's concurrency and nothing done with the bytes.
# Usage: bench/cloud.sh N     (HEAP sets Winnow's -Xmx, default 512m; CONCURRENCY, default 64)
set -euo pipefail
n="${1:?usage: bench/cloud.sh N}"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
here="$winnow_root"
data="$here/bench-data/validate-$n"
results="$here/bench-data/cloud-$n-results"
heap="${HEAP:-512m}"
concurrency="${CONCURRENCY:-64}"

require_jars "$cli_jar" "$bench_jar"
if [ ! -f "$data/.complete" ]; then
  rm -rf "$data" "$data-originals"
  java -cp "$bench_jar" dev.winnow.bench.validate.ValidationDatasetGenerator "$data" "$n"
  touch "$data/.complete"
fi
rm -rf "$results" && mkdir -p "$results"

# The server fills its bucket, then writes its port; it is stopped when the script ends.
java -Xmx4g -cp "$bench_jar" dev.winnow.bench.cloud.S3BenchServer "$data" "$results/port" 2>"$results/server.log" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 3600); do
  [ -s "$results/port" ] && break
  kill -0 "$server" 2>/dev/null || { echo "the S3 server stopped; see $results/server.log" >&2; exit 1; }
  sleep 1
done
[ -s "$results/port" ] || { echo "the S3 server did not fill its bucket within an hour" >&2; exit 1; }
endpoint="http://127.0.0.1:$(cat "$results/port")"
export AWS_ENDPOINT_URL="$endpoint" AWS_ACCESS_KEY_ID=bench-access AWS_SECRET_ACCESS_KEY=bench-secret AWS_REGION=us-east-1

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
  printf '%-36s %10.2f %12d %14.0f\n' "$name" "$wall" "$rss" "$(echo "$n / $wall" | bc -l)"
}

printf '%-36s %10s %12s %14s\n' "tool (N=$n, S3Proxy)" "wall s" "peak RSS MB" "samples/s"
measure "parallel GET floor ($concurrency in flight)" java -cp "$bench_jar" dev.winnow.bench.cloud.S3GetLoop "$endpoint" bench "$concurrency"
measure "winnow validate" java "-Xmx$heap" -jar "$cli_jar" validate --input s3://bench --format json --max-errors 100 \
  --cloud-concurrency "$concurrency"
measure "sequential GET loop (1 in flight)" java -cp "$bench_jar" dev.winnow.bench.cloud.S3GetLoop "$endpoint" bench 1
echo "winnow: $(tail -n 1 "$results/winnow_validate.stdout")"
echo "floor: $(cat "$results/parallel_GET_floor_(${concurrency}_in_flight).stdout")"
echo "sequential: $(cat "$results/sequential_GET_loop_(1_in_flight).stdout")"
