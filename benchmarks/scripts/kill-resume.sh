#!/usr/bin/env bash
# kill -9 `scheduler train` at random moments, resume it (`--resume`, killed again at random moments, then to the
# end) and compare every trial's output folder with an uninterrupted run of the same config: model.bin and the state
# files byte for byte, metrics.csv without its wall-clock column (elapsed_s), and the folder's file list (no
# leftovers of the killed runs). Two tiny configs: mean baseline without dropout, rollout baseline with dropout 0.3.
# Usage: kill-resume.sh SCHEDULER_BIN [TRIALS_PER_CONFIG] [OUT_DIR]
#   SCHEDULER_BIN  the CLI (e.g. src/Scheduler/bin/Release/net10.0/scheduler)
# Writes OUT_DIR/kills.csv (one row per kill: what the folder held right after it), OUT_DIR/trials.csv (one row per
# trial: identical or what differed) and prints a summary. Delays are drawn from a fixed seed (SEED, default 14).
set -euo pipefail
bin=$(realpath "$1"); trials=${2:-15}; out=${3:-benchmarks/results/kill-resume}
cd "$(dirname "$0")/../.."
mkdir -p "$out"
python3 - "$bin" "$trials" "$out" "${SEED:-14}" <<'PY'
import csv, os, random, re, shutil, subprocess, sys, time

bin_, trials, out, seed = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
work = os.path.join(out, "work")
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
base = """seed: 1
steps: 12
graphs_per_step: 2
samples_per_graph: 4
imitation_steps: 2
validate_every: 2
train_graphs: { generator: layered, nodes_min: 15, nodes_max: 30 }
validation: { generator: layered, nodes_min: 15, nodes_max: 30, count: 2, seed: 5 }
"""
configs = {
    "mean": base + "model: { layers: 1, model_dim: 16, heads_per_mask: 1, head_dim: 8 }\n",
    "rollout-dropout": base + "baseline: rollout\nmodel: { layers: 1, model_dim: 16, heads_per_mask: 1, head_dim: 8, dropout: 0.3 }\n",
}
rng = random.Random(seed)

def train(config, folder, resume):
    args = [bin_, "train", "--config", config, "--out", folder] + (["--resume"] if resume else [])
    return subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

def committed_folder(folder):
    try:
        with open(os.path.join(folder, "state", "current")) as f:
            return f.read().strip()
    except FileNotFoundError:
        return None

def snapshot(folder):
    """What a kill left: the committed step, metrics rows beyond it, uncommitted state folders, temp files."""
    current = committed_folder(folder)
    step = int(current[5:current.index(".")]) if current else -1
    rows, partial = 0, False
    metrics = os.path.join(folder, "metrics.csv")
    if os.path.exists(metrics):
        text = open(metrics).read()
        rows = max(text.count("\n") - 1, 0)
        partial = len(text) > 0 and not text.endswith("\n")
    state = os.path.join(folder, "state")
    names = os.listdir(state) if os.path.isdir(state) else []
    extra = sum(1 for n in names if n.startswith("step-") and n != current)
    temps = sum(1 for _, _, files in os.walk(folder) for n in files if n.endswith(".tmp"))
    return dict(committed_step=step, metrics_rows=rows, partial_row=partial, uncommitted_folders=extra, temp_files=temps)

def finish(config, folder, resume=True):
    """Runs to the end; a folder with nothing committed is refused by --resume (exit 2) and started afresh."""
    p = train(config, folder, resume)
    _, err = p.communicate()
    if p.returncode == 2 and "nothing to resume" in err:
        return ["nothing to resume"] + finish(config, folder, resume=False)
    if p.returncode != 0:
        raise SystemExit(f"{folder}: exit {p.returncode}: {err}")
    return ["resume" if resume else "fresh"]

def files(folder):
    """The comparable content of a finished run."""
    current = committed_folder(folder)
    result = {"model.bin": open(os.path.join(folder, "model.bin"), "rb").read()}
    result["metrics.csv"] = "\n".join(l.rsplit(",", 1)[0] for l in open(os.path.join(folder, "metrics.csv")).read().splitlines())
    state = os.path.join(folder, "state", current)
    for name in sorted(os.listdir(state)):
        data = open(os.path.join(state, name), "rb").read()
        if name == "state.yaml":
            data = re.sub(rb"elapsed_seconds: [^\n]*\n", b"", data)
        result["state/" + name] = data
    listing = []
    for root, dirs, names in os.walk(folder):
        for n in dirs + names:
            listing.append(os.path.relpath(os.path.join(root, n), folder).replace(current, "step-folder"))
    result["(file list)"] = "\n".join(sorted(listing))
    return result

kill_rows, trial_rows = [], []
for name, text in configs.items():
    config = os.path.join(work, name + ".yaml")
    open(config, "w").write(text)
    reference = os.path.join(work, name + "-uninterrupted")
    start = time.monotonic()
    finish(config, reference, resume=False)
    wall = time.monotonic() - start
    expected = files(reference)
    print(f"{name}: uninterrupted run {wall:.1f} s", flush=True)
    for trial in range(1, trials + 1):
        folder = os.path.join(work, f"{name}-{trial:02d}")
        kills, resume, done = 0, False, False
        for k in range(rng.randint(1, 3)):
            delay = rng.uniform(0.0, wall)
            p = train(config, folder, resume)
            time.sleep(delay)
            if p.poll() is not None:  # it ended first: finished, or refused (nothing to resume)
                _, err = p.communicate()
                if p.returncode == 2 and "nothing to resume" in err:
                    resume = False
                    continue
                if p.returncode != 0:
                    raise SystemExit(f"{folder}: exit {p.returncode}: {err}")
                done = True
                break
            p.kill()  # SIGKILL
            p.wait()
            kills += 1
            kill_rows.append(dict(config=name, trial=trial, kill=kills, delay_s=f"{delay:.2f}", resumed_run=resume, **snapshot(folder)))
            resume = True
        how = ["finished before a kill"] if done else finish(config, folder, resume)
        got = files(folder)
        diff = [k for k in expected if got.get(k) != expected[k]] + [k for k in got if k not in expected]
        trial_rows.append(dict(config=name, trial=trial, kills=kills, final="+".join(how), identical=not diff, differs=";".join(diff)))
        print(f"  trial {trial:2d}: {kills} kills, {'identical' if not diff else 'DIFFERS: ' + ', '.join(diff)}", flush=True)

for path, rows in ((os.path.join(out, "kills.csv"), kill_rows), (os.path.join(out, "trials.csv"), trial_rows)):
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(rows)

print(f"\ntrials: {len(trial_rows)}, identical: {sum(r['identical'] for r in trial_rows)}, kills: {len(kill_rows)}")
def count(pred): return sum(1 for r in kill_rows if pred(r))
print(f"kills that left: nothing committed {count(lambda r: r['committed_step'] < 0)}, "
      f"metrics rows past the commit {count(lambda r: r['metrics_rows'] > max(r['committed_step'], 0))}, "
      f"a partial metrics row {count(lambda r: r['partial_row'])}, "
      f"an uncommitted state folder {count(lambda r: r['uncommitted_folders'] > 0)}, "
      f"temp files {count(lambda r: r['temp_files'] > 0)}")
print("committed step at the kill:", dict(sorted(
    {s: count(lambda r, s=s: r['committed_step'] == s) for s in {r['committed_step'] for r in kill_rows}}.items())))
shutil.rmtree(work)
PY
