"""What the HTTP benchmarks share: starting a server pinned to some cores, a server's CPU time
from /proc/PID/stat, running wrk pinned to another core and reading what it prints, medians."""
import json
import os
import re
import statistics
import subprocess
import time
import urllib.request


def cpu_seconds(pid):
    """User + system CPU time of a process (all its threads), in seconds."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load1():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def get_json(url, timeout=5):
    with urllib.request.urlopen(url, timeout=timeout) as r:
        return json.loads(r.read())


def wait_until_serving(url, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1).read()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


def start(cmd, cpus, env=None, log=None):
    """Starts `cmd` pinned to `cpus` ("0", "0,1"); its output goes to the file `log`."""
    out = open(log, "w") if log else subprocess.DEVNULL
    return subprocess.Popen(["taskset", "-c", cpus] + cmd, env=env, stdout=out,
                            stderr=subprocess.STDOUT)


def stop(proc):
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _millis(text):
    value = float(re.match(r"[\d.]+", text).group(0))
    if text.endswith("us"):
        return value / 1000
    if text.endswith("ms"):
        return value
    if text.endswith("m"):
        return value * 60000
    return value * 1000  # seconds


def wrk_command(url, seconds, conns, cpus="1", script=None, headers=()):
    cmd = ["taskset", "-c", cpus, "wrk", "-t1", f"-c{conns}", f"-d{seconds}s", "--latency"]
    if script:
        cmd += ["-s", script]
    for h in headers:
        cmd += ["-H", h]
    return cmd + [url]


def parse_wrk(out):
    """wrk's report as {requests, rps, p50, p99 (ms), errors (non-2xx/3xx and socket errors)}."""
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    lat = dict(re.findall(r"^\s+(50|99)\.000%\s+(\S+)", out, re.M) or
               re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
    errors = 0
    if m := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        errors += int(m.group(1))
    if m := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out):
        errors += sum(int(x) for x in m.groups())
    return {"requests": requests, "rps": rps, "p50": _millis(lat["50"]), "p99": _millis(lat["99"]),
            "errors": errors}


def wrk(url, seconds, conns, cpus="1", script=None, headers=()):
    out = subprocess.run(wrk_command(url, seconds, conns, cpus, script, headers),
                         capture_output=True, text=True, check=True).stdout
    return parse_wrk(out)


def measure(pid, url, seconds, conns, cpus="1", script=None, headers=()):
    """wrk against a server, with the server's CPU per request (µs) over the run added."""
    before = cpu_seconds(pid)
    result = wrk(url, seconds, conns, cpus, script, headers)
    result["cpu_us"] = (cpu_seconds(pid) - before) / max(1, result["requests"]) * 1e6
    result["load1"] = load1()
    return result


def median(rows, key):
    return statistics.median(r[key] for r in rows)
