#!/usr/bin/env python3
"""Times mfile's commands and their peers on generated repositories, in one interleaved run.

usage: Benchmarks/bench.py [--sizes 10000 100000] [--corpora repo large] [--groups lint find others]
                           [--runs 5] [--slow-runs 3] [--timeout 120] [--peer-timeout 900] [--no-peers]
                           [--output FILE]

For each size and corpus (`repo`: Benchmarks/generate.py N; `large`: the same cases with
meeting files about three times larger, generate.py N --large-meetings) the repository is
generated if missing, read once into the page cache and indexed; then every command below
runs once as a warm-up and again in rounds, one command after another in each round (so a
change in the machine's speed touches all of them alike):

  lint    mfile lint; cat of every record file (the I/O floor, the reference); taplo lint
          (PyPI) with the same schemas in draft-07; Python tomllib + jsonschema
          (Benchmarks/lint_python.py)
  find    mfile find with its freshness check (target under 100 ms); find --no-refresh; the
          stat of every record file by GNU find (the floor of any freshness check, the reference)
  others  mfile index (nothing changed), render agenda (the last meeting), check, sweep
          (a dry run), stats (a quarter)

A command whose first run takes longer than 20 s is run `--slow-runs` times in all, without
a warm-up; a run of mfile that passes `--timeout` seconds (a peer: `--peer-timeout`) is
stopped and shown as such. Each run's
wall time and CPU time (user + system) come from the kernel (wait4), its peak resident memory
from GNU time (/usr/bin/time, Debian package time).
The report gives medians, the largest peak memory, and each command's ratio to its group's
reference taken round by round (the median of the paired ratios), with the date, the machine
and its load average before and after. It is printed as Markdown and written to --output
(default Benchmarks/generated/bench-DATE.md).
"""
import argparse
import datetime
import os
import pathlib
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
GENERATED = ROOT / "Benchmarks" / "generated"
QUERY = "Amelia Smith"
AS_OF = "2026-11-30"
QUARTER = "2026Q3"
SLOW_SECONDS = 20
JSONSCHEMA_VERSION = "import importlib.metadata as m; print(m.version('jsonschema'))"
# What issue 16 asks of each command at 100,000 cases (wall seconds, ratio to the reference).
TARGETS = {
    "mfile lint": "within 2x cat, peak under 400 MiB",
    "mfile find (freshness check)": "under 0.1 s",
    "mfile render agenda": "under 0.3 s",
    "mfile check": "under 2 s, peak under 400 MiB",
    "mfile sweep (dry run)": "under 2 s, peak under 400 MiB",
    "mfile stats": "under 2 s, peak under 400 MiB",
}


class Command:
    def __init__(self, group, name, argv, reference=False, cwd=None, peer=False):
        self.group, self.name, self.argv, self.reference, self.cwd, self.peer = group, name, argv, reference, cwd, peer
        self.runs = []          # (wall, cpu, peak KiB, exit status) of each counted run
        self.timed_out = False
        self.slow = False


def run_once(command, timeout):
    """One run: wall seconds, CPU seconds (wait4) and peak KiB, or None when it timed out.

    The peak comes from GNU time, which starts the command from its own small process: Linux
    keeps the largest resident size across exec, so a command started from this script would
    report at least this script's own size (about 70 MiB once it has listed 100,000 files).
    """
    with tempfile.NamedTemporaryFile("r") as peak_file:
        result = run_timed(command, timeout, ["/usr/bin/time", "-f", "%M", "-o", peak_file.name])
        if result is None:
            return None
        wall, cpu, _, status = result
        peak = int(peak_file.read().split()[-1])
        return wall, cpu, peak, status


def run_timed(command, timeout, prefix):
    started = time.monotonic()
    process = subprocess.Popen(prefix + command.argv, cwd=command.cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() - started > timeout:
            os.killpg(process.pid, signal.SIGKILL)
            os.wait4(process.pid, 0)
            return None
        time.sleep(0.002)
    wall = time.monotonic() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, process.returncode


def machine_load():
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def version(argv):
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=60)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return "not installed"


def prepare(size, corpus, mfile):
    repo = GENERATED / f"{corpus}-{size}"
    if not (repo / "marac.toml").exists():
        extra = ["--large-meetings"] if corpus == "large" else []
        subprocess.run([sys.executable, str(ROOT / "Benchmarks/generate.py"), str(size), str(repo)] + extra, check=True)
    files = sorted(str(p) for folder in ("cases", "meetings") for p in (repo / folder).rglob("*.toml"))
    size_bytes = 0
    for path in files:
        with open(path, "rb") as handle:
            size_bytes += len(handle.read())
    subprocess.run([mfile, "index", "--repo", str(repo)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for kind in ("case", "meeting"):
        converted = subprocess.run([sys.executable, str(ROOT / "Benchmarks/draft07.py"), str(repo / f"schema/{kind}.schema.json")],
                                   capture_output=True, check=True).stdout
        (GENERATED / f"{kind}.draft07.json").write_bytes(converted)
    return repo, len(files), size_bytes


def commands(repo, mfile, peers):
    r = str(repo)
    meeting = sorted((repo / "meetings").rglob("*.toml"))[-1].stem
    records = f"find '{r}/cases' '{r}/meetings' -name '*.toml'"
    case_schema, meeting_schema = GENERATED / "case.draft07.json", GENERATED / "meeting.draft07.json"
    listed = [
        Command("lint", "mfile lint", [mfile, "lint", "--repo", r]),
        Command("lint", "cat (I/O floor)", ["sh", "-c", f"{records} -print0 | xargs -0 cat > /dev/null"], reference=True),
    ]
    if peers:
        if shutil.which("taplo"):
            listed.append(Command("lint", "taplo lint", ["sh", "-c",
                f"taplo lint --schema 'file://{case_schema}' 'cases/**/*.toml' && "
                f"taplo lint --schema 'file://{meeting_schema}' 'meetings/**/*.toml'"], cwd=r, peer=True))
        listed.append(Command("lint", "tomllib + jsonschema", [sys.executable, str(ROOT / "Benchmarks/lint_python.py"), r], peer=True))
    listed += [
        Command("find", "mfile find (freshness check)", [mfile, "find", QUERY, "--ids-only", "--repo", r]),
        Command("find", "mfile find --no-refresh", [mfile, "find", QUERY, "--ids-only", "--no-refresh", "--repo", r]),
        Command("find", "stat of every file (find -printf)", ["sh", "-c", f"{records} -printf '%s %T@\\n' > /dev/null"], reference=True),
        Command("others", "mfile index (nothing changed)", [mfile, "index", "--repo", r]),
        Command("others", "mfile render agenda", [mfile, "render", "agenda", meeting, "--repo", r]),
        Command("others", "mfile check", [mfile, "check", "--as-of", AS_OF, "--repo", r]),
        Command("others", "mfile sweep (dry run)", [mfile, "sweep", "--as-of", AS_OF, "--notices", "-", "--repo", r]),
        Command("others", "mfile stats", [mfile, "stats", "--quarter", QUARTER, "--repo", r]),
    ]
    return listed


def measure(listed, runs, slow_runs, timeout, peer_timeout):
    """A warm-up round, then rounds of one run of each command still to run, in turn."""
    def limit(command):
        return peer_timeout if command.peer else timeout

    for command in listed:
        first = run_once(command, limit(command))
        if first is None:
            command.timed_out = True
        elif first[0] > SLOW_SECONDS:
            command.slow = True
            command.runs.append(first)
    for round_number in range(runs):
        for command in listed:
            wanted = slow_runs if command.slow else runs
            if command.timed_out or len(command.runs) >= wanted:
                continue
            result = run_once(command, limit(command))
            if result is None:
                command.timed_out = True
            else:
                command.runs.append(result)
        print(f"  round {round_number + 1} of {runs} done, load {machine_load()}", file=sys.stderr)


def paired_ratio(command, reference):
    pairs = [a[0] / b[0] for a, b in zip(command.runs, reference.runs) if b[0] > 0]
    return statistics.median(pairs) if pairs else None


def report(size, corpus, files, size_bytes, listed, timeout, peer_timeout):
    lines = [f"### {corpus}-{size}: {files} record files, {size_bytes / 1e6:.1f} MB", "",
             "| group | command | runs | wall (median) | CPU (median) | peak memory | ratio to reference | target (issue 16) |",
             "|---|---|---:|---:|---:|---:|---:|---|"]
    for group in ("lint", "find", "others"):
        members = [c for c in listed if c.group == group]
        reference = next((c for c in members if c.reference), None)
        for c in members:
            limit = peer_timeout if c.peer else timeout
            if not c.runs:
                cells = [f"over {limit} s" if c.timed_out else "-", "-", "-"]
            else:
                walls = [r[0] for r in c.runs]
                cells = [f"{statistics.median(walls):.3f} s" + (f" (then over {limit} s)" if c.timed_out else ""),
                         f"{statistics.median(r[1] for r in c.runs):.3f} s",
                         f"{max(r[2] for r in c.runs) / 1024:.0f} MiB"]
                failed = sorted({r[3] for r in c.runs if r[3] not in (0, 1)})
                if failed:
                    cells[0] += f" (exit {failed})"
            ratio = paired_ratio(c, reference) if reference and c.runs and reference.runs and c is not reference else None
            shown = f"{ratio:.2f}x" if ratio is not None else ("1x" if c is reference else "")
            lines.append(f"| {group} | {c.name} | {len(c.runs)} | {cells[0]} | {cells[1]} | {cells[2]} | {shown} | {TARGETS.get(c.name, '')} |")
    mfile_lint = next((c for c in listed if c.name == "mfile lint"), None)
    for peer in (c for c in listed if mfile_lint and c.group == "lint" and c.name not in ("mfile lint", "cat (I/O floor)")):
        ratio = paired_ratio(mfile_lint, peer) if peer.runs else None
        if ratio is not None:
            lines.append(f"\nmfile lint takes {ratio:.3f}x the time of {peer.name} (median of paired runs).")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--corpora", nargs="+", default=["repo", "large"], choices=["repo", "large"])
    parser.add_argument("--groups", nargs="+", default=["lint", "find", "others"], choices=["lint", "find", "others"],
                        help="which groups of commands to time")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--slow-runs", type=int, default=3)
    parser.add_argument("--timeout", type=int, default=120, help="seconds a run of mfile may take")
    parser.add_argument("--peer-timeout", type=int, default=900, help="seconds a run of taplo or Python may take")
    parser.add_argument("--no-peers", action="store_true", help="leave out taplo and Python")
    parser.add_argument("--output", type=pathlib.Path)
    args = parser.parse_args()

    subprocess.run(["swift", "build", "-c", "release", "--product", "mfile"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    bin_path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                              capture_output=True, text=True).stdout.strip()
    mfile = str(pathlib.Path(bin_path) / "mfile")
    GENERATED.mkdir(parents=True, exist_ok=True)

    started = datetime.datetime.now(datetime.timezone.utc)
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), platform.processor())
    header = [f"## Benchmark run of {started:%Y-%m-%d %H:%M} UTC", "",
              f"Machine: {os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}; "
              f"load average (1, 5, 15 min) at the start: {machine_load()}.",
              f"Versions: {version(['swift', '--version'])}; {version([sys.executable, '--version'])}; "
              f"jsonschema {version([sys.executable, '-c', JSONSCHEMA_VERSION])}; "
              f"{version(['taplo', '--version'])}.",
              f"Command: Benchmarks/bench.py {' '.join(sys.argv[1:])}", ""]
    sections = []
    for size in args.sizes:
        for corpus in args.corpora:
            print(f"{corpus}-{size}: preparing", file=sys.stderr)
            repo, files, size_bytes = prepare(size, corpus, mfile)
            listed = [c for c in commands(repo, mfile, peers=not args.no_peers) if c.group in args.groups]
            measure(listed, args.runs, args.slow_runs, args.timeout, args.peer_timeout)
            sections.append(report(size, corpus, files, size_bytes, listed, args.timeout, args.peer_timeout))
            print(sections[-1], file=sys.stderr)
    finished = datetime.datetime.now(datetime.timezone.utc)
    footer = [f"Finished {finished:%Y-%m-%d %H:%M} UTC; load average at the end: {machine_load()}."]
    text = "\n".join(header) + "\n" + "\n".join(sections) + "\n" + "\n".join(footer) + "\n"
    output = args.output or GENERATED / f"bench-{started:%Y%m%d-%H%M}.md"
    output.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
