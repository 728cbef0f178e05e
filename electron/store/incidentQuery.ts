import type Database from 'better-sqlite3';
import type { IncidentQuery } from '../../shared/api/contract';
import type { Incident } from '../../shared/domain/incident';
import { SELECT_INCIDENT_SQL, rawRowToIncident } from './incidentRows';

/**
 * `listIncidents`: live incidents in a bounding box and an event-day range, ordered by date then
 * title. One prepared statement per combination of filters, built once.
 *
 * The box goes through the R*Tree: `fid IN (SELECT id FROM rtree_incidents_geom WHERE ...)`.
 * The R*Tree stores 32-bit floats rounded outwards, so its answer can include a point a hair
 * outside the box; the exact test on the decoded coordinates below removes those.
 *
 * The day range compares the stored text, which is `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`:
 * day(occurred_at) >= from  ⇔  occurred_at >= from, and
 * day(occurred_at) <= to    ⇔  occurred_at <= to || 'T99:99'.
 * Unlike `substr(occurred_at, 1, 10)`, this lets SQLite use the occurred_at index when there is
 * no box. With a box, the unary `+` keeps the planner on the R*Tree, which is the selective path
 * for a map view.
 */

interface Bindings {
  w?: number;
  s?: number;
  e?: number;
  n?: number;
  from?: string;
  to?: string;
}

function listSql(box: boolean, from: boolean, to: boolean): string {
  const where = ['deleted_at IS NULL'];
  if (box) {
    where.push('fid IN (SELECT id FROM rtree_incidents_geom WHERE minx <= @e AND maxx >= @w AND miny <= @n AND maxy >= @s)');
  }
  const day = box ? '+occurred_at' : 'occurred_at';
  if (from) where.push(`${day} >= @from`);
  if (to) where.push(`${day} <= @to || 'T99:99'`);
  return `${SELECT_INCIDENT_SQL} WHERE ${where.join(' AND ')} ORDER BY occurred_at, title`;
}

export class IncidentLister {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  private statement(query: IncidentQuery): { stmt: Database.Statement; bindings: Bindings } {
    const box = query.bbox !== undefined;
    const from = query.from !== undefined;
    const to = query.to !== undefined;
    const key = `${+box}${+from}${+to}`;
    let stmt = this.statements.get(key);
    if (!stmt) {
      // Rows as arrays: a map view or a report lists thousands of them.
      stmt = this.db.prepare(listSql(box, from, to)).raw(true);
      this.statements.set(key, stmt);
    }
    const bindings: Bindings = {};
    if (query.bbox) [bindings.w, bindings.s, bindings.e, bindings.n] = query.bbox;
    if (query.from) bindings.from = query.from;
    if (query.to) bindings.to = query.to;
    return { stmt, bindings };
  }

  list(query: IncidentQuery): Incident[] {
    const { stmt, bindings } = this.statement(query);
    const rows = stmt.all(bindings) as unknown[][];
    const out: Incident[] = [];
    for (const row of rows) {
      const incident = rawRowToIncident(row);
      if (query.bbox) {
        const [w, s, e, n] = query.bbox;
        const { lon, lat } = incident.fields;
        if (lon < w || lon > e || lat < s || lat > n) continue;
      }
      out.push(incident);
    }
    return out;
  }

  /** EXPLAIN QUERY PLAN of the statement `list(query)` runs (tests, benchmarks). */
  plan(query: IncidentQuery): string[] {
    const { stmt, bindings } = this.statement(query);
    const rows = this.db.prepare(`EXPLAIN QUERY PLAN ${stmt.source}`).all(bindings) as { detail: string }[];
    return rows.map((r) => r.detail);
  }
}
