#!/usr/bin/env python3
"""Writes the polygon fixtures that PolygonRasterizerTest compares against, pixel by pixel.

Each case is a list of polygons on an image of a given size and the mask pycocotools draws for it
(frPyObjects, decode, and the union of the parts as COCO's annToMask takes it), stored as
column-major run lengths starting with 0s, the uncompressed form of COCO's RLE. The Java test needs
only the JSON this writes; run this again (with pycocotools and numpy installed) only to change the
cases:

    python3 bench/polygon_fixtures.py winnow-format/src/test/resources/dev/winnow/format/rle/pycocotools-polygons.json
"""
import json
import random
import sys

import numpy as np
from pycocotools import mask as cocomask


def column_runs(m):
    flat = np.asarray(m, dtype=np.uint8).flatten(order="F")
    runs = []
    value = 0
    count = 0
    for p in flat:
        if p != value:
            runs.append(count)
            value = p
            count = 0
        count += 1
    runs.append(count)
    return runs


def case(name, polygons, height, width):
    rles = cocomask.frPyObjects([list(map(float, p)) for p in polygons], height, width)
    decoded = cocomask.decode(rles)  # height x width x parts
    union = decoded.any(axis=2)
    return {"name": name, "height": height, "width": width, "polygons": polygons,
            "area": int(union.sum()), "counts": column_runs(union)}


def fixed_cases():
    return [
        case("issue rectangle", [[98, 10, 110.5, 10, 110.5, 19.5, 98, 19.5]], 40, 130),
        case("convex hexagon", [[5, 2, 12, 3.3, 15.7, 9, 11, 15.2, 4.4, 14, 1.2, 8]], 18, 18),
        case("concave arrow", [[1, 1, 14, 7.5, 1, 14, 5.5, 7.5]], 16, 16),
        case("concave comb", [[1, 1, 19, 1, 19, 12, 15, 12, 15, 4, 11, 4, 11, 12, 7, 12, 7, 4, 3, 4, 3, 12, 1, 12]], 14, 21),
        case("self-touching bow tie", [[1, 1, 9, 9, 17, 1, 17, 17, 9, 9, 1, 17]], 19, 19),
        case("self-crossing star", [[10, 0.5, 13, 18, 1, 6.5, 19, 6.5, 6.5, 18]], 20, 20),
        case("sub-pixel triangle", [[3.1, 3.2, 3.5, 3.3, 3.3, 3.6]], 8, 8),
        case("sub-pixel sliver", [[0.2, 0.2, 6.8, 0.3, 6.8, 0.35]], 4, 8),
        case("edge-touching square", [[0, 0, 10, 0, 10, 10, 0, 10]], 10, 10),
        case("beyond the edges", [[-3.7, -2.2, 14.1, -1, 13.2, 12.9, -2, 11.4]], 10, 12),
        case("touching right and bottom", [[4, 4, 12, 4, 12, 9, 4, 9]], 9, 12),
        case("multi-part", [[1, 1, 5, 1, 5, 5, 1, 5], [8.5, 2.5, 14, 2.5, 11, 9.5], [3, 3, 9, 3, 9, 8, 3, 8]], 12, 16),
        case("multi-part apart", [[0.5, 0.5, 3.5, 0.5, 2, 3.5], [10, 6, 15, 6, 15, 11, 10, 11]], 12, 16),
        case("repeated points", [[2, 2, 2, 2, 9, 2.04, 9, 2, 9, 9, 2.02, 9, 2, 9]], 12, 12),
        case("half-pixel grid", [[0.5, 0.5, 6.5, 0.5, 6.5, 4.5, 0.5, 4.5]], 6, 8),
        case("thin diagonal", [[0, 0, 20, 11, 20, 11.6, 0, 0.6]], 13, 21),
    ]


def random_cases(count, seed):
    rng = random.Random(seed)
    cases = []
    for i in range(count):
        height = rng.randint(1, 40)
        width = rng.randint(1, 40)
        parts = 1 if rng.random() < 0.8 else rng.randint(2, 3)
        polygons = []
        for _ in range(parts):
            points = rng.randint(3, 12)
            style = rng.random()
            poly = []
            for _ in range(points):
                x = rng.uniform(-3, width + 3)
                y = rng.uniform(-3, height + 3)
                if style < 0.3:  # on tenths of a pixel, where the 5x rounding meets its halves
                    x, y = round(x, 1), round(y, 1)
                elif style < 0.5:  # whole and half pixels
                    x, y = round(x * 2) / 2, round(y * 2) / 2
                elif style < 0.6:  # a small, sub-pixel polygon
                    cx, cy = (poly[0], poly[1]) if poly else (x, y)
                    x, y = cx + rng.uniform(-0.9, 0.9), cy + rng.uniform(-0.9, 0.9)
                else:
                    x, y = round(x, 3), round(y, 3)
                poly += [x, y]
            polygons.append(poly)
        cases.append(case("random %d" % i, polygons, height, width))
    return cases


def main():
    cases = fixed_cases() + random_cases(300, 17)
    with open(sys.argv[1], "w") as out:
        out.write("[\n")
        out.write(",\n".join(json.dumps(c, separators=(",", ":")) for c in cases))
        out.write("\n]\n")


if __name__ == "__main__":
    main()
