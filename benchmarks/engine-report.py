#!/usr/bin/env python3
"""Turns a JMH JSON result of ShowNotesBenchmark into the table of BENCHMARKS.md section 1.

Usage: python3 benchmarks/engine-report.py RESULT.json

For each input: the median time per op (ShowNotesBenchmark samples each op's time; the median is the op no other
process on a shared machine preempted) and the 90th percentile, MB/s at the median (10^6 chars a second; the synthetic notes are ASCII, so chars are UTF-8 bytes),
the ratio of that to the same run's plain scan over the same chars (referenceScan, seedReferenceScan), and, when the
run had -prof gc, the bytes allocated per MB of input (gc.alloc.rate.norm / MB).
"""
import json
import sys

SEED_CHARS_KEY = "seed"


def main(path):
    with open(path, encoding="utf-8") as f:
        results = json.load(f)
    rows = {}
    for result in results:
        name = result["benchmark"].rsplit(".", 1)[1]
        params = result.get("params") or {}
        key = (params.get("shape", SEED_CHARS_KEY), int(params.get("chars", 0)))
        metric = result["primaryMetric"]
        if result["mode"] != "sample" or metric["scoreUnit"] != "us/op":
            sys.exit(f"{name}: expected sampled us/op, got {result['mode']} {metric['scoreUnit']}")
        percentiles = metric["scorePercentiles"]
        alloc = (result.get("secondaryMetrics") or {}).get("gc.alloc.rate.norm")
        rows.setdefault(key, {})[name] = (percentiles["50.0"], percentiles["90.0"], alloc["score"] if alloc else None)
    seed_chars = seed_size()
    print("| shape | input | benchmark | median op | p90 op | MB/s | × plain scan | allocated per MB |")
    print("|---|---|---|---|---|---|---|---|")
    for (shape, chars), by_name in sorted(rows.items()):
        size = seed_chars if shape == SEED_CHARS_KEY else chars
        reference = by_name.get("seedReferenceScan" if shape == SEED_CHARS_KEY else "referenceScan")
        for name, (us, p90, alloc) in sorted(by_name.items()):
            mb_per_s = size / us  # chars per µs = 10^6 chars per s
            ratio = f"{reference[0] / us:.3f}" if reference else "—"  # same chars: the inverse ratio of times
            per_mb = f"{alloc / (size / 1e6) / 1e6:.1f} MB" if alloc is not None else "—"
            print(f"| {shape} | {label(size)} | `{name}` | {time(us)} | {time(p90)} | {mb_per_s:,.0f} | {ratio} | "
                  f"{per_mb} |")


def seed_size():
    """The seed listing's size in chars, as ShowNotesBenchmark.Seed counts it."""
    with open("demo/database-school.json", encoding="utf-8") as f:
        data = json.load(f)
    # Java counts UTF-16 units; the descriptions are in the Basic Multilingual Plane.
    return sum(len(episode["showNotes"]) for episode in data["episodes"])


def label(chars):
    for unit, size in (("MB", 1_000_000), ("KB", 1_000)):
        if chars >= size:
            return f"{chars / size:g} {unit}"
    return f"{chars} chars"


def time(us):
    if us >= 1000:
        return f"{us / 1000:.2f} ms"
    return f"{us:.2f} µs"


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
