// Generates rust_xlsxwriter-based corpus files into the dir given as argv[1].
use rust_xlsxwriter::*;

fn out(dir: &str, name: &str) -> String { format!("{}/{}", dir, name) }

fn basic(dir: &str) -> Result<(), XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("基本数据")?;
    let hdr = ["序号", "地区", "统计指标", "数值", "身份证号(数字)", "身份证号(文本)", "是否达标"];
    for (c, h) in hdr.iter().enumerate() { ws.write_string(0, c as u16, *h)?; }
    let regions = ["北京市", "上海市", "广东省", "四川省", "新疆维吾尔自治区", "内蒙古自治区", "香港特别行政区", "台湾省"];
    let text_fmt = Format::new().set_num_format("@");
    for i in 0..regions.len() {
        let r = (i + 1) as u32;
        ws.write_number(r, 0, (i + 1) as f64)?;
        ws.write_string(r, 1, regions[i])?;
        ws.write_string(r, 2, if i % 2 == 0 { "地区生产总值（亿元）" } else { "常住人口（万人）" })?;
        let vals = [41610.9, 0.1 + 0.2, -1234.5, 1e20, 123456789012.0, -0.000001, 3.0, 2.5e-10];
        ws.write_number(r, 3, vals[i])?;
        // 18-digit ids: as number (loses precision beyond 15 digits) and as text
        let id = format!("11010519491231{:04}", 2000 + i);
        ws.write_number(r, 4, id.parse::<f64>().unwrap())?;
        ws.write_string_with_format(r, 5, &id, &text_fmt)?;
        ws.write_boolean(r, 6, i % 3 == 0)?;
    }
    ws.write_string(10, 0, "合计")?;
    ws.write_number(10, 3, 9007199254740993.0)?; // 2^53+1 (rounds)
    ws.write_number(11, 3, 123456789012345678.0)?;
    ws.write_string(12, 0, "  前后有空格  ")?;
    ws.write_string(13, 0, "多行\n文本\r\n第三行")?;
    ws.write_string(14, 0, "特殊字符 <>&\"' ©®™ €£¥ 𠀀𪚥 emoji😀")?;
    ws.write_string(15, 0, "_x000D_ 字面量")?; // must be escaped by writer as _x005F_x000D_
    ws.write_number(16, 0, f64::MIN_POSITIVE)?;
    ws.write_number(17, 0, -0.0)?;
    ws.write_number(18, 0, 1.7976931348623157e308)?;
    ws.write_number(19, 0, 0.30000000000000004)?;
    ws.write_number(20, 0, 100.0)?;
    ws.write_number(21, 0, 1e15)?;
    ws.write_number(22, 0, 1e16)?;
    ws.write_number(23, 0, 12345.678901234567)?;
    wb.save(out(dir, "rs_basic_types.xlsx"))
}

fn dates(dir: &str) -> Result<(), XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("日期格式")?;
    ws.write_string(0, 0, "格式")?;
    ws.write_string(0, 1, "值")?;
    ws.write_string(0, 2, "说明")?;
    let dt = ExcelDateTime::from_ymd(2023, 7, 15)?.and_hms(13, 45, 30.0)?;
    let d = ExcelDateTime::from_ymd(2024, 2, 29)?;
    let mut r = 1u32;
    for id in [14u8, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47] {
        let f = Format::new().set_num_format_index(id);
        ws.write_string(r, 0, format!("内置格式 {}", id))?;
        if id == 46 {
            ws.write_number_with_format(r, 1, 1.5 + 13.0 / 24.0, &f)?; // 49:00:00-ish duration
        } else {
            ws.write_datetime_with_format(r, 1, &dt, &f)?;
        }
        ws.write_string(r, 2, "2023年7月15日 13:45:30")?;
        r += 1;
    }
    let customs = [
        "yyyy-mm-dd", "yyyy\"年\"m\"月\"d\"日\"", "[h]:mm:ss", "hh:mm", "m/d/yy h:mm", "@", "0.00", "#,##0",
        "yyyy-mm-dd hh:mm:ss", "yyyy/m/d", "[$-F800]dddd, mmmm dd, yyyy", "yyyy\"年\"m\"月\"", "m\"月\"d\"日\"",
        "[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\"", "h\"时\"mm\"分\"ss\"秒\"", "0.00%", "#,##0.00_);[Red](#,##0.00)",
        "[$-409]d-mmm-yy;@", "mm:ss.0", "yyyy-mm-dd\"T\"hh:mm:ss", "[Red]yyyy-mm-dd", "\"日期：\"yyyy-mm-dd",
        "0.000E+00", "# ?/?",
    ];
    for c in customs.iter() {
        let f = Format::new().set_num_format(*c);
        ws.write_string(r, 0, *c)?;
        if *c == "@" {
            ws.write_string_with_format(r, 1, "2023-07-15", &f)?;
        } else if *c == "[h]:mm:ss" {
            ws.write_number_with_format(r, 1, 2.75 + 1.0 / 86400.0, &f)?;
        } else {
            ws.write_datetime_with_format(r, 1, &dt, &f)?;
        }
        r += 1;
    }
    // edge dates
    let f = Format::new().set_num_format("yyyy-mm-dd hh:mm:ss");
    let edge = [0.0, 1.0, 59.0, 60.0, 61.0, 0.5, 0.999988425925926, 2958465.0, 45123.999999, 36526.000011574];
    for v in edge.iter() {
        ws.write_string(r, 0, format!("序列号 {}", v))?;
        ws.write_number_with_format(r, 1, *v, &f)?;
        r += 1;
    }
    ws.write_string(r, 0, "闰日")?;
    ws.write_datetime_with_format(r, 1, &d, &Format::new().set_num_format("yyyy-mm-dd"))?;
    r += 1;
    let ms = ExcelDateTime::from_ymd(1999, 12, 31)?.and_hms_milli(23, 59, 59, 500)?;
    ws.write_string(r, 0, "毫秒")?;
    ws.write_datetime_with_format(r, 1, &ms, &Format::new().set_num_format("yyyy-mm-dd hh:mm:ss.000"))?;
    ws.set_column_width(0, 40)?;
    ws.set_column_width(1, 30)?;
    wb.save(out(dir, "rs_dates_formats.xlsx"))
}

fn merged(dir: &str) -> Result<(), XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("合并 单元格")?;
    let c = Format::new().set_align(FormatAlign::Center);
    ws.merge_range(0, 0, 0, 5, "2023年全国居民人均可支配收入（横向合并）", &c)?;
    ws.merge_range(1, 0, 4, 0, "东部地区（纵向）", &c)?;
    ws.merge_range(1, 1, 2, 3, "块合并 B2:D3", &c)?;
    ws.write_string(1, 4, "城镇")?;
    ws.write_string(1, 5, "农村")?;
    ws.write_number(2, 4, 51821.0)?;
    ws.write_number(2, 5, 21691.0)?;
    ws.merge_range(3, 1, 3, 2, "", &c)?; // empty merged
    ws.write_number(3, 4, 1.0)?;
    ws.merge_range(5, 2, 9, 4, "大块合并 C6:E10", &c)?;
    ws.merge_range(10, 0, 10, 1, "备注：数据来源于国家统计局", &Format::new())?;
    // numeric in merge (write then merge over with blank)
    ws.merge_range(11, 0, 12, 1, "", &c)?;
    ws.write_number_with_format(11, 0, 3.14159, &c)?;
    wb.save(out(dir, "rs_merged_cells.xlsx"))
}

fn formulas(dir: &str) -> Result<(), XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("公式")?;
    ws.write_string(0, 0, "数量")?;
    ws.write_string(0, 1, "单价")?;
    ws.write_string(0, 2, "金额（公式，有缓存）")?;
    ws.write_string(0, 3, "金额（公式，缓存=0 默认）")?;
    for i in 1..=6u32 {
        ws.write_number(i, 0, i as f64 * 10.0)?;
        ws.write_number(i, 1, 2.5 * i as f64)?;
        let res = (i as f64 * 10.0) * (2.5 * i as f64);
        ws.write_formula(i, 2, Formula::new(format!("=A{}*B{}", i + 1, i + 1)).set_result(res.to_string()))?;
        ws.write_formula(i, 3, format!("=A{}*B{}", i + 1, i + 1).as_str())?;
    }
    ws.write_string(8, 0, "字符串结果")?;
    ws.write_formula(8, 1, Formula::new("=CONCATENATE(\"中\",\"国\")").set_result("中国"))?;
    ws.write_string(9, 0, "布尔结果")?;
    ws.write_formula(9, 1, Formula::new("=1>0").set_result("TRUE"))?;
    ws.write_string(10, 0, "错误 #DIV/0!")?;
    ws.write_formula(10, 1, Formula::new("=1/0").set_result("#DIV/0!"))?;
    ws.write_string(11, 0, "错误 #N/A")?;
    ws.write_formula(11, 1, Formula::new("=NA()").set_result("#N/A"))?;
    ws.write_string(12, 0, "错误 #VALUE!")?;
    ws.write_formula(12, 1, Formula::new("=\"a\"+1").set_result("#VALUE!"))?;
    ws.write_string(13, 0, "错误 #REF!")?;
    ws.write_formula(13, 1, Formula::new("=#REF!").set_result("#REF!"))?;
    ws.write_string(14, 0, "错误 #NAME?")?;
    ws.write_formula(14, 1, Formula::new("=foo()").set_result("#NAME?"))?;
    ws.write_string(15, 0, "数组公式")?;
    ws.write_array_formula(15, 1, 15, 1, Formula::new("{=SUM(A2:A7*B2:B7)}").set_result("2275"))?;
    ws.write_string(16, 0, "求和")?;
    ws.write_formula(16, 1, Formula::new("=SUM(C2:C7)").set_result("2275"))?;
    ws.write_string(17, 0, "日期公式")?;
    ws.write_formula_with_format(17, 1, Formula::new("=DATE(2024,1,1)").set_result("45292"), &Format::new().set_num_format("yyyy-mm-dd"))?;
    ws.write_string(18, 0, "空字符串结果")?;
    ws.write_formula(18, 1, Formula::new("=\"\"").set_result(""))?;
    wb.save(out(dir, "rs_formulas.xlsx"))
}

fn multisheet(dir: &str) -> Result<(), XlsxError> {
    let mut wb = Workbook::new();
    {
        let ws = wb.add_worksheet();
        ws.set_name("Sheet 1 第一页")?;
        ws.write_string(0, 0, "第一页")?;
        ws.write_number(1, 0, 1.0)?;
        ws.write_number(2, 0, 5.0)?;
        ws.write_number(3, 0, 3.0)?;
    }
    {
        let ws = wb.add_worksheet();
        ws.set_name("空表")?;
    }
    {
        let ws = wb.add_worksheet();
        ws.set_name("隐藏 的表")?;
        ws.write_string(0, 0, "隐藏内容")?;
        ws.set_hidden(true);
    }
    {
        let ws = wb.add_worksheet();
        ws.set_name("非常隐藏")?;
        ws.write_string(0, 0, "very hidden 内容")?;
        ws.set_very_hidden(true);
    }
    {
        let mut chart = Chart::new(ChartType::Column);
        chart.add_series().set_values("'Sheet 1 第一页'!$A$2:$A$4").set_name("系列一");
        let cs = wb.add_chartsheet();
        cs.set_name("图表 页")?;
        cs.insert_chart(0, 0, &chart)?;
    }
    {
        let ws = wb.add_worksheet();
        ws.set_name("2023年 数据(终)")?;
        ws.write_string(2, 2, "C3 开始")?;
        ws.write_number(2, 3, 42.0)?;
        ws.set_active(true);
    }
    {
        let ws = wb.add_worksheet();
        ws.set_name("it's 表")?;
        ws.write_string(0, 0, "含单引号的表名")?;
    }
    wb.save(out(dir, "rs_multisheet_hidden_chart.xlsx"))
}

fn rich(dir: &str) -> Result<(), XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("富文本")?;
    let bold = Format::new().set_bold();
    let red = Format::new().set_font_color(Color::Red);
    let def = Format::default();
    let segs = [(&bold, "粗体"), (&def, "普通"), (&red, "红色文字"), (&def, " end")];
    ws.write_rich_string(0, 0, &segs)?;
    let segs2 = [(&def, "单位："), (&bold, "万元")];
    ws.write_rich_string(1, 0, &segs2)?;
    ws.write_rich_string(2, 0, &segs)?; // duplicate rich string => same SST index
    ws.write_string(3, 0, "粗体普通红色文字 end")?; // same text, plain
    ws.write_string(4, 0, "重复")?;
    ws.write_string(5, 0, "重复")?;
    wb.save(out(dir, "rs_rich_text.xlsx"))
}

fn sparse_offset(dir: &str) -> Result<(), XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("偏移")?;
    ws.write_string(4, 2, "表1 分地区财政收入")?;
    ws.write_string(5, 2, "地区")?;
    ws.write_string(5, 3, "收入")?;
    ws.write_string(6, 2, "浙江")?;
    ws.write_number(6, 3, 8600.0)?;
    // empty rows 8..10
    ws.write_string(10, 2, "江苏")?;
    ws.write_number(10, 3, 9900.0)?;
    ws.write_string(11, 5, "稀疏")?;
    ws.write_number(30, 26, 1.0)?; // AA31
    ws.write_string(99, 701, "ZZ100")?;
    // formatted blank cells (style only, no value)
    let f = Format::new().set_border(FormatBorder::Thin);
    ws.write_blank(12, 2, &f)?;
    ws.write_blank(12, 3, &f)?;
    wb.save(out(dir, "rs_offset_sparse.xlsx"))
}

fn large(dir: &str) -> Result<(), XlsxError> {
    // ~30k rows, many unique strings, some long strings; intended for xls conversion
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("大表")?;
    let hdr = ["编号", "单位名称", "统一社会信用代码", "金额", "日期", "备注"];
    for (c, h) in hdr.iter().enumerate() { ws.write_string(0, c as u16, *h)?; }
    let df = Format::new().set_num_format("yyyy-mm-dd");
    let names = ["市场监督管理局", "财政局", "教育局", "卫生健康委员会", "生态环境局", "交通运输局", "住房和城乡建设局"];
    let provs = ["北京", "天津", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽"];
    let mut seed: u64 = 12345;
    for i in 1..=30000u32 {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ws.write_number(i, 0, i as f64)?;
        ws.write_string(i, 1, format!("{}{}第{}分局", provs[(i as usize) % provs.len()], names[(seed >> 33) as usize % names.len()], i))?;
        ws.write_string(i, 2, format!("91{:016}X", seed % 10_000_000_000_000_000))?;
        ws.write_number(i, 3, ((seed >> 20) % 100000000) as f64 / 100.0)?;
        ws.write_number_with_format(i, 4, 40000.0 + (i % 5000) as f64, &df)?;
        if i % 1000 == 0 {
            ws.write_string(i, 5, format!("说明{}：", i) + &"长文本重复内容测试。".repeat(300 + (i as usize / 1000)))?;
        } else if i % 7 == 0 {
            ws.write_string(i, 5, "同上")?;
        }
    }
    // a few very long strings (> 8224 bytes in UTF-16 => spans CONTINUE), ASCII and CJK
    ws.write_string(30001, 1, "A".repeat(9000))?;
    ws.write_string(30002, 1, "汉".repeat(5000))?;
    ws.write_string(30003, 1, "混合mixed文本".repeat(1500))?;
    ws.write_string(30004, 1, "最大长度".repeat(8191))?; // 32764 chars
    wb.save(out(dir, "rs_large_30k.xlsx"))
}

fn main() -> Result<(), XlsxError> {
    let dir = std::env::args().nth(1).unwrap_or("/tmp/wbcorpus/src_xlsx".into());
    std::fs::create_dir_all(&dir).unwrap();
    basic(&dir)?;
    dates(&dir)?;
    merged(&dir)?;
    formulas(&dir)?;
    multisheet(&dir)?;
    rich(&dir)?;
    sparse_offset(&dir)?;
    large(&dir)?;
    Ok(())
}
