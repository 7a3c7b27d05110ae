#!/usr/bin/env bash
# Fuzzing campaigns with Jazzer over the @FuzzTest targets, one target at a time, each for the given
# number of seconds, starting from the committed seed corpus.
# Usage: bench/fuzz.sh [SECONDS-PER-TARGET] [TARGET...]   (default 60 s, every target)
#   TARGET is a method name such as predictionFile or coco.
# Writes bench-data/fuzz/<target>/ (the grown corpus, any crashing input as crash-*, the log) and
# prints one line per target: runs, seconds, executions per second, coverage, findings.
set -euo pipefail
seconds="${1:-60}"
shift || true
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
out="$winnow_root/bench-data/fuzz"
mkdir -p "$out"

# module, test class, method
targets=(
  "winnow-format dev.winnow.format.fuzz.FormatFuzzTest predictionFile"
  "winnow-format dev.winnow.format.fuzz.FormatFuzzTest schema"
  "winnow-format dev.winnow.format.fuzz.FormatFuzzTest taskList"
  "winnow-format dev.winnow.format.fuzz.FormatFuzzTest cocoRle"
  "winnow-format dev.winnow.format.fuzz.FormatFuzzTest frameName"
  "winnow-format dev.winnow.format.fuzz.FormatFuzzTest csvLine"
  "winnow-convert dev.winnow.convert.fuzz.ConvertFuzzTest coco"
  "winnow-convert dev.winnow.convert.fuzz.ConvertFuzzTest yolo"
  "winnow-convert dev.winnow.convert.fuzz.ConvertFuzzTest voc"
  "winnow-convert dev.winnow.convert.fuzz.ConvertFuzzTest classificationCsv"
  "winnow-convert dev.winnow.convert.probmaps.NpyFuzzTest npy"
  "winnow-run dev.winnow.run.fuzz.RunConfigFuzzTest runConfig"
)

declare -A classpath
printf '%-20s %10s %8s %10s %8s %s\n' target runs seconds exec/s cov findings
for entry in "${targets[@]}"; do
  read -r module class method <<<"$entry"
  if [ $# -gt 0 ] && [[ " $* " != *" $method "* ]]; then continue; fi
  if [ -z "${classpath[$module]:-}" ]; then
    # test-compile in the same reactor lists the sibling modules as their class folders
    mvn -q -B -ntp -Dstyle.color=never -f "$winnow_root/pom.xml" -pl "$module" -am test-compile \
      dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/$module.classpath" \
      >"$out/$module.build.log" 2>&1 || { cat "$out/$module.build.log" >&2; exit 1; }
    classpath[$module]="$winnow_root/$module/target/test-classes:$winnow_root/$module/target/classes:$(cat "$out/$module.classpath")"
  fi
  dir="$out/$method"
  mkdir -p "$dir/corpus"
  seeds="$winnow_root/$module/src/test/resources/$(dirname "${class//.//}")/${class##*.}Inputs/$method"
  log="$dir/fuzz.log"
  status=0
  # SampleFacts is left uninstrumented: Jazzer 0.24's rewrite of this record (a type-annotated
  # component and a constructor that checks its values) loses its fields (NoSuchFieldError:
  # sampleName on the first input); it holds no branch worth steering towards.
  java -Xmx2g -cp "${classpath[$module]}" com.code_intelligence.jazzer.Jazzer \
    --target_class="$class" --target_method="$method" --instrumentation_includes='dev.winnow.**' \
    --instrumentation_excludes='dev.winnow.format.validate.SampleFacts' \
    --keep_going=20 -max_total_time="$seconds" -timeout=10 -artifact_prefix="$dir/" \
    "$dir/corpus" "$seeds" >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
  secs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\2/p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  findings=$(find "$dir" -maxdepth 1 -name 'crash-*' -o -maxdepth 1 -name 'timeout-*' -o -maxdepth 1 -name 'oom-*' | wc -l)
  rate=$([ -n "$runs" ] && [ "${secs:-0}" -gt 0 ] && echo $((runs / secs)) || echo -)
  printf '%-20s %10s %8s %10s %8s %s%s\n' "$method" "${runs:--}" "${secs:--}" "$rate" "${cov:--}" "$findings" \
    "$([ "$status" -ne 0 ] && [ "$findings" -eq 0 ] && echo " (exit $status, see $log)")"
done
