#!/usr/bin/env bash
# Fuzzes the TOML decoder and the format-preserving editor with libFuzzer.
#
#   Fuzz/run.sh [SECONDS]     (default 60)
#
# Builds .build/fuzz/toml-fuzz with `swiftc -sanitize=fuzzer,address -parse-as-library -O` over
# Fuzz/TOMLFuzz.swift and the library's TOML/ and JSON/ sources (no SwiftPM needed), seeds the
# corpus from the toml-test valid files and the demo records, and runs for SECONDS. Crashes and
# hangs are written to .build/fuzz/artifacts/. Set MFILE_CONFORMANCE_DIR like the tests do.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
out=.build/fuzz
mkdir -p "$out/corpus" "$out/artifacts"

# The Base, TOML and JSON layers compiled as one module (their imports of each other dropped).
sources="$out/sources"
rm -rf "$sources" && mkdir -p "$sources"
for file in Sources/MaracFiles/{Base,TOML,JSON}/*.swift; do
    sed '/^import Marac/d' "$file" > "$sources/$(basename "$file")"
done
swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name TOMLFuzz \
    Fuzz/TOMLFuzz.swift "$sources"/*.swift \
    -o "$out/toml-fuzz" 2> >(grep -v "Cannot export local symbol" >&2)

suite=${MFILE_CONFORMANCE_DIR:-../shared/conformance}/toml-test/tests/valid
if [ -d "$suite" ]; then
    find "$suite" -name '*.toml' | while read -r file; do
        cp "$file" "$out/corpus/seed-$(echo "$file" | md5sum | cut -c1-12).toml"
    done
fi
find cases meetings -name '*.toml' 2>/dev/null | while read -r file; do
    cp "$file" "$out/corpus/demo-$(basename "$file")"
done

SWIFT_BACKTRACE=enable=no "$out/toml-fuzz" "$out/corpus" \
    -dict=Fuzz/toml.dict -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
    -print_final_stats=1 -artifact_prefix="$out/artifacts/"
