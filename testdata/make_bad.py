#!/usr/bin/env python3
"""Writes the bad-input catalogue in testdata/bad/ (see its README.md).

Run from the repository root: `python3 testdata/make_bad.py`. The output is
deterministic (fixed zip timestamps), so running it again changes nothing.
Huge cases (10,000 columns, a 1 MB cell, a 1 GB file, 20,000 bad rows, deep
JSON) are not files: `core/tests/it/catalogue.rs` generates them.
"""

import os
import zipfile

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bad")

H = "索引号,发布机构,成文日期,发布日期,标题"


def write(name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def rows(*lines, end="\n"):
    return end.join(lines) + end


# ---------------------------------------------------------------- XLSX

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
</Types>"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""

WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>
</workbook>"""

WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>"""

# Style 0: General; style 1: the built-in date format 14 (yyyy/m/d).
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="1"><fill><patternFill patternType="none"/></fill></fills>
<borders count="1"><border/></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
</styleSheet>"""


def zip_bytes(members):
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in members:
            info = zipfile.ZipInfo(name, date_time=(2019, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text)
    return buf.getvalue()


def col(i):
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[i]


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def cell(ref, value):
    """A cell from a Python value: str (inline string), int/float (number),
    ("date", serial), ("f", formula, cached or None), ("e", "#N/A")."""
    if value is None:
        return ""
    if isinstance(value, str):
        return f'<c r="{ref}" t="inlineStr"><is><t>{esc(value)}</t></is></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value}</v></c>'
    tag = value[0]
    if tag == "date":
        return f'<c r="{ref}" s="1"><v>{value[1]}</v></c>'
    if tag == "e":
        return f'<c r="{ref}" t="e"><v>{esc(value[1])}</v></c>'
    if tag == "f":
        formula, cached = value[1], value[2]
        if cached is None:
            return f'<c r="{ref}"><f>{esc(formula)}</f></c>'
        if isinstance(cached, str):
            return f'<c r="{ref}" t="str"><f>{esc(formula)}</f><v>{esc(cached)}</v></c>'
        return f'<c r="{ref}" s="1"><f>{esc(formula)}</f><v>{cached}</v></c>'
    raise ValueError(value)


def xlsx(table, merges=()):
    body = []
    for r, row in enumerate(table, start=1):
        cells = "".join(cell(f"{col(c)}{r}", v) for c, v in enumerate(row))
        body.append(f'<row r="{r}">{cells}</row>')
    merge_xml = ""
    if merges:
        merge_xml = f'<mergeCells count="{len(merges)}">' + "".join(
            f'<mergeCell ref="{m}"/>' for m in merges
        ) + "</mergeCells>"
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<sheetData>{"".join(body)}</sheetData>{merge_xml}</worksheet>'
    )
    return zip_bytes(
        [
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", RELS),
            ("xl/workbook.xml", WORKBOOK),
            ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
            ("xl/styles.xml", STYLES),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
    )


HX = ["索引号", "发布机构", "成文日期", "发布日期", "标题"]

# The smallest valid PNG (1×1 transparent pixel).
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e221bc330000"
    "000049454e44ae426082"
)


def main():
    os.makedirs(OUT, exist_ok=True)

    write("01-empty.csv", b"")
    write("02-whitespace-only.csv", b"  \r\n\t\n   \n\n")
    write("03-header-only.csv", rows(H))
    write("04-bom-only-utf8.csv", b"\xef\xbb\xbf")
    write("05-bom-only-utf16le.csv", b"\xff\xfe")
    write("06-bom-only-utf16be.csv", b"\xfe\xff")

    gbk_table = rows(
        "发布机构,索引号,成文日期,发布日期,标题",
        "旗教育局,C07-1,2019-03-01,2019-03-05,关于开学的通知",
        "旗教育局,C07-2,2019-04-01,2019-04-08,招生简章",
        "旗教育局,C07-3,2019-05-06,2019-05-10,教师招聘公告",
    )
    write("07-gbk-after-utf8-bom.csv", b"\xef\xbb\xbf" + gbk_table.encode("gbk"))

    utf16_table = rows(
        H,
        "C08-1,旗教育局,2019-03-01,2019-03-05,通知",
        "C08-2,旗教育局,2019-04-01,2019-04-08,公告",
        "C08-3,旗教育局,2019-05-06,2019-05-10,简章",
    )
    write("08-utf16le-no-bom.csv", utf16_table.encode("utf-16-le"))
    write("09-utf16be-no-bom.csv", utf16_table.replace("C08", "C09").encode("utf-16-be"))

    stray = rows(
        H,
        "C10-1,旗教育局,2019-03-01,2019-03-05,通知",
        "C10-2,旗教育局,2019-04-01,2019-04-08,公告@@",
        "C10-3,旗教育局,2019-05-06,2019-05-10,简章",
    ).encode("utf-8").replace(b"@@", b"\xff")
    write("10-utf8-stray-byte.csv", stray)

    gbk_cut = rows(
        H,
        "C11-1,旗教育局,2019-03-01,2019-03-05,通知",
        "C11-2,旗教育局,2019-04-01,2019-04-08,公告",
        "C11-3,旗教育局,2019-05-06,2019-05-10,简章",
    ).rstrip("\n").encode("gbk")
    write("11-gbk-cut-off-character.csv", gbk_cut[:-1])

    write(
        "12-mixed-delimiters.csv",
        rows(
            H,
            "C12-1,旗教育局,2019-03-01,2019-03-05,逗号",
            "C12-2;旗教育局;2019-03-01;2019-03-05;分号",
            "C12-3\t旗教育局\t2019-03-01\t2019-03-05\t制表符",
            "C12-4,旗教育局,2019-03-01,2019-03-05,逗号",
        ),
    )
    write(
        "13-unbalanced-quote.csv",
        rows(
            H,
            "C13-1,旗教育局,2019-03-01,2019-03-05,正常标题",
            'C13-2,旗教育局,2019-03-01,2019-03-05,"没有结尾引号的标题',
            "C13-3,旗教育局,2019-04-01,2019-04-08,被读进上一格的行",
        ),
    )
    write(
        "14-quote-inside-cell.csv",
        rows(
            H,
            'C14-1,旗教育局,2019-03-01,2019-03-05,关于"双减"的通知',
            'C14-2,旗教育局,2019-03-01,2019-03-05,"关于""双减""的通知"',
            'C14-3,旗教育局,2019-03-01,2019-03-05,"关于"双减"的通知"',
        ),
    )
    write(
        "15-embedded-newlines.csv",
        rows(
            H,
            'C15-1,旗教育局,2019-03-01,2019-03-05,"第一行\n第二行"',
            'C15-2,旗教育局,2019-03-01,2019-03-05,"多行\r\n标题\r\n三行"',
            'C15-3,旗教育局,2019-03-01,2019-03-05,"单行"',
            'C15-4,旗教育局,2019-03-01,坏日期,"换行\n之后的坏行"',
        ),
    )
    write(
        "16-duplicate-headers.csv",
        rows(
            "索引号,发布机构,成文日期,发布日期,发布日期",
            "C16-1,旗教育局,2019-03-01,2019-03-05,2019-06-30",
            "C16-2,旗教育局,2019-04-01,2019-04-08,2019-06-30",
            "C16-3,旗教育局,2019-05-06,2019-05-10,2019-06-30",
        ),
    )
    write(
        "17-merged-cells.xlsx",
        xlsx(
            [
                ["2019年主动公开目录", None, None, None, None],
                HX,
                ["C17-1", "旗教育局", ("date", 43525), ("date", 43529), "通知"],
                ["C17-2", None, ("date", 43556), ("date", 43563), "公告"],
                ["C17-3", None, ("date", 43591), ("date", 43595), "简章"],
            ],
            merges=["A1:E1", "B3:B5"],
        ),
    )
    write(
        "18-formula-cells.xlsx",
        xlsx(
            [
                HX,
                ["C18-1", "旗教育局", ("f", "DATE(2019,3,1)", 43525), ("date", 43529), "通知"],
                ["C18-2", "旗教育局", ("date", 43556), ("f", "C3+5", None), "公告"],
                ["C18-3", "旗教育局", ("date", 43591), ("date", 43595), ("f", 'HYPERLINK("http://example.com","简章")', "简章")],
            ]
        ),
    )
    write(
        "19-formula-injection.csv",
        rows(
            H,
            'C19-1,旗教育局,2019-03-01,2019-03-05,"=HYPERLINK(""http://evil.example"",""点击"")"',
            "C19-2,旗教育局,2019-03-01,2019-03-05,+1+1",
            "C19-3,旗教育局,2019-03-01,2019-03-05,-2+3",
            "C19-4,旗教育局,2019-03-01,2019-03-05,@SUM(A1)",
            "C19-5,=cmd|' /C calc'!A0,2019-03-01,2019-03-05,部门名是公式",
        ),
    )
    write(
        "20-html-payload.csv",
        rows(
            H,
            "C20-1,<script>alert(1)</script>,2019-03-01,2019-03-05,脚本",
            "C20-2,<img src=x onerror=alert(1)>,2019-03-01,2019-03-05,图片",
            'C20-3,旗教育局,2019-03-01,2019-03-05,"<iframe src=""javascript:alert(1)""></iframe>"',
        ),
    )
    write(
        "21-date-before-1900.csv",
        rows(
            H,
            "C21-1,旗教育局,1899-12-31,2019-03-05,前一天",
            "C21-2,旗教育局,0001-01-01,2019-03-05,公元元年",
            "C21-3,旗教育局,1066年10月14日,2019-03-05,中世纪",
            "C21-4,旗教育局,1900-01-01,2019-03-05,边界",
            "C21-5,旗教育局,1949-10-01,2019-03-05,开国",
        ),
    )
    write(
        "22-date-after-2100.csv",
        rows(
            H,
            "C22-1,旗教育局,2019-03-01,2100-12-31,边界",
            "C22-2,旗教育局,2019-03-01,2101-01-01,下世纪",
            "C22-3,旗教育局,2019-03-01,9999-12-31,数据库空值",
            "C22-4,旗教育局,2019-03-01,29190305,年份笔误",
        ),
    )
    write(
        "23-excel-1900-leap-bug.xlsx",
        xlsx(
            [
                HX,
                ["C23-0", "旗教育局", ("date", 0), ("date", 65), "1900-01-00"],
                ["C23-58", "旗教育局", ("date", 58), ("date", 65), "1900-02-27"],
                ["C23-59", "旗教育局", ("date", 59), ("date", 65), "1900-02-28"],
                ["C23-60", "旗教育局", ("date", 60), ("date", 65), "1900-02-29（不存在）"],
                ["C23-61", "旗教育局", ("date", 61), ("date", 65), "1900-03-01"],
                ["C23-62", "旗教育局", ("date", 62), ("date", 65), "1900-03-02"],
            ]
        ),
    )
    write(
        "24-excel-serials-in-csv.csv",
        rows(
            H,
            "C24-1,旗教育局,43525,43529,整数",
            "C24-2,旗教育局,43525.75,43529,带时间",
            "C24-3,旗教育局,60,43529,闰年错误",
            "C24-4,旗教育局,19999,43529,太小",
            "C24-5,旗教育局,80001,43529,太大",
            "C24-6,旗教育局,4.3525E+04,43529,科学计数法",
        ),
    )
    write(
        "25-published-before-formed.csv",
        rows(
            H,
            "C25-1,旗教育局,2019-03-01,2019-03-05,正常",
            "C25-2,旗教育局,2019-03-05,2019-02-01,发布早于成文",
            "C25-3,旗教育局,2019-03-05,1900-01-01,占位日期",
        ),
    )
    write(
        "26-reply-before-request.csv",
        rows(
            "申请编号,受理机关,收到申请日期,答复日期",
            "C26-1,旗政府办,2019-06-03,2019-06-10",
            "C26-2,旗政府办,2019-06-10,2019-06-01",
        ),
    )
    write("27-unknown-table.csv", rows("商品,数量,单价", "苹果,3,5.5", "梨,2,4"))
    write(
        "28-header-below-row-10.csv",
        rows(*[f"说明第{i}行" for i in range(1, 11)], H, "C28-1,旗教育局,2019-03-01,2019-03-05,通知"),
    )
    write("29-zip-renamed.xlsx", zip_bytes([("hello.txt", "这不是工作簿\n")]))
    full = xlsx([HX, ["C30-1", "旗教育局", ("date", 43525), ("date", 43529), "通知"]])
    write("30-truncated.xlsx", full[: len(full) // 2])
    write("31-ole-garbage.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 4)
    write("32-png-renamed.csv", PNG)
    write(
        "33-json-object.json",
        '{"发布机构": "旗教育局", "成文日期": "2019-03-01", "发布日期": "2019-03-05"}\n',
    )
    write(
        "34-json-nested-null-numbers.json",
        "[\n"
        '{"索引号": 3401, "发布机构": "旗教育局", "成文日期": 20190301, "发布日期": "2019-03-05", "标题": {"zh": "嵌套"}},\n'
        '{"索引号": null, "发布机构": "旗教育局", "成文日期": 43525, "发布日期": "2019-03-05", "标题": ["a", "b"]},\n'
        '{"索引号": "C34-3", "发布机构": null, "成文日期": "2019-03-01", "发布日期": "2019-03-05"},\n'
        '{"索引号": "C34-4", "发布机构": "旗教育局", "成文日期": {"y": 2019}, "发布日期": "2019-03-05"},\n'
        '{"索引号": "C34-5", "发布机构": "旗教育局", "成文日期": "2019-03-01", "发布日期": true},\n'
        '{"索引号": 1.5e3, "发布机构": 12345, "成文日期": "2019-03-01", "发布日期": "2019-03-05"}\n'
        "]\n",
    )
    write("35-json-invalid.json", '[{"发布机构": "旗教育局", "成文日期": "2019-03-01",\n')
    write(
        "36-json-array-of-arrays.json",
        '[["发布机构", "成文日期", "发布日期"], ["旗教育局", "2019-03-01", "2019-03-05"]]\n',
    )
    write("37-json-empty-array.json", "[]\n")
    json_rows = (
        "[\n"
        '{"索引号": "C38-1", "发布机构": "旗教育局", "成文日期": "2019-03-01", "发布日期": "2019-03-05"},\n'
        '{"索引号": "C38-2", "发布机构": "旗教育局", "成文日期": "2019-04-01", "发布日期": "2019-04-08"}\n'
        "]\n"
    )
    write("38-json-utf16-bom.json", b"\xff\xfe" + json_rows.encode("utf-16-le"))
    write(
        "39-nul-bytes.csv",
        rows(
            H,
            "C39-1,旗教育局\0\0\0\0,2019-03-01,2019-03-05,补零",
            "C39-2,旗教育局,2019-04-01\0\0,2019-04-08,日期补零",
            "C39-3\0,旗教育局,2019-05-06,2019-05-10,标题\0中间",
        ),
    )
    three = [
        "C{n}-1,旗教育局,2019-03-01,2019-03-05,通知",
        "C{n}-2,旗教育局,2019-04-01,2019-04-08,公告",
        "C{n}-3,旗教育局,2019-05-06,2019-05-10,简章",
    ]

    def three_rows(n):
        return [r.replace("{n}", str(n)) for r in three]

    write("40-crlf.csv", rows(H, *three_rows(40), end="\r\n"))
    write("41-cr-only.csv", rows(H, *three_rows(41), end="\r"))
    write(
        "42-mixed-line-ends.csv",
        H + "\n" + three_rows(42)[0] + "\r\n" + three_rows(42)[1] + "\r"
        + "C42-4,旗教育局,2019-03-01,不是日期,坏行\n" + three_rows(42)[2] + "\r\n",
    )
    write(
        "43-trailing-delimiter.csv",
        rows(H + ",", *[r + "," for r in three_rows(43)]),
    )
    write(
        "44-more-cells-than-header.csv",
        rows(
            H,
            "C44-1,旗教育局,2019-03-01,2019-03-05,通知",
            "C44-2,旗教育局,2019-03-01,2019-03-05,关于A,B的通知",
            "C44-3,旗教育局,2019-03-01,2019-03-05,简章",
        ),
    )
    write(
        "45-fewer-cells-than-header.csv",
        rows(
            H,
            "C45-1,旗教育局,2019-03-01,2019-03-05,通知",
            "C45-2,旗教育局,2019-03-01",
            "C45-3,旗教育局,2019-03-01,2019-03-05",
        ),
    )
    write(
        "46-summary-rows.csv",
        rows(
            H,
            "C46-1,旗教育局,2019-03-01,2019-03-05,通知",
            "C46-2,旗教育局,2019-04-01,2019-04-08,公告",
            ",合计,,,2",
            ",总计,2019-03-01,2019-04-08,",
            ",小 计,,,",
        ),
    )
    write(
        "47-duplicate-ids.csv",
        rows(
            H,
            "C47-1,旗教育局,2019-03-01,2019-03-05,第一次",
            "C47-1,旗教育局,2019-03-01,2019-03-06,第二次",
            "C47-1,旗卫健委,2019-03-01,2019-03-05,别的部门可以同号",
            "Ｃ４７－１,旗教育局,2019-03-01,2019-03-07,全角同号",
            "C47-2,旗教育局,2019-04-01,2019-04-08,不同号",
        ),
    )
    write(
        "48-fullwidth-digits.csv",
        rows(
            H,
            "C48-1,旗教育局,２０１９－０３－０１,２０１９－０３－０５,全角",
            "C48-2,旗教育局,２０１９年３月１日,2019／3／5,全角年月日",
            "C48-3,旗教育局,２０１９０３０１,2019-03-05　10:00,全角八位",
            "C48-4,旗教育局,2019-03-01,２０１９-０３-３２,全角坏日期",
        ),
    )
    write(
        "49-invisible-characters.csv",
        rows(
            H,
            "C49-1,旗教育局\u200b,2019-03-01,2019-03-05,零宽空格",
            "C49-2,\ufeff旗教育局,2019-03-01,2019-03-05,字节序标记",
            "C49-3,旗\u200d教育局,2019-03-01,2019-03-05,零宽连接符",
            "C49-4,\u202e旗教育局,2019-03-01,2019-03-05,从右到左",
            "C49-5,旗教育局,2019-03-01\u200b,2019-03-05\u2060,日期后零宽",
        ),
    )
    write(
        "50-double-bom.csv",
        b"\xef\xbb\xbf\xef\xbb\xbf"
        + rows(
            "发布机构,索引号,成文日期,发布日期",
            "旗教育局,C50-1,2019-03-01,2019-03-05",
            "旗教育局,C50-2,2019-04-01,2019-04-08",
            "旗教育局,C50-3,2019-05-06,2019-05-10",
        ).encode("utf-8"),
    )
    write(
        "51-concatenated-exports.csv",
        rows(
            "2019年第一季度",
            H,
            "C51-1,旗教育局,2019-03-01,2019-03-05,通知",
            "C51-2,旗教育局,2019-03-11,2019-03-15,公告",
            "2019年第二季度",
            H,
            "C51-3,旗教育局,2019-04-01,2019-04-08,通知",
            "C51-4,旗教育局,2019-05-06,2019-05-10,简章",
        ),
    )
    write(
        "52-delimiter-only-rows.csv",
        rows(H, ",,,,", three_rows(52)[0], "  ,  , , ,", ",,,,", three_rows(52)[1], three_rows(52)[2], ",,,,"),
    )
    write(
        "53-excel-error-text.csv",
        rows(
            H,
            "C53-1,旗教育局,2019-03-01,2019-03-05,通知",
            "C53-2,旗教育局,#N/A,2019-03-05,查找失败",
            "C53-3,旗教育局,2019-03-01,#VALUE!,公式错误",
            "C53-4,#REF!,2019-03-01,2019-03-05,引用失效",
        ),
    )
    write(
        "54-xlsx-error-cells.xlsx",
        xlsx(
            [
                HX,
                ["C54-1", "旗教育局", ("date", 43525), ("date", 43529), "通知"],
                ["C54-2", "旗教育局", ("e", "#N/A"), ("date", 43529), "查找失败"],
                ["C54-3", "旗教育局", ("date", 43525), ("e", "#DIV/0!"), "除以零"],
            ]
        ),
    )
    write(
        "55-xlsx-no-table.xlsx",
        xlsx([["说明"], ["本表为空，请下载正确的模板"]]),
    )
    write(
        "56-huge-counts.csv",
        rows(
            "申请编号,受理机关,收到申请日期,是否延期,不计入工作日,答复日期",
            "C56-1,旗政府办,2019-06-03,否,4294967295,",
            "C56-2,旗政府办,2019-06-03,否,99999999999999999999,2019-06-20",
            "C56-3,旗政府办,2019-06-03,也许,-3,2019-06-20",
        ),
    )
    write(
        "57-bad-times.csv",
        rows(
            "舆情编号,涉事部门,发现时间,事件等级,首次回应时间",
            "C57-1,旗应急局,2019-03-05 10:00,一般,2019-03-05 12:00",
            "C57-2,旗应急局,2019-03-05 24:00,一般,2019-03-05 12:00",
            "C57-3,旗应急局,2019-03-05 12:60,一般,2019-03-05 13:00",
            "C57-4,旗应急局,2019-03-05 10:00,重大,明天上午",
        ),
    )
    write(
        "58-over-row-limit.csv",
        rows(H, *[f"C58-{i},旗教育局,2019-03-01,2019-03-05,第{i}条" for i in range(1, 7)]),
    )
    write(
        "59-personal-data.csv",
        rows(
            "申请编号,受理机关,申请人姓名,联系电话,身份证号,收到申请日期,答复日期",
            "C59-1,旗政府办,张三,13800000000,150000199001011234,2019-06-03,2019-06-10",
            "C59-2,旗政府办,李四,13900000000,150000199002021234,2019-06-04,2019-06-11",
        ),
    )
    write(
        "60-quoted-header-semicolons.csv",
        rows(
            '"索引号";"发布机构";"成文日期";"发布日期"',
            '"C60-1";"旗教育局";"2019-03-01";"2019-03-05"',
            '"C60-2";"旗教育局";"2019-04-01";"2019-04-08"',
        ),
    )
    write(
        "61-csv-renamed.xlsx",
        rows(H, "C61-1,旗教育局,2019-03-01,2019-03-05,通知"),
    )


if __name__ == "__main__":
    main()
