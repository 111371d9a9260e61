"""`scheduler schedule ... --json` from a benchmark script: the parsed result and the command's wall seconds."""
import json, subprocess, time


def schedule_json(bin_, args):
    started = time.monotonic()
    p = subprocess.run([bin_, "schedule", *args, "--json"], capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit(f"{' '.join(args)}: exit {p.returncode}: {p.stderr.strip()}")
    return json.loads(p.stdout), round(time.monotonic() - started, 2)
