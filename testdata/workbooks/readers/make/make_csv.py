import os, sys
out = sys.argv[1]; os.makedirs(out, exist_ok=True)
rows = [['序号', '单位名称', '统一社会信用代码', '金额（元）', '日期', '备注'],
        ['1', '北京市财政局', '11110000000013338W', '1,234.56', '2023-07-15', '普通'],
        ['2', '上海市"浦东"新区', '110105194912310021', '-0.5', '2023/7/16', '含,逗号'],
        ['3', '广州市统计局', '000123', '1e20', '2023年7月17日', '多行\n备注'],
        ['4', '深圳市', '0.1', '0.30000000000000004', '15:30:00', ''],
        ['5', 'TRUE', 'FALSE', '#N/A', '2024-02-29 08:00:00', '   空格   '],
        ['', '', '', '', '', ''],
        ['7', '新疆维吾尔自治区乌鲁木齐市', '91650100MA775XXXX1', '99999999999999999999', '1900-01-01', '😀𠀀']]
def q(c):
    return '"' + c.replace('"', '""') + '"' if any(x in c for x in ',"\n') else c
with open(os.path.join(out, 'csv_gov_table.csv'), 'w', encoding='utf-8', newline='') as f:
    for r in rows: f.write(','.join(q(c) for c in r) + '\r\n')
# larger csv: 2000 rows
with open(os.path.join(out, 'csv_1200rows.csv'), 'w', encoding='utf-8', newline='') as f:
    f.write('编号,名称,数值,日期\r\n')
    for i in range(1200):
        f.write(f'{i},"第{i}号 项目,附注",{i * 1.1:.2f},2023-{i % 12 + 1:02d}-{i % 28 + 1:02d}\r\n')
