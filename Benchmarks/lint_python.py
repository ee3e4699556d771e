#!/usr/bin/env python3
"""The Python baseline for the lint benchmark: tomllib + jsonschema with mfile's own schemas.

usage: Benchmarks/lint_python.py REPO

Parses every case and meeting file, maps TOML dates and times to strings (as mfile does) and
validates each against schema/case.schema.json or schema/meeting.schema.json with format
checking. Prints the number of files and violations.
"""
import datetime
import json
import pathlib
import sys
import tomllib

import jsonschema
from referencing import Registry, Resource


def plain(value):
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (datetime.date, datetime.time, datetime.datetime)):
        return value.isoformat()
    return value


def main():
    root = pathlib.Path(sys.argv[1])
    schemas = {p.name: json.loads(p.read_text()) for p in (root / "schema").glob("*.schema.json")}
    registry = Registry().with_resources(
        (name, Resource.from_contents(schema)) for name, schema in schemas.items())
    validators = {
        kind: jsonschema.Draft202012Validator(
            schemas[f"{kind}.schema.json"], registry=registry,
            format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
        for kind in ("case", "meeting")
    }
    files = violations = 0
    for kind, folder in (("case", "cases"), ("meeting", "meetings")):
        for path in sorted((root / folder).rglob("*.toml")):
            with open(path, "rb") as handle:
                document = plain(tomllib.load(handle))
            files += 1
            violations += sum(1 for _ in validators[kind].iter_errors(document))
    print(f"{files} files, {violations} violations")


if __name__ == "__main__":
    main()
