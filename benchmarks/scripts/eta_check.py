#!/usr/bin/env python3
"""compare's time estimate against the time it really took: reads the progress lines of a non-interactive
`scheduler compare` run (its stderr: "compare: D/T runs (P%), X so far, about Y left; ..."), takes the last line's
"so far" as the total, and prints one Markdown row per line: elapsed, estimated time left, actual time left, their
ratio. With --summary, one Markdown row instead: the median, lowest and highest estimate / actual over the lines from
10 % done on (the first line has measured one row). Usage: eta_check.py [--summary LABEL] COMPARE_LOG"""
import re, statistics, sys

summary = None
if sys.argv[1] == "--summary":
    summary = sys.argv[2]
    del sys.argv[1:3]

def seconds(text):
    total = 0.0
    for value, unit in re.findall(r"([\d.]+)\s*(h|min|ms|s)\b", text):
        total += float(value) * {"h": 3600, "min": 60, "s": 1, "ms": 0.001}[unit]
    return total

lines = []
for line in open(sys.argv[1]):
    m = re.match(r"compare: (\d+)/(\d+) runs \((\d+)%\), (.+?) so far, (.+?); last (.*)$", line.strip())
    if m:
        left = m.group(5)
        est = None if "estimating" in left else 0.0 if "less than" in left else seconds(left)
        lines.append((int(m.group(1)), int(m.group(2)), seconds(m.group(4)), est, m.group(6)))
if not lines or lines[-1][0] != lines[-1][1]:
    sys.exit(f"{sys.argv[1]}: the run did not finish (no 100% line)")
total = lines[-1][2]
if summary is not None:
    r = [est / (total - el) for done, n, el, est, _ in lines[:-1] if est is not None and done * 10 >= n and total > el]
    print(f"| {summary} | {total / 60:.1f} min | {statistics.median(r):.2f} | {min(r):.2f} | {max(r):.2f} |")
    sys.exit(0)
print(f"Run total {total / 60:.1f} min.\n")
print("| runs done | elapsed | estimated left | actual left | estimate / actual | last row |")
print("|---:|---:|---:|---:|---:|---|")
for done, n, elapsed, est, last in lines[:-1]:
    actual = total - elapsed
    ratio = "" if est is None or actual <= 0 else f"{est / actual:.2f}"
    print(f"| {done}/{n} | {elapsed:.0f} s | {'—' if est is None else f'{est:.0f} s'} | {actual:.0f} s | {ratio} | {last} |")
