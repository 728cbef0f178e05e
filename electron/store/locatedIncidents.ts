import type Database from 'better-sqlite3';
import type { AreaTest } from '../../shared/geo/analysis/prepareAreaTest';
import { readGpkgPoint } from './gpkgBinary';

/** An incident reduced to what a spatial question needs. */
export interface LocatedIncident {
  id: string;
  lon: number;
  lat: number;
}

/**
 * Live incidents whose point lies in a box, through the R*Tree, reading only the id and the
 * point (no row decoding): the pre-filter of "which incidents are inside this zone". The
 * R*Tree's boxes are 32-bit floats rounded outwards, so the exact box test on the decoded
 * point removes the hair-wide extras.
 */
export class LocatedIncidents {
  private readonly inBox: Database.Statement;
  private readonly boxes: Database.Statement;
  private readonly points: Database.Statement;
  private readonly liveIds: Database.Statement;

  constructor(db: Database.Database) {
    this.inBox = db.prepare(
      `SELECT id, geom FROM incidents WHERE deleted_at IS NULL AND fid IN
         (SELECT id FROM rtree_incidents_geom WHERE minx <= @e AND maxx >= @w AND miny <= @n AND maxy >= @s)`,
    );
    this.boxes = db.prepare(`SELECT id, minx, miny, maxx, maxy FROM rtree_incidents_geom WHERE minx <= @e AND maxx >= @w AND miny <= @n AND maxy >= @s`).raw();
    // Rows by a list of fids (a JSON array), in one statement rather than one call per row.
    this.points = db.prepare(`SELECT fid, geom FROM incidents WHERE fid IN (SELECT value FROM json_each(?))`).raw();
    this.liveIds = db.prepare(`SELECT id FROM incidents WHERE deleted_at IS NULL AND fid IN (SELECT value FROM json_each(?))`).pluck();
  }

  /**
   * Ids of the live incidents inside an area. The R*Tree's boxes (one per point, a hair wide)
   * are sorted by the area test without reading any row; only the few boxes that straddle the
   * outline have their exact point read, and only the incidents inside are looked up for their
   * id and tombstone. Most of a zone's candidates never leave the index.
   */
  idsInArea(area: AreaTest): string[] {
    if (!area.bbox) return [];
    const [w, s, e, n] = area.bbox;
    const inside: number[] = [];
    const straddling: number[] = [];
    for (const [fid, x0, y0, x1, y1] of this.boxes.all({ w, s, e, n }) as [number, number, number, number, number][]) {
      const where = area.classifyBox(x0, y0, x1, y1);
      if (where === 'inside') inside.push(fid);
      else if (where === 'mixed') straddling.push(fid);
    }
    if (straddling.length) {
      for (const [fid, geom] of this.points.all(JSON.stringify(straddling)) as [number, Buffer][]) {
        const [lon, lat] = readGpkgPoint(geom);
        if (area.contains(lon, lat)) inside.push(fid);
      }
    }
    return inside.length ? (this.liveIds.all(JSON.stringify(inside)) as string[]) : [];
  }

  list([w, s, e, n]: [number, number, number, number]): LocatedIncident[] {
    const out: LocatedIncident[] = [];
    for (const row of this.inBox.iterate({ w, s, e, n }) as Iterable<{ id: string; geom: Buffer }>) {
      const [lon, lat] = readGpkgPoint(row.geom);
      if (lon >= w && lon <= e && lat >= s && lat <= n) out.push({ id: row.id, lon, lat });
    }
    return out;
  }
}
