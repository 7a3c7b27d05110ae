# Shared by the bench/*.sh scripts (sourced, not run): where the jars are, building them when
# missing, and reading wall time and peak memory from a `/usr/bin/time -v` log.
#
# Sets: winnow_root (the repository), cli_jar (the fat CLI jar), bench_jar (the bench jar).
# WINNOW_TARGET names the build folder (default target); WINNOW_BENCH_JAR overrides bench_jar.

winnow_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cli_jar="$winnow_root/winnow-cli/${WINNOW_TARGET:-target}/winnow-all.jar"
bench_jar="${WINNOW_BENCH_JAR:-$winnow_root/winnow-bench/${WINNOW_TARGET:-target}/winnow-bench.jar}"

# require_jars JAR...: builds the jars when one of them is missing; fails when one still is.
require_jars() {
  local jar missing=
  for jar in "$@"; do [ -f "$jar" ] || missing=1; done
  [ -z "$missing" ] && return 0
  echo "building the jars..." >&2
  mvn -q -B -f "$winnow_root/pom.xml" -pl winnow-bench -am package -DskipTests
  for jar in "$@"; do
    [ -f "$jar" ] || { echo "$(basename "$0"): no jar at $jar after building" >&2; exit 2; }
  done
}

# generate_once DIR COMMAND...: runs COMMAND (which writes the data set DIR) unless an earlier run
# finished it; a run cut short leaves no marker, so its half-written DIR is removed and made again.
generate_once() {
  local dir="$1"; shift
  [ -f "$dir/.complete" ] && return 0
  rm -rf "$dir"
  "$@"
  touch "$dir/.complete"
}

# wall_seconds LOG: the elapsed wall-clock time of a /usr/bin/time -v log, in seconds.
wall_seconds() {
  awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$1"
}

# peak_rss_mb LOG [floor]: the maximum resident set size of a /usr/bin/time -v log, in MB,
# rounded to the nearest MB, or rounded down when the second argument is "floor".
peak_rss_mb() {
  awk -F': ' -v mode="${2:-round}" '/Maximum resident set size/ {
    if (mode == "floor") print int($2/1024); else printf "%.0f\n", $2/1024 }' "$1"
}

# exited_ok LOG: whether the command of a /usr/bin/time -v log exited with status 0.
exited_ok() {
  grep -q 'Exit status: 0' "$1"
}
