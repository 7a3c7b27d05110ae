#!/usr/bin/env bash
# Video frame decoding, one pass over a generated 640x480 H.264 MP4 of N frames, reduced to a
# 224-pixel short side (320x240): Winnow's built-in decoder against ffmpeg decoding and scaling
# the same file to raw frames, and ffmpeg extracting PNG frames (the usual status quo before
# Winnow: frames written to disk as images). Prints wall time, peak memory and frames per second.
#
# Usage: bench/video.sh N            (for example: bench/video.sh 1000)
# Needs ffmpeg; builds the bench jar when it is missing (or set WINNOW_BENCH_JAR).
set -euo pipefail

N=${1:?usage: bench/video.sh FRAMES}
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ROOT=$winnow_root
JAR=$bench_jar
DATA=$ROOT/bench-data/video-$N
JAVA_OPTS=${JAVA_OPTS:--Xmx1g}
THREADS=${THREADS:-$(nproc)}

require_jars "$JAR"
command -v ffmpeg >/dev/null || { echo "video.sh: ffmpeg is needed for the comparison; install it (apt-get install ffmpeg)" >&2; exit 2; }
mkdir -p "$DATA"
if [ ! -f "$DATA/scene.mp4" ]; then
  echo "generating $N frames of 640x480 H.264 into $DATA/scene.mp4 ..." >&2
  java $JAVA_OPTS -cp "$JAR" dev.winnow.bench.media.SyntheticMedia video "$DATA/scene.mp4" "$N"
fi

# Runs a command under /usr/bin/time -v; prints "label | wall s | peak MB | frames/s | its last output line".
measure() {
  local label=$1; shift
  local log=$DATA/$label.time
  local out
  out=$(/usr/bin/time -v "$@" 2>"$log" | tail -n 1 || true)
  exited_ok "$log" || { echo "$label failed:" >&2; tail -n 5 "$log" >&2; exit 1; }
  local wall rss fps
  wall=$(wall_seconds "$log")
  rss=$(peak_rss_mb "$log")
  fps=$(awk -v n="$N" -v w="$wall" 'BEGIN { printf "%.1f", n / w }')
  printf '%-18s | %8s | %7s | %8s | %s\n' "$label" "$wall" "$rss" "$fps" "$out"
}

rm -rf "$DATA/png" && mkdir -p "$DATA/png"
printf '%-18s | %8s | %7s | %8s | %s\n' "run" "wall s" "peak MB" "frames/s" "details"
measure winnow-jcodec java $JAVA_OPTS -cp "$JAR" dev.winnow.bench.media.DecodeVideo "$DATA/scene.mp4" 224
measure ffmpeg-raw ffmpeg -v error -threads "$THREADS" -i "$DATA/scene.mp4" -vf scale=320:240 -f rawvideo -pix_fmt rgb24 -y /dev/null
measure ffmpeg-png-files ffmpeg -v error -threads "$THREADS" -i "$DATA/scene.mp4" -vf scale=320:240 "$DATA/png/%06d.png"
echo "frames written by ffmpeg as PNG: $(find "$DATA/png" -name '*.png' | wc -l)"
