#!/usr/bin/env python3
"""Checks that two scores CSVs hold the same samples in the same order and the same values up to
1e-12 (the last bits of a logarithm may differ between libraries). Usage: scores_compare.py A B"""
import sys


def rows(path):
    with open(path) as f:
        return [line.rstrip("\n").split(",") for line in f]


a, b = rows(sys.argv[1]), rows(sys.argv[2])
if a[0] != b[0]:
    sys.exit(f"headers differ: {a[0]} vs {b[0]}")
if len(a) != len(b):
    sys.exit(f"{len(a) - 1} rows vs {len(b) - 1} rows")
worst = 0.0
for ra, rb in zip(a[1:], b[1:]):
    if ra[0] != rb[0]:
        sys.exit(f"sample order differs: {ra[0]} vs {rb[0]}")
    for x, y in zip(ra[1:], rb[1:]):
        worst = max(worst, abs(float(x) - float(y)))
if worst > 1e-12:
    sys.exit(f"values differ by up to {worst}")
print(f"same {len(a) - 1} rows; largest difference {worst:.1e}")
