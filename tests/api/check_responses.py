#!/usr/bin/env python3
"""Checks the API tests' responses against the API document (docs/api.md, "The document is checked").

    check_responses.py clear DIR
        empties DIR, where the API tests record their responses (KC_API_RESPONSES, see
        tests/api/response_log.h); CTest runs it before the API suites.
    check_responses.py check --binary KECHUANG --responses DIR [--doc openapi.json]
        reads every recorded response, finds its operation in the document (GET
        /api/v1/openapi.json of a server started from KECHUANG, or --doc), and validates each
        JSON body with a JSON Schema (2020-12) validator. CTest runs it after the API suites.
    check_responses.py validate FILE
        validates instances against schemas with the same validator: FILE holds
        {"components": {...}, "cases": [{"schema": ..., "instance": ...}, ...]}; prints a JSON
        array holding, for each case, the list of its errors ("$.path: message"). The writers'
        tests use it (tests/api/schema_check.h).

A response fails the check when
  - its body does not validate against the schema of its operation and status (object schemas
    of the document are closed, so a property the document does not name fails);
  - its status is not among the operation's responses (every status of the route, besides the
    ones any operation may answer: components/responses of the document);
  - it is JSON where the document names no JSON body, or not JSON where it names one.
A request to a path or method the document does not have (the tests ask for such on purpose) is
counted, and fails only when it succeeds or its error is not of the document's Error shape;
responses that are not JSON (pages, files) where the document names no JSON are counted.

Exit status 0 when nothing failed, also when nothing was recorded (a filtered run that ran no
API test); 1 with one line per distinct finding otherwise.
"""

import argparse
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
from collections import Counter, defaultdict

import jsonschema

API_PREFIX = "/api/v1/"


def clear(directory):
    shutil.rmtree(directory, ignore_errors=True)
    os.makedirs(directory, exist_ok=True)


def document_from_binary(binary):
    """Starts the server on a free port with an empty data directory and asks it for the document."""
    with tempfile.TemporaryDirectory(prefix="kc-openapi-") as data:
        env = dict(os.environ, KECHUANG_ADMIN_PASSWORD="Kc-Check-Pw-2718")
        server = subprocess.Popen(
            [binary, "serve", "--data", data, "--listen", "127.0.0.1:0", "--threads", "1",
             "--access-log", "off", "--no-demo"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, text=True)
        try:
            port = None
            output = ""
            for line in server.stdout:
                output += line
                m = re.search(r"serving http://127\.0\.0\.1:(\d+)/", line)
                if m:
                    port = int(m.group(1))
                    break
            if port is None:
                sys.exit("check_responses: the server did not start:\n" + output)
            url = "http://127.0.0.1:%d/api/v1/openapi.json" % port
            with urllib.request.urlopen(url, timeout=30) as reply:
                return json.load(reply)
        finally:
            server.terminate()
            server.wait(timeout=30)


class Operations:
    """The document's operations, found by method and request target."""

    def __init__(self, doc):
        self.doc = doc
        self.templates = []
        for path in doc["paths"]:
            segments = path.strip("/").split("/")
            literal = sum(1 for s in segments if not s.startswith("{"))
            self.templates.append((path, segments, literal))
        # The most literal template wins (/demands/export before /demands/{id}), as in the router.
        self.templates.sort(key=lambda t: -t[2])
        self.validators = {}

    def path_of(self, target):
        """The template that matches the target's path, or None."""
        path = urllib.parse.urlsplit(target).path
        segments = [urllib.parse.unquote(s) for s in path.strip("/").split("/")]
        for template, parts, _ in self.templates:
            if len(parts) == len(segments) and all(
                    p.startswith("{") or p == s for p, s in zip(parts, segments)):
                return template
        return None

    def responses(self, path, method):
        op = self.doc["paths"][path].get(method.lower())
        return None if op is None else op.get("responses", {})

    def shared_response(self, status):
        """A response any operation may answer (components/responses, named by status), or None."""
        return self.doc.get("components", {}).get("responses", {}).get(str(status))

    def validator(self, pointer):
        """A validator for the schema at `pointer` (a JSON pointer into the document)."""
        if pointer not in self.validators:
            # The document is the root, so "#/components/schemas/…" references resolve.
            schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                      "$ref": urllib.parse.quote(pointer, safe="#/~"),
                      "components": self.doc.get("components", {}), "paths": self.doc["paths"]}
            self.validators[pointer] = jsonschema.Draft202012Validator(schema)
        return self.validators[pointer]


def pointer_escape(s):
    return s.replace("~", "~0").replace("/", "~1")


def json_path(error):
    """Where in the body, with array indices left out ($.items[].org) so that one finding is
    reported once, not once per item."""
    path = "$"
    for part in error.absolute_path:
        path += "[]" if isinstance(part, int) else "." + str(part)
    return path


def read_records(directory):
    records = []
    for name in sorted(glob.glob(os.path.join(directory, "*.jsonl"))):
        with open(name, encoding="utf-8", errors="replace") as f:
            for line in f:
                line = line.strip()
                if line:
                    try:
                        records.append(json.loads(line))
                    except ValueError:
                        pass  # a line cut short by a test killed mid-write
    return records


def check(records, ops):
    findings = defaultdict(list)  # message -> examples (test, target)
    counted = Counter()
    operations_seen = set()
    seen_bodies = set()
    for rec in records:
        method, target, status = rec["method"], rec["target"], rec["status"]
        if not urllib.parse.urlsplit(target).path.startswith(API_PREFIX):
            counted["outside /api/v1"] += 1
            continue
        example = (rec.get("test", ""), target)
        path = ops.path_of(target)
        responses = None if path is None else ops.responses(path, method)
        if responses is None:
            # Asked on purpose (404, 405): an error, in the one error shape.
            counted["no such path" if path is None else "no such method"] += 1
            where = "%s %s" % (method, path or urllib.parse.urlsplit(target).path)
            if 200 <= status < 300:
                findings["%s: status %d for an operation the document does not have" % (
                    where, status)].append(example)
            elif rec.get("body"):
                try:
                    body = json.loads(rec["body"])
                except ValueError:
                    findings["%s %d: the body is not JSON" % (where, status)].append(example)
                    continue
                for error in ops.validator("#/components/schemas/Error").iter_errors(body):
                    findings["%s %d: %s: %s" % (where, status, json_path(error),
                                                 error.message[:300])].append(example)
            continue
        operation = "%s %s" % (method, path)
        response = responses.get(str(status))
        pointer = "#/paths/%s/%s/responses/%d" % (pointer_escape(path), method.lower(), status)
        if response is None:
            response = ops.shared_response(status)
            pointer = "#/components/responses/%d" % status
        if response is None:
            findings["%s: status %d is not documented" % (operation, status)].append(example)
            continue
        operations_seen.add((operation, status))
        content = response.get("content", {})
        is_json = rec.get("content_type", "").startswith("application/json")
        if is_json and rec.get("content_encoding"):
            counted["compressed"] += 1
            continue
        if is_json and not rec.get("body") and "application/json" not in content:
            counted["no body"] += 1  # a 204, whatever its Content-Type says
            continue
        if not is_json:
            if "application/json" in content:
                findings["%s %d: answers %r where the document names JSON" % (
                    operation, status, rec.get("content_type"))].append(example)
            else:
                counted["not JSON"] += 1
            continue
        if "application/json" not in content or "schema" not in content["application/json"]:
            findings["%s %d: answers JSON where the document names no JSON body" % (
                operation, status)].append(example)
            continue
        key = (pointer, rec.get("body", ""))
        if key in seen_bodies:
            counted["validated"] += 1
            continue
        seen_bodies.add(key)
        try:
            body = json.loads(rec.get("body", ""))
        except ValueError:
            findings["%s %d: the body is not JSON" % (operation, status)].append(example)
            continue
        validator = ops.validator(pointer + "/content/application~1json/schema")
        try:
            for error in validator.iter_errors(body):
                findings["%s %d: %s: %s" % (operation, status, json_path(error),
                                             error.message[:300])].append(example)
        except (AttributeError, TypeError, jsonschema.exceptions.SchemaError) as e:
            findings["%s %d: the document's schema is not JSON Schema (%s)" % (
                operation, status, e)].append(example)
        counted["validated"] += 1
    return findings, counted, operations_seen


def validate(path):
    """Validates each case of FILE (see the module's description); "#/components/..." resolves."""
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    out = []
    for i, case in enumerate(doc["cases"]):
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                  "$ref": "#/cases/%d/schema" % i,
                  "components": doc.get("components", {}), "cases": doc["cases"]}
        jsonschema.Draft202012Validator.check_schema(case["schema"])
        validator = jsonschema.Draft202012Validator(schema)
        out.append(["%s: %s" % (json_path(e), e.message[:300])
                    for e in validator.iter_errors(case["instance"])])
    print(json.dumps(out, ensure_ascii=False))
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_clear = sub.add_parser("clear")
    p_clear.add_argument("directory")
    p_check = sub.add_parser("check")
    p_check.add_argument("--binary")
    p_check.add_argument("--doc")
    p_check.add_argument("--responses", required=True)
    p_validate = sub.add_parser("validate")
    p_validate.add_argument("file")
    args = parser.parse_args()
    if args.command == "clear":
        clear(args.directory)
        return 0
    if args.command == "validate":
        return validate(args.file)

    records = read_records(args.responses)
    if not records:
        print("check_responses: no API responses recorded in %s (no API test ran): nothing to check"
              % args.responses)
        return 0
    if args.doc:
        with open(args.doc, encoding="utf-8") as f:
            doc = json.load(f)
    else:
        doc = document_from_binary(args.binary)
    ops = Operations(doc)
    findings, counted, operations_seen = check(records, ops)
    documented = {"%s %s" % (m.upper(), p) for p, item in doc["paths"].items() for m in item}
    exercised = {operation for operation, _ in operations_seen}
    print("check_responses: %d responses recorded; %d JSON bodies validated; %d of the "
          "document's %d operations answered (%d operation and status pairs)"
          % (len(records), counted["validated"], len(exercised & documented), len(documented),
             len(operations_seen)))
    unexercised = sorted(documented - exercised)
    if unexercised and len(unexercised) <= 20:
        print("  no response recorded for: " + ", ".join(unexercised))
    others = ", ".join("%s %d" % (k, v) for k, v in sorted(counted.items()) if k != "validated")
    if others:
        print("  besides (no schema to check, or asked for on purpose): " + others)
    if not findings:
        return 0
    print("\n%d findings (response differs from openapi.json):" % len(findings))
    for message in sorted(findings):
        examples = findings[message]
        test, target = examples[0]
        print("FAIL %s\n     %d× e.g. %s in %s" % (message, len(examples), target, test or "?"))
    return 1


if __name__ == "__main__":
    sys.exit(main())
