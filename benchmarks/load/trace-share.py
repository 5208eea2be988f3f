#!/usr/bin/env python3
"""The share of a CPU profile's samples that tracing itself takes, from async-profiler's collapsed stacks.

    benchmarks/load/trace-share.py profile.collapsed REQUESTS

A sample counts as tracing's when it is taken in a tracing frame (OpenTelemetry's, Quarkus' OpenTelemetry and
exemplar glue, ServerSpans, TraceParents) or below one, except below ServerSpans' handler where it passes the request
on (the rest of the request is not tracing's), and every sample of the span processors' own threads. It prints the
samples per request, tracing's share and the frames it is spent in. Unlike CPU seconds compared between two JVMs,
which differ run to run by more than the 5 % at stake (BENCHMARKS.md §9), this share comes from one JVM's own
samples, so the JIT's luck of one start falls on both sides of it.
"""
import collections
import re
import sys

TRACING = re.compile(r"opentelemetry|/tracing/ServerSpans|/tracing/TraceParents|[Ee]xemplar")
SPAN_THREADS = re.compile(r"BatchSpanProcessor|BatchLogRecordProcessor")
# The frames through which ServerSpans' handler passes the request to the next route: below them, not tracing's.
PASSES_ON = re.compile(r"RoutingContextImpl(Base)?\.(next|iterateNext)")
TOP_FRAMES = 8


def tracing_frame(frames):
    """The first tracing frame of a stack that does not pass the request on below it, or None."""
    for i, frame in enumerate(frames):
        if TRACING.search(frame) and not any(PASSES_ON.search(f) for f in frames[i + 1:]):
            return frame
    return None


def main(path, requests):
    total = traced = 0
    by_frame = collections.Counter()
    with open(path, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            stack, _, count = line.rstrip("\n").rpartition(" ")
            n = int(count)
            total += n
            frames = stack.split(";")
            if SPAN_THREADS.search(frames[0]):
                traced += n
                by_frame["(span processor threads)"] += n
                continue
            frame = tracing_frame(frames[1:])
            if frame is not None:
                traced += n
                by_frame[re.sub(r"\$\$Lambda.*", "", frame)] += n
    if total == 0 or requests <= 0:
        sys.exit("trace-share: no samples or no requests")
    print(f"samples per request {total / requests:.4f}; tracing's {traced / requests:.5f}, "
          f"{traced / total * 100:.2f} % of the samples")
    for frame, n in by_frame.most_common(TOP_FRAMES):
        print(f"  {n / total * 100:5.2f} %  {frame}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], float(sys.argv[2]))
