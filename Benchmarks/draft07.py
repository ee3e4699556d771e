#!/usr/bin/env python3
"""Prints a draft-07 copy of a draft 2020-12 schema for taplo, which rejects 2020-12 schemas.

usage: Benchmarks/draft07.py SCHEMA.json
"""
import json
import sys

schema = json.load(open(sys.argv[1]))
schema.pop("$schema", None)
schema.pop("$id", None)
schema["definitions"] = schema.pop("$defs", {})
print(json.dumps(schema).replace('"#/$defs/', '"#/definitions/'))
