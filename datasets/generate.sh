#!/usr/bin/env bash
# Regenerates the bundled layered and irregular test sets (byte-identical: the generator is seeded).
set -euo pipefail
cd "$(dirname "$0")/.."
run() { dotnet run --project src/Scheduler -c Release -- "$@"; }
run generate layered --nodes 100  --count 10 --seed 100  --out datasets/layered-100
run generate layered --nodes 500  --count 20 --seed 500  --out datasets/layered-500
run generate layered --nodes 1000 --count 20 --seed 1000 --out datasets/layered-1000
run generate layered --nodes 2000 --count 20 --seed 2000 --out datasets/layered-2000
# Irregular networks (DESIGN §6: branchy graphs where the order has headroom), 5 graphs per family.
run generate series-parallel --nodes 400 --count 5 --seed 3000 --out datasets/irregular
run generate randwire --stage-nodes 32 --wiring ws --count 5 --seed 4000 --out datasets/irregular
run generate nas-cell --cells 20 --count 5 --seed 5000 --out datasets/irregular
