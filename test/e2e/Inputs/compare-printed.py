#!/usr/bin/python3
"""Compares the outputs two tessera-run-model runs printed (the same lines,
values equal within a relative tolerance): compare-printed.py A.txt B.txt."""
import sys


def parse(path):
    outputs = []
    for line in open(path):
        head, _, values = line.rpartition(": ")
        outputs.append((head, [float(v) for v in values.split()]))
    return outputs


a, b = parse(sys.argv[1]), parse(sys.argv[2])
if [h for h, _ in a] != [h for h, _ in b] or not a:
    sys.exit(f"different outputs: {a} vs {b}")
for (head, x), (_, y) in zip(a, b):
    if len(x) != len(y) or any(abs(p - q) > 1e-4 * max(1.0, abs(q)) for p, q in zip(x, y)):
        sys.exit(f"{head}: {x} vs {y}")
print(f"{len(a)} outputs equal")
