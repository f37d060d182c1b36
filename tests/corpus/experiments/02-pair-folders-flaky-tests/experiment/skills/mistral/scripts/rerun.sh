#!/usr/bin/env bash
# usage: rerun.sh <test-id> [runs]
test_id="$1"; runs="${2:-25}"; fails=0
for _ in $(seq 1 "$runs"); do
  pytest "$test_id" -q >/dev/null 2>&1 || fails=$((fails+1))
done
echo "$fails/$runs failed"
