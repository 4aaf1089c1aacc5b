//! One validator for every record kind, driven by the kind's column list
//! (`schema`): the department; each required column in its order (a
//! missing or unreadable value rejects the row, RULES §1.3); the id and the
//! duplicate rule (kinds with an id); each optional column read by its
//! form, a value that does not parse becoming empty with a warning; the
//! kind's order check (a completion before its start is kept with a
//! warning). Only the last step, putting the values into the typed record,
//! is written per kind.

use std::borrow::Cow;

use crate::date::{Date, DateTime};
use crate::record::{
    Column, DeptId, Disclosure, Enforcement, Fee, Interpretation, Message, Opinion, Request,
    Review, Text,
};
use crate::schema::{Form, Key, Kind};

use super::report::RowIssue;
use super::validate::{Builder, Row};

/// A value read from a row.
#[derive(Debug, Clone, Copy)]
enum Value<'a> {
    Text(&'a str),
    Date(Date),
    DateTime(DateTime),
    YesNo(bool),
    Count(u32),
    Amount(i64),
}

/// The values read from rows (texts of optional columns are taken as they
/// are when the record is made), a row after another: one list for all the
/// rows of a slice or chunk, so that a row costs no allocation for it.
#[derive(Debug, Default)]
pub(super) struct Values<'a>(Vec<(Key, Value<'a>)>);

/// The values of one row.
#[derive(Debug, Clone, Copy)]
pub(super) struct View<'v, 'a>(&'v [(Key, Value<'a>)]);

impl<'a> Values<'a> {
    pub(super) fn len(&self) -> usize {
        self.0.len()
    }

    pub(super) fn clear(&mut self) {
        self.0.clear();
    }

    /// The values of the row whose first one is at `from`, to `to`.
    pub(super) fn view(&self, from: usize, to: usize) -> View<'_, 'a> {
        View(&self.0[from..to])
    }

    /// The value of a required column.
    fn required(&mut self, row: &Row<'a>, key: Key) -> Result<(), RowIssue> {
        let value = match key.form() {
            Form::Date => Value::Date(row.required_date(key)?),
            Form::DateTime => Value::DateTime(row.required_datetime(key)?),
            Form::Amount => Value::Amount(row.required_amount(key)?),
            Form::Text | Form::Id | Form::YesNo | Form::Count => Value::Text(row.required(key)?),
        };
        self.0.push((key, value));
        Ok(())
    }

    /// The value of an optional column that needs reading, if it has one.
    fn optional(&mut self, row: &Row<'a>, key: Key, warnings: &mut Vec<RowIssue>) {
        let value = match key.form() {
            Form::Date => row.optional_date(key, warnings).map(Value::Date),
            Form::DateTime => row.optional_datetime(key, warnings).map(Value::DateTime),
            Form::YesNo => row.optional_yes_no(key, warnings).map(Value::YesNo),
            Form::Count => Some(Value::Count(row.optional_count(key, warnings))),
            // Every amount column is required.
            Form::Text | Form::Id | Form::Amount => None,
        };
        if let Some(value) = value {
            self.0.push((key, value));
        }
    }
}

impl<'a> View<'_, 'a> {
    fn get(&self, key: Key) -> Option<Value<'a>> {
        self.0.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
    }

    fn text(&self, key: Key) -> &'a str {
        match self.get(key) {
            Some(Value::Text(t)) => t,
            _ => "",
        }
    }

    fn date(&self, key: Key) -> Option<Date> {
        match self.get(key) {
            Some(Value::Date(d)) => Some(d),
            _ => None,
        }
    }

    fn datetime(&self, key: Key) -> Option<DateTime> {
        match self.get(key) {
            Some(Value::DateTime(t)) => Some(t),
            _ => None,
        }
    }

    fn yes_no(&self, key: Key) -> Option<bool> {
        match self.get(key) {
            Some(Value::YesNo(b)) => Some(b),
            _ => None,
        }
    }

    fn count(&self, key: Key) -> u32 {
        match self.get(key) {
            Some(Value::Count(n)) => n,
            _ => 0,
        }
    }

    fn amount(&self, key: Key) -> i64 {
        match self.get(key) {
            Some(Value::Amount(n)) => n,
            _ => 0,
        }
    }
}

/// A row's department as far as it is known without the builder's
/// latest state: an id, or a name to register when the row is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Dept {
    Known(DeptId),
    New,
}

/// What [`read_row`] gives for a row that is not rejected by its own cells.
#[derive(Debug)]
pub(super) struct Read<'a> {
    pub(super) dept: Dept,
    /// The id as compared for duplicates ([`crate::text::id_key`]).
    id: Option<Cow<'a, str>>,
}

/// Reads a row of `kind` as far as its own cells decide (RULES §1.3): the
/// department (`resolve`), each required column in its order (a missing or
/// unreadable value rejects the row), the id, each optional column (a
/// value that does not parse becomes empty with a warning), the kind's
/// order check, cells past the header. Its values go to the end of
/// `values`, and the warnings it gives once kept to `warnings`; what needs
/// the builder (the department's id, the duplicate rule, the record) is
/// [`Builder::commit`]'s. Rows can so be read on another thread.
pub(super) fn read_row<'a>(
    resolve: impl FnOnce(&Row<'a>) -> Result<Dept, RowIssue>,
    kind: Kind,
    row: &Row<'a>,
    values: &mut Values<'a>,
    warnings: &mut Vec<RowIssue>,
) -> Result<Read<'a>, RowIssue> {
    let columns = kind.columns();
    let dept = resolve(row)?;
    let from = values.len();
    for c in columns.iter().filter(|c| c.required && c.key != Key::Dept) {
        values.required(row, c.key)?;
    }
    let id = if columns.iter().any(|c| c.key == Key::Id) {
        row.optional_id_key(Key::Id)
    } else {
        None
    };
    for c in columns.iter().filter(|c| !c.required && c.key != Key::Id) {
        values.optional(row, c.key, warnings);
    }
    if let Some((done, start)) = kind.order() {
        let v = values.view(from, values.len());
        match v.get(start) {
            Some(Value::Date(s)) => row.warn_before(done, v.date(done), start, s, warnings),
            Some(Value::DateTime(s)) => {
                row.warn_before(done, v.datetime(done), start, s, warnings);
            }
            _ => {}
        }
    }
    row.cells_beyond_header(warnings);
    Ok(Read { dept, id })
}

impl Builder {
    /// Keeps a row [`read_row`] read: its department registered when new,
    /// the duplicate rule (kinds with an id), its record; or the issue that
    /// rejects it.
    pub(super) fn commit<'a>(
        &mut self,
        kind: Kind,
        row: &Row<'a>,
        read: Read<'a>,
        values: View<'_, 'a>,
    ) -> Result<(), RowIssue> {
        let dept = match read.dept {
            Dept::Known(id) => id,
            Dept::New => {
                let dept = self.resolve_dept(row)?;
                self.register(row, dept)
            }
        };
        let id = read.id.map(|id| row.share_id(id));
        self.check_duplicate(kind, dept, id.as_deref(), row)?;
        self.push(kind, row, dept, id, values);
        Ok(())
    }

    /// The duplicate rule for a row of `kind` with `id` (RULES §1.3); the
    /// kinds without an id column have none.
    fn check_duplicate(
        &mut self,
        kind: Kind,
        dept: DeptId,
        id: Option<&str>,
        row: &Row<'_>,
    ) -> Result<(), RowIssue> {
        let key = (kind, dept);
        let data = &self.data;
        match kind {
            Kind::Disclosure => self.duplicates.check(key, id, row, &data.disclosures),
            Kind::Request => self.duplicates.check(key, id, row, &data.requests),
            Kind::Message => self.duplicates.check(key, id, row, &data.messages),
            Kind::Opinion => self.duplicates.check(key, id, row, &data.opinions),
            Kind::Enforcement => self.duplicates.check(key, id, row, &data.enforcements),
            Kind::Review => self.duplicates.check(key, id, row, &data.reviews),
            Kind::Interpretation | Kind::Column | Kind::Fee | Kind::Department => Ok(()),
        }
    }

    /// Puts the values into the record of `kind`.
    fn push(&mut self, kind: Kind, row: &Row<'_>, dept: DeptId, id: Text, v: View<'_, '_>) {
        let source = row.source;
        let text = |key| row.optional_text(key);
        // Required values are there: a row without one was rejected above.
        let required_text = |key| row.share(v.text(key));
        let epoch = Date::from_day_number(0);
        let date = |key| v.date(key).unwrap_or(epoch);
        let at = |key| v.datetime(key).unwrap_or(DateTime::midnight(epoch));
        let records = &mut self.data;
        match kind {
            Kind::Disclosure => records.disclosures.push(Disclosure {
                source,
                dept,
                id,
                title: text(Key::Title),
                doc_no: text(Key::DocNo),
                category: text(Key::Category),
                needs_interpretation: v.yes_no(Key::NeedsInterpretation),
                formed_on: date(Key::FormedOn),
                published_on: date(Key::PublishedOn),
                repealed_on: v.date(Key::RepealedOn),
            }),
            Kind::Interpretation => records.interpretations.push(Interpretation {
                source,
                dept,
                policy_id: row.id(Key::PolicyId),
                published_on: date(Key::PublishedOn),
                title: text(Key::Title),
                form: text(Key::Form),
            }),
            Kind::Request => records.requests.push(Request {
                source,
                dept,
                id,
                received_on: date(Key::ReceivedOn),
                corrected_on: v.date(Key::CorrectedOn),
                extended: v.yes_no(Key::Extended),
                excluded_workdays: v.count(Key::ExcludedWorkdays),
                replied_on: v.date(Key::RepliedOn),
                outcome: text(Key::Outcome),
                applicant_type: text(Key::ApplicantType),
            }),
            Kind::Message => records.messages.push(Message {
                source,
                dept,
                id,
                received_on: date(Key::ReceivedOn),
                replied_on: v.date(Key::RepliedOn),
                kind: text(Key::Kind),
            }),
            Kind::Opinion => records.opinions.push(Opinion {
                source,
                dept,
                id,
                found_at: at(Key::FoundAt),
                level: required_text(Key::Level),
                responded_at: v.datetime(Key::RespondedAt),
                title: text(Key::Title),
            }),
            Kind::Enforcement => records.enforcements.push(Enforcement {
                source,
                dept,
                id,
                decided_on: date(Key::DecidedOn),
                kind: required_text(Key::Kind),
                published_on: v.date(Key::PublishedOn),
            }),
            Kind::Column => records.columns.push(Column {
                source,
                dept,
                name: required_text(Key::Name),
                kind: required_text(Key::Kind),
                last_updated_on: v.date(Key::LastUpdatedOn),
            }),
            Kind::Review => records.reviews.push(Review {
                source,
                dept,
                id,
                kind: required_text(Key::Kind),
                filed_on: date(Key::FiledOn),
                result: text(Key::Result),
                concluded_on: v.date(Key::ConcludedOn),
            }),
            Kind::Fee => records.fees.push(Fee {
                source,
                dept,
                amount: v.amount(Key::AmountWan),
                collected_on: v.date(Key::CollectedOn),
                item: text(Key::Item),
            }),
            Kind::Department => {}
        }
    }
}
