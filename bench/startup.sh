#!/usr/bin/env bash
# Start-up of short commands: the fat jar started plainly, with a class-data sharing archive
# (AppCDS, Java 17 and later) and with an ahead-of-time cache (Java 25 and later), each archive
# made by one training run of the same command, as ./winnow makes them.
# Usage: bench/startup.sh [REPS]   (default 7; runs are interleaved, medians reported)
# JAVA_17 and JAVA_25 name the java binaries (defaults: `java` on PATH, and the first Java 25 found
# under /usr/lib/jvm); a missing one is left out with a note.
set -euo pipefail
reps="${1:-7}"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
require_jars "$cli_jar" "$bench_jar"
work="$winnow_root/bench-data/startup"
rm -rf "$work" && mkdir -p "$work"

java17="${JAVA_17:-$(command -v java)}"
java25="${JAVA_25:-}"
if [ -z "$java25" ]; then
  for candidate in /usr/lib/jvm/*/bin/java; do
    [ -x "$candidate" ] || continue
    if grep -q '^JAVA_VERSION="25' "$(dirname "$candidate")/../release" 2>/dev/null; then java25="$candidate"; break; fi
  done
fi

java -cp "$bench_jar" dev.winnow.bench.validate.ValidationDatasetGenerator "$work/v10" 10 >/dev/null 2>&1
# The commands timed: the version (JVM and command line only), validate of 10 samples, the demo.
commands=("version|--version" "validate 10|validate --input $work/v10" "demo|demo --dir $work/demo")

# variants: label|java|options ; the archive options are filled in after training
variants=("17 plain|$java17|")
variants+=("17 AppCDS|$java17|-XX:SharedArchiveFile=$work/ARCHIVE.jsa")
if [ -n "$java25" ]; then
  variants+=("25 plain|$java25|")
  variants+=("25 AppCDS|$java25|-XX:SharedArchiveFile=$work/ARCHIVE.jsa")
  variants+=("25 AOT cache|$java25|-XX:AOTCache=$work/ARCHIVE.aot")
else
  echo "note: no Java 25 found (set JAVA_25); its rows are left out" >&2
fi

vector_opts=(--add-modules jdk.incubator.vector -Xlog:disable -Xlog:all=error:stderr)

# train LABEL JAVA COMMAND...: makes the archive of one variant for one command
train() {
  local label="$1" java_bin="$2" key="$3"; shift 3
  case "$label" in
    *AppCDS) "$java_bin" "${vector_opts[@]}" -XX:ArchiveClassesAtExit="$work/${label// /_}-$key.jsa" -jar "$cli_jar" "$@" >/dev/null 2>&1 ;;
    *"AOT cache") "$java_bin" "${vector_opts[@]}" -XX:AOTCacheOutput="$work/${label// /_}-$key.aot" -jar "$cli_jar" "$@" >/dev/null 2>&1 ;;
  esac
}

# one LABEL JAVA OPTIONS KEY COMMAND...: prints "wall cpu" of one run
one() {
  local label="$1" java_bin="$2" archive="$3" key="$4"; shift 4
  local opts=("${vector_opts[@]}")
  [ -n "$archive" ] && opts+=("${archive//ARCHIVE/${label// /_}-$key}")
  /usr/bin/time -f '%e %U %S' -o "$work/time" "$java_bin" "${opts[@]}" -jar "$cli_jar" "$@" >/dev/null 2>"$work/stderr" \
    || { echo "failed: $label $*" >&2; cat "$work/stderr" >&2; exit 1; }
  awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' "$work/time"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average at start:$(uptime | sed 's/.*load average://')"
echo "| command | variant | median wall s | median CPU s (user + sys) | training run s |"
echo "|---|---|---|---|---|"
for entry in "${commands[@]}"; do
  name="${entry%%|*}"; read -r -a args <<<"${entry#*|}"; key="${name// /_}"
  declare -A train_s=()
  for variant in "${variants[@]}"; do
    IFS='|' read -r label java_bin archive <<<"$variant"
    start=$(date +%s%N); train "$label" "$java_bin" "$key" "${args[@]}"; end=$(date +%s%N)
    train_s[$label]=$(awk -v n=$((end - start)) 'BEGIN { printf "%.2f", n / 1e9 }')
  done
  declare -A walls=() cpus=()
  for ((r = 0; r < reps; r++)); do
    for variant in "${variants[@]}"; do
      IFS='|' read -r label java_bin archive <<<"$variant"
      read -r wall cpu < <(one "$label" "$java_bin" "$archive" "$key" "${args[@]}")
      walls[$label]+="$wall "; cpus[$label]+="$cpu "
    done
  done
  for variant in "${variants[@]}"; do
    IFS='|' read -r label _ archive <<<"$variant"
    training="–"; [ -n "$archive" ] && training="${train_s[$label]}"
    echo "| $name | $label | $(tr ' ' '\n' <<<"${walls[$label]}" | grep . | median) | $(tr ' ' '\n' <<<"${cpus[$label]}" | grep . | median) | $training |"
  done
  unset walls cpus train_s
done
echo "# load average at end:$(uptime | sed 's/.*load average://')"
