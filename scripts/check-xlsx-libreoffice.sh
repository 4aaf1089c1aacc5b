#!/usr/bin/env bash
# An independent reader of the dashboard's XLSX: LibreOffice (Debian's
# libreoffice-calc-nogui, headless) opens the ranking workbook the
# dashboard downloaded in the e2e tests (target/e2e-downloads/考评排名.xlsx,
# kept by tests/tests/downloads.rs) and converts it to CSV; every number it
# reads must equal the CLI's JSON on the same data (target/sample-score.json).
# It also renders the workbook to PDF and PNG
# (target/e2e-screenshots/xlsx-libreoffice-1.png) to look at.
#
#   scripts/check-xlsx-libreoffice.sh      (after scripts/test.sh, or the e2e tests)
set -euo pipefail
cd "$(dirname "$0")/.."
book=target/e2e-downloads/考评排名.xlsx
json=target/sample-score.json
[ -f "$book" ] || { echo "no $book: run the e2e tests first (scripts/test.sh)" >&2; exit 2; }
[ -f "$json" ] || { echo "no $json: run scripts/test.sh first" >&2; exit 2; }
if ! command -v soffice >/dev/null || ! command -v pdftoppm >/dev/null; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libreoffice-calc-nogui poppler-utils
fi
out=target/libreoffice
rm -rf "$out"
mkdir -p "$out" target/e2e-screenshots
cp "$book" "$out/ranking.xlsx"
# CSV options: comma, double quote, UTF-8, from row 1; values as the cells show them.
HOME="$PWD/$out" soffice --headless --norestore \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir "$out" "$out/ranking.xlsx" >/dev/null
HOME="$PWD/$out" soffice --headless --norestore --convert-to pdf --outdir "$out" "$out/ranking.xlsx" >/dev/null
pdftoppm -png -r 70 -f 1 -l 1 "$out/ranking.pdf" target/e2e-screenshots/xlsx-libreoffice
python3 - "$out/ranking.csv" "$json" <<'PY'
import csv, json, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
doc = json.load(open(sys.argv[2], encoding="utf-8"))
keys = ["disclosure_timeliness", "interpretation_coverage", "interpretation_sync", "interpretation_forms",
        "opinion_response", "message_response", "request_timeliness", "enforcement_timeliness", "platform_freshness"]
title, header, body = rows[0], rows[1], rows[2:]
assert len(body) == len(doc["departments"]), (len(body), len(doc["departments"]))
checked = 0
def num(s):
    return float(s) if s != "" else None
for row, d in zip(body, doc["departments"]):
    assert row[2] == d["dept"], (row, d["dept"])
    for col, value in ((0, d["rank"]), (1, d["group_rank"]), (4, d["score"]), (6, d["contribution"])):
        assert num(row[col]) == value, (d["dept"], header[col], row[col], value)
        checked += 1
    for i, k in enumerate(keys):
        ind = d["indicators"][k]
        want = None if ind is None else round(ind["earned"] + 1e-12, 2)
        assert num(row[8 + i]) == want, (d["dept"], header[8 + i], row[8 + i], want)
        checked += 1
print(f"LibreOffice read {len(body)} departments from the dashboard's XLSX; "
      f"{checked} numbers equal the CLI's JSON (ranks, scores, contributions, earned points as shown to 2 decimals)")
print(f"title: {title[0]}")
PY
echo "rendered: target/e2e-screenshots/xlsx-libreoffice-1.png"
