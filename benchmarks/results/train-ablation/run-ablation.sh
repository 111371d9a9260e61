#!/bin/bash
# Runs the ablation one run after another (the machine is shared), timing each (wall and CPU seconds).
# Usage: run-ablation.sh BINARY_DIR RUN... (each RUN names RUN.yaml here; output in runs/RUN, log in RUN.log)
cd "$(dirname "$0")"
bin=$1; shift
for run in "$@"; do
  { echo "start $(date -u +%FT%TZ) $(uptime)"
    /usr/bin/time -f "time: wall %e s, user %U s, sys %S s" "$bin/scheduler" train --config "$run.yaml" --out "runs/$run"
    echo "end $(date -u +%FT%TZ) $(uptime)"; } > "$run.log" 2>&1
done
