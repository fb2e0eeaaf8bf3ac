#!/usr/bin/env python3
"""Sharing listings between two nodes (docs/network.md §4): initial sync, convergence, feed cost.

Two real servers (`kechuang serve`, SQLite, each its own data directory, loopback only): A's
admin imports N achievements (recombined from ../shared/data/zh-sci-abstracts, or synthetic
text without it) in JSON Lines requests of 2,000; B's admin adds A, A's admin accepts; then

- initial sync: seconds from the acceptance until B holds all N copies, and until they are
  all searchable on B (its index lag 0 and a search finding them); listings/s;
- the CPU seconds (user + system) and the peak RSS of B over the sync (the pull worker and
  B's indexer together: one process);
- the cost of a feed page on A: the durations of A's `GET /api/v1/net/feed` answers in its
  access log (500 entries a page);
- steady-state convergence, R rounds: a member of A publishes a listing (submit, approve) and
  B's search is asked every 50 ms until it finds it; at the default sync interval (3 s) unless
  --interval says otherwise.

Prints each figure and the medians. Stops the servers and removes their directories at the end.

Usage: bench/network/sync.py [--listings 100000] [--rounds 10] [--interval 3]
                             [--binary build/kechuang] [--data ../shared/data]
"""
import argparse
import http.client
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import time

PASSWORD = "Bench-Keeper-pass-1"


def call(port, method, path, body=None, token=None, content_type="application/json"):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    headers = {}
    if body is not None:
        headers["Content-Type"] = content_type
        if not isinstance(body, (bytes, str)):
            body = json.dumps(body, ensure_ascii=False)
        if isinstance(body, str):
            body = body.encode()
    if token:
        headers["Authorization"] = "Bearer " + token
    conn.request(method, path, body=body, headers=headers)
    r = conn.getresponse()
    data = r.read()
    conn.close()
    if r.status >= 400:
        raise RuntimeError(f"{method} {path}: {r.status} {data[:300]!r}")
    return json.loads(data) if data else None


def corpus(data_dir, n):
    """N achievements as JSON Lines: the corpus's abstracts recombined, each title unique."""
    docs = []
    path = os.path.join(data_dir, "zh-sci-abstracts/docs.jsonl")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    d = json.loads(line)
                    docs.append((d.get("title") or d["abstract"][:24], d["abstract"],
                                 d.get("keywords") or []))
    if not docs:
        docs = [(f"合成成果{i}", f"一种用于第{i}类材料的合成方法与装置。", ["合成"]) for i in range(500)]
    out = []
    for i in range(n):
        title, abstract, keywords = docs[i % len(docs)]
        out.append(json.dumps({"title": f"{title}（{i}）", "abstract": abstract,
                               "keywords": keywords[:8]}, ensure_ascii=False))
    return out


class Node:
    def __init__(self, binary, work, name, port, interval):
        self.port = port
        self.dir = os.path.join(work, name)
        os.makedirs(self.dir)
        env = dict(os.environ, KECHUANG_ADMIN_PASSWORD=PASSWORD)
        self.proc = subprocess.Popen(
            [binary, "serve", "--data", self.dir, "--listen", f"127.0.0.1:{port}", "--no-demo",
             "--node-name", name, "--net-sync-interval", str(interval), "--net-allow-internal",
             "--access-log", os.path.join(self.dir, "access.log")],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(600):
            try:
                self.doc = call(port, "GET", "/.well-known/kechuang-node")
                break
            except (OSError, RuntimeError):
                time.sleep(0.1)
        self.admin = call(port, "POST", "/api/v1/auth/login",
                          {"username": "admin", "password": PASSWORD})["token"]

    def cpu_seconds(self):
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def peak_rss_mib(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return 0.0

    def stop(self):
        self.proc.terminate()
        self.proc.wait()


def feed_page_micros(node):
    """The durations (µs) of the feed answers in the node's access log."""
    out = []
    path = os.path.join(node.dir, "access.log")
    with open(path, encoding="utf-8") as f:
        for line in f:
            # … "GET /api/v1/net/feed?after=…" 200 BYTES MICROSus
            if '"GET /api/v1/net/feed' in line and '" 200 ' in line:
                out.append(int(line.split()[-1].removesuffix("us")))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--listings", type=int, default=100000)
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--interval", type=int, default=3)
    ap.add_argument("--binary", default="build/kechuang")
    ap.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "../../../shared/data"))
    ap.add_argument("--port", type=int, default=18431)
    args = ap.parse_args()
    lines = corpus(args.data, args.listings)
    work = tempfile.mkdtemp()
    a = b = None
    try:
        a = Node(args.binary, work, "node-a", args.port, args.interval)
        b = Node(args.binary, work, "node-b", args.port + 1, args.interval)
        print(f"{len(lines)} achievements on A; sync interval {args.interval} s; "
              f"load {os.getloadavg()[0]:.2f}; {os.cpu_count()} cores")
        started = time.monotonic()
        for i in range(0, len(lines), 2000):
            call(a.port, "POST", "/api/v1/import/achievements?format=jsonl",
                 "\n".join(lines[i:i + 2000]) + "\n", token=a.admin,
                 content_type="application/x-ndjson")
        print(f"import on A: {time.monotonic() - started:.1f} s")
        while call(a.port, "GET", "/api/v1/health")["index"]["lag"] > 0:
            time.sleep(0.5)

        call(b.port, "POST", "/api/v1/net/peers",
             {"base_url": f"http://127.0.0.1:{a.port}", "fingerprint": a.doc["fingerprint"]},
             token=b.admin)
        incoming = call(a.port, "GET", "/api/v1/net/peers?status=requested", token=a.admin)
        cpu0 = b.cpu_seconds()
        call(a.port, "PATCH", f"/api/v1/net/peers/{incoming['items'][0]['id']}",
             {"status": "active"}, token=a.admin)
        t0 = time.monotonic()
        stored = searchable = None
        while searchable is None and time.monotonic() - t0 < 1800:
            if stored is None:
                total = call(b.port, "GET", "/api/v1/achievements?size=1")["total"]
                if total >= len(lines):
                    stored = time.monotonic() - t0
            if stored is not None and call(b.port, "GET", "/api/v1/health")["index"]["lag"] == 0:
                searchable = time.monotonic() - t0
            time.sleep(0.2)
        cpu = b.cpu_seconds() - cpu0
        print(f"initial sync: all {len(lines)} stored on B after {stored:.1f} s "
              f"({len(lines) / stored:.0f} listings/s), all searchable after {searchable:.1f} s "
              f"({len(lines) / searchable:.0f} listings/s)")
        print(f"B over the sync: {cpu:.1f} CPU s (pull and indexing), peak RSS "
              f"{b.peak_rss_mib():.0f} MiB")
        time.sleep(1)  # the access log is written in batches
        pages = feed_page_micros(a)
        if pages:
            pages.sort()
            print(f"feed pages served by A: {len(pages)}; median {statistics.median(pages) / 1000:.1f}"
                  f" ms, p90 {pages[int(len(pages) * 0.9)] / 1000:.1f} ms (500 entries a page)")

        call(a.port, "POST", "/api/v1/auth/register",
             {"username": "bencher", "password": "Load-Tester-2026", "display_name": "bencher",
              "org": {"name": "同步测试研究院", "type": "institute", "region": "310104"}})
        member = call(a.port, "POST", "/api/v1/auth/login",
                      {"username": "bencher", "password": "Load-Tester-2026"})["token"]
        seconds = []
        for r in range(args.rounds):
            token = f"convergencezq{r}x"
            made = call(a.port, "POST", "/api/v1/achievements",
                        {"title": f"收敛测试 {token}", "abstract": "用于测量收敛时间的成果。"},
                        token=member)
            call(a.port, "POST", f"/api/v1/achievements/{made['id']}/submit", {}, token=member)
            call(a.port, "POST", f"/api/v1/achievements/{made['id']}/approve", {}, token=a.admin)
            published = time.monotonic()
            while time.monotonic() - published < 120:
                if call(b.port, "GET", f"/api/v1/search?q={token}")["total"] > 0:
                    break
                time.sleep(0.05)
            seconds.append(time.monotonic() - published)
            print(f"round {r + 1}: searchable on B {seconds[-1]:.2f} s after its approval on A")
            time.sleep((r % 3) * 0.7)  # land at different points of the interval
        print(f"convergence: median {statistics.median(seconds):.2f} s, max {max(seconds):.2f} s "
              f"over {len(seconds)} rounds")
    finally:
        for n in (a, b):
            if n:
                n.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
