#!/usr/bin/env python3
"""Copies a generated repository and writes seeded faults into about one file in twelve.

usage: Benchmarks/faults.py SOURCE OUTDIR

The copy gives lint something to say: TOML syntax errors, every kind of schema violation the
schemas can report (type, enum, required, unknown field, pattern, format, minLength, uniqueItems,
if/then), dates and times where strings are expected and the other way round, non-ASCII text,
keys that are not field names, unknown agencies, MARACs and cases, and duplicate ids. Comparing
`mfile lint` on the copy before and after a change shows that the change kept every finding.
Deterministic: the same SOURCE gives the same copy.
"""
import pathlib
import random
import shutil
import sys

CASE_FAULTS = [
    ("status = \"open\"", "status = \"opne\""),
    ("marac = \"north\"\n", ""),
    ("session = \"open\"", "session = \"open\"\nunknown_field = 1"),
    ("risk_score = ", "risk_score = \"14\"\nx_score = "),
    ("risk_score = ", "risk_score = 14.5\nx_score = "),
    ("dob = ", "dob = \"1990-13-01\"\nx_dob = "),
    ("dob = ", "dob = 1990-01-01T10:00:00\nx_dob = "),
    ("received = ", "received = 2020-01-01T10:00:00Z\nx_received = "),
    ("name = \"", "name = \"Zoë Ångström-Łukasz 😀 "),
    ("name = \"", "name = \"\"\nx_name = \""),
    ("[victim]\n", "[victim]\n\"Jane Doe\" = 1\n"),
    ("agency = \"", "agency = \"polise"),
    ("marac = \"north\"", "marac = \"south\""),
    ("criteria = [\"", "criteria = [\"repeat\", \"repeat\", \""),
    ("criteria = [", "criteria = [1, "),
    ("consent = \"given\"", "consent = \"given\" oops"),
    ("[[referral]]", "[[referral]\n"),
    ("id = \"", "id = \"2026-exmp-1\"\nx_id = \""),
    ("decision = \"accepted\"", "decision = \"accepted\"\ndecision = \"declined\""),
    ("[victim]\n", "[victim]\naliases = []\n"),
    ("address = \"", "address = 12\nx_address = \""),
]

MEETING_FAULTS = [
    ("  case = \"", "  case = \"2099-EXMP-999999\"\n  x_case = \""),
    ("signed_in = 09:55:00", "signed_in = \"9:55\""),
    ("signed_in = 09:55:00", "signed_in = 1979-05-27T07:32:00"),
    ("  status = \"complete\"\n  completed = ", "  status = \"complete\"\n  x_completed = "),
    ("  text = \"\"\"", "  text = \"\"\n  x_text = \"\"\""),
    ("  id = 1\n", "  id = 0\n"),
    ("kind = \"scheduled\"", "kind = \"weekly\""),
    ("  agency = \"", "  agency = \"Ærøskøbing "),
    ("chair = \"", "chair = \"Siân Ó Súilleabháin\"\nx_chair = \""),
    ("marac = \"north\"\n", ""),
    ("[[attendee]]\n", "[[attendee]]\nconfidentiality_signed = \"yes\"\nx = "),
    ("  [[hearing.action]]\n", "  [[hearing.action]]\n  due = 2026-02-30\n"),
    ("date = ", "date = \"not a date\"\nx_date = "),
]


def main():
    source = pathlib.Path(sys.argv[1])
    out = pathlib.Path(sys.argv[2])
    rng = random.Random(12)
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(source, out, ignore=shutil.ignore_patterns(".mfile"))
    files = sorted(list((out / "cases").rglob("*.toml")) + list((out / "meetings").rglob("*.toml")))
    for path in files:
        if rng.random() >= 1 / 12:
            continue
        faults = CASE_FAULTS if path.parts[-3] == "cases" else MEETING_FAULTS
        text = path.read_text()
        for _ in range(rng.choice([1, 1, 2])):
            old, new = rng.choice(faults)
            if old in text:
                text = text.replace(old, new, 1)
        path.write_text(text)
    # two case files with the same id, and a meeting file whose date does not match its name
    cases = sorted((out / "cases").rglob("*.toml"))
    if len(cases) > 2:
        shutil.copy(cases[0], cases[0].with_name("2000-EXMP-000000.toml"))


if __name__ == "__main__":
    main()
