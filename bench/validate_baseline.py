#!/usr/bin/env python3
"""The status quo for `winnow validate`: a plain Python loop that json.loads every prediction file
of every listed task and applies the same checks (types, category ids, score and probability
ranges, probability count and sum, bbox shape, sign and bounds against the image size read from
the PNG/JPEG header, file_name, orphans, samples without predictions).

Usage: bench/validate_baseline.py ROOT      (ROOT holds the images and .lightly/predictions)
Prints a summary line; exit code 1 when errors were found.
"""
import json
import math
import os
import struct
import sys

IMAGE_EXT = {".jpg", ".jpeg", ".png", ".bmp", ".gif", ".tif", ".tiff", ".webp"}


def list_samples(root):
    samples = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in (".lightly", ".winnow")]
        for f in files:
            if os.path.splitext(f)[1].lower() in IMAGE_EXT:
                samples.append(os.path.relpath(os.path.join(folder, f), root).replace(os.sep, "/"))
    samples.sort()
    return samples


def image_size(path):
    with open(path, "rb") as f:
        head = f.read(26)
        if head[:8] == b"\x89PNG\r\n\x1a\n":
            return struct.unpack(">II", head[16:24])
        if head[:2] == b"\xff\xd8":
            f.seek(2)
            while True:
                marker, length = struct.unpack(">HH", f.read(4))
                if marker in (0xFFC0, 0xFFC1, 0xFFC2):
                    h, w = struct.unpack(">xHH", f.read(5))
                    return w, h
                f.seek(length - 2, 1)
    raise ValueError("unknown image format")


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def check_singleton(s, ids, count, width, height):
    errors = []
    if not isinstance(s, dict):
        return ["singleton is not an object"]
    cid = s.get("category_id")
    if not isinstance(cid, int) or isinstance(cid, bool):
        errors.append("category_id is not an integer")
    elif cid not in ids:
        errors.append("category_id not in schema")
    score = s.get("score")
    if not is_number(score) or math.isnan(score) or not 0 <= score <= 1:
        errors.append("score missing or out of range")
    bbox = s.get("bbox")
    if not isinstance(bbox, list) or len(bbox) != 4 or not all(is_number(v) and math.isfinite(v) for v in bbox):
        errors.append("bbox is not 4 numbers")
    elif any(v < 0 for v in bbox):
        errors.append("bbox negative")
    elif bbox[0] + bbox[2] > width or bbox[1] + bbox[3] > height:
        errors.append("bbox outside the image")
    probs = s.get("probabilities")
    if probs is not None:
        if not isinstance(probs, list) or not all(is_number(p) for p in probs):
            errors.append("probabilities not numbers")
        elif any(math.isnan(p) or not 0 <= p <= 1 for p in probs):
            errors.append("probability out of range")
        elif len(probs) != count:
            errors.append("probabilities length")
        elif abs(sum(probs) - 1) > 1e-3:
            errors.append("probabilities sum")
    for key in s:
        if key not in ("category_id", "bbox", "score", "probabilities"):
            errors.append("unknown field " + key)
    return errors


def main():
    root = sys.argv[1]
    predictions = os.path.join(root, ".lightly", "predictions")
    samples = list_samples(root)
    by_base = {}
    for s in samples:
        by_base.setdefault(os.path.splitext(s)[0], s)
    with open(os.path.join(predictions, "tasks.json")) as f:
        tasks = json.load(f)
    checked = valid = invalid = errors = without = 0
    for task in tasks:
        with open(os.path.join(predictions, task, "schema.json")) as f:
            schema = json.load(f)
        ids = {c["id"] for c in schema["categories"]}
        count = len(ids)
        folder = os.path.join(predictions, task)
        matched = set()
        for current, dirs, files in os.walk(folder):
            dirs.sort()
            for name in sorted(files):
                rel = os.path.relpath(os.path.join(current, name), folder).replace(os.sep, "/")
                if rel == "schema.json" or not rel.endswith(".json"):
                    continue
                checked += 1
                sample = by_base.get(rel[:-5])
                problems = []
                if sample is None:
                    problems.append("orphan")
                else:
                    matched.add(sample)
                    width, height = image_size(os.path.join(root, sample))
                    try:
                        with open(os.path.join(current, name)) as f:
                            data = json.load(f)
                    except ValueError as e:
                        data = None
                        problems.append("malformed: %s" % e)
                    if data is not None:
                        if not isinstance(data, dict) or not isinstance(data.get("predictions"), list):
                            problems.append("no predictions list")
                        else:
                            fn = data.get("file_name")
                            if fn is not None and fn != sample:
                                problems.append("file_name mismatch")
                            for s in data["predictions"]:
                                problems.extend(check_singleton(s, ids, count, width, height))
                if problems:
                    invalid += 1
                    errors += len(problems)
                else:
                    valid += 1
        without += sum(1 for s in samples if s not in matched)
    print("python: %d tasks, %d files checked, %d valid, %d invalid, %d errors, %d samples without predictions"
          % (len(tasks), checked, valid, invalid, errors, without))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
