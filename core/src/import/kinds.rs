//! One validator for every record kind, driven by the kind's column list
//! (`schema`): the department; each required column in its order (a
//! missing or unreadable value rejects the row, RULES §1.3); the id and the
//! duplicate rule (kinds with an id); each optional column read by its
//! form, a value that does not parse becoming empty with a warning; the
//! kind's order check (a completion before its start is kept with a
//! warning). Only the last step, putting the values into the typed record,
//! is written per kind.

use crate::date::{Date, DateTime};
use crate::record::{
    Column, DeptId, Disclosure, Enforcement, Fee, Interpretation, Message, Opinion, Request,
    Review, Text,
};
use crate::schema::{Form, Key, Kind};

use super::report::{FileReport, RowIssue};
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

/// The values of one row that need reading (texts of optional columns are
/// taken as they are when the record is made). One is kept for all the
/// rows of a slice, so that a row costs no allocation for it.
#[derive(Debug, Default)]
pub(super) struct Values<'a>(Vec<(Key, Value<'a>)>);

impl<'a> Values<'a> {
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
    fn optional(&mut self, row: &Row<'a>, key: Key, report: &mut FileReport) {
        let value = match key.form() {
            Form::Date => row.optional_date(key, report).map(Value::Date),
            Form::DateTime => row.optional_datetime(key, report).map(Value::DateTime),
            Form::YesNo => row.optional_yes_no(key, report).map(Value::YesNo),
            Form::Count => Some(Value::Count(row.optional_count(key, report))),
            // Every amount column is required.
            Form::Text | Form::Id | Form::Amount => None,
        };
        if let Some(value) = value {
            self.0.push((key, value));
        }
    }
}

impl Builder {
    /// Validates one row of `kind` into its record, or the issue that
    /// rejects it.
    pub(super) fn validate<'a>(
        &mut self,
        kind: Kind,
        row: &Row<'a>,
        values: &mut Values<'a>,
        report: &mut FileReport,
    ) -> Result<(), RowIssue> {
        let columns = kind.columns();
        let dept = self.resolve_dept(row)?;
        values.0.clear();
        for c in columns.iter().filter(|c| c.required && c.key != Key::Dept) {
            values.required(row, c.key)?;
        }
        let has_id = columns.iter().any(|c| c.key == Key::Id);
        let id = if has_id {
            row.optional_id(Key::Id)
        } else {
            None
        };
        let dept = self.register(row, dept);
        if has_id {
            self.check_duplicate(kind, dept, id.as_deref(), row)?;
        }
        for c in columns.iter().filter(|c| !c.required && c.key != Key::Id) {
            values.optional(row, c.key, report);
        }
        if let Some((done, start)) = kind.order() {
            match values.get(start) {
                Some(Value::Date(s)) => row.warn_before(done, values.date(done), start, s, report),
                Some(Value::DateTime(s)) => {
                    row.warn_before(done, values.datetime(done), start, s, report);
                }
                _ => {}
            }
        }
        self.push(kind, row, dept, id, values);
        Ok(())
    }

    /// The duplicate rule for a row of `kind` with `id` (RULES §1.3).
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
    fn push(&mut self, kind: Kind, row: &Row<'_>, dept: DeptId, id: Text, v: &Values<'_>) {
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
