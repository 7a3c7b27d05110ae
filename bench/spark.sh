#!/usr/bin/env bash
# Spark benchmark: `winnow spark run` at local[1] and local[2] against `winnow run` on the same N
# images: the whole-run benchmark's data (bench/run.sh, bench-data/run-N: 640x480 JPEGs with
# object-detection predictions, diversity + uncertainty + class balance selecting 1%), built-in
# embedder. One timed row per call, so that each timed command stays short:
#
#   bench/spark.sh N prepare     untimed: one output folder per row (a copy of .lightly/), warm cache
#   bench/spark.sh N local       `winnow run`                      -> bench-data/spark-N/local
#   bench/spark.sh N local1      `winnow spark run --master local[1]` -> bench-data/spark-N/local1
#   bench/spark.sh N local2      `winnow spark run --master local[2]` -> bench-data/spark-N/local2
#   bench/spark.sh N compare     untimed: the rows' selected.txt, selection.csv and scores.csv
#
# Each row prints wall time, peak memory (/usr/bin/time -v) and samples per second. Every row runs
# with -Xmx4g (./winnow's default) and Spark's default partitions (one per core); `winnow run` without
# its class-data-sharing archive (WINNOW_CDS=off), as the Spark job has none.
set -euo pipefail
n="${1:?usage: bench/spark.sh N prepare|local|local1|local2|compare}"
row="${2:?usage: bench/spark.sh N prepare|local|local1|local2|compare}"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
here="$winnow_root"
data="$here/bench-data/run-$n"
out="$here/bench-data/spark-$n"
rows=(local local1 local2)

case "$row" in
  prepare)
    require_jars "$bench_jar"
    generate_once "$data" java -cp "$bench_jar" dev.winnow.bench.run.RunDataset "$n" "$data"
    for r in "${rows[@]}"; do
      rm -rf "${out:?}/$r"
      mkdir -p "$out/$r"
      cp -r "$data/.lightly" "$out/$r/"
    done
    find "$data/images" -type f -print0 | xargs -0 cat > /dev/null
    exit 0
    ;;
  compare)
    for f in selected.txt selection.csv scores.csv; do
      for r in local1 local2; do
        if cmp -s "$out/local/.winnow/runs/bench/$f" "$out/$r/.winnow/runs/bench/$f"; then
          echo "$r $f: the same bytes as winnow run's"
        else
          echo "$r $f: DIFFERS from winnow run's"
        fi
      done
    done
    exit 0
    ;;
  local) command=(env WINNOW_CDS=off "$here/winnow" run) ;;
  local1) command=("$here/winnow" spark run --master 'local[1]') ;;
  local2) command=("$here/winnow" spark run --master 'local[2]') ;;
  *) echo "spark.sh: unknown row '$row'; expected prepare, local, local1, local2 or compare" >&2; exit 2 ;;
esac

[ -d "$out/$row/.lightly" ] || { echo "spark.sh: run 'bench/spark.sh $n prepare' first" >&2; exit 2; }
[ -d "$out/$row/.winnow" ] && { echo "spark.sh: $out/$row already holds a run; run 'bench/spark.sh $n prepare' again" >&2; exit 2; }
log="$out/$row.time"
/usr/bin/time -v "${command[@]}" --input "$data" --output "$out/$row" --config "$data/run.json" --run-id bench \
  >"$out/$row.stdout" 2>"$log" || true
if ! exited_ok "$log"; then
  echo "$row did not exit with 0; see $log" >&2
  tail -n 20 "$log" >&2
  exit 1
fi
wall=$(wall_seconds "$log")
printf '%-8s | %8s | %7s | %9s\n' "row" "wall s" "peak MB" "samples/s"
printf '%-8s | %8.2f | %7s | %9.1f\n' "$row" "$wall" "$(peak_rss_mb "$log")" "$(echo "$n / $wall" | bc -l)"
grep -A3 '^Run bench finished' "$out/$row.stdout" || true
