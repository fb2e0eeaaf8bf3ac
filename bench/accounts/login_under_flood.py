#!/usr/bin/env python3
"""Sign-in latency while other clients flood registration (docs/api.md "Throttling").

Starts `kechuang serve` on a fresh data directory behind a pretend reverse proxy
(--trusted-proxy 127.0.0.1) so that each flooding request can claim a client address of its own
in X-Forwarded-For: the per-client registration limit then never applies, and what is measured is
whether registrations' password hashing leaves sign-ins their own capacity. In one run it signs
in SIGNINS times with no other load, then again while FLOODERS threads register as fast as they
can, and prints the median and 90th percentile of each, and how the flood's requests were
answered.

Usage: bench/accounts/login_under_flood.py [--binary build/kechuang] [--flooders 16]
                                            [--signins 20] [--no-proxy]
--no-proxy starts the server without --trusted-proxy (for a binary that predates the flag, which
did not throttle registrations at all).
"""
import argparse
import http.client
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ADMIN_PASSWORD = "Bench-Keeper-pass-1"


def post(port, path, body, client=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    headers = {"Content-Type": "application/json"}
    if client:
        headers["X-Forwarded-For"] = client
    conn.request("POST", path, json.dumps(body), headers)
    res = conn.getresponse()
    res.read()
    conn.close()
    return res.status


def start_server(binary, data, proxy):
    env = dict(os.environ, KECHUANG_ADMIN_PASSWORD=ADMIN_PASSWORD)
    proc = subprocess.Popen(
        [binary, "serve", "--data", data, "--listen", "127.0.0.1:0", "--no-demo",
         "--access-log", "off"] + (["--trusted-proxy", "127.0.0.1"] if proxy else []),
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.time() + 60
    out = ""
    while time.time() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        out += line
        m = re.search(r"serving http://127\.0\.0\.1:(\d+)/", line)
        if m:
            threading.Thread(target=lambda: proc.stdout.read(), daemon=True).start()
            return proc, int(m.group(1))
    proc.kill()
    sys.exit("the server did not start:\n" + out)


def time_signins(port, n):
    took = []
    for _ in range(n):
        start = time.perf_counter()
        status = post(port, "/api/v1/auth/login",
                      {"username": "admin", "password": ADMIN_PASSWORD}, client="192.0.2.1")
        took.append(time.perf_counter() - start)
        if status != 200:
            sys.exit(f"sign-in answered {status}")
        time.sleep(0.1)
    return took


def describe(name, took):
    took = sorted(took)
    p90 = took[min(len(took) - 1, int(0.9 * len(took)))]
    print(f"{name:<28} median {statistics.median(took) * 1000:7.1f} ms   "
          f"p90 {p90 * 1000:7.1f} ms   ({len(took)} sign-ins)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default="build/kechuang")
    ap.add_argument("--flooders", type=int, default=16)
    ap.add_argument("--signins", type=int, default=20)
    ap.add_argument("--no-proxy", action="store_true")
    args = ap.parse_args()

    data = tempfile.mkdtemp(prefix="kc-flood-")
    proc, port = start_server(args.binary, data, not args.no_proxy)
    try:
        post(port, "/api/v1/auth/login", {"username": "admin", "password": ADMIN_PASSWORD})
        quiet = time_signins(port, args.signins)

        stop = threading.Event()
        answers = {}
        lock = threading.Lock()

        def flood(k):
            i = 0
            while not stop.is_set():
                i += 1
                status = post(port, "/api/v1/auth/register",
                              {"username": f"f{k}x{i}", "password": "Tea-Garden-4471"},
                              client=f"10.{k}.{i // 250 % 250}.{i % 250 + 1}")
                with lock:
                    answers[status] = answers.get(status, 0) + 1

        threads = [threading.Thread(target=flood, args=(k,), daemon=True)
                   for k in range(args.flooders)]
        flood_start = time.time()
        for t in threads:
            t.start()
        time.sleep(1.0)  # let the flood build up
        loaded = time_signins(port, args.signins)
        stop.set()
        for t in threads:
            t.join(timeout=120)
        seconds = time.time() - flood_start

        describe("sign-in, no other load", quiet)
        describe(f"sign-in, {args.flooders} registering", loaded)
        created = answers.get(201, 0)
        print(f"flood: {sum(answers.values())} registrations in {seconds:.1f} s; answers "
              + ", ".join(f"{k}: {v}" for k, v in sorted(answers.items()))
              + f" ({created / seconds:.1f} accounts/s)")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
