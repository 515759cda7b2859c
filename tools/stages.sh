#!/usr/bin/env bash
# Runs `make test`'s stages one after another and ends with one line per stage: passed, FAILED or
# skipped, and its seconds, so that one sees where the time goes and what broke. A failed stage
# does not stop the others (each says all it can); the exit code is 1 when any failed.
# Each stage's output also goes to target/test-logs/STAGE.log.
#   tools/stages.sh NAME:TARGET[:WHY-SKIPPED]...   an empty TARGET is a skipped stage
set -uo pipefail
logs=target/test-logs
mkdir -p "$logs"
summary=()
failed=0
total0=$(date +%s)
for stage in "$@"; do
  IFS=: read -r name target why <<<"$stage"
  if [ -z "$target" ]; then
    summary+=("$(printf '%-11s skipped  %5s s  %s' "$name" 0 "$why")")
    continue
  fi
  echo "==> $name (make $target)"
  t0=$(date +%s)
  if ${MAKE:-make} --no-print-directory "$target" 2>&1 | tee "$logs/$name.log"; then
    status=passed note=""
  else
    status=FAILED note="see $logs/$name.log"
    failed=1
  fi
  summary+=("$(printf '%-11s %-7s  %5s s  %s' "$name" "$status" "$(($(date +%s) - t0))" "$note")")
done
{
  echo
  echo "make test: stage      result   time"
  for line in "${summary[@]}"; do echo "make test: $line"; done
  echo "make test: $([ $failed = 0 ] && echo passed || echo FAILED) in $(($(date +%s) - total0)) s"
} | tee "$logs/summary.txt"
exit $failed
