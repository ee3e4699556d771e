#!/bin/sh
# Times `mfile index` (full, incremental after one change, nothing changed) and `mfile find`
# on a generated repository. usage: Benchmarks/index-benchmark.sh [N]   (default 100000)
set -eu
N=${1:-100000}
REPO=Benchmarks/generated/repo-$N
[ -d "$REPO" ] || python3 Benchmarks/generate.py "$N" "$REPO"
swift build -c release
M=.build/release/mfile
CHANGED=$(ls "$REPO"/cases/2026/*.toml | tail -1)
uptime
hyperfine --runs 3 --prepare "rm -rf $REPO/.mfile" "$M index --repo $REPO" --export-markdown /tmp/index-full.md
$M index --repo "$REPO"
hyperfine --warmup 1 --runs 10 --prepare "echo '# benchmark edit' >> $CHANGED" "$M index --repo $REPO" --export-markdown /tmp/index-incremental.md
hyperfine --warmup 1 --runs 10 "$M index --repo $REPO" --export-markdown /tmp/index-unchanged.md
hyperfine --warmup 2 --runs 20 "$M find 'Amelia Smith' --ids-only --repo $REPO" \
    "$M find 'Amelia Smith' --ids-only --no-refresh --repo $REPO" \
    "$M find 'Smyth Amelea' --repo $REPO" --export-markdown /tmp/find.md
uptime
