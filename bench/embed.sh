#!/usr/bin/env bash
# The built-in embedder over N generated 640x480 JPEGs: decoding at reduced resolution, embedding
# in batches and writing embeddings.csv, as a run's embedding phase does, next to two decoding
# floors measured in the same run: ffmpeg decoding the same JPEGs at full size on all cores
# (skipped when ffmpeg is missing), and DecodeFolder, the decoder the embedding phase uses with the
# same subsampling on the same threads doing nothing else. Prints wall time, peak memory and
# images per second of each (whole process, and inside the process after the JVM's start), then
# the embedding phase as a fraction of each floor. There is no status-quo column: the usual Python
# route (PIL or torchvision decoding plus a network) is not installed on the reference machine; the
# JMH view of the embedder alone is BuiltinEmbedderBenchmark.
#
# With ONNX=1, the same for an ONNX model on the CPU: a ResNet-like model with random fixed
# weights (ResNetLikeModel, seed 42) at ONNX_SIZE (default 224), against the decoder's floor at
# that short side.
#
# Usage: bench/embed.sh N        (for example: bench/embed.sh 2000; ONNX=1 bench/embed.sh 500)
# Builds the bench jar when it is missing (or set WINNOW_BENCH_JAR)
set -euo pipefail

N=${1:?usage: bench/embed.sh N}
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ROOT=$winnow_root
JAR=$bench_jar
DATA=$ROOT/bench-data/embed-$N
JAVA_OPTS=${JAVA_OPTS:--Xmx1g}

require_jars "$JAR"
generate_once "$DATA/images" java -cp "$JAR" dev.winnow.bench.embed.PhotoLikeImages "$N" "$DATA/images"

# Warm the page cache, so that every row reads the files from memory.
cat "$DATA"/images/*.jpg > /dev/null
printf '%-16s | %8s | %7s | %8s | %8s | %s\n' "run" "wall s" "peak MB" "images/s" "in-proc" "details"

# row LABEL LOG OUT LOAD: prints one row: whole-process images/s from the log, in-process from OUT.
row() {
  local wall
  wall=$(wall_seconds "$2")
  printf '%-16s | %8s | %7s | %8.0f | %8s | load=%s %s\n' "$1" "$wall" "$(peak_rss_mb "$2")" \
    "$(echo "$N / $wall" | bc -l)" "$(in_process "$3")" "$4" "$3"
}
# in_process OUT: the images/s a Java program printed ("..., 1234 images/s...").
in_process() {
  sed -n 's/.* \([0-9][0-9]*\) images\/s.*/\1/p' <<<"$1"
}
# java_run LABEL ARGS...: runs a bench class under /usr/bin/time -v, prints its row, sets $last.
java_run() {
  local label=$1 log=$DATA/$1.time load out
  shift
  load=$(cut -d' ' -f1 /proc/loadavg)
  if ! out=$(/usr/bin/time -v java $JAVA_OPTS -cp "$JAR" "$@" 2>"$log" | tail -n 1); then
    echo "embed.sh: $label failed; its output is in $log" >&2
    tail -n 20 "$log" >&2
    exit 1
  fi
  row "$label" "$log" "$out" "$load"
  last=$(in_process "$out")
  last_wall=$(wall_seconds "$log")
}

# ratio A B: A / B to two decimals.
ratio() {
  printf '%.2f' "$(echo "$1 / $2" | bc -l)"
}

# The decoding floor of a SIMD decoder: ffmpeg decoding every JPEG at full size on all cores.
fwall=
if command -v ffmpeg > /dev/null; then
  flog=$DATA/ffmpeg.time
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -v ffmpeg -v error -threads "$(nproc)" -f image2 -i "$DATA/images/img-%05d.jpg" -f null - 2>"$flog"
  fwall=$(wall_seconds "$flog")
  row ffmpeg-decode "$flog" "" "$load"
fi
# The floor of the decoder the embedding phase uses: the same reduced decoding, nothing else.
java_run java-decode-64 dev.winnow.bench.embed.DecodeFolder "$DATA/images" 64
floor=$last floor_wall=$last_wall
java_run winnow-builtin dev.winnow.bench.embed.EmbedFolder "$DATA/images" "$DATA/embeddings.csv"
echo "builtin embedding phase: $(ratio "$last" "$floor") of the Java decode floor in the process," \
  "$(ratio "$floor_wall" "$last_wall") whole process"
if [ -n "$fwall" ]; then
  echo "builtin embedding phase: $(ratio "$fwall" "$last_wall") of ffmpeg's full-size decode (whole process)"
fi

if [ "${ONNX:-0}" = 1 ]; then
  size=${ONNX_SIZE:-224}
  model=$DATA/resnet-like.onnx
  [ -f "$model" ] || java -cp "$JAR" dev.winnow.bench.embed.ResNetLikeModel "$model" 42 128 >/dev/null
  java_run java-decode-$size dev.winnow.bench.embed.DecodeFolder "$DATA/images" "$size"
  floor=$last
  java_run winnow-onnx dev.winnow.bench.embed.EmbedFolder "$DATA/images" "$DATA/embeddings-onnx.csv" "$model" "$size"
  echo "ONNX embedding phase: $(ratio "$last" "$floor") of the Java decode floor at $size in the process"
fi
