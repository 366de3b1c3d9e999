#!/usr/bin/env python3
"""Checks a SARIF log against the structure SARIF 2.1.0 requires of the parts flytecc writes.

(The project's tests run offline, so this encodes the schema's rules for those objects rather than
downloading the schema.) Prints one line per rule and result, then "valid SARIF 2.1.0", or
"invalid: PATH ..." and exits 1.
Usage: validate_sarif.py FILE|-
"""
import json
import sys

LEVELS = {"none", "note", "warning", "error"}


class Invalid(Exception):
    pass


def need(cond, path, what):
    if not cond:
        raise Invalid(f"{path} {what}")


def region(r, path):
    need(isinstance(r, dict), path, "must be an object")
    for k in ("startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength"):
        if k in r:
            need(isinstance(r[k], int) and r[k] >= (0 if k.startswith("char") else 1), f"{path}.{k}",
                 "must be a positive integer")


def artifact_location(a, path):
    need(isinstance(a, dict) and isinstance(a.get("uri"), str) and a["uri"], path, "must have a uri")


def physical(p, path):
    need(isinstance(p, dict), path, "must be an object")
    artifact_location(p.get("artifactLocation"), path + ".artifactLocation")
    if "region" in p:
        region(p["region"], path + ".region")
    return f'{p["artifactLocation"]["uri"].removeprefix("file://")}:{p.get("region", {}).get("startLine")}:' \
           f'{p.get("region", {}).get("startColumn")}'


def message(m, path):
    need(isinstance(m, dict) and isinstance(m.get("text"), str), path, "must have text")


def validate(log):
    need(isinstance(log, dict), "$", "must be an object")
    need(log.get("version") == "2.1.0", "$.version", 'must be "2.1.0"')
    runs = log.get("runs")
    need(isinstance(runs, list) and runs, "$.runs", "must be a non-empty array")
    lines = []
    for i, run in enumerate(runs):
        p = f"$.runs[{i}]"
        driver = run.get("tool", {}).get("driver")
        need(isinstance(driver, dict) and isinstance(driver.get("name"), str), p + ".tool.driver", "must have a name")
        rules = driver.get("rules", [])
        ids = []
        for j, rule in enumerate(rules):
            need(isinstance(rule.get("id"), str), f"{p}.tool.driver.rules[{j}].id", "must be a string")
            ids.append(rule["id"])
            lines.append(f"rule {rule['id']}")
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
                where = physical(loc.get("physicalLocation"), f"{rp}.locations[{k}].physicalLocation")
            related = res.get("relatedLocations", [])
            for k, loc in enumerate(related):
                physical(loc.get("physicalLocation"), f"{rp}.relatedLocations[{k}].physicalLocation")
                message(loc.get("message"), f"{rp}.relatedLocations[{k}].message")
            fixes = res.get("fixes", [])
            for k, fix in enumerate(fixes):
                changes = fix.get("artifactChanges")
                need(isinstance(changes, list) and changes, f"{rp}.fixes[{k}].artifactChanges", "must be non-empty")
                for c, change in enumerate(changes):
                    cp = f"{rp}.fixes[{k}].artifactChanges[{c}]"
                    artifact_location(change.get("artifactLocation"), cp + ".artifactLocation")
                    reps = change.get("replacements")
                    need(isinstance(reps, list) and reps, cp + ".replacements", "must be non-empty")
                    for r in reps:
                        region(r.get("deletedRegion"), cp + ".replacements[].deletedRegion")
            lines.append(f"result {res.get('level', 'warning')} {res.get('ruleId')} {where} "
                         f"related={len(related)} fixes={len(fixes)}")
    return lines


def main():
    text = sys.stdin.read() if sys.argv[1] == "-" else open(sys.argv[1]).read()
    try:
        lines = validate(json.loads(text))
    except (Invalid, json.JSONDecodeError) as e:
        print(f"invalid: {e}")
        return 1
    print("\n".join(lines))
    print("valid SARIF 2.1.0")
    return 0


if __name__ == "__main__":
    sys.exit(main())
