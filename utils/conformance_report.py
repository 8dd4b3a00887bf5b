"""The summary both ONNX backend-test runners print: failures, the operators
that block unsupported tests, counts per suite. Imported by
onnx-conformance.py and onnx-import-conformance.py."""
import collections
import re

# A line of the importer's "unsupported ONNX operators" error.
UNSUPPORTED_LINE = re.compile(r"^  (\S+) \(opset \d+\): \d+ node")


def print_report(failures, blocking, counts, suites, good, unit):
    """`good` is (status key, its label), e.g. ("passed", "passed"); returns
    the exit status: 1 when anything failed."""
    key, label = good
    for line in sorted(failures):
        print("FAILED", line)
    if blocking:
        print(f"\nUnsupported operators ({unit} blocked):")
        for op, n in blocking.most_common():
            print(f"  {op}: {n}")
    print()
    total = collections.Counter()
    for suite in suites:
        c = counts[suite]
        total.update(c)
        print(f"{suite:18} {sum(c.values()):4} {unit}: {c[key]:4} {label}, "
              f"{c['failed']:4} failed, {c['unsupported']:4} unsupported")
    n = sum(total.values())
    print(f"{'total':18} {n:4} {unit}: {total[key]:4} {label} "
          f"({100.0 * total[key] / max(n, 1):.1f} %), "
          f"{total['failed']:4} failed, {total['unsupported']:4} unsupported")
    return 1 if total["failed"] else 0
