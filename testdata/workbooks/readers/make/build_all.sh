#!/bin/sh
# Regenerates the workbooks into the folder above (or $1), working in a
# temporary folder. Takes about 10 s.
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
C=${1:-$HERE/..}
W=$(mktemp -d)
cp -r "$HERE"/* "$W"/
cd "$W"
LO="soffice -env:UserInstallation=file://$W/lo_profile --headless"
rm -rf out_rs out_hand out_xls_hand out_lo_xls out_lo_csvxls out_lo_xlsx out_lo_xlsx2 out_csv out_broken srcall
(cd rsgen && cargo build --offline --release -q) && rsgen/target/release/rsgen out_rs
python3 xlsx_hand.py out_hand
python3 xls_hand.py out_xls_hand
python3 make_csv.py out_csv
mkdir -p out_lo_xls out_lo_csvxls out_lo_xlsx out_lo_xlsx2
$LO --convert-to xls --outdir out_lo_xls out_rs/*.xlsx out_hand/h0[1-9]*.xlsx out_hand/h1[0-2]*.xlsx out_hand/h16*.xlsx out_hand/h19*.xlsx >/dev/null 2>&1
$LO --infilter="CSV:44,34,76,1" --convert-to xls --outdir out_lo_csvxls out_csv/*.csv >/dev/null 2>&1
$LO --infilter="CSV:44,34,76,1" --convert-to xlsx --outdir out_lo_xlsx out_csv/csv_gov_table.csv >/dev/null 2>&1
$LO --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir out_lo_xlsx2 out_lo_xls/rs_dates_formats.xls out_lo_xls/h06_formulas_shared_nocache.xls out_lo_xls/rs_multisheet_hidden_chart.xls out_lo_xls/rs_merged_cells.xls >/dev/null 2>&1
mkdir -p srcall && cp out_rs/*.xlsx out_hand/*.xlsx out_xls_hand/*.xls srcall/ && cp out_lo_xls/rs_basic_types.xls srcall/
python3 broken.py out_broken srcall
mkdir -p "$C"
for f in out_rs/*.xlsx; do case $f in *rs_large_30k*) ;; *) cp "$f" "$C/";; esac; done
cp out_hand/*.xlsx out_xls_hand/* out_broken/* "$C/"
for f in out_lo_xls/*.xls out_lo_csvxls/*.xls; do cp "$f" "$C/lo_$(basename "$f")"; done
for f in out_lo_xlsx/*.xlsx; do cp "$f" "$C/lo_$(basename "$f")"; done
for f in out_lo_xlsx2/*.xlsx; do cp "$f" "$C/lo_resave_$(basename "$f")"; done
ls "$C" | wc -l
