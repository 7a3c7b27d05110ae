#!/usr/bin/env bash
# A datasource of N empty files (default 1,000,000; 1,000 folders of 1,000 `.jpg` files, each 0 bytes)
# in a temporary folder: `winnow validate` and `winnow run` over it, each under /usr/bin/time -v,
# printing the exit code, the first and last lines it wrote, wall time and peak resident memory.
# The files are deleted afterwards. Usage: bench/empty-files.sh [N] [TMPDIR]
set -euo pipefail
n="${1:-1000000}"
parent="${2:-${TMPDIR:-/tmp}}"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
require_jars "$cli_jar"
work="$(mktemp -d "$parent/winnow-empty-files.XXXXXX")"
trap 'rm -rf "$work"' EXIT
data="$work/data"
start=$(date +%s)
python3 - "$data" "$n" <<'PY'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    folder = os.path.join(root, "d%04d" % (i // 1000))
    if i % 1000 == 0:
        os.makedirs(folder)
    open(os.path.join(folder, "%07d.jpg" % i), "wb").close()
PY
echo "made $n empty files in $(( $(date +%s) - start )) s"
cat > "$work/run.json" <<'JSON'
{"selection": {"n_samples": 10, "strategies": [{"input": {"type": "EMBEDDINGS"}, "strategy": {"type": "DIVERSITY"}}]}}
JSON
measure() { # name, command...
  local name="$1"; shift
  local log="$work/$name.time" out="$work/$name.out"
  local status=0
  /usr/bin/time -v "$@" >"$out" 2>"$log" || status=$?
  echo "== $name: exit $(sed -n 's/.*Exit status: //p' "$log"), $(wall_seconds "$log") s wall, $(peak_rss_mb "$log") MB peak RSS"
  grep -v -e '^\s' -e '^Command being timed' "$log" | grep -v -E '^\s*$' | head -n 4 || true
  head -n 4 "$out"; echo "  ..."; tail -n 4 "$out"
  echo "  ($(wc -l <"$out") lines of output)"
}
measure validate java ${WINNOW_JAVA_OPTS:--Xmx4g} -jar "$cli_jar" validate --input "$data"
measure run java ${WINNOW_JAVA_OPTS:--Xmx4g} -jar "$cli_jar" run --input "$data" --output "$work/out" --config "$work/run.json"
