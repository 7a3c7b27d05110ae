#!/usr/bin/env bash
# Whole-process benchmark of `winnow convert coco` against the format reference's Python script
# ("Creating the predictions folder from COCO"), on one generated COCO file of N images with about
# 7 boxes each (N=100000 gives ~700k boxes). The reference script is not part of this project: it
# is extracted at run time from ../shared/spec/predictions-format.rst, its two paths substituted.
# A third row is the file-creation floor: a Python loop that only creates the files Winnow wrote.
# Winnow runs with the serial collector, as ./winnow starts conversions.
# Usage: bench/convert.sh N        (HEAP sets Winnow's -Xmx, default 1g; WINNOW_TARGET the build folder;
#                                  WINNOW_BENCH_DATA the folder for data and results)
set -euo pipefail
n="${1:?usage: bench/convert.sh N}"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
here="$winnow_root"
spec="${WINNOW_FORMAT_SPEC:-$here/../shared/spec/predictions-format.rst}"
# WINNOW_BENCH_DATA puts the data and results elsewhere, e.g. on a tmpfs to take the disk out of the figures.
bench_data="${WINNOW_BENCH_DATA:-$here/bench-data}"
data="$bench_data/convert-$n"
results="$bench_data/convert-$n-results"
heap="${HEAP:-1g}"

require_jars "$cli_jar" "$bench_jar"
[ -f "$spec" ] || { echo "the format reference $spec is missing (set WINNOW_FORMAT_SPEC)" >&2; exit 2; }
if [ ! -f "$data/.complete" ]; then
  rm -rf "$data"
  mkdir -p "$data"
  java -cp "$bench_jar" dev.winnow.bench.convert.CocoDatasetGenerator "$data/coco.json" "$n"
  touch "$data/.complete"
fi
rm -rf "$results"
sync  # deleting the last run's files is slow on some disks; let it settle before timing
mkdir -p "$results/winnow" "$results/python" "$results/floor"

# The reference script: the first python code block after the heading, de-indented, paths substituted.
python3 - "$spec" "$results/reference.py" "$results/python" "$data/coco.json" <<'PY'
import re, sys
spec, out, output_dir, annotations = sys.argv[1:]
lines = open(spec, encoding="utf-8").read().split("\n")
start = lines.index("Creating the predictions folder from COCO")
i = next(k for k in range(start, len(lines)) if lines[k].strip() == ".. code-block:: python") + 1
block = []
while i < len(lines) and (lines[i].strip() == "" or lines[i].startswith("    ")):
    block.append(lines[i][4:])
    i += 1
code = "\n".join(block).strip("\n") + "\n"
code, a = re.subn(r'^output_filepath = .*$', 'output_filepath = ' + repr(output_dir), code, count=1, flags=re.M)
code, b = re.subn(r'^annotation_filepath = .*$', 'annotation_filepath = ' + repr(annotations), code, count=1, flags=re.M)
if a != 1 or b != 1:
    sys.exit("could not find the two paths to substitute in the reference script")
open(out, "w", encoding="utf-8").write(code)
PY
sync

measure() { # name, command...: runs it under /usr/bin/time -v and prints one table row
  local name="$1"; shift
  local log="$results/$name.time"
  if ! /usr/bin/time -v "$@" >"$results/$name.stdout" 2>"$log"; then
    echo "$name failed; see $log" >&2
    tail -n 30 "$log" >&2
    exit 1
  fi
  local wall rss
  wall=$(wall_seconds "$log")
  rss=$(peak_rss_mb "$log" floor)
  printf '%-22s %10.2f %12d %14.0f\n' "$name" "$wall" "$rss" "$(echo "$n / $wall" | bc -l)"
}

boxes=$(grep -c '"image_id"' "$data/coco.json" || true)
echo "COCO file: $n images, $boxes boxes, $(du -m "$data/coco.json" | cut -f1) MB"
printf '%-22s %10s %12s %14s\n' "tool (N=$n)" "wall s" "peak RSS MB" "images/s"
measure "winnow" java "-Xmx$heap" -XX:+UseSerialGC -jar "$cli_jar" convert coco --annotations "$data/coco.json" \
  --output "$results/winnow" --task my_object_detection_task --default-score 0
measure "python-reference" python3 "$results/reference.py"

# The floor: creating the files Winnow wrote (same names, same sizes, one folder) with a plain
# open/write/close loop and nothing else; no tool that writes these files can be faster.
task_dir="$results/winnow/.lightly/predictions/my_object_detection_task"
(cd "$task_dir" && find . -name '*.json' ! -name schema.json -printf '%s %P\n') > "$results/floor.list"
cat > "$results/floor.py" <<'PY'
import os, sys
listing, out = sys.argv[1:]
entries = [line.rstrip("\n").split(" ", 1) for line in open(listing, encoding="utf-8")]
made = set()
for size, name in entries:
    folder = os.path.dirname(os.path.join(out, name))
    if folder not in made:
        os.makedirs(folder, exist_ok=True)
        made.add(folder)
    fd = os.open(os.path.join(out, name), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.write(fd, b"x" * int(size))
    os.close(fd)
PY
sync
measure "file-creation floor" python3 "$results/floor.py" "$results/floor.list" "$results/floor"

# Both must have written one prediction file per image.
count() { find "$1/.lightly/predictions/my_object_detection_task" -name '*.json' ! -name schema.json | wc -l; }
w=$(count "$results/winnow"); p=$(count "$results/python")
echo "prediction files: winnow $w, python $p"
[ "$w" = "$n" ] && [ "$p" = "$n" ] || { echo "the prediction file counts differ from $n" >&2; exit 1; }
