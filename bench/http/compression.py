#!/usr/bin/env python3
"""Server CPU per request and bytes sent with and without gzip for JSON answers (docs/api.md,
"Compression"): the demo platform, one I/O thread pinned to core 0, wrk on core 1, alternating
rounds; prints the median CPU µs per request and the response size of each variant.

Usage: python3 bench/http/compression.py [--rounds 5] [--seconds 5] [--binary build/kechuang]
"""
import argparse
import gzip as gz
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import urllib.request

import harness


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--seconds", type=int, default=5)
    ap.add_argument("--binary", default="build/kechuang")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="kc-gzip-")
    env = dict(os.environ, KECHUANG_ADMIN_PASSWORD="Bench-Keeper-pass-1")
    port = 18191
    server = subprocess.Popen(
        ["taskset", "-c", "0", args.binary, "serve", "--data", work, "--listen",
         f"127.0.0.1:{port}", "--threads", "1"], env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}/api/v1"
        harness.wait_until_serving(base + "/health")
        aid = harness.get_json(base + "/achievements?size=1&view=summary")["items"][0]["id"]
        targets = {"list of 20": "/achievements?size=20", "detail": f"/achievements/{aid}"}
        for name, path in targets.items():
            raw = urllib.request.urlopen(base + path).read()
            req = urllib.request.Request(base + path, headers={"Accept-Encoding": "gzip"})
            packed = urllib.request.urlopen(req).read()
            assert gz.decompress(packed) == raw if packed[:2] == b"\x1f\x8b" else True
            cpu = {"plain": [], "gzip": []}
            for _ in range(args.rounds):
                for variant, headers in (("plain", []), ("gzip", ["Accept-Encoding: gzip"])):
                    r = harness.measure(server.pid, base + path, args.seconds, 8, headers=headers)
                    cpu[variant].append(r["cpu_us"])
            p, g = statistics.median(cpu["plain"]), statistics.median(cpu["gzip"])
            print(f"{name}: {len(raw)} bytes plain, {len(packed)} gzipped; server CPU per request "
                  f"median of {args.rounds}: {p:.1f} µs plain, {g:.1f} µs gzip (ratio {g / p:.2f})")
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
