// Peer engine: PapaParse (header: true) on the decoded text, then one
// plain JavaScript loop doing what the core does for the
// disclosure_timeliness indicator (RULES §1.3, §2, §3):
//   - reject rows with an empty or summary (合计/总计/小计) department or
//     an unreadable formed_on / published_on, then duplicates (same
//     department and non-empty id; the first in file order is kept);
//   - count items whose formed_on lies in from..to; deadline = the 20th
//     working day strictly after formed_on; published after as_of counts
//     as not done (overdue when deadline < as_of, else pending).
// Timed: from the ArrayBuffer in memory to the per-department tallies.
import {
  benchParams, fetchBytes, publish, runPage, parseIso, parseDate,
  loadOverrides, isWorkday, RANGE_START, RANGE_DAYS,
} from './common.mjs';

const DEADLINE_WORKDAYS = 20;
const SUMMARY = new Set(['合计', '总计', '小计']);
// Column aliases of the disclosure table (README "Data formats").
const ALIASES = {
  dept: ['发布机构', '部门', '公开主体', '发文机关', 'dept'],
  formed_on: ['成文日期', '形成日期', '发文日期', 'formed_on'],
  published_on: ['发布日期', '公开日期', 'published_on'],
  id: ['索引号', 'id'],
};

/** Running working-day counts over 1900..2199 (core/src/calendar.rs). */
function buildCalendar(overrides) {
  const cumulative = new Int32Array(RANGE_DAYS);
  const workdays = new Int32Array(RANGE_DAYS);
  let count = 0;
  for (let i = 0; i < RANGE_DAYS; i++) {
    const day = RANGE_START + i;
    if (isWorkday(overrides, day)) workdays[count++] = day;
    cumulative[i] = count;
  }
  return { cumulative, workdays: workdays.subarray(0, count), overrides };
}

/** The n-th working day strictly after `day`. */
function addWorkdays(cal, day, n) {
  const i = day - RANGE_START;
  if (i >= 0 && i < RANGE_DAYS) {
    const t = cal.cumulative[i] + n - 1;
    if (t < cal.workdays.length) return cal.workdays[t];
  }
  let d = day;
  for (let left = n; left > 0;) {
    d += 1;
    if (isWorkday(cal.overrides, d)) left -= 1;
  }
  return d;
}

function column(fields, key) {
  const folded = fields.map((f) => f.normalize('NFKC').trim().toLowerCase());
  for (const alias of ALIASES[key]) {
    const i = folded.indexOf(alias);
    if (i >= 0) return fields[i];
  }
  return null;
}

function score(buf, p, cal) {
  const text = new TextDecoder('utf-8').decode(buf); // drops a BOM
  const parsed = Papa.parse(text, { header: true, skipEmptyLines: true });
  const fields = parsed.meta.fields;
  const cDept = column(fields, 'dept');
  const cFormed = column(fields, 'formed_on');
  const cPublished = column(fields, 'published_on');
  const cId = column(fields, 'id');
  if (!cDept || !cFormed || !cPublished) throw new Error(`not a disclosure table: ${fields}`);

  const from = parseIso(p.from);
  const to = parseIso(p.to);
  const asof = parseIso(p.asof);
  const deptOf = new Map(); // raw cell -> normalised name, or '' when rejected
  const dateOf = new Map(); // raw cell -> day number or NaN
  const readDate = (raw) => {
    let d = dateOf.get(raw);
    if (d === undefined) {
      d = raw === undefined || raw.trim() === '' ? NaN : parseDate(raw);
      dateOf.set(raw, d);
    }
    return d;
  };
  const seen = new Map(); // dept -> Set of ids
  const tallies = new Map(); // dept -> {counted, passed, pending}
  let accepted = 0;

  for (const row of parsed.data) {
    const rawDept = row[cDept] ?? '';
    let dept = deptOf.get(rawDept);
    if (dept === undefined) {
      dept = rawDept.normalize('NFKC').replace(/\s+/g, '');
      if (SUMMARY.has(dept)) dept = '';
      deptOf.set(rawDept, dept);
    }
    if (dept === '') continue;
    const formed = readDate(row[cFormed]);
    if (Number.isNaN(formed)) continue;
    const published = readDate(row[cPublished]);
    if (Number.isNaN(published)) continue;
    if (cId) {
      let id = row[cId] ?? '';
      if (/[^\x00-\x7f]/.test(id)) id = id.normalize('NFKC');
      id = id.trim();
      if (id !== '') {
        let ids = seen.get(dept);
        if (ids === undefined) seen.set(dept, (ids = new Set()));
        if (ids.has(id)) continue;
        ids.add(id);
      }
    }
    accepted += 1;
    if (formed < from || formed > to) continue;
    let t = tallies.get(dept);
    if (t === undefined) tallies.set(dept, (t = { counted: 0, passed: 0, pending: 0 }));
    const deadline = addWorkdays(cal, formed, DEADLINE_WORKDAYS);
    if (published > asof) {
      if (deadline < asof) t.counted += 1; // overdue
      else t.pending += 1;
    } else {
      t.counted += 1;
      if (published <= deadline) t.passed += 1;
    }
  }
  return { accepted, tallies };
}

runPage(async () => {
  const p = benchParams();
  const cal = buildCalendar(await loadOverrides());
  const buf = await fetchBytes(p.url);
  const t0 = performance.now();
  const { accepted, tallies } = score(buf, p, cal);
  const load_ms = performance.now() - t0;
  publish({
    engine: 'PapaParse + JS',
    load_ms,
    rows_accepted: accepted,
    departments: tallies.size,
    disclosure: Object.fromEntries(tallies),
  });
});
