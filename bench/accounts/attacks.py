#!/usr/bin/env python3
"""The account attacks of the security review, replayed against a fresh server (docs/security.md).

1. Lock-out: 50 failed sign-ins for `admin` from one client, then `admin` from another client;
   and 20 failures with made-up names from one client, then a real user from another.
2. Disk fill: 20 sign-ins with 7 MiB user names; the growth of the SQLite files.
3. Enumeration by timing: median time of a sign-in with a wrong password for a real user and
   for an unknown one.
4. Weak passwords at registration: password, 12345678, eight spaces, the user name.
5. Login CSRF: a text/plain sign-in body.

The server runs behind a pretend reverse proxy (--trusted-proxy 127.0.0.1), so each request can
name its client in X-Forwarded-For.

Usage: bench/accounts/attacks.py [--binary build/kechuang]
"""
import argparse
import http.client
import json
import os
import statistics
import sys
import tempfile
import time
import shutil

sys.path.insert(0, os.path.dirname(__file__))
from login_under_flood import ADMIN_PASSWORD, start_server  # noqa: E402


def request(port, path, body, client=None, content_type="application/json"):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    headers = {"Content-Type": content_type}
    if client:
        headers["X-Forwarded-For"] = client
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    conn.request("POST", path, data, headers)
    res = conn.getresponse()
    payload = res.read()
    conn.close()
    return res.status, payload


def login(port, name, password, client):
    return request(port, "/api/v1/auth/login", {"username": name, "password": password},
                   client)[0]


def db_bytes(data):
    return sum(os.path.getsize(os.path.join(data, f)) for f in ("kechuang.db", "kechuang.db-wal")
               if os.path.exists(os.path.join(data, f)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default="build/kechuang")
    args = ap.parse_args()
    data = tempfile.mkdtemp(prefix="kc-attacks-")
    proc, port = start_server(args.binary, data, True)
    try:
        # 1. Lock-out.
        answers = {}
        for i in range(50):
            s = login(port, "admin", f"guess-{i}", "203.0.113.66")
            answers[s] = answers.get(s, 0) + 1
        start = time.perf_counter()
        owner = login(port, "admin", ADMIN_PASSWORD, "198.51.100.20")
        print(f"1. 50 failures for admin from one client: answers {answers}; admin from another "
              f"client: {owner} in {(time.perf_counter() - start) * 1000:.0f} ms")
        request(port, "/api/v1/auth/register", {"username": "lihua", "password": "Tea-Garden-4471"},
                "198.51.100.30")
        answers = {}
        for i in range(20):
            s = login(port, f"ghost{i}", "x", "203.0.113.77")
            answers[s] = answers.get(s, 0) + 1
        print(f"   20 made-up names from one client: answers {answers}; that client next: "
              f"{login(port, 'lihua', 'Tea-Garden-4471', '203.0.113.77')}, another client: "
              f"{login(port, 'lihua', 'Tea-Garden-4471', '198.51.100.31')}")

        # 2. Disk fill.
        time.sleep(1)
        before = db_bytes(data)
        huge = "n" * (7 << 20)
        statuses = set()
        for _ in range(20):
            statuses.add(request(port, "/api/v1/auth/login",
                                 {"username": huge, "password": "x"}, "203.0.113.88")[0])
        time.sleep(1)
        print(f"2. 20 sign-ins with 7 MiB names: answers {sorted(statuses)}; database files "
              f"{before} → {db_bytes(data)} bytes")

        # 3. Timing.
        real, unknown = [], []
        for i in range(15):
            for name, out in (("lihua", real), (f"nobody{i}", unknown)):
                client = f"192.0.2.{len(real) + len(unknown) + 1}"  # never throttled
                start = time.perf_counter()
                login(port, name, "wrong password", client)
                out.append(time.perf_counter() - start)
        r, u = statistics.median(real) * 1000, statistics.median(unknown) * 1000
        print(f"3. wrong password, median of 15: real user {r:.0f} ms, unknown user {u:.0f} ms "
              f"(ratio {u / r:.2f})")

        # 4. Weak passwords.
        codes = []
        for pw in ("password", "12345678", "        ", "weakling"):
            s, body = request(port, "/api/v1/auth/register",
                              {"username": "weakling", "password": pw}, "198.51.100.40")
            codes.append(f"{pw!r}: {s} {json.loads(body)['error']['code'] if s != 201 else ''}")
        print("4. registration with " + "; ".join(codes))

        # 5. Login CSRF.
        s, _ = request(port, "/api/v1/auth/login",
                       json.dumps({"username": "lihua", "password": "Tea-Garden-4471"}),
                       "198.51.100.50", content_type="text/plain")
        print(f"5. text/plain sign-in body: {s}")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
