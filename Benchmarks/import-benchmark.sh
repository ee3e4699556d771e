#!/usr/bin/env bash
# The import benchmark: release mfile importing a generated cases sheet of N rows into a copy
# of the demo repository, and a 1,000-row sheet into a generated repository of R cases:
# the dry run, --apply, and the same import again. Prints a Markdown table.
#
# usage: Benchmarks/import-benchmark.sh [ROWS] [REPOSITORY-CASES]     (default: 5000 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-5000}"
cases="${2:-10000}"
swift build -c release --product mfile >/dev/null
mfile="$(swift build -c release --show-bin-path)/mfile"
work="$PWD/Benchmarks/generated"
mkdir -p "$work"

# wall seconds and peak resident MiB of one command, output discarded
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>&1 || true
  read -r seconds kib < <(tail -n 1 "$work/time.txt")
  printf '%s s, %s MiB' "$seconds" "$((kib / 1024))"
}

# A cases sheet of $1 rows (invented people, referrals in year $2, UK dates), deterministic.
sheet() {
  python3 - "$1" "$2" <<'PY'
import sys
n, year = int(sys.argv[1]), sys.argv[2]
first = ["Ann", "Bea", "Cara", "Dee", "Eve", "Fay", "Gail", "Hope", "Ida", "Jo"]
last = ["Abbot", "Birch", "Crane", "Dale", "Esk", "Frome", "Gale", "Hythe", "Irwin", "Jett"]
print("Ref,Date Referred,Agency,Victim,Victim DOB,Ethnicity,Orientation,Disability,Gender,Perpetrator,Relationship,DASH,Incident,Consent,Decision,Notes", end="\r\n")
for i in range(n):
    d, m = 1 + i % 28, 1 + (i // 28) % 6
    print(f"BM-{i:06d},{d:02d}/{m:02d}/{year},Police,{first[i % 10]} {last[i // 10 % 10]}{i},{d:02d}/{m:02d}/1980,White British,"
          f"heterosexual,no,female,{first[i // 7 % 10]} {last[i % 10]}x{i},Ex-partner,15,{d:02d}/{m:02d}/{year},Given,Accepted,\"note, {i}\"", end="\r\n")
PY
}

cat > "$work/import-map.toml" <<'TOML'
kind = "cases"
[columns]
"Ref" = "reference"
"Date Referred" = "referral.received"
"Agency" = "referral.agency"
"Victim" = "victim.name"
"Victim DOB" = "victim.dob"
"Ethnicity" = "victim.ethnicity"
"Orientation" = "victim.sexual_orientation"
"Disability" = "victim.disability"
"Gender" = "victim.gender"
"Perpetrator" = "perpetrator.name"
"Relationship" = "perpetrator.relationship"
"DASH" = "referral.risk_score"
"Incident" = "referral.incident"
"Consent" = "referral.consent"
"Decision" = "referral.decision"
"Notes" = ""
[defaults]
status = "open"
session = "open"
"referral.risk_tool" = "dash"
"referral.criteria" = ["visible-high-risk"]
TOML

echo "| sheet rows | repository | dry run | --apply | again (nothing to write) |"
echo "|---:|---|---|---|---|"
# Referrals from before the repository's first meeting, so lint expects no hearing of them.
run() {  # $1 rows, $2 repository folder, $3 label, $4 the referrals' year
  sheet "$1" "$4" > "$work/import-$1.csv"
  local args=(import cases "$work/import-$1.csv" --map "$work/import-map.toml" --repo "$2")
  d=$(measure "$mfile" "${args[@]}")
  a=$(measure "$mfile" "${args[@]}" --apply)
  g=$(measure "$mfile" "${args[@]}")
  echo "| $1 | $3 | $d | $a | $g |"
}
demo="$work/import-demo"
rm -rf "$demo" && mkdir -p "$demo" && cp -r marac.toml cases meetings schema templates "$demo/"
run "$rows" "$demo" "the demo (23 cases)" 2025
big="$work/import-repo-$cases"
rm -rf "$big" && python3 Benchmarks/generate.py "$cases" "$big" >/dev/null
run 1000 "$big" "generated, $cases cases" 1995
