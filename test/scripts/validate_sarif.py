#!/usr/bin/env python3
"""Validates a SARIF log: against the official SARIF 2.1.0 JSON schema (with --schema; needs python3-jsonschema and,
for the uri formats, python3-rfc3987), then the rules the schema cannot express for what flytecc writes: ruleIndex
points at ruleId, regions do not end before they start, uriBaseIds are declared and their base URIs end with '/',
every rule has descriptions and help, and (with --docs CHECKS.md) every helpUri's anchor is a heading there.

Prints one line per rule and result, then "valid SARIF 2.1.0", or "invalid: PATH ..." and exits 1.
Usage: validate_sarif.py [--schema SCHEMA.json] [--docs CHECKS.md] FILE|-
"""
import argparse
import json
import re
import sys

LEVELS = {"none", "note", "warning", "error"}


class Invalid(Exception):
    pass


def need(cond, path, what):
    if not cond:
        raise Invalid(f"{path} {what}")


def schema_errors(log, schema_path):
    import jsonschema  # Debian's python3-jsonschema
    import rfc3987  # noqa: F401  (python3-rfc3987: without it jsonschema skips the uri formats silently)

    schema = json.load(open(schema_path))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    for e in errors:
        path = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in e.absolute_path)
        raise Invalid(f"{path} does not match the SARIF 2.1.0 schema: {e.message}")


def region(r, path):
    need(isinstance(r, dict), path, "must be an object")
    for k in ("startLine", "startColumn", "endLine", "endColumn", "byteOffset", "byteLength", "charOffset",
              "charLength"):
        if k in r:
            need(isinstance(r[k], int) and r[k] >= (0 if k.startswith(("char", "byte")) else 1), f"{path}.{k}",
                 "must be a positive integer")
    if "startLine" in r:
        start = (r["startLine"], r.get("startColumn", 1))
        end = (r.get("endLine", r["startLine"]), r.get("endColumn", start[1] if "endLine" not in r else 1 << 30))
        need(start <= end, path, f"ends before it starts: {start} > {end}")
    return f'{r.get("startLine")}:{r.get("startColumn")}-{r.get("endLine")}:{r.get("endColumn")}'


def artifact_location(a, path, bases):
    need(isinstance(a, dict) and isinstance(a.get("uri"), str) and a["uri"], path, "must have a uri")
    need(not re.search(r"[ #\x80-\U0010ffff]", a["uri"]), path + ".uri", f"is not percent-encoded: {a['uri']!r}")
    if "uriBaseId" in a:
        need(a["uriBaseId"] in bases, path + ".uriBaseId", f"{a['uriBaseId']} is not in originalUriBaseIds")
        need(not a["uri"].startswith(("/", "file:")), path + ".uri", "must be relative to its uriBaseId")
        return a["uriBaseId"] + "/" + a["uri"]
    need(a["uri"].startswith("file:///"), path + ".uri", "must be an absolute file:// URI without a uriBaseId")
    return a["uri"]


def physical(p, path, bases):
    need(isinstance(p, dict), path, "must be an object")
    where = artifact_location(p.get("artifactLocation"), path + ".artifactLocation", bases)
    if "region" in p:
        where += ":" + region(p["region"], path + ".region")
    return where


def message(m, path):
    need(isinstance(m, dict) and isinstance(m.get("text"), str), path, "must have text")


def anchors(markdown_path):
    """GitHub's heading anchors of a Markdown file."""
    out = set()
    fenced = False
    for line in open(markdown_path):
        if line.startswith("```"):
            fenced = not fenced
        m = None if fenced else re.match(r"#+\s+(.*)", line)
        if m:
            slug = re.sub(r"[^\w\- ]", "", m.group(1).strip().lower()).replace(" ", "-")
            out.add(slug)
    return out


def validate(log, docs):
    need(isinstance(log, dict), "$", "must be an object")
    need(log.get("version") == "2.1.0", "$.version", 'must be "2.1.0"')
    runs = log.get("runs")
    need(isinstance(runs, list) and runs, "$.runs", "must be a non-empty array")
    lines = []
    for i, run in enumerate(runs):
        p = f"$.runs[{i}]"
        driver = run.get("tool", {}).get("driver")
        need(isinstance(driver, dict) and isinstance(driver.get("name"), str), p + ".tool.driver", "must have a name")
        lines.append(f"tool {driver['name']} {driver.get('version')} {driver.get('informationUri')}")
        bases = run.get("originalUriBaseIds", {})
        for name, base in bases.items():
            need(base.get("uri", "").endswith("/"), f"{p}.originalUriBaseIds.{name}.uri", "must end with '/'")
            need(base["uri"].startswith("file:///"), f"{p}.originalUriBaseIds.{name}.uri", "must be a file:// URI")
            lines.append(f"base {name} {base['uri']}")
        rules = driver.get("rules", [])
        ids = []
        for j, rule in enumerate(rules):
            rp = f"{p}.tool.driver.rules[{j}]"
            need(isinstance(rule.get("id"), str), rp + ".id", "must be a string")
            for k in ("shortDescription", "fullDescription"):
                need(isinstance(rule.get(k), dict) and rule[k].get("text"), f"{rp}.{k}", "must have text")
            need(rule.get("help", {}).get("text") and rule["help"].get("markdown"), rp + ".help",
                 "must have text and markdown")
            if "helpUri" in rule and docs:
                anchor = rule["helpUri"].partition("#")[2]
                need(rule["helpUri"].split("#")[0].endswith("/checks.md") and anchor in docs, rp + ".helpUri",
                     f"{rule['helpUri']} names no heading of docs/checks.md")
            ids.append(rule["id"])
            lines.append(f"rule {rule['id']} help={'helpUri' in rule}")
        need(len(ids) == len(set(ids)), p + ".tool.driver.rules", "ids must be unique")
        for j, res in enumerate(run.get("results", [])):
            rp = f"{p}.results[{j}]"
            message(res.get("message"), rp + ".message")
            need(res.get("level", "warning") in LEVELS, rp + ".level", "must be none, note, warning or error")
            if "ruleIndex" in res:
                need(0 <= res["ruleIndex"] < len(ids) and ids[res["ruleIndex"]] == res.get("ruleId"),
                     rp + ".ruleIndex", "must point at the rule named by ruleId")
            where = ""
            for k, loc in enumerate(res.get("locations", [])):
                where = physical(loc.get("physicalLocation"), f"{rp}.locations[{k}].physicalLocation", bases)
            related = res.get("relatedLocations", [])
            for k, loc in enumerate(related):
                physical(loc.get("physicalLocation"), f"{rp}.relatedLocations[{k}].physicalLocation", bases)
                message(loc.get("message"), f"{rp}.relatedLocations[{k}].message")
            fixes = res.get("fixes", [])
            for k, fix in enumerate(fixes):
                changes = fix.get("artifactChanges")
                need(isinstance(changes, list) and changes, f"{rp}.fixes[{k}].artifactChanges", "must be non-empty")
                for c, change in enumerate(changes):
                    cp = f"{rp}.fixes[{k}].artifactChanges[{c}]"
                    artifact_location(change.get("artifactLocation"), cp + ".artifactLocation", bases)
                    reps = change.get("replacements")
                    need(isinstance(reps, list) and reps, cp + ".replacements", "must be non-empty")
                    for r in reps:
                        region(r.get("deletedRegion"), cp + ".replacements[].deletedRegion")
            lines.append(f"result {res.get('level', 'warning')} {res.get('ruleId')} {where} "
                         f"related={len(related)} fixes={len(fixes)}")
    return lines


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--schema")
    parser.add_argument("--docs")
    parser.add_argument("file")
    args = parser.parse_args()
    text = sys.stdin.read() if args.file == "-" else open(args.file, encoding="utf-8").read()
    try:
        log = json.loads(text)
        if args.schema:
            schema_errors(log, args.schema)
        lines = validate(log, anchors(args.docs) if args.docs else None)
    except (Invalid, json.JSONDecodeError) as e:
        print(f"invalid: {e}")
        return 1
    print("\n".join(lines))
    print("valid SARIF 2.1.0" + (" (schema: " + args.schema.rsplit("/", 1)[-1] + ")" if args.schema else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
