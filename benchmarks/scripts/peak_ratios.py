"""Shared by the summary scripts over `compare --json` rows: raw files grouped by name, peak / bound per graph, means."""
import glob, json, os, re
from collections import defaultdict


def load_runs(raw, pattern):
    """RAW/*.json whose name matches PATTERN (groups: set, size, run name) -> {(set, size): {run name: rows}}."""
    runs = defaultdict(dict)
    for path in sorted(glob.glob(os.path.join(raw, '*.json'))):
        m = re.match(pattern, os.path.basename(path))
        runs[(m.group(1), int(m.group(2)))][m.group(3)] = json.load(open(path))
    return runs


def ratios(rows, method):
    """{graph: peak / max(working-set bound, cut bound)} of METHOD's rows."""
    return {r['graph']: r['peak_bytes'] / max(r['lower_bound_bytes'], r['cut_bound_bytes']) for r in rows if r['method'] == method}


def mean(d):
    return sum(d.values()) / len(d)
