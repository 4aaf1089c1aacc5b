#!/usr/bin/env python3
"""Broken / disguised files. Usage: broken.py OUTDIR SRC_DIR(with generated files)"""
import sys, os, zipfile, random, struct, io
sys.argv += [] 
OUT, SRC = sys.argv[1], sys.argv[2]
os.makedirs(OUT, exist_ok=True)
def w(n, d):
    open(os.path.join(OUT, n), 'wb').write(d); print('wrote', n, len(d))
def r(n): return open(os.path.join(SRC, n), 'rb').read()
d = r('rs_basic_types.xlsx'); w('bad_truncated_half.xlsx', d[:len(d) // 2])
d = r('rs_basic_types.xls'); w('bad_truncated_half.xls', d[:len(d) // 2])
d = r('x03_sst_continue_rich_phonetic.xls'); w('bad_truncated_sst_continue.xls', d[:len(d) * 2 // 5])
d = r('rs_basic_types.xlsx'); w('bad_truncated_zip_no_central_dir.xlsx', d[:-30])
b = io.BytesIO()
with zipfile.ZipFile(b, 'w') as z:
    z.writestr('readme.txt', '这不是一个工作簿 / this zip is not a workbook')
    z.writestr('data/表.csv', 'a,b\n1,2\n')
w('bad_zip_not_workbook.xlsx', b.getvalue())
random.seed(20240229)
w('bad_random_bytes.xlsx', bytes(random.getrandbits(8) for _ in range(4096)))
w('bad_random_bytes.xls', bytes(random.getrandbits(8) for _ in range(5000)))
w('bad_empty_file.xlsx', b'')
w('bad_ole_header_only.xls', b'\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1' + bytes(504))
# xlsx missing its sheet part
def rezip(source, out, edit):
    """Writes `out`: the members of workbook `source`, each through `edit`
    (its name and bytes in; its bytes, or None to leave it out)."""
    src = zipfile.ZipFile(os.path.join(SRC, source))
    b = io.BytesIO()
    with zipfile.ZipFile(b, 'w', zipfile.ZIP_DEFLATED) as z:
        for it in src.infolist():
            data = edit(it.filename, src.read(it))
            if data is not None:
                z.writestr(it.filename, data)
    w(out, b.getvalue())

rezip('h09_absolute_rel_targets.xlsx', 'bad_missing_sheet_part.xlsx',
      lambda name, data: None if name == 'xl/worksheets/sheet2.xml' else data)
# shared string index out of range + corrupted XML
SHEET1 = 'xl/worksheets/sheet1.xml'
rezip('h04_offset_C5_empty_rows.xlsx', 'bad_sst_index_out_of_range.xlsx',
      lambda name, data: data.replace(b'<v>6</v>', b'<v>999</v>') if name == SHEET1 else data)
rezip('h04_offset_C5_empty_rows.xlsx', 'bad_sheet_xml_truncated.xlsx',
      lambda name, data: data[:len(data) - 40] if name == SHEET1 else data)  # unterminated XML
# CRC mismatch inside zip (flip a byte in compressed data of sheet1)
d = bytearray(r('h01_inline_strings.xlsx'))
i = d.find(b'xl/worksheets/sheet1.xml') + len('xl/worksheets/sheet1.xml') + 10
d[i] ^= 0xFF
w('bad_zip_corrupt_deflate.xlsx', bytes(d))
# HTML disguised as .xls (very common for government "Excel" exports)
html = '''<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">
<head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>
<table border="1"><tr><td>地区</td><td>金额</td><td>日期</td></tr>
<tr><td>北京</td><td>1234.5</td><td>2023-07-15</td></tr><tr><td colspan="2">合并单元格</td><td style="mso-number-format:'\\@'">0001</td></tr></table></body></html>'''
w('disguised_html_gb2312.xls', html.encode('gb2312'))
w('disguised_tsv_utf16.xls', '\ufeff地区\t金额\r\n北京\t1234.5\r\n上海\t-2\r\n'.encode('utf-16-le'))
w('disguised_csv_gbk.xls', '地区,金额\r\n北京,1234.5\r\n"上海,浦东",-2\r\n'.encode('gbk'))
