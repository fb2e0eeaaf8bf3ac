#!/usr/bin/env python3
"""Prepares the benchmark corpus: zh-sci-abstracts as achievements, untitled ones titled by the
first 24 characters of their abstract (the issue's protocol). Reads stdin, writes stdout."""
import json
import sys

for line in sys.stdin:
    line = line.strip()
    if not line:
        continue
    d = json.loads(line)
    if not d.get("title"):
        d["title"] = d["abstract"][:24]
    d.pop("sources", None)
    print(json.dumps(d, ensure_ascii=False))
