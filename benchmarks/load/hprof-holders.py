#!/usr/bin/env python3
"""Who holds the large byte arrays of a heap dump (HPROF, as -XX:+HeapDumpOnOutOfMemoryError writes it).

    benchmarks/load/hprof-holders.py catalog.hprof [MIN_BYTES]

Groups every byte[] of at least MIN_BYTES (default 50,000: a show note of the heavy lists is 100,000) by its
shortest chain of referrers to a GC root, then sums them by the thread whose stack frame roots them, with that
thread's top frames and what the frame holds. A String's bytes show as `byte[] <- String.value <- EpisodeView.showNotes <- ...`; PgJDBC's row
buffers as `byte[] <- [[B.[] <- Tuple.data <- ...`. No Eclipse MAT needed (BENCHMARKS.md §9).
"""
import collections
import mmap
import re
import struct
import sys

VALUE_BYTES = {4: 1, 5: 2, 6: 4, 7: 8, 8: 1, 9: 2, 10: 4, 11: 8}
OBJECT, BYTE = 2, 8
CHAIN_DEPTH = 14


class Heap:
    def __init__(self, path):
        with open(path, 'rb') as f:
            self.m = m = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        end = m.find(b'\0')
        self.ids = struct.unpack('>I', m[end + 1:end + 5])[0]
        self.names, self.class_names, self.classes, self.objects = {}, {}, {}, {}
        self.roots, self.threads, self.frames, self.traces = collections.defaultdict(list), {}, {}, {}
        pos = end + 13
        while pos < len(m):
            tag, length = m[pos], struct.unpack('>I', m[pos + 5:pos + 9])[0]
            self.record(tag, pos + 9, length)
            pos += 9 + length

    def id(self, p):
        return int.from_bytes(self.m[p:p + self.ids], 'big')

    def u4(self, p):
        return struct.unpack('>I', self.m[p:p + 4])[0]

    def record(self, tag, p, length):
        ids = self.ids
        if tag == 0x01:
            self.names[self.id(p)] = self.m[p + ids:p + length].decode('utf8', 'replace')
        elif tag == 0x02:
            self.class_names[self.id(p + 4)] = self.names.get(self.id(p + 8 + ids), '?')
        elif tag == 0x04:
            self.frames[self.id(p)] = self.names.get(self.id(p + ids), '?')
        elif tag == 0x05:
            self.traces[self.u4(p)] = [self.id(p + 12 + i * ids) for i in range(self.u4(p + 8))]
        elif tag in (0x0C, 0x1C):
            self.dump(p, p + length)

    def dump(self, p, end):
        m, ids = self.m, self.ids
        root_sizes = {0xFF: ids, 0x01: 2 * ids, 0x02: ids + 8, 0x04: ids + 4, 0x05: ids, 0x06: ids + 4, 0x07: ids}
        while p < end:
            tag = m[p]
            p += 1
            if tag in root_sizes:
                self.roots[self.id(p)].append(('root', None))
                p += root_sizes[tag]
            elif tag == 0x03:
                self.roots[self.id(p)].append(('frame', self.u4(p + ids)))
                p += ids + 8
            elif tag == 0x08:
                self.threads[self.u4(p + ids)] = self.u4(p + ids + 4)
                self.roots[self.id(p)].append(('thread', None))
                p += ids + 8
            elif tag == 0x20:
                p = self.class_dump(p)
            elif tag == 0x21:
                size = self.u4(p + 4 + 2 * ids)
                self.objects[self.id(p)] = ('instance', self.id(p + 4 + ids), p + 8 + 2 * ids, size)
                p += 8 + 2 * ids + size
            elif tag == 0x22:
                count = self.u4(p + 4 + ids)
                self.objects[self.id(p)] = ('array', self.id(p + 8 + ids), p + 8 + 2 * ids, count)
                p += 8 + 2 * ids + count * ids
            elif tag == 0x23:
                count, kind = self.u4(p + 4 + ids), m[p + 8 + ids]
                self.objects[self.id(p)] = ('values', kind, p + 9 + ids, count)
                p += 9 + ids + count * VALUE_BYTES[kind]
            else:
                raise ValueError('unknown heap dump record %#x at %d' % (tag, p))

    def class_dump(self, p):
        m, ids = self.m, self.ids
        cid, superclass = self.id(p), self.id(p + 4 + ids)
        q = p + 4 + 7 * ids + 4
        count, q = struct.unpack('>H', m[q:q + 2])[0], q + 2
        for _ in range(count):
            q += 3 + (ids if m[q + 2] == OBJECT else VALUE_BYTES[m[q + 2]])
        count, q, statics = struct.unpack('>H', m[q:q + 2])[0], q + 2, []
        for _ in range(count):
            kind = m[q + ids]
            if kind == OBJECT:
                statics.append(('static ' + self.names.get(self.id(q), '?'), self.id(q + ids + 1)))
            q += ids + 1 + (ids if kind == OBJECT else VALUE_BYTES[kind])
        count, q, fields = struct.unpack('>H', m[q:q + 2])[0], q + 2, []
        for _ in range(count):
            fields.append((self.names.get(self.id(q), '?'), m[q + ids]))
            q += ids + 1
        self.classes[cid] = (superclass, fields, statics)
        self.objects[cid] = ('class', cid, p, 0)
        return q

    def references(self, oid):
        kind, cls, p, n = self.objects[oid]
        if kind == 'class':
            return [(name, ref) for name, ref in self.classes[cls][2] if ref]
        if kind == 'array':
            return [('[]', ref) for ref in (self.id(p + i * self.ids) for i in range(n)) if ref]
        if kind != 'instance':
            return []
        refs = []
        while cls in self.classes:
            for name, field_kind in self.classes[cls][1]:
                if field_kind == OBJECT:
                    ref = self.id(p)
                    if ref:
                        refs.append((name, ref))
                p += self.ids if field_kind == OBJECT else VALUE_BYTES[field_kind]
            cls = self.classes[cls][0]
        return refs

    def name(self, oid):
        kind, cls, _, _ = self.objects[oid]
        if kind == 'values':
            return 'byte[]' if cls == BYTE else 'values[]'
        return re.sub(r'.*/', '', self.class_names.get(cls, '?'))


def holders(heap, min_bytes):
    referrers = collections.defaultdict(list)
    for oid, (kind, _, _, _) in heap.objects.items():
        if kind != 'values':
            for field, ref in heap.references(oid):
                referrers[ref].append((oid, field))
    by_chain, by_thread = collections.Counter(), collections.defaultdict(collections.Counter)
    for oid, (kind, cls, _, n) in heap.objects.items():
        if kind == 'values' and cls == BYTE and n >= min_bytes:
            chain, thread = shortest_chain(heap, referrers, oid)
            by_chain[' <- '.join(chain)] += n
            by_thread[thread][chain[-2] if len(chain) > 1 else chain[0]] += n
    return by_chain, by_thread


def shortest_chain(heap, referrers, oid):
    seen, frontier = {oid}, [(oid, [heap.name(oid)])]
    for _ in range(CHAIN_DEPTH):
        next_frontier = []
        for current, chain in frontier:
            if current in heap.roots:
                kind, thread = heap.roots[current][0]
                return chain + ['(' + kind + ')'], thread
            for holder, field in referrers.get(current, ()):
                if holder not in seen:
                    seen.add(holder)
                    next_frontier.append((holder, chain + [heap.name(holder) + '.' + field]))
        frontier = next_frontier
    return (frontier[0][1] if frontier else [heap.name(oid)]) + ['...'], None


def main():
    heap = Heap(sys.argv[1])
    by_chain, by_thread = holders(heap, int(sys.argv[2]) if len(sys.argv) > 2 else 50_000)
    for chain, total in by_chain.most_common(15):
        print('%8.1f MB  %s' % (total / 1e6, chain))
    print()
    for thread, held in sorted(by_thread.items(), key=lambda item: -sum(item[1].values())):
        stack = [heap.frames.get(f, '?') for f in heap.traces.get(heap.threads.get(thread), [])[:4]]
        print('%8.1f MB  thread %s, at %s: %s' % (sum(held.values()) / 1e6, thread, ' < '.join(stack),
                                                 ', '.join('%s %.1f MB' % (k, v / 1e6) for k, v in held.items())))


if __name__ == '__main__':
    main()
