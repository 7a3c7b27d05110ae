#!/usr/bin/env python3
"""Farthest-first (k-center greedy) in NumPy float32: the status quo Winnow's k-center is compared with.

Usage: kcenter_numpy.py IN.npy PICKS FIRST PICKS_OUT.txt [--method diff|dot] [--no-radius]

  diff  the loop as usually written: d = ((X - X[i]) ** 2).sum(axis=1); two N x d temporaries per pick
  dot   the BLAS form: d = |x|^2 + |c|^2 - 2 X @ c with the squared norms computed once

Both start from the same first pick (FIRST, the index Winnow drew with its seed), keep one
min-distance array and print one line with the time and the k-center radius of the picks
(--no-radius leaves out the radius, whose recomputation costs one diff pass per pick).
"""
import sys
import time

import numpy as np


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    with_radius = "--no-radius" not in sys.argv
    method = "diff"
    if "--method" in sys.argv:
        method = sys.argv[sys.argv.index("--method") + 1]
        args.remove(method)
    if len(args) != 4 or method not in ("diff", "dot"):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    path, picks, first, out = args[0], int(args[1]), int(args[2]), args[3]

    x = np.load(path)
    if x.dtype != np.float32 or x.ndim != 2:
        sys.exit(f"{path} must hold a 2-d float32 matrix, but holds {x.dtype} with shape {x.shape}")
    n = x.shape[0]
    picks = min(picks, n)

    start = time.perf_counter()
    norms = (x * x).sum(axis=1) if method == "dot" else None

    def squared_distances(i):
        if method == "dot":
            c = x[i]
            return np.maximum(norms - 2.0 * (x @ c) + np.dot(c, c), 0.0)
        return ((x - x[i]) ** 2).sum(axis=1)

    selected = [first]
    nearest = squared_distances(first)
    while len(selected) < picks:
        nxt = int(np.argmax(nearest))
        selected.append(nxt)
        np.minimum(nearest, squared_distances(nxt), out=nearest)
    elapsed = time.perf_counter() - start

    # The radius of the picks, recomputed exactly with the diff form, outside the timed part.
    radius = float("nan")
    if with_radius:
        check = np.full(n, np.inf, dtype=np.float32)
        for i in selected:
            np.minimum(check, ((x - x[i]) ** 2).sum(axis=1), out=check)
        radius = float(np.sqrt(check.max()))

    with open(out + ".tmp", "w") as f:
        f.write("\n".join(str(i) for i in selected) + "\n")
    import os
    os.replace(out + ".tmp", out)
    print(f"method=numpy-{method} select_s={elapsed:.3f} ms_per_pick={elapsed * 1000 / picks:.2f} "
          f"picks={len(selected)} radius={radius:.6f}")


if __name__ == "__main__":
    main()
