// Shared by the peer pages: the page protocol, the working-day calendar
// and a port of the core's date reader (core/src/value.rs).
//
// Protocol (the same as the dashboard's `?bench=` hook): the page reads
// `?bench=URL&from=DATE&to=DATE&asof=DATE`, fetches URL as bytes (not
// timed), times its work from "bytes in memory" to "result ready", then sets
// `window.__openness_bench = { load_ms, rows_accepted, departments,
// disclosure: { dept: { counted, passed, pending } } }` and
// `document.body.dataset.bench = "done"` ("error" with
// `window.__openness_bench_error` on failure).

/** The page's query parameters. */
export function benchParams() {
  const q = new URLSearchParams(location.search);
  const need = (k) => {
    const v = q.get(k);
    if (!v) throw new Error(`missing ?${k}=`);
    return v;
  };
  return { url: need('bench'), from: need('from'), to: need('to'), asof: need('asof') };
}

/** Fetches `url` as an ArrayBuffer (the untimed part). */
export async function fetchBytes(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
  return res.arrayBuffer();
}

/** Publishes a result (or an error) for the runner. */
export function publish(result) {
  window.__openness_bench = result;
  document.body.dataset.bench = 'done';
}

export function publishError(err) {
  console.error(err);
  window.__openness_bench_error = String(err && err.stack ? err.stack : err);
  document.body.dataset.bench = 'error';
}

/** Runs `main`, reporting any failure through the protocol. */
export function runPage(main) {
  main().catch(publishError);
}

// ---- dates as day numbers (days since 1970-01-01, UTC) ----

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Day number of a valid y-m-d, or NaN. */
export function dayNumber(y, m, d) {
  if (m < 1 || m > 12 || d < 1) return NaN;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const dim = m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1];
  if (d > dim) return NaN;
  return Date.UTC(y, m - 1, d) / 86400000;
}

/** `YYYY-MM-DD` of a day number. */
export function isoOf(day) {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}

/** Day number of an ISO `YYYY-MM-DD`, or NaN. */
export function parseIso(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? dayNumber(+m[1], +m[2], +m[3]) : NaN;
}

const TIME = /^[Tt]?\s*(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d*)?)?$/;
// Excel's day 0 is 1899-12-30 (its 1900 leap-year bug folded in).
const EXCEL_EPOCH = -25569;

/**
 * Day number of a date cell in any form of RULES §1.2 (`2019-08-23`,
 * `2019/8/23`, `2019.8.23`, `2019年8月23日`, `20190823`, an Excel serial
 * 20000..80000), optionally followed by a time; NaN when unreadable.
 * Mirrors core/src/value.rs `parse_datetime`.
 */
export function parseDate(raw) {
  let s = raw;
  // NFKC only when needed (full-width digits and the like).
  if (/[^\x00-\x7f年月日]/.test(s)) s = s.normalize('NFKC');
  s = s.trim();
  if (/^[\d.]+$/.test(s) && s.length <= 20) {
    const v = Number(s);
    if (v >= 20000 && v <= 80000) return EXCEL_EPOCH + Math.floor(v);
  }
  let y, m, d, rest;
  let match = /^(\d{8})(?!\d)/.exec(s);
  if (match) {
    y = +s.slice(0, 4); m = +s.slice(4, 6); d = +s.slice(6, 8);
    rest = s.slice(8);
  } else {
    match = /^(\d{4})(?:年(\d{1,2})月(\d{1,2})日?|([-/.])(\d{1,2})\4(\d{1,2}))(?!\d)/.exec(s);
    if (!match) return NaN;
    y = +match[1];
    if (match[2] !== undefined) { m = +match[2]; d = +match[3]; } else { m = +match[5]; d = +match[6]; }
    rest = s.slice(match[0].length);
  }
  const day = dayNumber(y, m, d);
  if (Number.isNaN(day)) return NaN;
  rest = rest.trim();
  if (rest === '') return day;
  const t = TIME.exec(rest);
  if (!t || +t[1] > 23 || +t[2] > 59 || (t[3] !== undefined && +t[3] > 59)) return NaN;
  return day;
}

// ---- the working-day calendar (core/src/calendar.rs) ----

/** First day of the precomputed range: 1900-01-01. */
export const RANGE_START = dayNumber(1900, 1, 1);
/** Days in the range: to 2199-12-31. */
export const RANGE_DAYS = dayNumber(2200, 1, 1) - RANGE_START;

/**
 * The official calendar from `data/cn-holidays.csv` (`date,name,is_off_day,…`):
 * every listed date overrides the weekday rule (off day or make-up working
 * day); other dates are working days when Monday–Friday.
 */
export async function loadOverrides(url = '/data/cn-holidays.csv') {
  const text = await (await fetch(url)).text();
  const overrides = new Map(); // day number -> is a working day
  for (const line of text.split(/\r?\n/).slice(1)) {
    const cells = line.split(',');
    if (cells.length < 4) continue;
    const day = parseIso(cells[0]);
    if (Number.isNaN(day)) continue;
    overrides.set(day, cells[2].trim() !== 'true');
  }
  return overrides;
}

/** True when `day` is a working day. */
export function isWorkday(overrides, day) {
  const o = overrides.get(day);
  if (o !== undefined) return o;
  const dow = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return dow !== 0 && dow !== 6;
}
