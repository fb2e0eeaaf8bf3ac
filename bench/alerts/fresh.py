#!/usr/bin/env python3
"""A listing approved while a large import is being indexed: how long until search finds it.

Through HTTP against a real server (`kechuang serve`, SQLite, its own data directory): a member
submits a demand; the admin imports the csl-dev and zh-sci-abstracts documents of ../shared/data
as achievements (13,932, JSON Lines in requests of 2,000 lines); as soon as the last request
returns — the index then has the whole import still to do — the admin approves the demand, and
`GET /api/v1/search` is asked every 10 ms until it finds the demand. Prints, per round, the
seconds from the approval to the demand being found, and from the import's end (and its start)
until the whole import is searchable (`/api/v1/health`: index lag 0); then the medians.

Usage: bench/alerts/fresh.py [--rounds 3] [--data ../shared/data] [--binary build/kechuang]
"""
import argparse
import http.client
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

PASSWORD = "Bench-Keeper-pass-1"
TOKEN_WORD = "zephyrquartzite"  # in the demand's title only: what the search looks for


def call(port, method, path, body=None, token=None, content_type="application/json"):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
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


def corpus(data_dir):
    lines = []
    for name in ("csl-dev/docs.jsonl", "zh-sci-abstracts/docs.jsonl"):
        with open(os.path.join(data_dir, name), encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                d = json.loads(line)
                out = {"title": d.get("title") or d["abstract"][:24], "abstract": d["abstract"]}
                if d.get("keywords"):
                    out["keywords"] = d["keywords"]
                lines.append(json.dumps(out, ensure_ascii=False))
    return lines


def one_round(binary, lines, port):
    work = tempfile.mkdtemp()
    env = dict(os.environ, KECHUANG_ADMIN_PASSWORD=PASSWORD)
    server = subprocess.Popen(
        [binary, "serve", "--data", os.path.join(work, "data"), "--listen", f"127.0.0.1:{port}",
         "--threads", "2", "--no-demo", "--access-log", "off"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(600):
            try:
                call(port, "GET", "/api/v1/health")
                break
            except (OSError, RuntimeError):
                time.sleep(0.1)
        call(port, "POST", "/api/v1/auth/register",
             {"username": "fresh", "password": "Load-Tester-2026", "display_name": "fresh",
              "org": {"name": "新鲜公司", "type": "enterprise", "region": "440305"}})
        member = call(port, "POST", "/api/v1/auth/login",
                      {"username": "fresh", "password": "Load-Tester-2026"})["token"]
        admin = call(port, "POST", "/api/v1/auth/login",
                     {"username": "admin", "password": PASSWORD})["token"]
        demand = call(port, "POST", "/api/v1/demands",
                      {"title": f"低温电解液 {TOKEN_WORD}", "description": "寻求低温电解液配方。",
                       "keywords": ["电解液"], "category": "工学", "region": "440305"},
                      token=member)
        call(port, "POST", f"/api/v1/demands/{demand['id']}/submit", {}, token=member)

        import_start = time.monotonic()
        for i in range(0, len(lines), 2000):
            call(port, "POST", "/api/v1/import/achievements?format=jsonl",
                 "\n".join(lines[i:i + 2000]) + "\n", token=admin,
                 content_type="application/x-ndjson")
        import_done = time.monotonic()
        lag_at_approval = call(port, "GET", "/api/v1/health")["index"]["lag"]
        call(port, "POST", f"/api/v1/demands/{demand['id']}/approve", {}, token=admin)
        approved = time.monotonic()
        found = None
        while found is None and time.monotonic() - approved < 300:
            hits = call(port, "GET", f"/api/v1/search?type=demand&q={TOKEN_WORD}")
            if hits["total"] > 0:
                found = time.monotonic()
            else:
                time.sleep(0.01)
        all_searchable = None
        while all_searchable is None and time.monotonic() - import_done < 600:
            if call(port, "GET", "/api/v1/health")["index"]["lag"] == 0:
                all_searchable = time.monotonic()
            else:
                time.sleep(0.1)
        return (found - approved if found else float("inf"),
                all_searchable - import_done if all_searchable else float("inf"),
                lag_at_approval,
                all_searchable - import_start if all_searchable else float("inf"))
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "../../../shared/data"))
    ap.add_argument("--binary", default="build/kechuang")
    ap.add_argument("--port", type=int, default=18331)
    args = ap.parse_args()
    lines = corpus(args.data)
    print(f"{len(lines)} achievements imported per round; load {os.getloadavg()[0]:.2f}")
    fresh, whole, rates = [], [], []
    for r in range(args.rounds):
        f, w, lag, total = one_round(args.binary, lines, args.port)
        fresh.append(f)
        whole.append(w)
        rates.append(len(lines) / total)
        print(f"round {r + 1}: approved with {lag} changes not yet indexed; searchable after "
              f"{f:.2f} s; the whole import searchable {w:.1f} s after it returned, "
              f"{total:.1f} s after it began ({len(lines) / total:.0f} listings/s); "
              f"load {os.getloadavg()[0]:.2f}", flush=True)
    print(f"median: the approved listing searchable after {statistics.median(fresh):.2f} s; "
          f"the whole import after {statistics.median(whole):.1f} s; import to searchable "
          f"{statistics.median(rates):.0f} listings/s")


if __name__ == "__main__":
    sys.exit(main())
