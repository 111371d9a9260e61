#!/bin/bash
# CPU seconds per training step by graph size, for sizing the shipped config: short runs at fixed sizes (2 graphs per
# step, K = 8, with and without expert iteration at 10,000 moves), timed by /usr/bin/time; a 1-step run of the same
# size is subtracted (start-up, validation). CPU seconds, unlike wall time, hardly depend on the other jobs' load.
# Usage: [CASES='RANGE:GRAPHS:EXPERT_WEIGHT ...'] step-times.sh SCHEDULER_BINARY_DIR STEPS > step-times.csv
cd "$(dirname "$0")"
bin=$1; steps=$2
work=$(mktemp -d)
echo "nodes,graphs_per_step,expert,steps,cpu_s_per_step,wall_s_per_step,load"
# The first row repeats the shipped run's step (4 graphs of 100-300 ops, K = 8; it took 0.081 s wall per step on
# 2 cores with load 2-17), to relate these CPU seconds to a wall time measured on this machine.
# One torch thread (OMP_NUM_THREADS=1): on a loaded machine spinning worker threads inflate CPU seconds, and one
# thread's CPU seconds are the step's work; two quiet cores take at most that long per step.
export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
for case in ${CASES:-100-300:4:0 300:2:0 300:2:0.5 700:2:0.5 1000:2:0 1000:2:0.5 1500:2:0.5}; do
  IFS=: read range graphs expert <<< "$case"; lo=${range%-*}; hi=${range#*-}
  {
    for n in 1 $((steps + 1)); do
      cat > "$work/c.yaml" <<YAML
seed: 1
steps: $n
graphs_per_step: $graphs
samples_per_graph: 8
learning_rate: 0.001
imitation_steps: 0
validate_every: 1000000
expert_weight: $expert
expert_search_moves: 10000
train_graphs: { generator: layered, nodes_min: $lo, nodes_max: $hi }
validation: { generator: layered, nodes_min: 50, nodes_max: 50, count: 1, seed: 5 }
model: { layers: 3, model_dim: 64, heads_per_mask: 1, head_dim: 16, mlp_ratio: 2, dropout: 0, logit_scale: 3 }
YAML
      rm -rf "$work/out"
      /usr/bin/time -f "%e %U %S" -o "$work/t$n" "$bin/scheduler" train --config "$work/c.yaml" --out "$work/out" > /dev/null 2>&1
    done
    read w1 u1 s1 < "$work/t1"; read wn un sn < "$work/t$((steps + 1))"
    python3 -c "print(f'$range,$graphs,$expert,$steps,{(($un+$sn)-($u1+$s1))/$steps:.3f},{($wn-$w1)/$steps:.3f},$(cut -d' ' -f1 /proc/loadavg)')"
  }
done
rm -rf "$work"
