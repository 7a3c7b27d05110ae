#!/usr/bin/env bash
# Video in a whole run: `winnow run` over N frames of generated 640x480 H.264 clips (at most 150
# frames each) with an object-detection task on every frame, generated once into
# bench-data/video-run-N by MovingObjectsDataset (seed 42). Rows:
#   ffmpeg decode      the floor: ffmpeg decoding every frame of every clip, output discarded
#   winnow frames      `winnow run` with frames as samples (run-frames.json: diversity on the
#                      built-in embeddings, 10% of the frames): frames per second, end to end
#   winnow objects     `winnow run` on object level (run-objects.json: every box a crop, padding
#                      0.1, diversity and a uniform category balance, 10% of the crops): crops per
#                      second, end to end (every frame decoded at full size, every box cut and embedded)
# Prints wall time and peak memory (/usr/bin/time -v) and the rate, and checks that every frame
# and every box made it into the outputs (fails otherwise).
#
# Usage: bench/video-run.sh [N]   (N frames, default 300; HEAP sets -Xmx, default 2g;
#                                  WINNOW_TARGET=target-x reads the jars of a build with that folder)
set -euo pipefail
n="${1:-300}"
[[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "usage: bench/video-run.sh [FRAMES]; FRAMES must be a whole number of 1 or more, but was '$n'" >&2; exit 2; }
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
data="$winnow_root/bench-data/video-run-$n"
results="$winnow_root/bench-data/video-run-$n-results"
heap="${HEAP:-2g}"

require_jars "$cli_jar" "$bench_jar"
command -v ffmpeg >/dev/null || { echo "video-run.sh: ffmpeg is needed for the floor row; install it (apt-get install ffmpeg)" >&2; exit 2; }
command -v ffprobe >/dev/null || { echo "video-run.sh: ffprobe is needed to check the generated clips; install ffmpeg" >&2; exit 2; }

if [ ! -f "$data/.complete" ]; then
  rm -rf "$data"
  mkdir -p "$data"
  echo "generating $n frames of 640x480 H.264 with boxes into $data ..." >&2
  java -cp "$bench_jar" dev.winnow.bench.objects.MovingObjectsDataset "$n" "$data" > "$data/.summary"
  mv "$data/.summary" "$data/.complete"
fi
# The generator's line: videos=V frames=F boxes=B frames_selected=S crops_selected=C
summary=$(cat "$data/.complete")
field() { sed -n "s/.*\b$1=\([0-9]*\).*/\1/p" <<<"$summary"; }
boxes=$(field boxes)
frames_selected=$(field frames_selected)
crops_selected=$(field crops_selected)
[ "$(field frames)" = "$n" ] || { echo "video-run.sh: $data/.complete says '$summary', not $n frames; delete $data and rerun" >&2; exit 1; }
mapfile -t videos < <(find "$data/videos" -name '*.mp4' | sort)

# Every clip must hold the frames the generator meant to write, as an independent decoder counts them.
counted=0
for video in "${videos[@]}"; do
  frames=$(ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames -of csv=p=0 "$video")
  counted=$((counted + frames))
done
[ "$counted" -eq "$n" ] || { echo "video-run.sh: ffprobe counts $counted frames in ${#videos[@]} clips under $data/videos, expected $n" >&2; exit 1; }

rm -rf "$results"
mkdir -p "$results"
cat "${videos[@]}" > /dev/null # warm the page cache: every row reads from memory

fail() { echo "video-run.sh: $*" >&2; exit 1; }

# expect_lines FILE COUNT: fails unless FILE has exactly COUNT lines.
expect_lines() {
  local lines
  [ -f "$1" ] || fail "$1 is missing"
  lines=$(wc -l < "$1")
  [ "$lines" -eq "$2" ] || fail "$1 has $lines lines, expected $2"
}

# A run's own checks: no diagnostics, and the named outputs with the expected line counts.
check_run() {
  local folder="$data/.winnow/runs/$1"
  [ -d "$folder" ] || fail "the run left no folder $folder"
  [ ! -s "$folder/diagnostics.jsonl" ] || { head -n 5 "$folder/diagnostics.jsonl" >&2; fail "the run $1 reported diagnostics ($folder/diagnostics.jsonl)"; }
}

printf '%-15s | %8s | %7s | %14s | %9s\n' "run" "wall s" "peak MB" "items" "per s"
# measure NAME ITEMS UNIT COMMAND...: runs COMMAND under /usr/bin/time -v and prints its table row.
measure() {
  local name="$1" items="$2" unit="$3"; shift 3
  local log="$results/$name.time"
  /usr/bin/time -v "$@" >"$results/$name.stdout" 2>"$log" || true
  if ! exited_ok "$log"; then
    tail -n 30 "$log" >&2
    fail "$name did not exit with 0; see $log"
  fi
  local wall rss
  wall=$(wall_seconds "$log")
  rss=$(peak_rss_mb "$log")
  printf '%-15s | %8.2f | %7s | %14s | %9.1f\n' "$name" "$wall" "$rss" "$items $unit" "$(echo "$items / $wall" | bc -l)"
}

measure "ffmpeg-decode" "$n" frames bash -c 'for v in "$@"; do ffmpeg -v error -i "$v" -f null - || exit 1; done' ffmpeg-decode "${videos[@]}"

winnow=(java "-Xmx$heap" --add-modules jdk.incubator.vector -jar "$cli_jar" run --input "$data")
rm -rf "$data/.winnow"
measure "winnow-frames" "$n" frames "${winnow[@]}" --config "$data/run-frames.json" --run-id frames
check_run frames
expect_lines "$data/.winnow/runs/frames/embeddings.csv" $((n + 1))
expect_lines "$data/.winnow/runs/frames/selected.txt" "$frames_selected"

rm -rf "$data/.winnow"
measure "winnow-objects" "$boxes" crops "${winnow[@]}" --config "$data/run-objects.json" --run-id objects
check_run objects
expect_lines "$data/.winnow/runs/objects/embeddings.csv" $((boxes + 1))
expect_lines "$data/.winnow/runs/objects/selected_crops.csv" $((crops_selected + 1))
pngs=$(find "$data/.winnow/runs/objects/crops/objects" -name '*.png' | wc -l)
[ "$pngs" -eq "$crops_selected" ] || fail "the object-level run wrote $pngs crop PNGs, expected $crops_selected"

echo "checked: $n frames in ${#videos[@]} clips (ffprobe), $n frame embeddings, $frames_selected frames selected;" \
  "$boxes crop embeddings, $crops_selected crops selected and written"
echo "selected crops per category: $(tail -n +2 "$data/.winnow/runs/objects/selected_crops.csv" | cut -d, -f7 | sort | uniq -c | awk '{printf "%s%s %s", (NR > 1 ? ", " : ""), $2, $1} END {print ""}')"
rm -rf "$data/.winnow"
