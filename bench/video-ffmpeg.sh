#!/usr/bin/env bash
# The FFmpeg video decoder module, one pass over generated 640x480 videos of N frames, reduced to a
# 224-pixel short side (320x240): Winnow's FFmpeg decoder against the ffmpeg command line decoding
# and scaling the same file to raw frames (the status quo), per codec. For H.264 in MP4 Winnow's
# built-in JCodec decoder is timed too, on the same file.
# Prints wall time, peak memory and frames per second.
#
# Usage: bench/video-ffmpeg.sh N     (for example: bench/video-ffmpeg.sh 1000)
# Needs ffmpeg; builds the bench jar when it is missing (or set WINNOW_BENCH_JAR).
set -euo pipefail

N=${1:?usage: bench/video-ffmpeg.sh FRAMES}
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ROOT=$winnow_root
JAR=$bench_jar
DATA=$ROOT/bench-data/video-ffmpeg-$N
JAVA_OPTS=${JAVA_OPTS:--Xmx1g}
THREADS=${THREADS:-$(nproc)}
CODECS=${CODECS:-"mjpeg mpeg4 vp8 vp9"}

require_jars "$JAR"
command -v ffmpeg >/dev/null || { echo "video-ffmpeg.sh: ffmpeg is needed for the comparison; install it (apt-get install ffmpeg)" >&2; exit 2; }
mkdir -p "$DATA"

# The same moving scene in every codec: H.264 written by the generator of bench/video.sh, the
# others by FFmpeg's encoders through JavaCV.
if [ ! -f "$DATA/scene.mp4" ]; then
  echo "generating $N frames of 640x480 H.264 into $DATA/scene.mp4 ..." >&2
  java $JAVA_OPTS -cp "$JAR" dev.winnow.bench.media.SyntheticMedia video "$DATA/scene.mp4" "$N"
fi
file_of() {
  case $1 in
    h264) echo "$DATA/scene.mp4" ;;
    mjpeg|mpeg4) echo "$DATA/scene-$1.avi" ;;
    vp8|vp9) echo "$DATA/scene-$1.webm" ;;
  esac
}
for codec in $CODECS; do
  file=$(file_of "$codec")
  if [ ! -f "$file" ]; then
    echo "generating $N frames of 640x480 $codec into $file ..." >&2
    java $JAVA_OPTS -cp "$JAR" dev.winnow.bench.videoffmpeg.FfmpegSyntheticVideo "$codec" "$file" "$N"
  fi
done

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
  printf '%-20s | %8s | %7s | %8s | %s\n' "$label" "$wall" "$rss" "$fps" "$out"
}

printf '%-20s | %8s | %7s | %8s | %s\n' "run" "wall s" "peak MB" "frames/s" "details"
for codec in h264 $CODECS; do
  file=$(file_of "$codec")
  measure "winnow-ffmpeg-$codec" java $JAVA_OPTS -cp "$JAR" dev.winnow.bench.videoffmpeg.DecodeWithFfmpeg ffmpeg "$file" 224
  if [ "$codec" = h264 ]; then
    measure "winnow-jcodec-$codec" java $JAVA_OPTS -cp "$JAR" dev.winnow.bench.videoffmpeg.DecodeWithFfmpeg standard "$file" 224
  fi
  measure "ffmpeg-cli-$codec" ffmpeg -v error -threads "$THREADS" -i "$file" -vf scale=320:240 -f rawvideo -pix_fmt rgb24 -y /dev/null
done
