//! data/sample/README.md: what each file is and which rows were planted.
//!
//! Generated from the same [`Sheet`](super::Sheet)s that were written, so the row
//! numbers in it are always the ones in the files.

use std::fmt::Write as _;

use super::{Generated, Outcome};
use crate::county::{DEPTS, Veto};
use crate::output::Layout;

/// Row number of data row `i` as the README states it: spreadsheet rows,
/// or array elements for JSON.
fn row_number(file: &Generated, i: usize) -> usize {
    if file.spec.layout == Layout::Json {
        i + 1
    } else {
        file.sheet.row_number(i)
    }
}

/// Where the header is, in words.
fn header_at(file: &Generated) -> String {
    if file.spec.layout == Layout::Json {
        "keys".to_owned()
    } else {
        file.sheet.header_row().to_string()
    }
}

/// Markdown-safe cell text.
fn md(text: &str) -> String {
    text.replace('|', "\\|")
}

/// The README text.
pub(crate) fn render(files: &[Generated]) -> String {
    let mut out = String::new();
    out.push_str(INTRO);
    out.push_str(
        "\n## Files\n\n| file | kind | encoding | layout | header row | data rows | planted rejected | planted warnings |\n|---|---|---|---|---|---|---|---|\n",
    );
    for f in files {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} | {} | {} | {} |",
            f.spec.name,
            f.kind,
            f.spec.encoding_label(),
            f.spec.layout_label(),
            header_at(f),
            f.sheet.data_rows(),
            f.sheet.count(Outcome::Rejected),
            f.sheet.count(Outcome::Warning),
        );
    }
    out.push_str(FILE_NOTES);
    out.push_str(
        "\n## Planted rows\n\nRow numbers are 1-based physical rows as a spreadsheet shows them \
         (title, note, blank and header rows counted); for the JSON file, the 1-based array \
         element. Every row not listed here is valid.\n",
    );
    for f in files {
        planted(&mut out, f);
    }
    design(&mut out);
    out
}

/// The planted-row table of one file.
fn planted(out: &mut String, f: &Generated) {
    let _ = write!(
        out,
        "\n### `{}`\n\n| row | column | outcome | what |\n|---|---|---|---|\n",
        f.spec.name
    );
    for (i, plant) in f.sheet.planted() {
        let mut note = plant.note.clone();
        if let Some((column, value)) = &plant.original
            && let Some(first) = f.sheet.find(column, value)
        {
            let _ = write!(note, " (`{value}`, first at row {})", row_number(f, first));
        }
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            row_number(f, i),
            plant.column,
            plant.outcome.label(),
            md(&note)
        );
    }
    if f.kind == "request" {
        out.push_str(
            "\nColumns 申请人姓名 and 联系电话 are personal data (RULES §1.9): dropped at import.\n",
        );
    }
}

/// The intended profile of each department.
fn design(out: &mut String) {
    out.push_str(DESIGN);
    out.push_str("\n| department | group | listed | aliases | diligence | planted veto |\n|---|---|---|---|---|---|\n");
    for d in DEPTS {
        let veto = match d.veto {
            Veto::None => "",
            Veto::Message => "message",
            Veto::Columns => "columns",
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {:.2} | {} |",
            d.name,
            d.group.label(),
            if d.listed { "yes" } else { "no" },
            d.aliases.join("、"),
            d.quality,
            veto
        );
    }
}

/// Opening paragraph.
const INTRO: &str = "# Sample county: 鄂托克前旗 (Otog Front Banner), 2019

Synthetic exports of a county 政务公开 office, for the dashboard demo, the
CLI and the tests. Everything is invented (no real people, phone numbers
are masked like `138****0000`), but the shapes are the ones real systems
produce: a title line above the header, GBK from Excel on Chinese Windows,
UTF-16 \"Unicode text\", XLSX date cells, mixed date spellings, aliases and
stray full-width spaces in department names.

Regenerate (deterministic, same bytes every run):

```
cargo run -p openness-samplegen -- sample --out data/sample
```

Large inputs for benchmarks (same columns as `主动公开目录.csv`, no title
line, about 110 bytes a row, written in seconds; `bench-data/` is ignored
by git):

```
cargo run -p openness-samplegen -- big --rows 10000000 --out bench-data/disclosure-10m.csv [--seed 2019]
```

Score window: 2019-01-01..2019-12-31, `as_of` 2019-12-31. The exports were
taken on 2020-01-10: nothing completed later appears (late December items
may still be open, or completed in early January, which counts as not done
at `as_of`). Every window date (RULES §3) lies in 2019, policy documents are
all published in 2019 and interpretations dated in 2019, so
`openness score data/sample` picks the 2019 window by itself. Deadlines use the
official calendar in `data/cn-holidays.csv` (春节 2019-02-04..10 with 调休
Saturdays 02-02/02-03, 国庆 10-01..07 with 调休 09-29 and 10-12).
";

/// Notes under the file table.
const FILE_NOTES: &str = "
\"data rows\" are the non-blank rows below the header, planted rows included
(what the importer reports as rows read); expected accepted = data rows −
planted rejected. Planted warnings are the only warnings the data should
produce.

- `部门名单.csv`: aliases are separated by 、 , ; and | (the comma list is quoted).
- `主动公开目录.csv`: row 1 is a title, row 2 is blank. Dates mix
  `2019-08-23`, `2019/8/23`, `2019年8月23日` and `20190823`; 是否需解读 mixes
  是/否 with a few Y/N and 1/0. About 8% are policy documents: 是否需解读 = 是, or
  the flag empty and 主题分类 containing 规范性文件/政策文件. Some titles contain
  ASCII quotes (quoted CSV fields). Newest first.
- `政策解读.xlsx`: row 1 is a merged title; 发布日期 is a date cell (yyyy-mm-dd)
  except the planted rows. A second sheet 填报说明 holds notes, no table.
  Every interpretation is dated in 2019, so that the default window of
  `openness score data/sample` is 2019.
- `依申请公开登记.csv`: GBK; rows 1–2 are a title and a note (padded with
  commas as Excel writes them). Dates as `2019/3/5`. Requests are registered
  by 受理机关; the last row is a 合计 line.
- `网民留言.txt`: date-times `2019-03-05 09:12:00`, about 10% as Excel shows
  them (`2019/3/5 9:12`). 留言标题 is an extra column kept for display.
- `政务舆情.json`: unanswered events have `\"首次回应时间\": null`.
- `执法公示.csv`: a blank line `;;;;` sits inside the table.
- `网站栏目.csv`: 最近更新 mixes the four date spellings; empty means never
  updated.
- `复议诉讼.csv` (UTF-8 with BOM): reconsiderations and lawsuits about
  政府信息公开 for table 四 of the 年报; 申请人 is personal data, dropped.
- `行政事业性收费.xlsx`: fee collections (收费金额 in 万元 as number cells) for
  table 二's 行政事业性收费; four departments collect fees, the others show
  an empty amount, not 0.

### For the annual report (年报, RULES §7)

`openness annual data/sample` fills the 2019 tables from these files. The
request register carries 申请人类型 and outcomes in the form's wording
(`不予公开：4.保护第三方合法权益`, `本机关不掌握` …); ten applications of late
2018 stand above the 合计 line (seven answered in January 2019: 上年结转;
two answered in 2018: in no 2019 table; one still open: carried in and
carried out). The catalogue has a 废止日期 column and normative documents of
2016–2017, some repealed in 2018 or 2019, so 现行有效 counts more than the
year's own. One row of each finding kind is planted (the rows below marked
`年报 finding`): `type unknown` (an empty 申请人类型 and `法人`), `outcome
unknown` (bare `不予公开` and `非本机关负责公开`), `replied before received`, and
`review kind unknown` (`信访事项复查`). They make the county's table 三 fail
its row and outcome checks, visibly. None of these rows is dated in 2019
where the score looks, so the 2019 scores are those of the eight scored
files alone.
";

/// Heading and explanation of the department table.
const DESIGN: &str = "
## Departments by design

Diligence is roughly the share of deadlines a department meets (each
indicator jitters it by at most ±0.05), so raw scores spread from about
45 to about 98. By design:

- vetoed: 昂素镇 (message unanswered > 3 months, and another answered after
  3 months) and 旗能源局 (6 stale website columns); every other department has
  at most 4 stale columns and answers every message within 3 months;
- 旗科学技术局 is listed but has no records anywhere: shown, unscored;
- 旗融媒体中心 is not in 部门名单 (group inferred: 旗直部门);
- aliases (12% of rows of a department that has aliases) must map back
  to the official name; a few December messages, requests and disclosures
  are still open at `as_of` (overdue or pending).
";
