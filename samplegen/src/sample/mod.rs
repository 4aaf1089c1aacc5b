//! The embedded sample county: eight exports of 鄂托克前旗 for 2019.
//!
//! Each table module turns the department profiles of [`crate::county`]
//! into rows that meet or miss the deadlines of RULES §3 at the department's
//! diligence, then plants a handful of messy rows that the importer must
//! reject or warn about (RULES §1.3). Every table is a [`Sheet`] that
//! remembers its planted rows, so the README written next to the files can
//! name them by the row number a spreadsheet shows.

mod annual;
mod column;
mod department;
mod disclosure;
mod enforcement;
mod interpretation;
mod message;
mod opinion;
mod readme;
mod request;

use std::fs;
use std::path::Path;

use anyhow::{Context, Result};

use crate::calendar::{Date, WorkCalendar};
use crate::county::Dept;
use crate::output::{self, Encoding, FileSpec, Layout};
use crate::rng::Rng;

/// The fixed seed of the sample county.
const SEED: u64 = 0x6f74_6f67_2019;

/// One cell of an export.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    /// Text as written (also dates written as text).
    Text(String),
    /// A real date (an XLSX date cell; ISO text elsewhere).
    Date(Date),
    /// A plain number (an XLSX number cell).
    Number(f64),
    /// No value (`null` in JSON, an empty field elsewhere).
    Empty,
}

impl Cell {
    /// A text cell.
    pub(crate) fn text(value: impl Into<String>) -> Self {
        Self::Text(value.into())
    }

    /// The cell as text, the way a delimited export writes it.
    pub(crate) fn to_text(&self) -> String {
        match self {
            Self::Text(s) => s.clone(),
            Self::Date(d) => d.iso(),
            Self::Number(n) => n.to_string(),
            Self::Empty => String::new(),
        }
    }

    /// Whether the cell holds nothing visible.
    pub(crate) fn is_blank(&self) -> bool {
        match self {
            Self::Text(s) => s.trim().is_empty(),
            Self::Empty => true,
            Self::Date(_) | Self::Number(_) => false,
        }
    }
}

/// What the importer must do with a planted row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// The row is rejected (RULES §1.3).
    Rejected,
    /// The row is accepted with one warning (an optional value emptied).
    Warning,
    /// The row is accepted; it tests normalisation or a deadline edge.
    Accepted,
    /// A blank row: skipped and not counted.
    Skipped,
}

impl Outcome {
    /// README wording.
    pub(crate) const fn label(self) -> &'static str {
        match self {
            Self::Rejected => "rejected",
            Self::Warning => "warning",
            Self::Accepted => "accepted",
            Self::Skipped => "skipped (blank)",
        }
    }
}

/// A deliberately placed row and what it tests.
#[derive(Debug, Clone)]
pub(crate) struct Plant {
    /// Header of the cell that makes the row special.
    pub column: &'static str,
    /// What the importer must do.
    pub outcome: Outcome,
    /// Why, in a few words.
    pub note: String,
    /// For duplicates and look-alikes: the (column, value) whose first row
    /// is the related original.
    pub original: Option<(&'static str, String)>,
}

impl Plant {
    /// A planted row.
    pub(crate) fn new(column: &'static str, outcome: Outcome, note: impl Into<String>) -> Self {
        Self {
            column,
            outcome,
            note: note.into(),
            original: None,
        }
    }

    /// A duplicate of the first row whose `column` holds `value`.
    pub(crate) fn duplicate(
        column: &'static str,
        value: impl Into<String>,
        note: impl Into<String>,
    ) -> Self {
        Self::new(column, Outcome::Rejected, note).same_as(column, value)
    }

    /// Names the first row whose `column` holds `value` as the related row.
    pub(crate) fn same_as(mut self, column: &'static str, value: impl Into<String>) -> Self {
        self.original = Some((column, value.into()));
        self
    }
}

/// A table as it will be written: lines above the header, the header, the
/// data rows and which of them are planted.
#[derive(Debug, Clone)]
pub(crate) struct Sheet {
    /// Title and note rows above the header (blank rows included).
    pub preamble: Vec<Vec<Cell>>,
    /// Column headers.
    pub header: Vec<&'static str>,
    /// Data rows, in file order.
    pub rows: Vec<Vec<Cell>>,
    /// Parallel to `rows`: the plant, if the row is one.
    plants: Vec<Option<Plant>>,
}

impl Sheet {
    /// An empty sheet with `header`.
    pub(crate) fn new(header: &[&'static str]) -> Self {
        Self {
            preamble: Vec::new(),
            header: header.to_vec(),
            rows: Vec::new(),
            plants: Vec::new(),
        }
    }

    /// Appends a row, planted or not.
    pub(crate) fn push(&mut self, row: Vec<Cell>, plant: Option<Plant>) {
        debug_assert_eq!(row.len(), self.header.len(), "row width");
        self.rows.push(row);
        self.plants.push(plant);
    }

    /// Inserts a planted row before data row `at` (clamped to the end).
    pub(crate) fn insert(&mut self, at: usize, row: Vec<Cell>, plant: Plant) {
        debug_assert_eq!(row.len(), self.header.len(), "row width");
        let at = at.min(self.rows.len());
        self.rows.insert(at, row);
        self.plants.insert(at, Some(plant));
    }

    /// Marks data row `i` as planted (unless it already is).
    pub(crate) fn mark(&mut self, i: usize, plant: Plant) {
        if let Some(slot @ None) = self.plants.get_mut(i) {
            *slot = Some(plant);
        }
    }

    /// Index of column `name`.
    pub(crate) fn col(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| *h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    }

    /// Index of the first data row whose `column` reads `value`.
    pub(crate) fn find(&self, column: &str, value: &str) -> Option<usize> {
        let c = self.col(column);
        self.rows.iter().position(|r| r[c].to_text() == value)
    }

    /// 1-based row number of the header as a spreadsheet shows it.
    pub(crate) fn header_row(&self) -> usize {
        self.preamble.len() + 1
    }

    /// 1-based row number of data row `i` as a spreadsheet shows it.
    pub(crate) fn row_number(&self, i: usize) -> usize {
        self.header_row() + 1 + i
    }

    /// Data rows that are not blank (what the importer counts as read).
    pub(crate) fn data_rows(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| !r.iter().all(Cell::is_blank))
            .count()
    }

    /// Planted rows with their data-row index.
    pub(crate) fn planted(&self) -> impl Iterator<Item = (usize, &Plant)> {
        self.plants
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.as_ref().map(|p| (i, p)))
    }

    /// Planted rows with `outcome`.
    pub(crate) fn count(&self, outcome: Outcome) -> usize {
        self.planted().filter(|(_, p)| p.outcome == outcome).count()
    }
}

/// Shared state of one sample run: the calendar, the window and the seed.
#[derive(Debug)]
pub(crate) struct Ctx {
    /// Official working days.
    pub cal: WorkCalendar,
    /// First day of the sample year.
    pub from: Date,
    /// Last day of the sample year, also `as_of`.
    pub as_of: Date,
    /// Day the exports were taken: nothing completed later appears in them.
    pub export: Date,
    /// Working days of the sample year.
    pub workdays: Vec<Date>,
    seed: u64,
}

impl Ctx {
    /// The 2019 sample context.
    pub(crate) fn new() -> Self {
        let cal = WorkCalendar::official();
        let from = Date::from_ymd(2019, 1, 1);
        let as_of = Date::from_ymd(2019, 12, 31);
        let workdays = cal.workdays(from, as_of);
        Self {
            cal,
            from,
            as_of,
            export: Date::from_ymd(2020, 1, 10),
            workdays,
            seed: SEED,
        }
    }

    /// The random stream of one table.
    pub(crate) fn rng(&self, table: &str) -> Rng {
        Rng::stream(self.seed, table)
    }

    /// Chance that `dept` meets the deadline of `indicator`: its quality
    /// plus a fixed jitter of at most ±0.05 per (department, indicator).
    pub(crate) fn pass_prob(&self, dept: &Dept, indicator: &str) -> f64 {
        let mut rng = Rng::stream(self.seed, &format!("{}/{indicator}", dept.name));
        (dept.quality + (rng.unit() - 0.5) * 0.10).clamp(0.05, 1.0)
    }

    /// The name an export writes for `dept`: usually the official name,
    /// sometimes (12%) one of its aliases.
    pub(crate) fn label(rng: &mut Rng, dept: &Dept) -> String {
        if !dept.aliases.is_empty() && rng.chance(0.12) {
            (*rng.pick(dept.aliases)).to_owned()
        } else {
            dept.name.to_owned()
        }
    }

    /// `done` if it happened by the export date, else nothing (the export
    /// cannot know it yet).
    pub(crate) fn known(&self, done: Option<Date>) -> Option<Date> {
        done.filter(|&d| d <= self.export)
    }

    /// A uniformly chosen working day of the year.
    pub(crate) fn workday(&self, rng: &mut Rng) -> Date {
        *rng.pick(&self.workdays)
    }

    /// A uniformly chosen calendar day of the year.
    pub(crate) fn any_day(&self, rng: &mut Rng) -> Date {
        let span = self.from.days_until(self.as_of);
        self.from.add_days(rng.range(0, i64::from(span)) as i32)
    }
}

/// A generated file: where and how it is written, and its table.
#[derive(Debug)]
pub(crate) struct Generated {
    /// File name and format.
    pub spec: FileSpec,
    /// RULES §1 kind.
    pub kind: &'static str,
    /// The table.
    pub sheet: Sheet,
}

/// The sample's files, in the order the dashboard loads them.
fn files(ctx: &Ctx) -> Vec<Generated> {
    let (mut disclosure, policies) = disclosure::generate(ctx);
    annual::extend_disclosures(ctx, &mut disclosure);
    let mut requests = request::generate(ctx);
    annual::extend_requests(ctx, &mut requests);
    vec![
        Generated {
            spec: FileSpec::new("部门名单.csv", Layout::Delimited(','), Encoding::Utf8, "\n"),
            kind: "department",
            sheet: department::generate(),
        },
        Generated {
            spec: FileSpec::new(
                "主动公开目录.csv",
                Layout::Delimited(','),
                Encoding::Utf8Bom,
                "\r\n",
            ),
            kind: "disclosure",
            sheet: disclosure,
        },
        Generated {
            spec: FileSpec::new("政策解读.xlsx", Layout::Xlsx, Encoding::Utf8, "\n"),
            kind: "interpretation",
            sheet: interpretation::generate(ctx, &policies),
        },
        Generated {
            spec: FileSpec::new(
                "依申请公开登记.csv",
                Layout::Delimited(','),
                Encoding::Gbk,
                "\r\n",
            ),
            kind: "request",
            sheet: requests,
        },
        Generated {
            spec: FileSpec::new(
                "网民留言.txt",
                Layout::Delimited('\t'),
                Encoding::Utf16LeBom,
                "\r\n",
            ),
            kind: "message",
            sheet: message::generate(ctx),
        },
        Generated {
            spec: FileSpec::new("政务舆情.json", Layout::Json, Encoding::Utf8, "\n"),
            kind: "opinion",
            sheet: opinion::generate(ctx),
        },
        Generated {
            spec: FileSpec::new("执法公示.csv", Layout::Delimited(';'), Encoding::Utf8, "\n"),
            kind: "enforcement",
            sheet: enforcement::generate(ctx),
        },
        Generated {
            spec: FileSpec::new("网站栏目.csv", Layout::Delimited(','), Encoding::Utf8, "\n"),
            kind: "column",
            sheet: column::generate(ctx),
        },
        Generated {
            spec: FileSpec::new(
                "复议诉讼.csv",
                Layout::Delimited(','),
                Encoding::Utf8Bom,
                "\r\n",
            ),
            kind: "review",
            sheet: annual::reviews(),
        },
        Generated {
            spec: FileSpec::new("行政事业性收费.xlsx", Layout::Xlsx, Encoding::Utf8, "\n"),
            kind: "fee",
            sheet: annual::fees(ctx),
        },
    ]
}

/// Writes the sample county and its README into `out`.
pub(crate) fn write(out: &Path) -> Result<Vec<(String, usize)>> {
    fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    let files = files(&Ctx::new());
    let mut written = Vec::new();
    for file in &files {
        let bytes = output::render(&file.spec, &file.sheet)
            .with_context(|| format!("cannot render {}", file.spec.name))?;
        let path = out.join(file.spec.name);
        fs::write(&path, &bytes).with_context(|| format!("cannot write {}", path.display()))?;
        written.push((file.spec.name.to_owned(), file.sheet.data_rows()));
    }
    // The dashboard loads the sample in this order (app/src/sample.rs,
    // scripts/site.py).
    let mut list = String::from(
        "# The sample county's files in the order the dashboard loads them. The\n\
         # served site has them as sample/1.bin, sample/2.bin, … and the single file\n\
         # inlines them (scripts/site.py); app/src/sample.rs reads this list.\n",
    );
    for file in &files {
        list.push_str(file.spec.name);
        list.push('\n');
    }
    let path = out.join("sample.list");
    fs::write(&path, list).with_context(|| format!("cannot write {}", path.display()))?;
    let readme = readme::render(&files);
    let path = out.join("README.md");
    fs::write(&path, readme).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(written)
}
