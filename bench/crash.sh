#!/usr/bin/env bash
# The kill campaign: KillAtAnyMomentTest with N seeded SIGKILL moments per command (and the moment
# each command's result appears), for winnow convert and winnow run (image level over a datapool,
# object level) into a folder and into an S3 bucket (S3Proxy in the test's JVM).
# Usage: bench/crash.sh [N] [SEED] [METHOD...]   (default 50 moments, the test's seed, every command;
#   METHOD is a test method such as convertCoco_intoAFolder or objectLevelRun)
# Prints one line per command: moments, the uninterrupted duration, and where the kills fell.
set -euo pipefail
points="${1:-50}"
seed="${2:-20261206}"
shift 2 || shift $# || true
tests=KillAtAnyMomentTest
if [ $# -gt 0 ]; then tests="KillAtAnyMomentTest#$(IFS=+; echo "$*")"; fi
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
out="$winnow_root/bench-data/crash"
mkdir -p "$out"
log="$out/crash-$points-$seed.log"
status=0
mvn -B -ntp -Dstyle.color=never -f "$winnow_root/pom.xml" -pl winnow-cli -am test \
  -Dtest="$tests" -Dsurefire.failIfNoSpecifiedTests=false \
  -Dwinnow.crash.points="$points" -Dwinnow.crash.seed="$seed" >"$log" 2>&1 || status=$?
grep '^Killed ' "$log" || true
grep -E '^\[(ERROR|INFO)\] Tests run:' "$log" | tail -1
[ "$status" -eq 0 ] || echo "The campaign failed (exit $status); see $log" >&2
exit "$status"
