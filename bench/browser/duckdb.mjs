// Peer engine: DuckDB-WASM (the "eh" or "mvp" bundle, single-threaded,
// loaded from this origin), doing in SQL what the core does for the
// disclosure_timeliness indicator (RULES §1.3, §2, §3): read_csv on the
// registered bytes, dates parsed, bad rows and duplicates rejected, a JOIN
// with a working-day calendar table built from data/cn-holidays.csv, and
// per-department tallies.
// Timed: from the ArrayBuffer in memory (registerFileBuffer) to the
// per-department tallies as JavaScript objects.
import * as duckdb from './node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser.mjs';
import { benchParams, fetchBytes, publish, runPage, parseIso } from './common.mjs';

const DIST = new URL('./node_modules/@duckdb/duckdb-wasm/dist/', import.meta.url).href;
const BUNDLES = {
  mvp: { mainModule: `${DIST}duckdb-mvp.wasm`, mainWorker: `${DIST}duckdb-browser-mvp.worker.js` },
  eh: { mainModule: `${DIST}duckdb-eh.wasm`, mainWorker: `${DIST}duckdb-browser-eh.worker.js` },
};
const DEADLINE_WORKDAYS = 20;

/** Date forms of RULES §1.2 that strptime can express (no Excel serials). */
const DATE_FORMATS = ['%Y-%m-%d', '%Y/%m/%d', '%Y.%m.%d', '%Y年%m月%d日', '%Y%m%d',
  '%Y-%m-%d %H:%M', '%Y-%m-%d %H:%M:%S', '%Y/%m/%d %H:%M', '%Y/%m/%d %H:%M:%S'];
const FORMATS_SQL = `[${DATE_FORMATS.map((f) => `'${f}'`).join(', ')}]`;
const date = (col) => `try_strptime(trim(${col}), ${FORMATS_SQL})::DATE`;

/** An ISO date checked before it goes into SQL. */
function sqlDate(s) {
  if (Number.isNaN(parseIso(s))) throw new Error(`not an ISO date: ${s}`);
  return `DATE '${s}'`;
}

async function open() {
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = new Worker(bundle.mainWorker);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await db.open({ path: ':memory:', query: { castBigIntToDouble: true } });
  const conn = await db.connect();
  for (const s of ['SET autoinstall_known_extensions = false', 'SET autoload_known_extensions = false']) {
    try { await conn.query(s); } catch (e) { console.warn(s, e); }
  }
  return { db, conn, bundle };
}

/**
 * The working-day calendar as two tables: `calendar(d, cum)` with the
 * running count of working days up to d (1900..2199), and `workday(n, d)`
 * numbering the working days; the N-th working day strictly after D is
 * `workday.n = calendar.cum(D) + N`. A listed date overrides the weekday
 * rule; other dates work Monday–Friday (core/src/calendar.rs).
 */
async function createCalendar(db, conn) {
  const text = await (await fetch('/data/cn-holidays.csv')).text();
  await db.registerFileText('cn-holidays.csv', text);
  await conn.query(`
    CREATE TABLE overrides AS
      SELECT CAST("date" AS DATE) AS d, NOT CAST(is_off_day AS BOOLEAN) AS work
      FROM read_csv('cn-holidays.csv', header = true, all_varchar = true);
    CREATE TABLE calendar AS
      SELECT d, CAST(sum(CAST(work AS INTEGER)) OVER (ORDER BY d) AS INTEGER) AS cum, work
      FROM (
        SELECT CAST(g.t AS DATE) AS d, coalesce(o.work, isodow(CAST(g.t AS DATE)) <= 5) AS work
        FROM generate_series(TIMESTAMP '1900-01-01', TIMESTAMP '2199-12-31', INTERVAL 1 DAY) g(t)
        LEFT JOIN overrides o ON o.d = CAST(g.t AS DATE)
      );
    CREATE TABLE workday AS SELECT cum AS n, d FROM calendar WHERE work;
  `);
}

function scoreSql(file, p) {
  const from = sqlDate(p.from), to = sqlDate(p.to), asof = sqlDate(p.asof);
  return `
    WITH raw AS (
      SELECT row_number() OVER () AS rn, "发布机构" AS dept_raw, "索引号" AS id_raw,
             "成文日期" AS formed_raw, "发布日期" AS published_raw
      FROM read_csv('${file}', header = true, all_varchar = true, delim = ',', quote = '"')
    ),
    valid AS (
      SELECT * FROM (
        SELECT rn, regexp_replace(dept_raw, '[\\s\\x{3000}]+', '', 'g') AS dept,
               nullif(trim(id_raw), '') AS id,
               ${date('formed_raw')} AS formed, ${date('published_raw')} AS published
        FROM raw
      )
      WHERE dept IS NOT NULL AND dept <> '' AND dept NOT IN ('合计', '总计', '小计')
        AND formed IS NOT NULL AND published IS NOT NULL
    ),
    -- Duplicates (same department and id) after the rejections: the first
    -- in file order is kept. (An aggregate: QUALIFY row_number() took 3×.)
    kept AS (
      SELECT dept, formed, published FROM valid WHERE id IS NULL
      UNION ALL
      SELECT dept, arg_min(formed, rn), arg_min(published, rn)
      FROM valid WHERE id IS NOT NULL GROUP BY dept, id
    ),
    judged AS (
      SELECT k.dept, k.published, w.d AS deadline,
             k.formed BETWEEN ${from} AND ${to} AS inwin,
             k.published > ${asof} AND w.d >= ${asof} AS pend
      FROM kept k
      LEFT JOIN calendar c ON c.d = k.formed
      LEFT JOIN workday w ON w.n = c.cum + ${DEADLINE_WORKDAYS}
    )
    SELECT dept,
           CAST(count(*) AS INTEGER) AS n_rows,
           CAST(count(*) FILTER (WHERE inwin AND NOT pend) AS INTEGER) AS counted,
           CAST(count(*) FILTER (WHERE inwin AND NOT pend AND published <= ${asof}
                                 AND published <= deadline) AS INTEGER) AS passed,
           CAST(count(*) FILTER (WHERE inwin AND pend) AS INTEGER) AS pending
    FROM judged
    GROUP BY dept`;
}

runPage(async () => {
  const p = benchParams();
  const { db, conn, bundle } = await open();
  await createCalendar(db, conn);
  const version = await db.getVersion();
  const buf = await fetchBytes(p.url);

  const t0 = performance.now();
  await db.registerFileBuffer('bench.csv', new Uint8Array(buf));
  const table = await conn.query(scoreSql('bench.csv', p));
  const disclosure = {};
  let accepted = 0;
  let departments = 0;
  for (const r of table.toArray()) {
    accepted += r.n_rows;
    if (r.counted + r.pending === 0) continue; // nothing in the window
    departments += 1;
    disclosure[r.dept] = { counted: r.counted, passed: r.passed, pending: r.pending };
  }
  const load_ms = performance.now() - t0;

  const bundleName = bundle.mainModule.includes('-eh.') ? 'eh' : 'mvp';
  publish({
    engine: `DuckDB-WASM (DuckDB ${version}, ${bundleName} bundle)`,
    load_ms,
    rows_accepted: accepted,
    departments,
    disclosure,
  });
});
