//! Properties of RULES §7 on generated ledgers (a fixed-seed xorshift, so
//! every run tries the same few hundred ledgers): the county equals the
//! sum of its units; the form's own balance always holds; with no finding
//! of an unknown type or outcome, every check holds; the written form
//! reads back equal.

use openness_core::annual::{Annual, Problem, Table2, annual, annual_layouts, compare_workbook};
use openness_core::date::Date;
use openness_core::record::{Dataset, Disclosure, Enforcement, Fee, Request, Review, Source};
use openness_core::xlsx::layout_workbook;

struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }

    /// A date in 2023..=2026, or `None` one time in `empty`.
    fn date(&mut self, empty: u64) -> Option<Date> {
        if empty > 0 && self.below(empty) == 0 {
            return None;
        }
        let year = 2023 + self.below(4) as i32;
        Date::from_ymd(year, 1 + self.below(12) as u32, 1 + self.below(28) as u32)
    }
}

const TYPES: &[&str] = &[
    "自然人",
    "个人",
    "企业",
    "科研机构",
    "公益组织",
    "律所",
    "其他",
];
const ODD_TYPES: &[&str] = &["", "法人", "单位"];
const OUTCOMES: &[&str] = &[
    "予以公开",
    "部分公开",
    "不予公开：1.属于国家秘密",
    "（三）不予公开 8.属于行政查询事项",
    "信息不存在",
    "2.没有现成信息需要另行制作",
    "不予处理：2.重复申请",
    "逾期不补正",
    "其他处理",
];
const ODD_OUTCOMES: &[&str] = &["", "不予公开", "办理中", "已答复"];

/// A random ledger of three units. With `clean`, every type and outcome
/// is one the form knows.
fn ledger(g: &mut Gen, clean: bool) -> Dataset {
    let mut data = Dataset::default();
    let depts: Vec<_> = ["旗教育局", "旗财政局", "城川镇"]
        .iter()
        .map(|n| data.departments.intern(n))
        .collect();
    let mut row = 1;
    let mut source = || {
        row += 1;
        Source { file: 0, row }
    };
    let day = Date::from_ymd(2025, 1, 1).expect("date");
    for _ in 0..g.below(40) {
        let received = g.date(0).unwrap_or(day);
        let odd = !clean && g.below(5) == 0;
        let odd_type = !clean && g.below(5) == 0;
        let source = source();
        data.requests.push(Request {
            source,
            dept: depts[g.below(3) as usize],
            id: Some(format!("Q{}", source.row).into()),
            received_on: received,
            corrected_on: None,
            extended: None,
            excluded_workdays: 0,
            replied_on: g.date(4),
            outcome: Some(g.pick(if odd { ODD_OUTCOMES } else { OUTCOMES }).into()),
            applicant_type: Some(g.pick(if odd_type { ODD_TYPES } else { TYPES }).into()),
        });
    }
    for _ in 0..g.below(20) {
        data.disclosures.push(Disclosure {
            source: source(),
            dept: depts[g.below(3) as usize],
            id: None,
            title: None,
            doc_no: None,
            category: Some(
                g.pick(&["规范性文件", "规章", "通知", "政府规章/规范性文件"])
                    .into(),
            ),
            needs_interpretation: None,
            formed_on: g.date(0).unwrap_or(day),
            published_on: day,
            repealed_on: g.date(2),
        });
    }
    for _ in 0..g.below(20) {
        data.enforcements.push(Enforcement {
            source: source(),
            dept: depts[g.below(3) as usize],
            id: None,
            decided_on: g.date(0).unwrap_or(day),
            kind: g
                .pick(&["行政许可", "行政处罚", "行政强制", "行政检查"])
                .into(),
            published_on: None,
        });
    }
    for _ in 0..g.below(6) {
        data.fees.push(Fee {
            source: source(),
            dept: depts[g.below(2) as usize],
            amount: g.below(5_000_000) as i64,
            collected_on: g.date(3),
            item: None,
        });
    }
    for _ in 0..g.below(8) {
        data.reviews.push(Review {
            source: source(),
            dept: depts[g.below(3) as usize],
            id: None,
            kind: g
                .pick(&["行政复议", "行政诉讼", "复议后起诉的行政诉讼", "信访"])
                .into(),
            filed_on: g.date(0).unwrap_or(day),
            result: Some(g.pick(&["维持", "撤销", "", "调解"]).into()),
            concluded_on: g.date(2),
        });
    }
    data
}

fn sum_of_units(tables: &Annual) -> (Table2, [[u32; 7]; 25], [[u32; 5]; 3]) {
    let mut t2 = Table2::default();
    let mut t3 = [[0; 7]; 25];
    let mut t4 = [[0; 5]; 3];
    for u in &tables.units {
        t2.add(&u.table2);
        for (row, unit_row) in t3.iter_mut().zip(&u.table3) {
            for (a, b) in row.iter_mut().zip(unit_row) {
                *a += b;
            }
        }
        for (block, unit_block) in t4.iter_mut().zip(&u.table4) {
            for (a, b) in block.iter_mut().zip(unit_block) {
                *a += b;
            }
        }
    }
    (t2, t3, t4)
}

#[test]
fn the_county_is_the_sum_of_its_units_and_the_balance_always_holds() {
    let mut g = Gen(0x9e37_79b9_7f4a_7c15);
    for case in 0..400 {
        let data = ledger(&mut g, false);
        let tables = annual(&data, 2025);
        let (t2, t3, t4) = sum_of_units(&tables);
        assert_eq!(tables.county.table2, t2, "case {case}");
        assert_eq!(tables.county.table3, t3, "case {case}");
        assert_eq!(tables.county.table4, t4, "case {case}");
        for u in tables.units.iter().chain(std::iter::once(&tables.county)) {
            for c in u
                .checks()
                .iter()
                .filter(|c| c.rule == openness_core::annual::Rule::Balance)
            {
                assert!(c.ok(), "case {case} {}: {c:?}", u.name);
            }
        }
    }
}

#[test]
fn without_unknown_types_or_outcomes_every_check_holds() {
    let mut g = Gen(0x2545_f491_4f6c_dd1d);
    for case in 0..400 {
        let clean = case % 2 == 0;
        let tables = annual(&ledger(&mut g, clean), 2025);
        let unknown = tables
            .units
            .iter()
            .flat_map(|u| &u.findings)
            .any(|f| matches!(f.problem, Problem::TypeUnknown | Problem::OutcomeUnknown));
        assert!(
            !clean || !unknown,
            "case {case}: a clean ledger has no unknowns"
        );
        if !unknown {
            for u in tables.units.iter().chain(std::iter::once(&tables.county)) {
                assert!(u.cross_foots(), "case {case} {}: {:?}", u.name, u.checks());
            }
        }
    }
}

#[test]
fn every_written_form_reads_back_equal() {
    let mut g = Gen(0x1234_5678_9abc_def1);
    for case in 0..25 {
        let tables = annual(&ledger(&mut g, case % 2 == 0), 2025);
        let book = layout_workbook(&annual_layouts(&tables, None));
        let cmp = compare_workbook(&tables, &book).expect("readable");
        assert_eq!(cmp.sheets.len(), tables.units.len() + 1, "case {case}");
        assert!(
            cmp.differences.is_empty(),
            "case {case}: {:?}",
            cmp.differences
        );
    }
}
