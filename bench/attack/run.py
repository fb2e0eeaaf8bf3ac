#!/usr/bin/env python3
"""Resource-exhaustion and request-steering attacks against one or more kechuang binaries, on
loopback, each on a fresh data directory; one table of figures (docs/security.md).

Usage: bench/attack/run.py BINARY [BINARY ...]     e.g. an older build beside build/kechuang
       ATTACKS=fd-limit,host bench/attack/run.py ...   only those attacks

Each binary runs `serve --threads 2` with its default settings (what a deployment gets) under an
open-file limit of 1,024. RSS is VmRSS from /proc/PID/status, CPU is utime+stime from
/proc/PID/stat. The attacks:
  stalled-8m   200 anonymous connections announce an 8 MiB login body and send all but its
               last byte; RSS while they are held, and 3 s after they close
  stalled-60k  the same with a 60 KiB body (small enough to be read)
  nested       a login body of 8 MiB of '[' (and one of 60 KiB); status and RSS
  fd-limit     1,100 idle connections at the 1,024 open-file limit: CPU over 3 s, refusals,
               and how long after they close a request is answered again
  fd-limit-nocap  the same with the connection caps off (binaries that have them), so that
               accepting really runs out of descriptors
  conn-cap     300 idle connections from one address: how many are refused with 503
  encoded      GET /api%2fv1%2fhealth
  host         GET /sitemap.xml with Host: evil.example
"""
import os
import re
import select
import shutil
import socket
import subprocess
import sys
import tempfile
import time

THREADS = "2"


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return -1


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Server:
    def __init__(self, binary, extra=()):
        self.dir = tempfile.mkdtemp(prefix="kc-attack-")
        env = dict(os.environ, KECHUANG_ADMIN_PASSWORD="attack-admin-pass")
        cmd = ["prlimit", "--nofile=1024:1024", binary, "serve", "--data", self.dir,
               "--listen", "127.0.0.1:0", "--threads", THREADS, "--no-demo",
               "--access-log", "off", *extra]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                     env=env, text=True)
        self.port = None
        deadline = time.time() + 60
        while time.time() < deadline:
            line = self.proc.stdout.readline()
            m = re.search(r"serving http://127\.0\.0\.1:(\d+)/", line)
            if m:
                self.port = int(m.group(1))
                break
        if not self.port:
            raise RuntimeError(f"{binary} did not start")
        # Drain the output so the server never blocks on it.
        self.drain = subprocess.Popen(["cat"], stdin=self.proc.stdout, stdout=subprocess.DEVNULL)
        self.pid = self.proc.pid

    def stop(self):
        self.proc.kill()
        self.proc.wait()
        self.drain.wait()
        shutil.rmtree(self.dir, ignore_errors=True)


def readable(s):
    p = select.poll()
    p.register(s, select.POLLIN)
    return bool(p.poll(0))


def connect(port, timeout=5.0):
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    return s


def read_response(s, timeout=5.0):
    """The status of the response on `s` (0 when none: closed or timed out) and its bytes."""
    s.settimeout(timeout)
    data = b""
    try:
        while b"\r\n\r\n" not in data:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        length = re.search(rb"(?i)content-length: (\d+)", head)
        while length and len(body) < int(length.group(1)):
            chunk = s.recv(65536)
            if not chunk:
                break
            body += chunk
        data = head + b"\r\n\r\n" + body
    except OSError:
        pass
    m = re.match(rb"HTTP/1\.1 (\d{3})", data)
    return (int(m.group(1)) if m else 0), data


def request(port, raw, timeout=5.0):
    try:
        with connect(port, timeout) as s:
            try:
                s.sendall(raw)
            except OSError:
                pass  # refused before the whole body was sent: the answer may be there
            return read_response(s, timeout)
    except OSError:
        return 0, b""


def post_head(path, length):
    return (f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            f"Content-Length: {length}\r\n\r\n").encode()


def stalled(server, size, n=200):
    before = rss_mib(server.pid)
    socks, statuses = [], []
    body = b" " * (size - 1)
    for _ in range(n):
        try:
            s = connect(server.port)
        except OSError:
            statuses.append(0)
            continue
        try:
            s.sendall(post_head("/api/v1/auth/login", size))
            s.settimeout(10)
            s.sendall(body)
        except OSError:
            pass
        socks.append(s)
    time.sleep(0.5)
    held = rss_mib(server.pid)
    for s in socks:
        statuses.append(read_response(s, 0.2)[0] if readable(s) else 0)
        s.close()
    time.sleep(3)
    after = rss_mib(server.pid)
    codes = {c: statuses.count(c) for c in sorted(set(statuses))}
    return f"RSS {before:.0f} → {held:.0f} MiB held → {after:.0f} MiB 3 s after; answers {codes}"


def nested(server):
    out = []
    for size in (8 << 20, 60 << 10):
        before = rss_mib(server.pid)
        body = b'{"username":' + b"[" * (size - 12)
        status, data = request(server.port, post_head("/api/v1/auth/login", size) + body, 30)
        code = re.search(rb'"code":"([a-z_]+)"', data)
        out.append(f"{size >> 10} KiB: {status} {code.group(1).decode() if code else ''}, "
                   f"RSS {before:.0f} → {rss_mib(server.pid):.0f} MiB")
    return "; ".join(out)


def fd_limit(server, n=1100):
    socks = []
    for _ in range(n):
        try:
            s = socket.socket()
            s.setblocking(False)
            s.connect_ex(("127.0.0.1", server.port))
            socks.append(s)
        except OSError:
            break
    time.sleep(1)
    refused = 0
    for s in socks:
        if readable(s):
            try:
                refused += s.recv(64).startswith(b"HTTP/1.1 503")
            except OSError:
                pass
    start = cpu_seconds(server.pid)
    time.sleep(3)
    cpu = (cpu_seconds(server.pid) - start) / 3 * 100
    # One request while every descriptor is taken.
    during, _ = request(server.port, b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n", 2)
    for s in socks:
        s.close()
    t0 = time.time()
    status = 0
    while status != 200 and time.time() - t0 < 10:
        status, _ = request(server.port, b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n", 2)
    back = (time.time() - t0) * 1000
    return (f"CPU {cpu:.0f} % of a core; {refused} refused with 503; a request meanwhile: "
            f"{during or 'no answer'}; after closing: {status or 'no answer'} in {back:.0f} ms")


def conn_cap(server, n=300):
    socks = [connect(server.port) for _ in range(n)]
    time.sleep(0.5)
    refused = 0
    for s in socks:
        if readable(s) and read_response(s, 0.2)[0] == 503:
            refused += 1
    for s in socks:
        s.close()
    return f"{refused} of {n} refused with 503"


def main():
    binaries = sys.argv[1:] or ["build/kechuang"]
    rows = []
    nocap = ["--max-connections", "100000", "--max-client-connections", "0"]
    for binary in binaries:
        has_caps = "--max-client-connections" in subprocess.run(
            [binary, "help"], capture_output=True, text=True).stdout
        for name, attack in [("stalled-8m", lambda s: stalled(s, 8 << 20)),
                             ("stalled-60k", lambda s: stalled(s, 60 << 10)),
                             ("nested", nested), ("fd-limit", fd_limit),
                             ("fd-limit-nocap", fd_limit),
                             ("conn-cap", conn_cap),
                             ("encoded", lambda s: str(request(
                                 s.port, b"GET /api%2fv1%2fhealth HTTP/1.1\r\nHost: x\r\n\r\n")[0])),
                             ("host", lambda s: "evil.example in the sitemap" if b"evil.example" in
                              request(s.port, b"GET /sitemap.xml HTTP/1.1\r\nHost: evil.example"
                                      b"\r\n\r\n")[1] else "not in the sitemap")]:
            only = os.environ.get("ATTACKS")
            if only and name not in only.split(","):
                continue
            if name.endswith("-nocap") and not has_caps:
                continue
            server = Server(binary, nocap if name.endswith("-nocap") else ())
            try:
                time.sleep(0.5)
                rows.append((binary, name, attack(server)))
            finally:
                server.stop()
            print(f"| {rows[-1][0]} | {rows[-1][1]} | {rows[-1][2]} |", flush=True)


if __name__ == "__main__":
    main()
