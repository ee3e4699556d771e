#!/usr/bin/env bash
# TOML parse speed: mfile's decoder (swiftc -O) against Python's tomllib on the same bytes,
# measured in the same run. Every file is read into memory first and parsed separately; the
# best of ROUNDS passes counts. Prints a Markdown table.
#
# usage: Benchmarks/toml-benchmark.sh [CASES] [ROUNDS]     (default: 2000 cases, 20 rounds)
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-2000}
rounds=${2:-20}
work=Benchmarks/generated
mkdir -p "$work" .build
repo="$work/repo-$cases"
[ -f "$repo/marac.toml" ] || python3 Benchmarks/generate.py "$cases" "$repo" >/dev/null

bench=.build/toml-bench
# The Base and TOML layers compiled with the benchmark as one module (their imports dropped).
sources=.build/toml-bench-sources
rm -rf "$sources" && mkdir -p "$sources"
for file in Sources/MaracFiles/{Base,TOML}/*.swift; do
    sed '/^import Marac/d' "$file" > "$sources/$(basename "$file")"
done
swiftc -O -wmo -parse-as-library -module-name TOMLBench Benchmarks/TOMLParseBenchmark.swift \
    "$sources"/*.swift -o "$bench"

tomllib() {
  python3 -c '
import sys, time, tomllib
rounds = int(sys.argv[1])
files = [open(p, "rb").read() for p in sys.argv[2:]]
best = float("inf")
for _ in range(rounds):
    start = time.perf_counter()
    for data in files:
        tomllib.loads(data.decode("utf-8"))
    best = min(best, time.perf_counter() - start)
print(sum(map(len, files)), best)
' "$@"
}

echo "| files | count | MB | mfile decoder | mfile editor (decoder + statements) | tomllib | decoder / tomllib |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for kind in cases meetings; do
  mapfile -t files < <(find "$repo/$kind" -name '*.toml' | sort)
  read -r _ bytes decoder_s < <("$bench" "$rounds" "${files[@]}" | grep '^decoder')
  read -r _ _ editor_s < <("$bench" "$rounds" "${files[@]}" | grep '^editor')
  read -r _ python_s < <(tomllib "$rounds" "${files[@]}")
  awk -v kind="$kind" -v n="${#files[@]}" -v b="$bytes" -v d="$decoder_s" -v e="$editor_s" -v p="$python_s" 'BEGIN {
    mb = b / 1e6
    printf "| %s | %d | %.1f | %.0f MB/s | %.0f MB/s | %.1f MB/s | %.0fx |\n", kind, n, mb, mb / d, mb / e, mb / p, p / d
  }'
done
