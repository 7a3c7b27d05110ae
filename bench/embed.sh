#!/usr/bin/env bash
# The built-in embedder over N generated 640x480 JPEGs: decoding at reduced resolution, embedding
# in batches and writing embeddings.csv, as a run's embedding phase does. Prints wall time, peak
# memory and images per second, after the decoding floor measured in the same run: ffmpeg decoding
# the same JPEGs at full size on all cores (skipped when ffmpeg is missing). There is no
# status-quo column: the usual Python route (PIL or torchvision decoding plus a network) is not
# installed on the reference machine; the JMH view of the embedder alone is BuiltinEmbedderBenchmark.
#
# Usage: bench/embed.sh N        (for example: bench/embed.sh 10000)
# Builds the bench jar when it is missing (or set WINNOW_BENCH_JAR)
set -euo pipefail

N=${1:?usage: bench/embed.sh N}
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ROOT=$winnow_root
JAR=$bench_jar
DATA=$ROOT/bench-data/embed-$N
JAVA_OPTS=${JAVA_OPTS:--Xmx1g}

require_jars "$JAR"
if [ ! -f "$DATA/images/.complete" ]; then
  rm -rf "$DATA/images"
  java -cp "$JAR" dev.winnow.bench.embed.PhotoLikeImages "$N" "$DATA/images"
  touch "$DATA/images/.complete"
fi

# Warm the page cache, so that both rows read the files from memory.
cat "$DATA"/images/*.jpg > /dev/null
printf '%-16s | %8s | %7s | %8s | %s\n' "run" "wall s" "peak MB" "images/s" "details"
# The decoding floor: ffmpeg decoding every JPEG at full size on both cores, output discarded.
if command -v ffmpeg > /dev/null; then
  flog=$DATA/ffmpeg.time
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -v ffmpeg -v error -threads "$(nproc)" -f image2 -i "$DATA/images/img-%05d.jpg" -f null - 2>"$flog"
  fwall=$(wall_seconds "$flog")
  printf '%-16s | %8s | %7s | %8.0f | load=%s\n' "ffmpeg-decode" "$fwall" "$(peak_rss_mb "$flog")" \
    "$(echo "$N / $fwall" | bc -l)" "$load"
fi
log=$DATA/winnow.time
load=$(cut -d' ' -f1 /proc/loadavg)
out=$(/usr/bin/time -v java $JAVA_OPTS -cp "$JAR" dev.winnow.bench.embed.EmbedFolder "$DATA/images" "$DATA/embeddings.csv" 2>"$log" | tail -n 1)
wall=$(wall_seconds "$log")
rss=$(peak_rss_mb "$log")
printf '%-16s | %8s | %7s | %8.0f | load=%s %s\n' "winnow-builtin" "$wall" "$rss" "$(echo "$N / $wall" | bc -l)" "$load" "$out"
