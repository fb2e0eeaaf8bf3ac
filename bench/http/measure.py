#!/usr/bin/env python3
"""The HTTP benchmark's measurements (bench/http/run.sh prepares the data and calls this).

Servers, each with one I/O thread, pinned to --server-cpus (core 0); wrk with one thread on
core 1. Every measurement reads the server's CPU time from /proc/PID/stat before and after, so
it gives both the wall-clock rate wrk saw and the server CPU per request, which is the server's
capacity per core whatever the client could send. Rounds alternate the servers (the order flips
every round) and the tables give medians over the rounds, with the machine's 1-minute load.

  detail: a bare Boost.Beast handler (40-byte JSON, bench/http/bare_server.cc), then health, a
          listing's detail and pages of 20 of the platform — and of --baseline, another build
          of the platform, when given; then the detail of every achievement in turn (each id
          read once per 12,932 requests) and one listing's detail as a signed-in reader, whose
          answers are never kept (docs/architecture.md, "Caching").
  search: 2,000 real queries (the CSL title and keyword queries) as GET /api/v1/search?size=10,
          one at a time and 8 at a time, and GET /api/v1/health one at a time while 8 searches
          run: how long a cheap request waits behind searches.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import harness

PORTS = {"bare": 18181, "current": 18182, "baseline": 18183}


def serve_cmd(binary, data, port, extra):
    return [binary, "serve", "--data", data, "--listen", f"127.0.0.1:{port}", "--threads", "1",
            "--no-demo"] + extra


def index_caught_up(base):
    health = harness.get_json(base + "/api/v1/health")
    return health.get("index", {}).get("lag", 1) == 0


def build_index(args, env):
    """Serves the imported data once until the search index holds all of it, so that each
    server starts with the same, complete index."""
    port = PORTS["current"]
    proc = harness.start(serve_cmd(args.binary, f"{args.work}/data", port, []), "0,1", env,
                         f"{args.work}/index.log")
    base = f"http://127.0.0.1:{port}"
    try:
        harness.wait_until_serving(base + "/api/v1/health")
        started = time.time()
        while not index_caught_up(base):
            if time.time() - started > 900:
                raise RuntimeError("the index did not catch up within 15 minutes")
            time.sleep(1)
        print(f"index built in {time.time() - started:.0f} s", flush=True)
    finally:
        harness.stop(proc)


def search_script(work, data):
    """A wrk script cycling through the CSL queries in order."""
    queries = []
    for name in ("queries_title.tsv", "queries_keywords.tsv"):
        with open(os.path.join(data, "csl-dev", name), encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) == 2 and parts[1].strip():
                    queries.append(urllib.parse.quote(parts[1].strip()))
    path = os.path.join(work, "search.lua")
    with open(path, "w") as f:
        f.write("local queries = {\n")
        f.writelines(f'  "{q}",\n' for q in queries)
        f.write("}\nlocal i = 0\nrequest = function()\n  i = i % #queries + 1\n"
                '  return wrk.format("GET", "/api/v1/search?size=10&q=" .. queries[i])\n'
                "end\n")
    return path, len(queries)


def every_id_script(work, base):
    """A wrk script cycling through the detail of every achievement, in id order."""
    ids, page = [], 1
    while True:
        items = harness.get_json(
            f"{base}/api/v1/achievements?size=100&view=summary&sort=oldest&page={page}")["items"]
        if not items:
            break
        ids += [item["id"] for item in items]
        page += 1
    path = os.path.join(work, "every_id.lua")
    with open(path, "w") as f:
        f.write("local ids = {" + ",".join(str(i) for i in ids) + "}\n")
        f.write("local i = 0\nrequest = function()\n  i = i % #ids + 1\n"
                '  return wrk.format("GET", "/api/v1/achievements/" .. ids[i])\n'
                "end\n")
    return path, len(ids)


def bearer_token(base):
    """The administrator's bearer token: a signed-in reader, whose answers are never kept."""
    body = json.dumps({"username": "admin",
                       "password": os.environ["KECHUANG_ADMIN_PASSWORD"]}).encode()
    req = urllib.request.Request(base + "/api/v1/auth/login", data=body,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=5) as r:
        return json.loads(r.read())["token"]


def detail_section(args, servers, rows):
    base = f"http://127.0.0.1:{PORTS['current']}"
    first = harness.get_json(base + "/api/v1/achievements?size=1&view=summary")["items"][0]["id"]
    paths = ["/api/v1/health", f"/api/v1/achievements/{first}", "/api/v1/achievements?size=20",
             "/api/v1/achievements?size=20&view=summary"]
    every_id, count = every_id_script(args.work, base)
    tokens = {name: bearer_token(f"http://127.0.0.1:{PORTS[name]}")
              for name in servers if name != "bare"}
    for rnd in range(args.rounds):
        order = [s for s in servers if s != "bare"]
        if rnd % 2:
            order.reverse()
        r = harness.measure(servers["bare"].pid, f"http://127.0.0.1:{PORTS['bare']}/",
                            args.seconds, args.conns)
        rows.append(dict(r, section="detail", server="bare", what="bare Beast (40-byte JSON)"))
        for path in paths:
            for name in order:
                r = harness.measure(servers[name].pid, f"http://127.0.0.1:{PORTS[name]}{path}",
                                    args.seconds, args.conns)
                rows.append(dict(r, section="detail", server=name, what="GET " + path))
        for name in order:
            url = f"http://127.0.0.1:{PORTS[name]}/"
            r = harness.measure(servers[name].pid, url, args.seconds, args.conns, script=every_id)
            rows.append(dict(r, section="detail", server=name,
                             what=f"GET /api/v1/achievements/{{id}}, each of the {count} in turn"))
            r = harness.measure(servers[name].pid, url.rstrip("/") + f"/api/v1/achievements/{first}",
                                args.seconds, args.conns,
                                headers=[f"Authorization: Bearer {tokens[name]}"])
            rows.append(dict(r, section="detail", server=name,
                             what="GET /api/v1/achievements/{id}, signed in (never kept)"))
        print(f"detail round {rnd + 1}/{args.rounds} done (load {harness.load1():.2f})",
              flush=True)


def search_section(args, servers, rows, script):
    names = [s for s in servers if s != "bare"]
    for rnd in range(args.rounds):
        order = names if rnd % 2 == 0 else list(reversed(names))
        for name in order:
            base = f"http://127.0.0.1:{PORTS[name]}"
            pid = servers[name].pid
            for conns in (1, 8):
                r = harness.measure(pid, base + "/", args.seconds, conns, script=script)
                rows.append(dict(r, section="search", server=name, what=f"search, {conns} at a time"))
            # Health one at a time while 8 searches run, both wrk on core 1.
            searches = subprocess.Popen(
                harness.wrk_command(base + "/", args.seconds, 8, script=script),
                stdout=subprocess.PIPE, text=True)
            health = harness.wrk(base + "/api/v1/health", args.seconds, 1)
            searched = harness.parse_wrk(searches.communicate()[0])
            rows.append(dict(health, section="search", server=name,
                             what="health while 8 searches run", load1=harness.load1(), cpu_us=0))
            rows.append(dict(searched, section="search", server=name,
                             what="search, 8 at a time, with health", load1=harness.load1(),
                             cpu_us=0))
        print(f"search round {rnd + 1}/{args.rounds} done (load {harness.load1():.2f})",
              flush=True)


def report(rows, rounds):
    loads = [r["load1"] for r in rows]
    print(f"\n1-minute load during the runs: median {statistics.median(loads):.2f}, "
          f"{min(loads):.2f}–{max(loads):.2f}")
    bare = [r for r in rows if r["server"] == "bare"]
    bare_cpu = harness.median(bare, "cpu_us") if bare else None
    bare_rps = harness.median(bare, "rps") if bare else None
    for section in ("detail", "search"):
        srows = [r for r in rows if r["section"] == section]
        if not srows:
            continue
        print(f"\n{section} (medians of {rounds} rounds)")
        print("| server | request | req/s | server CPU µs/req | p50 ms | p99 ms | errors |"
              + (" capacity vs bare (CPU) | req/s vs bare |" if section == "detail" else ""))
        print("|---|---|---|---|---|---|---|" + ("---|---|" if section == "detail" else ""))
        seen = []
        for r in srows:
            if (r["server"], r["what"]) not in seen:
                seen.append((r["server"], r["what"]))
        seen.sort(key=lambda k: (k[1] != "bare Beast (40-byte JSON)", k[1], k[0]))
        for server, what in seen:
            sel = [r for r in srows if r["server"] == server and r["what"] == what]
            cpu = harness.median(sel, "cpu_us")
            line = (f"| {server} | {what} | {harness.median(sel, 'rps'):,.0f} | "
                    f"{cpu:.1f} | {harness.median(sel, 'p50'):.2f} | "
                    f"{harness.median(sel, 'p99'):.2f} | {sum(r['errors'] for r in sel)} |")
            if section == "detail":
                line += (f" {bare_cpu / cpu:.2f} | {harness.median(sel, 'rps') / bare_rps:.2f} |"
                         if cpu > 0 else " | |")
            print(line.replace("| 0.0 |", "| – |"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True, help="holds data/ (imported) and the logs")
    ap.add_argument("--data", required=True, help="the shared data directory (csl-dev queries)")
    ap.add_argument("--binary", default="build/kechuang")
    ap.add_argument("--baseline", help="another build of kechuang, measured in the same rounds")
    ap.add_argument("--bare", required=True, help="the bare Beast server binary")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--conns", type=int, default=32)
    ap.add_argument("--server-cpus", default="0")
    ap.add_argument("--sections", default="detail,search")
    args = ap.parse_args()
    env = dict(os.environ, KECHUANG_ADMIN_PASSWORD="Bench-Keeper-pass-1")

    build_index(args, env)
    # Each server gets a copy of its own: a copied data directory reads faster than the one the
    # import and the index build wrote (measured: 20% less CPU per signed-in detail), so the one
    # without a copy would be measured at a disadvantage.
    shutil.copytree(f"{args.work}/data", f"{args.work}/data-current")
    if args.baseline:
        shutil.copytree(f"{args.work}/data", f"{args.work}/data-baseline")
    cores = len(args.server_cpus.split(","))
    servers = {"bare": harness.start([args.bare, str(PORTS["bare"])], args.server_cpus)}
    servers["current"] = harness.start(
        serve_cmd(args.binary, f"{args.work}/data-current", PORTS["current"],
                  ["--search-threads", str(cores)]),
        args.server_cpus, env, f"{args.work}/current.log")
    if args.baseline:
        servers["baseline"] = harness.start(
            serve_cmd(args.baseline, f"{args.work}/data-baseline", PORTS["baseline"], []),
            args.server_cpus, env, f"{args.work}/baseline.log")
    rows = []
    try:
        for name in servers:
            harness.wait_until_serving(f"http://127.0.0.1:{PORTS[name]}/" +
                                       ("" if name == "bare" else "api/v1/health"))
        for name in servers:
            if name != "bare":
                while not index_caught_up(f"http://127.0.0.1:{PORTS[name]}"):
                    time.sleep(1)
        sections = args.sections.split(",")
        if "detail" in sections:
            detail_section(args, servers, rows)
        if "search" in sections:
            script, n = search_script(args.work, args.data)
            print(f"search: {n} queries", flush=True)
            search_section(args, servers, rows, script)
    finally:
        for proc in servers.values():
            harness.stop(proc)
    report(rows, args.rounds)
    print(f"\n(server on core(s) {args.server_cpus} with one I/O thread, wrk -t1 on core 1, "
          f"{args.seconds} s per measurement, {args.conns} connections for detail)")


if __name__ == "__main__":
    sys.exit(main())
