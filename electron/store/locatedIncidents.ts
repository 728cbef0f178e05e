import type Database from 'better-sqlite3';
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

  constructor(db: Database.Database) {
    this.inBox = db.prepare(
      `SELECT id, geom FROM incidents WHERE deleted_at IS NULL AND fid IN
         (SELECT id FROM rtree_incidents_geom WHERE minx <= @e AND maxx >= @w AND miny <= @n AND maxy >= @s)`,
    );
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
