#!/usr/bin/env python3
"""Hand-made XLSX files (raw XML) for reader edge cases. Usage: xlsx_hand.py OUTDIR"""
import sys, os, zipfile
from xml.sax.saxutils import escape

OUT = sys.argv[1] if len(sys.argv) > 1 else '/tmp/wbcorpus'
os.makedirs(OUT, exist_ok=True)
NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
PR = 'http://schemas.openxmlformats.org/package/2006/relationships'
RT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
HDR = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

DEFAULT_STYLES = HDR + f'''<styleSheet xmlns="{NS}">
<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="宋体"/><charset val="134"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>'''


def styles_with(fmts, xf_ids):
    """fmts: list of (id, code) custom numFmts; xf_ids: list of numFmtId for cellXfs[1:]"""
    nf = ''
    if fmts:
        nf = f'<numFmts count="{len(fmts)}">' + ''.join(
            f'<numFmt numFmtId="{i}" formatCode="{escape(c, {chr(34): "&quot;"})}"/>' for i, c in fmts) + '</numFmts>'
    xfs = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' + ''.join(
        f'<xf numFmtId="{i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' for i in xf_ids)
    return HDR + f'''<styleSheet xmlns="{NS}">{nf}
<fonts count="1"><font><sz val="11"/><name val="宋体"/><charset val="134"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="{len(xf_ids)+1}">{xfs}</cellXfs>
</styleSheet>'''


def sheet_xml(body, extra_after='', dim=None, prefix=''):
    p = prefix + ':' if prefix else ''
    xmlns = f'xmlns:{prefix}="{NS}"' if prefix else f'xmlns="{NS}"'
    d = f'<{p}dimension ref="{dim}"/>' if dim else ''
    return HDR + f'<{p}worksheet {xmlns} xmlns:r="{RNS}">{d}<{p}sheetData>{body}</{p}sheetData>{extra_after}</{p}worksheet>'


def sst_xml(items, count=None):
    """items: list of raw <si> inner XML or plain str"""
    sis = ''.join('<si>' + (it[1] if isinstance(it, tuple) else f'<t xml:space="preserve">{escape(it)}</t>') + '</si>' for it in items)
    c = len(items) if count is None else count
    return HDR + f'<sst xmlns="{NS}" count="{c}" uniqueCount="{len(items)}">{sis}</sst>'


def build(name, sheets, sst=None, styles=DEFAULT_STYLES, workbook_pr='', absolute=False, prefix='',
          states=None, compression=zipfile.ZIP_DEFLATED, wb_path='xl/workbook.xml', sheet_paths=None,
          extra_parts=None, no_styles=False, defined_names=''):
    """sheets: list of (sheetname, sheet_xml)."""
    states = states or {}
    wb_dir = os.path.dirname(wb_path)
    sheet_paths = sheet_paths or [f'{wb_dir}/worksheets/sheet{i+1}.xml' for i in range(len(sheets))]
    p = prefix + ':' if prefix else ''
    xmlns = f'xmlns:{prefix}="{NS}"' if prefix else f'xmlns="{NS}"'

    def tgt(path):
        return '/' + path if absolute else os.path.relpath(path, wb_dir)

    ct = HDR + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' \
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' \
        '<Default Extension="xml" ContentType="application/xml"/>' \
        f'<Override PartName="/{wb_path}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    for sp in sheet_paths:
        ct += f'<Override PartName="/{sp}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    if sst is not None:
        ct += f'<Override PartName="/{wb_dir}/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    if not no_styles:
        ct += f'<Override PartName="/{wb_dir}/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    ct += '</Types>'
    root_rels = HDR + f'<Relationships xmlns="{PR}"><Relationship Id="rId1" Type="{RT}/officeDocument" Target="{"/" if absolute else ""}{wb_path}"/></Relationships>'
    rels = f'<Relationships xmlns="{PR}">'
    sheets_el = ''
    for i, (sn, _) in enumerate(sheets):
        rels += f'<Relationship Id="rId{i+1}" Type="{RT}/worksheet" Target="{tgt(sheet_paths[i])}"/>'
        st = f' state="{states[i]}"' if i in states else ''
        sheets_el += f'<{p}sheet name="{escape(sn, {chr(34): "&quot;"})}" sheetId="{i+1}"{st} r:id="rId{i+1}"/>'
    n = len(sheets)
    if sst is not None:
        rels += f'<Relationship Id="rId{n+1}" Type="{RT}/sharedStrings" Target="{tgt(wb_dir + "/sharedStrings.xml")}"/>'
    if not no_styles:
        rels += f'<Relationship Id="rId{n+2}" Type="{RT}/styles" Target="{tgt(wb_dir + "/styles.xml")}"/>'
    rels += '</Relationships>'
    wb = HDR + f'<{p}workbook {xmlns} xmlns:r="{RNS}">{workbook_pr}<{p}bookViews><{p}workbookView/></{p}bookViews>' \
        f'<{p}sheets>{sheets_el}</{p}sheets>{defined_names}</{p}workbook>'
    rels_path = f'{wb_dir}/_rels/{os.path.basename(wb_path)}.rels'
    with zipfile.ZipFile(os.path.join(OUT, name), 'w', compression) as z:
        z.writestr('[Content_Types].xml', ct)
        z.writestr('_rels/.rels', root_rels)
        z.writestr(wb_path, wb)
        z.writestr(rels_path, HDR + rels)
        for i, (_, sx) in enumerate(sheets):
            z.writestr(sheet_paths[i], sx)
        if sst is not None:
            z.writestr(f'{wb_dir}/sharedStrings.xml', sst)
        if not no_styles:
            z.writestr(f'{wb_dir}/styles.xml', styles)
        for k, v in (extra_parts or {}).items():
            z.writestr(k, v)
    print('wrote', name)


def isc(ref, text, s=None):
    sa = f' s="{s}"' if s is not None else ''
    return f'<c r="{ref}" t="inlineStr"{sa}><is><t xml:space="preserve">{escape(text)}</t></is></c>'


def num(ref, v, s=None):
    sa = f' s="{s}"' if s is not None else ''
    return f'<c r="{ref}"{sa}><v>{v}</v></c>'


def sc(ref, idx, s=None):
    sa = f' s="{s}"' if s is not None else ''
    return f'<c r="{ref}" t="s"{sa}><v>{idx}</v></c>'


# ---------------------------------------------------------------- h01 inline strings
rows = '<row r="1">' + isc('A1', '地区') + isc('B1', '人口（万人）') + isc('C1', '备注') + '</row>'
data = [('北京市', 2185.8, '首都'), ('上海市', 2487.45, ''), ('重庆市', 3191.43, '直辖市 '), ('  空格  ', -1, '\t制表符')]
for i, (a, b, c) in enumerate(data, start=2):
    rows += f'<row r="{i}">' + isc(f'A{i}', a) + num(f'B{i}', b) + (isc(f'C{i}', c) if c else '') + '</row>'
# inline rich text, inline with no <t> (empty), inline without xml:space
rows += '<row r="7"><c r="A7" t="inlineStr"><is><r><rPr><b/></rPr><t>粗体</t></r><r><t xml:space="preserve"> 与 普通</t></r></is></c>' \
        '<c r="B7" t="inlineStr"><is/></c><c r="C7" t="inlineStr"><is><t>无preserve  属性  </t></is></c></row>'
# inline string with phonetic run
rows += '<row r="8"><c r="A8" t="inlineStr"><is><t>重庆</t><rPh sb="0" eb="2"><t>chóngqìng</t></rPh><phoneticPr fontId="0" type="noConversion"/></is></c>' \
        '<c r="B8" t="str"><f>"公式"&amp;"字符串"</f><v>公式字符串</v></c></row>'
build('h01_inline_strings.xlsx', [('内联字符串', sheet_xml(rows, dim='A1:C8'))], sst=None)

# ---------------------------------------------------------------- h02 rich sst + phonetic
items = [
    '省份',
    ('', '<r><rPr><b/><sz val="11"/><color rgb="FFFF0000"/><rFont val="宋体"/><family val="3"/><charset val="134"/></rPr><t>国内生产</t></r><r><rPr><sz val="11"/><rFont val="宋体"/></rPr><t xml:space="preserve">总值 (GDP)</t></r>'),
    ('', '<t>東京都</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><rPh sb="2" eb="3"><t>ト</t></rPh><phoneticPr fontId="1"/>'),
    ('', '<t>北京</t><rPh sb="0" eb="1"><t>běi</t></rPh><rPh sb="1" eb="2"><t>jīng</t></rPh><phoneticPr fontId="0" type="noConversion"/>'),
    ('', '<r><t>富文本</t></r><r><rPr><i/></rPr><t>加</t></r><rPh sb="0" eb="3"><t>fùwénběn</t></rPh><phoneticPr fontId="0"/>'),
    ('', '<t/>'),
    ('', '<t>换行_x000D_\n第二行 与 _x0041_ 转义 _x005F_x0041_ 字面</t>'),
    ('', '<t xml:space="preserve">  前导空格</t>'),
    ('', '<r><t xml:space="preserve">  </t></r><r><rPr><u/></rPr><t>下划线</t></r>'),
    ('', '<t>&#x4E2D;&#25991;字符引用 &amp; &lt;tag&gt;</t>'),
]
rows = ''
for i in range(len(items)):
    rows += f'<row r="{i+1}">{sc(f"A{i+1}", i)}{num(f"B{i+1}", i * 1.5)}</row>'
rows += f'<row r="12">{sc("A12", 1)}{sc("B12", 3)}</row>'  # reuse indexes
build('h02_rich_sst_phonetic.xlsx', [('富文本与注音', sheet_xml(rows))], sst=sst_xml(items, count=14))

# ---------------------------------------------------------------- h03 no r attributes
sst = ['名称', '数值', '甲', '乙', '丙']
rows = '<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row>' \
       '<row><c t="s"><v>2</v></c><c><v>10</v></c></row>' \
       '<row><c t="s"><v>3</v></c><c><v>20.5</v></c><c t="b"><v>1</v></c></row>' \
       '<row r="6"><c t="s"><v>4</v></c><c/><c><v>30</v></c></row>' \
       '<row><c r="C7"><v>7</v></c><c><v>8</v></c></row>' \
       '<row><c t="inlineStr"><is><t>无坐标内联</t></is></c></row>'
build('h03_no_r_attrs.xlsx', [('无坐标', sheet_xml(rows))], sst=sst_xml(sst))

# ---------------------------------------------------------------- h04 offset C5 + empty rows
sst = ['表2-1 各地区城镇登记失业率', '地区', '失业率(%)', '河北', '山西', '辽宁', '注：空行之后的数据']
rows = f'<row r="5">{sc("C5", 0)}</row><row r="6">{sc("C6", 1)}{sc("D6", 2)}</row>' \
       f'<row r="7">{sc("C7", 3)}{num("D7", 3.1)}</row><row r="8"/><row r="9" spans="3:4" ht="20" customHeight="1"/>' \
       f'<row r="10">{sc("C10", 4)}{num("D10", 2.9)}</row>' \
       f'<row r="11"><c r="C11" s="0"/><c r="D11"/></row>' \
       f'<row r="15">{sc("C15", 5)}{num("D15", 4.0)}</row>' \
       f'<row r="40">{sc("E40", 6)}</row>'
build('h04_offset_C5_empty_rows.xlsx', [('数据 起始C5', sheet_xml(rows, dim='C5:E40'))], sst=sst_xml(sst))
# same but dimension lies (claims A1:Z100) and second sheet with no dimension
build('h04b_dimension_mismatch.xlsx', [('维度不符', sheet_xml(rows, dim='A1:Z100')),
                                       ('无维度', sheet_xml(rows)), ('维度A1', sheet_xml(rows, dim='A1'))],
      sst=sst_xml(sst))

# ---------------------------------------------------------------- h05 bool + errors + numeric forms
rows = f'<row r="1">{isc("A1", "类型")}{isc("B1", "值")}</row>'
cells = [
    ('布尔真', '<c r="B{r}" t="b"><v>1</v></c>'), ('布尔假', '<c r="B{r}" t="b"><v>0</v></c>'),
    ('#N/A', '<c r="B{r}" t="e"><v>#N/A</v></c>'), ('#DIV/0!', '<c r="B{r}" t="e"><v>#DIV/0!</v></c>'),
    ('#VALUE!', '<c r="B{r}" t="e"><v>#VALUE!</v></c>'), ('#REF!', '<c r="B{r}" t="e"><v>#REF!</v></c>'),
    ('#NAME?', '<c r="B{r}" t="e"><v>#NAME?</v></c>'), ('#NUM!', '<c r="B{r}" t="e"><v>#NUM!</v></c>'),
    ('#NULL!', '<c r="B{r}" t="e"><v>#NULL!</v></c>'), ('#GETTING_DATA', '<c r="B{r}" t="e"><v>#GETTING_DATA</v></c>'),
    ('显式 t=n', '<c r="B{r}" t="n"><v>42</v></c>'), ('科学计数', '<c r="B{r}"><v>1.0E+20</v></c>'),
    ('小写e', '<c r="B{r}"><v>1e-7</v></c>'), ('0.1+0.2', '<c r="B{r}"><v>0.30000000000000004</v></c>'),
    ('负数', '<c r="B{r}"><v>-123.456</v></c>'), ('负零', '<c r="B{r}"><v>-0</v></c>'),
    ('前导点', '<c r="B{r}"><v>.5</v></c>'), ('18位整数', '<c r="B{r}"><v>110105194912310021</v></c>'),
    ('18位文本', '<c r="B{r}" t="inlineStr"><is><t>110105194912310021</t></is></c>'),
    ('15位', '<c r="B{r}"><v>123456789012345</v></c>'), ('大整数', '<c r="B{r}"><v>9007199254740993</v></c>'),
    ('空v', '<c r="B{r}"><v></v></c>'), ('无v 有样式', '<c r="B{r}" s="1"/>'),
    ('布尔 true 文本', '<c r="B{r}" t="b"><v>true</v></c>'),
    ('str类型无公式', '<c r="B{r}" t="str"><v>纯字符串 t=str</v></c>'),
    ('v 带空白', '<c r="B{r}"><v> 7 </v></c>'),
    ('整数 .0', '<c r="B{r}"><v>100.0</v></c>'),
    ('极小', '<c r="B{r}"><v>4.9406564584124654E-324</v></c>'),
]
for i, (label, cx) in enumerate(cells, start=2):
    rows += f'<row r="{i}">{isc(f"A{i}", label)}{cx.format(r=i)}</row>'
build('h05_bool_error_numbers.xlsx', [('布尔与错误', sheet_xml(rows))])

# ---------------------------------------------------------------- h06 formulas w/o cache, shared formulas
rows = f'<row r="1">{isc("A1", "数量")}{isc("B1", "单价")}{isc("C1", "金额(共享公式有缓存)")}{isc("D1", "金额(共享公式无缓存)")}{isc("E1", "普通公式无缓存")}</row>'
for r in range(2, 10):
    a, b = r * 3, r + 0.5
    if r == 2:
        fc = f'<c r="C{r}"><f t="shared" ref="C2:C9" si="0">A2*B2</f><v>{a*b}</v></c>'
        fd = f'<c r="D{r}"><f t="shared" ref="D2:D9" si="1">A2*B2+1</f></c>'
    else:
        fc = f'<c r="C{r}"><f t="shared" si="0"/><v>{a*b}</v></c>'
        fd = f'<c r="D{r}"><f t="shared" si="1"/></c>'
    fe = f'<c r="E{r}"><f>SUM(A{r}:B{r})</f></c>' if r % 2 else f'<c r="E{r}"><f>SUM(A{r}:B{r})</f><v></v></c>'
    rows += f'<row r="{r}">{num(f"A{r}", a)}{num(f"B{r}", b)}{fc}{fd}{fe}</row>'
rows += '<row r="11">' + isc('A11', '字符串公式') + '<c r="B11" t="str"><f>"中"&amp;"文"</f><v>中文</v></c>' \
        '<c r="C11" t="str"><f>"无"&amp;"缓存"</f></c></row>'
rows += '<row r="12">' + isc('A12', '错误公式') + '<c r="B12" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C12" t="e"><f>NA()</f><v>#N/A</v></c></row>'
rows += '<row r="13">' + isc('A13', '布尔公式') + '<c r="B13" t="b"><f>A2&gt;1</f><v>1</v></c></row>'
rows += '<row r="14">' + isc('A14', '数组公式') + '<c r="B14"><f t="array" ref="B14">SUM(A2:A9*B2:B9)</f><v>918</v></c></row>'
rows += '<row r="15">' + isc('A15', '日期公式无缓存') + '<c r="B15" s="2"><f>DATE(2024,2,29)</f></c><c r="C15" s="2"><f>DATE(2024,2,29)</f><v>45351</v></c></row>'
rows += '<row r="16">' + isc('A16', '跨表引用') + "<c r=\"B16\"><f>'第二 页'!A1*2</f><v>246</v></c></row>"
rows2 = '<row r="1"><c r="A1"><v>123</v></c></row>'
build('h06_formulas_shared_nocache.xlsx', [('公式', sheet_xml(rows)), ('第二 页', sheet_xml(rows2))])

# ---------------------------------------------------------------- h07 1904 date system
def date_rows():
    r = f'<row r="1">{isc("A1", "说明")}{isc("B1", "日期值")}</row>'
    vals = [('0 → 1904-01-01', 0, 2), ('1 → 1904-01-02', 1, 2), ('43296 (1904) = 2022-07-16', 43296, 2),
            ('带时间 43296.5730', 43296.573263888889, 3), ('内置14', 40000, 1), ('负数日期 -1', -1, 2)]
    for i, (lab, v, s) in enumerate(vals, start=2):
        r += f'<row r="{i}">{isc(f"A{i}", lab)}{num(f"B{i}", v, s)}</row>'
    return r
build('h07_date1904.xlsx', [('1904日期', sheet_xml(date_rows()))], workbook_pr='<workbookPr date1904="1"/>')
build('h07b_date1904_true.xlsx', [('1904日期 true', sheet_xml(date_rows()))], workbook_pr='<workbookPr date1904="true" defaultThemeVersion="124226"/>')
build('h07c_date1900_explicit_false.xlsx', [('1900日期', sheet_xml(date_rows()))], workbook_pr='<workbookPr date1904="false"/>')

# ---------------------------------------------------------------- h08 t="d" ISO date cells
rows = f'<row r="1">{isc("A1", "ISO 日期单元格")}{isc("B1", "t=d")}</row>'
isos = ['2023-07-15T13:45:30', '2023-07-15', '2023-07-15T00:00:00Z', '1999-12-31T23:59:59.500', '1900-01-01', '1900-02-28', '1900-03-01', '2024-02-29T12:00:00', '13:45:30', '9999-12-31T23:59:59']
for i, v in enumerate(isos, start=2):
    s = 3 if 'T' in v else 2
    rows += f'<row r="{i}">{isc(f"A{i}", v)}<c r="B{i}" t="d" s="{s}"><v>{v}</v></c></row>'
rows += f'<row r="20">{isc("A20", "无样式 t=d")}<c r="B20" t="d"><v>2020-01-01T08:00:00</v></c></row>'
build('h08_t_d_iso_dates.xlsx', [('ISO日期', sheet_xml(rows))])

# ---------------------------------------------------------------- h09 absolute targets
sst = ['绝对路径', '关系目标以 / 开头', '第二表']
rows = f'<row r="1">{sc("A1", 0)}{sc("B1", 1)}</row><row r="2">{num("A2", 1)}{num("B2", 2)}</row>'
build('h09_absolute_rel_targets.xlsx', [('表 一', sheet_xml(rows)), ('表二', sheet_xml(f'<row r="1">{sc("A1", 2)}</row>'))],
      sst=sst_xml(sst), absolute=True)

# ---------------------------------------------------------------- h10 namespace prefix x:
P = 'x'
xrows = (f'<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c></x:row>'
         f'<x:row r="2"><x:c r="A2" t="s"><x:v>2</x:v></x:c><x:c r="B2"><x:v>12.5</x:v></x:c></x:row>'
         f'<x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:t>前缀内联</x:t></x:is></x:c><x:c r="B3" t="b"><x:v>1</x:v></x:c>'
         f'<x:c r="C3"><x:f>B2*2</x:f><x:v>25</x:v></x:c></x:row>')
xsst = HDR + f'<x:sst xmlns:x="{NS}" count="3" uniqueCount="3"><x:si><x:t>项目</x:t></x:si><x:si><x:t>金额</x:t></x:si>' \
       f'<x:si><x:r><x:t>办公</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>经费</x:t></x:r></x:si></x:sst>'
xsheet = sheet_xml(xrows, extra_after='<x:mergeCells count="1"><x:mergeCell ref="D1:E2"/></x:mergeCells>', dim='A1:C3', prefix='x')
build('h10_ns_prefix_x.xlsx', [('前缀 命名空间', xsheet)], sst=xsst, prefix='x')

# ---------------------------------------------------------------- h11 built-in numFmt ids incl. zh-CN locale ids
ids = [14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58, 1, 2, 3, 4, 9, 10, 11, 12, 13, 37, 38, 39, 40, 48, 49]
rows = f'<row r="1">{isc("A1", "numFmtId")}{isc("B1", "值 45123.5734")}</row>'
for i, fid in enumerate(ids, start=2):
    rows += f'<row r="{i}">{isc(f"A{i}", f"内置 {fid}")}{num(f"B{i}", 45123.573263888889, i - 1)}</row>'
build('h11_builtin_numfmt_ids.xlsx', [('内置格式', sheet_xml(rows))], styles=styles_with([], ids))

# ---------------------------------------------------------------- h12 custom numFmts
fm = [(164, 'yyyy-mm-dd'), (165, 'yyyy"年"m"月"d"日"'), (166, '[h]:mm:ss'), (167, 'hh:mm'), (168, 'm/d/yy h:mm'),
      (169, '@'), (170, '0.00'), (171, '#,##0'), (172, 'yyyy\\-mm\\-dd\\ hh:mm:ss'), (173, '[$-804]aaaa'), (174, 'General'),
      (175, '"¥"#,##0.00;"¥"\\-#,##0.00'), (176, '[<=9999999]###\\-####;\\(###\\)\\ ###\\-####'), (177, 'mm:ss'),
      (178, '[DBNum1][$-804]yyyy"年"m"月"d"日";@'), (179, 'e"年"m"月"d"日"'), (180, '0%'), (181, '[s]'), (182, 'd-mmm-yy'),
      (14, 'yyyy/m/d'),  # override of built-in 14, as zh-CN Excel writes
      (183, '"date"0'), (184, '[Blue][<0]"负";[Red]"正"'), (185, 'yyyy"年"m"月"d"日" h"时"mm"分"ss"秒"')]
xf = [f for f, _ in fm]
rows = f'<row r="1">{isc("A1", "格式")}{isc("B1", "值")}</row>'
for i, (fid, code) in enumerate(fm, start=2):
    v = '45123.573263888889' if code not in ('@',) else None
    cell = num(f'B{i}', v, i - 1) if v else f'<c r="B{i}" s="{i-1}" t="inlineStr"><is><t>2023-07-15</t></is></c>'
    rows += f'<row r="{i}">{isc(f"A{i}", code)}{cell}</row>'
rows += f'<row r="40">{isc("A40", "[h]:mm:ss 大于24小时")}{num("B40", 2.5000115740740743, 3)}</row>'
rows += f'<row r="41">{isc("A41", "秒精度 边界 23:59:59.999")}{num("B41", 45123.99999999, 9)}</row>'
build('h12_custom_numfmts.xlsx', [('自定义格式', sheet_xml(rows))], styles=styles_with(fm, xf))

# ---------------------------------------------------------------- h13 strict OOXML namespaces
SNS = 'http://purl.oclc.org/ooxml/spreadsheetml/main'
SRNS = 'http://purl.oclc.org/ooxml/officeDocument/relationships'
strict_sheet = HDR + f'<worksheet xmlns="{SNS}" xmlns:r="{SRNS}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>3.5</v></c></row>' \
    f'<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="d"><v>2023-07-15T00:00:00</v></c></row></sheetData></worksheet>'
with zipfile.ZipFile(os.path.join(OUT, 'h13_strict_ooxml.xlsx'), 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', HDR + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
               '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
               '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
               '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
               '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    z.writestr('_rels/.rels', HDR + f'<Relationships xmlns="{PR}"><Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr('xl/workbook.xml', HDR + f'<workbook xmlns="{SNS}" xmlns:r="{SRNS}" conformance="strict"><sheets><sheet name="严格模式" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr('xl/_rels/workbook.xml.rels', HDR + f'<Relationships xmlns="{PR}"><Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
               '<Relationship Id="rId2" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    z.writestr('xl/worksheets/sheet1.xml', strict_sheet)
    z.writestr('xl/sharedStrings.xml', HDR + f'<sst xmlns="{SNS}" count="2" uniqueCount="2"><si><t>严格命名空间</t></si><si><t>日期</t></si></sst>')
print('wrote h13_strict_ooxml.xlsx')

# ---------------------------------------------------------------- h14 odd part names, sheet order != file order, no styles
rows1 = f'<row r="1">{isc("A1", "第一个显示的表，但文件是 sheet9.xml")}</row>'
rows2 = f'<row r="1">{isc("A1", "第二个表 文件 data/a.xml")}{num("B1", 2)}</row>'
build('h14_odd_part_names_no_styles.xlsx', [('甲表', sheet_xml(rows1)), ('乙表', sheet_xml(rows2))],
      wb_path='book/wb.xml', sheet_paths=['book/worksheets/sheet9.xml', 'book/data/a.xml'], no_styles=True)

# ---------------------------------------------------------------- h15 stored (uncompressed) zip, XFD1048576 extents
rows = f'<row r="1">{isc("A1", "存储方式 ZIP_STORED")}</row><row r="1048576">{isc("XFD1048576", "最后一个单元格")}</row>'
build('h15_stored_zip_max_extent.xlsx', [('极限', sheet_xml(rows))], compression=zipfile.ZIP_STORED)

# ---------------------------------------------------------------- h16 hidden/veryHidden states, merged cells hand-made with values under merge
rows = f'<row r="1">{isc("A1", "合并标题 A1:D1")}{isc("B1", "被合并覆盖的值")}</row>' \
       f'<row r="2">{isc("A2", "纵向 A2:A4")}{num("B2", 1)}{num("C2", 2)}</row><row r="3">{num("B3", 3)}</row>' \
       f'<row r="5">{isc("B5", "块 B5:D7")}{num("C6", 99)}</row>'
merge = '<mergeCells count="3"><mergeCell ref="A1:D1"/><mergeCell ref="A2:A4"/><mergeCell ref="B5:D7"/></mergeCells>'
build('h16_states_merges.xlsx', [('可见 表', sheet_xml(rows, extra_after=merge)), ('隐藏', sheet_xml(f'<row r="1">{isc("A1", "hidden")}</row>')),
                                 ('极隐藏', sheet_xml(f'<row r="1">{isc("A1", "veryHidden")}</row>')), ('空 表', sheet_xml(''))],
      states={1: 'hidden', 2: 'veryHidden'},
      defined_names='<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">\'可见 表\'!$A$1:$D$7</definedName><definedName name="区域">\'可见 表\'!$B$2:$C$3</definedName></definedNames>')

# ---------------------------------------------------------------- h17 rows/cells out of order, duplicates, BOM + CRLF + charrefs
rows = f'<row r="3">{isc("A3", "第三行先出现")}</row><row r="1">{isc("B1", "B1")}{isc("A1", "A1 在 B1 之后")}</row>' \
       f'<row r="2">{num("A2", 1)}{num("A2", 2)}</row>'
sx = '\ufeff' + sheet_xml(rows).replace('><', '>\r\n<')
build('h17_out_of_order_bom_crlf.xlsx', [('乱序', sx)])

# ---------------------------------------------------------------- h18 xml:space, numeric char refs in sheet, UTF-8 names with entities, &#13;
rows = f'<row r="1"><c r="A1" t="inlineStr"><is><t>&#x5317;&#x4EAC;&#13;&#10;回车换行</t></is></c>' \
       f'<c r="B1" t="inlineStr"><is><t><![CDATA[CDATA <内容> & 符号]]></t></is></c></row>' \
       f'<row r="2"><c r="A2" t="inlineStr"><is><t>制表\t符</t></is></c><c r="B2" t="inlineStr"><is><t>_x0009_转义制表 _x4E2D_</t></is></c></row>'
build('h18_char_refs_cdata.xlsx', [('字符 & 引用', sheet_xml(rows))])

# ---------------------------------------------------------------- h19 sheet with 1900 leap bug boundary values and time-only
rows = f'<row r="1">{isc("A1", "序列号")}{isc("B1", "yyyy-mm-dd hh:mm:ss")}</row>'
for i, v in enumerate([0, 0.25, 1, 59, 60, 61, 366, 2958465, 2958465.99999, 45123.000005787, 45123.999994213, 1e-10, 35065.5], start=2):
    rows += f'<row r="{i}">{num(f"A{i}", v)}{num(f"B{i}", v, 1)}</row>'
build('h19_date_boundaries.xlsx', [('日期边界', sheet_xml(rows))], styles=styles_with([(164, 'yyyy-mm-dd hh:mm:ss')], [164]))
