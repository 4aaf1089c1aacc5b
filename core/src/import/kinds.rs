//! One validator per record kind (RULES §1): the required values in the
//! order the columns are listed, the id and the duplicate rule, then the
//! optional values (warnings when they do not parse) and the order checks,
//! into the typed record.

use crate::record::{Column, Disclosure, Enforcement, Interpretation, Message, Opinion, Request};
use crate::schema::{Key, Kind};
use crate::text::id_key;

use super::report::{FileReport, RowIssue};

use super::validate::{Builder, Row};

impl Builder {
    pub(super) fn disclosure(
        &mut self,
        row: &Row<'_>,
        report: &mut FileReport,
    ) -> Result<(), RowIssue> {
        let dept = self.resolve_dept(row)?;
        let formed_on = row.required_date(Key::FormedOn)?;
        let published_on = row.required_date(Key::PublishedOn)?;
        let id = row.optional_id(Key::Id);
        let dept = self.register(row, dept);
        self.duplicates.check(
            (Kind::Disclosure, dept),
            id.as_deref(),
            row,
            &self.data.disclosures,
        )?;
        let needs_interpretation = row.optional_yes_no(Key::NeedsInterpretation, report);
        row.warn_before(
            Key::PublishedOn,
            Some(published_on),
            Key::FormedOn,
            formed_on,
            report,
        );
        self.data.disclosures.push(Disclosure {
            source: row.source,
            dept,
            id,
            title: row.optional_text(Key::Title),
            doc_no: row.optional_text(Key::DocNo),
            category: row.optional_text(Key::Category),
            needs_interpretation,
            formed_on,
            published_on,
        });
        Ok(())
    }

    pub(super) fn interpretation(
        &mut self,
        row: &Row<'_>,
        _report: &mut FileReport,
    ) -> Result<(), RowIssue> {
        let dept = self.resolve_dept(row)?;
        let policy_id = row.required(Key::PolicyId)?;
        let published_on = row.required_date(Key::PublishedOn)?;
        let dept = self.register(row, dept);
        self.data.interpretations.push(Interpretation {
            source: row.source,
            dept,
            policy_id: id_key(policy_id).into(),
            published_on,
            title: row.optional_text(Key::Title),
            form: row.optional_text(Key::Form),
        });
        Ok(())
    }

    pub(super) fn request(
        &mut self,
        row: &Row<'_>,
        report: &mut FileReport,
    ) -> Result<(), RowIssue> {
        let dept = self.resolve_dept(row)?;
        let received_on = row.required_date(Key::ReceivedOn)?;
        let id = row.optional_id(Key::Id);
        let dept = self.register(row, dept);
        self.duplicates.check(
            (Kind::Request, dept),
            id.as_deref(),
            row,
            &self.data.requests,
        )?;
        let corrected_on = row.optional_date(Key::CorrectedOn, report);
        let extended = row.optional_yes_no(Key::Extended, report);
        let excluded_workdays = row.optional_count(Key::ExcludedWorkdays, report);
        let replied_on = row.optional_date(Key::RepliedOn, report);
        row.warn_before(
            Key::RepliedOn,
            replied_on,
            Key::ReceivedOn,
            received_on,
            report,
        );
        self.data.requests.push(Request {
            source: row.source,
            dept,
            id,
            received_on,
            corrected_on,
            extended,
            excluded_workdays,
            replied_on,
            outcome: row.optional_text(Key::Outcome),
        });
        Ok(())
    }

    pub(super) fn message(
        &mut self,
        row: &Row<'_>,
        report: &mut FileReport,
    ) -> Result<(), RowIssue> {
        let dept = self.resolve_dept(row)?;
        let received_on = row.required_date(Key::ReceivedOn)?;
        let id = row.optional_id(Key::Id);
        let dept = self.register(row, dept);
        self.duplicates.check(
            (Kind::Message, dept),
            id.as_deref(),
            row,
            &self.data.messages,
        )?;
        let replied_on = row.optional_date(Key::RepliedOn, report);
        row.warn_before(
            Key::RepliedOn,
            replied_on,
            Key::ReceivedOn,
            received_on,
            report,
        );
        self.data.messages.push(Message {
            source: row.source,
            dept,
            id,
            received_on,
            replied_on,
            kind: row.optional_text(Key::Kind),
        });
        Ok(())
    }

    pub(super) fn opinion(
        &mut self,
        row: &Row<'_>,
        report: &mut FileReport,
    ) -> Result<(), RowIssue> {
        let dept = self.resolve_dept(row)?;
        let found_at = row.required_datetime(Key::FoundAt)?;
        let level = row.required(Key::Level)?;
        let id = row.optional_id(Key::Id);
        let dept = self.register(row, dept);
        self.duplicates.check(
            (Kind::Opinion, dept),
            id.as_deref(),
            row,
            &self.data.opinions,
        )?;
        let responded_at = row.optional_datetime(Key::RespondedAt, report);
        row.warn_before(
            Key::RespondedAt,
            responded_at,
            Key::FoundAt,
            found_at,
            report,
        );
        self.data.opinions.push(Opinion {
            source: row.source,
            dept,
            id,
            found_at,
            level: level.into(),
            responded_at,
            title: row.optional_text(Key::Title),
        });
        Ok(())
    }

    pub(super) fn enforcement(
        &mut self,
        row: &Row<'_>,
        report: &mut FileReport,
    ) -> Result<(), RowIssue> {
        let dept = self.resolve_dept(row)?;
        let decided_on = row.required_date(Key::DecidedOn)?;
        let kind = row.required(Key::Kind)?;
        let id = row.optional_id(Key::Id);
        let dept = self.register(row, dept);
        self.duplicates.check(
            (Kind::Enforcement, dept),
            id.as_deref(),
            row,
            &self.data.enforcements,
        )?;
        let published_on = row.optional_date(Key::PublishedOn, report);
        row.warn_before(
            Key::PublishedOn,
            published_on,
            Key::DecidedOn,
            decided_on,
            report,
        );
        self.data.enforcements.push(Enforcement {
            source: row.source,
            dept,
            id,
            decided_on,
            kind: kind.into(),
            published_on,
        });
        Ok(())
    }

    pub(super) fn column(
        &mut self,
        row: &Row<'_>,
        report: &mut FileReport,
    ) -> Result<(), RowIssue> {
        let dept = self.resolve_dept(row)?;
        let name = row.required(Key::Name)?;
        let kind = row.required(Key::Kind)?;
        let dept = self.register(row, dept);
        let last_updated_on = row.optional_date(Key::LastUpdatedOn, report);
        self.data.columns.push(Column {
            source: row.source,
            dept,
            name: name.into(),
            kind: kind.into(),
            last_updated_on,
        });
        Ok(())
    }
}
