#!/usr/bin/env python3
"""The status quo for `winnow scores`: a plain Python loop of json.load over every prediction
file of an object-detection task, computing the same active-learning scores with the same
formulas, written as the same CSV. Usage: scores_reference.py DATASOURCE TASK OUT_CSV"""
import json
import math
import os
import sys

IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".bmp", ".gif", ".tif", ".tiff", ".webp"}


def vector_scores(p):
    if len(p) == 1:
        p = [p[0], 1 - p[0]]
    c = len(p)
    top = sorted(p, reverse=True)
    least = (1 - top[0]) / (1 - 1 / c)
    margin = 1 - (top[0] - top[1])
    entropy = -sum(x * math.log2(x) for x in p if x > 0) / math.log2(c)
    return [min(1.0, max(0.0, v)) for v in (least, margin, entropy)]


def main(root, task, out):
    folder = os.path.join(root, ".lightly", "predictions", task)
    with open(os.path.join(folder, "schema.json")) as f:
        schema = json.load(f)
    ids = sorted(c["id"] for c in schema["categories"])
    index = {cid: i for i, cid in enumerate(ids)}
    k = len(ids)
    images = {}
    for d, dirs, files in os.walk(root):
        dirs[:] = [x for x in dirs if x not in (".lightly", ".winnow")]
        for name in files:
            stem, ext = os.path.splitext(name)
            if ext.lower() in IMAGE_EXTENSIONS:
                rel = os.path.relpath(os.path.join(d, stem), root)
                images.setdefault(rel, os.path.relpath(os.path.join(d, name), root))
    rows = []
    for d, _, files in os.walk(folder):
        for name in files:
            if not name.endswith(".json") or (d == folder and name == "schema.json"):
                continue
            rel = os.path.relpath(os.path.join(d, name[:-5]), folder)
            sample = images.get(rel)
            if sample is None:
                continue
            with open(os.path.join(d, name)) as f:
                predictions = json.load(f)["predictions"]
            scores = []
            uncertainty = [0.0, 0.0, 0.0]
            counts = {}
            for box in predictions:
                s = box["score"]
                scores.append(s)
                p = box.get("probabilities")
                if p is None:
                    p = [(1 - s) / (k - 1)] * k if k > 1 else [s]
                    if k > 1:
                        p[index[box["category_id"]]] = s
                uncertainty = [max(a, b) for a, b in zip(uncertainty, vector_scores(p))]
                counts[box["category_id"]] = counts.get(box["category_id"], 0) + 1
            objectness = min(1.0, max(0.0, 1 - sum(scores) / len(scores))) if scores else 0.0
            frequency = sum(1 + 0.25 * (n - 1) for n in counts.values())
            rows.append([sample, objectness, frequency] + uncertainty)
    if rows:
        lo = min(r[2] for r in rows)
        hi = max(r[2] for r in rows)
        for r in rows:
            r[2] = (9 * (hi - r[2]) + 10 * (r[2] - lo)) / (10 * (hi - lo)) if hi > lo else 1.0
    rows.sort(key=lambda r: r[0])
    with open(out, "w") as f:
        f.write("sample,objectness_least_confidence,object_frequency,uncertainty_least_confidence,"
                "uncertainty_margin,uncertainty_entropy\n")
        for r in rows:
            f.write(",".join([r[0]] + [repr(float(v)) for v in r[1:]]) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:4])
