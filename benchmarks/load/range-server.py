#!/usr/bin/env python3
"""Serves the files of one folder on 127.0.0.1 as a podcast host does: Range (one range), ETag and If-Range.

    range-server.py DIR PORT [MBIT_PER_S]

Used by clip-audio.sh (SOURCE=mp3, m4a, vbr or aac) to serve encoded copies of the demo audio: the catalog's demo media
computes WAV only. Only plain names directly in DIR are served; anything else is 404. With MBIT_PER_S (0, the default:
as fast as loopback goes), each answer is paced to that rate, as a host across a network would send it.
"""
import http.server
import os
import re
import sys
import time

CHUNK_BYTES = 256 * 1024
RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_HEAD(self):
        self.answer(body=False)

    def do_GET(self):
        self.answer(body=True)

    def answer(self, body):
        name = self.path.split("?", 1)[0].lstrip("/")
        path = os.path.join(self.server.folder, name)
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", name) or not os.path.isfile(path):
            self.send_error(404)
            return
        stat = os.stat(path)
        size = stat.st_size
        etag = '"%x-%x"' % (size, stat.st_mtime_ns)
        first, last, status = 0, size - 1, 200
        asked = RANGE.match(self.headers.get("Range", ""))
        if_range = self.headers.get("If-Range")
        if asked and (if_range is None or if_range == etag):
            start, end = asked.groups()
            if start == "" and end != "":
                first = max(0, size - int(end))
            elif start != "":
                first, last = int(start), min(size - 1, int(end)) if end != "" else size - 1
            if first > last or first >= size:
                self.send_response(416)
                self.send_header("Content-Range", "bytes */%d" % size)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            status = 206
        self.send_response(status)
        self.send_header("Content-Type", "audio/mp4" if self.path.endswith(".m4a")
                         else "audio/aac" if self.path.endswith(".aac") else "audio/mpeg")
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("ETag", etag)
        self.send_header("Content-Length", str(last - first + 1))
        if status == 206:
            self.send_header("Content-Range", "bytes %d-%d/%d" % (first, last, size))
        self.end_headers()
        if not body:
            return
        rate = self.server.bytes_per_second
        began = time.monotonic()
        sent = 0
        with open(path, "rb") as file:
            file.seek(first)
            left = last - first + 1
            try:
                while left > 0:
                    chunk = file.read(min(CHUNK_BYTES if rate == 0 else rate // 20, left))
                    if not chunk:
                        break
                    self.wfile.write(chunk)
                    left -= len(chunk)
                    sent += len(chunk)
                    if rate:
                        time.sleep(max(0.0, began + sent / rate - time.monotonic()))
            except (BrokenPipeError, ConnectionResetError):
                pass

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    server = http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[2])), Handler)
    server.folder = sys.argv[1]
    server.bytes_per_second = int(float(sys.argv[3]) * 1e6 / 8) if len(sys.argv) > 3 else 0
    server.serve_forever()
