#!/usr/bin/env bash
# The lint benchmark: release mfile against cat (the I/O floor), tomllib + jsonschema, and taplo,
# on generated repositories of 1,000, 10,000 and 100,000 cases. Prints a Markdown table.
#
# usage: Benchmarks/lint-benchmark.sh [SIZES...]     (default: 1000 10000 100000)
# needs: python3 with jsonschema; taplo (pip install taplo) is used where it installs.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-1000 10000 100000}")
read -r -a sizes <<< "${sizes[*]}"
swift build -c release --product mfile >/dev/null
mfile="$(swift build -c release --show-bin-path)/mfile"
work="$PWD/Benchmarks/generated"
mkdir -p "$work"

# wall seconds and peak resident MiB of one command, output discarded
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>&1 || true
  read -r seconds kib < "$work/time.txt"
  printf '%s s, %s MiB' "$seconds" "$((kib / 1024))"
}

echo "| cases | files | MB | mfile lint | cat (I/O floor) | tomllib + jsonschema | taplo lint |"
echo "|---:|---:|---:|---|---|---|---|"
for n in "${sizes[@]}"; do
  repo="$work/repo-$n"
  [ -f "$repo/marac.toml" ] || python3 Benchmarks/generate.py "$n" "$repo"
  files=$(find "$repo/cases" "$repo/meetings" -name '*.toml' | wc -l)
  megabytes=$(find "$repo/cases" "$repo/meetings" -name '*.toml' -print0 | du -cb --files0-from=- | tail -1 | awk '{printf "%.1f", $1/1e6}')
  # warm the page cache so every tool reads from memory
  find "$repo" -name '*.toml' -print0 | xargs -0 cat >/dev/null
  m=$(measure "$mfile" lint --repo "$repo")
  c=$(measure sh -c "find '$repo/cases' '$repo/meetings' -name '*.toml' -print0 | xargs -0 cat")
  p=$(measure python3 Benchmarks/lint_python.py "$repo")
  if command -v taplo >/dev/null; then
    python3 Benchmarks/draft07.py "$repo/schema/case.schema.json" > "$work/case.draft07.json"
    python3 Benchmarks/draft07.py "$repo/schema/meeting.schema.json" > "$work/meeting.draft07.json"
    t=$(cd "$repo" && measure sh -c "taplo lint --schema 'file://$work/case.draft07.json' 'cases/**/*.toml' && taplo lint --schema 'file://$work/meeting.draft07.json' 'meetings/**/*.toml'")
  else
    t="not installed"
  fi
  echo "| $n | $files | $megabytes | $m | $c | $p | $t |"
done
