import type Database from 'better-sqlite3';
import { SQL_NOW } from '../gpkgCore';
import type { Migration } from './migration';

/**
 * Schema 3: reference overlays (issue 5, foreign data). Layers imported from other tools that
 * are shown on the map for reference, styled and toggleable, but are not incidents or zones
 * and are never edited: borders from a shapefile, a road network, a KML of checkpoints.
 *
 * `reference_overlays` (attributes) names each overlay, its colour, whether it is shown, and
 * where it came from. `reference_features` (features, any geometry, EPSG:4326) holds the
 * shapes with their attributes as JSON, so GDAL and QGIS list them as an ordinary layer.
 *
 * No R*Tree: overlays are drawn whole, never queried by box, and a spatial index would add
 * triggers that every case file must then carry and every schema check accept.
 */

const OVERLAYS_SQL = `CREATE TABLE reference_overlays (
    fid INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    color TEXT NOT NULL CHECK (length(color) = 7 AND color GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
    visible INTEGER NOT NULL DEFAULT 1 CHECK (visible = 0 OR visible = 1),
    source_file TEXT NOT NULL,
    feature_count INTEGER NOT NULL,
    created_at DATETIME NOT NULL,
    created_by TEXT NOT NULL
  )`;

const FEATURES_SQL = `CREATE TABLE reference_features (
    fid INTEGER PRIMARY KEY AUTOINCREMENT,
    overlay_id TEXT NOT NULL,
    geom GEOMETRY NOT NULL,
    properties TEXT NOT NULL CHECK (json_valid(properties))
  )`;

export const migration3ReferenceOverlays: Migration = {
  version: 3,
  name: 'reference-overlays',
  up(db: Database.Database) {
    db.exec(OVERLAYS_SQL);
    db.exec(FEATURES_SQL);
    db.exec(`CREATE INDEX reference_features_overlay ON reference_features (overlay_id)`);
    db.exec(`INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, srs_id) VALUES
      ('reference_overlays', 'attributes', 'Reference overlays', 'Layers from other tools shown for reference', ${SQL_NOW}, NULL),
      ('reference_features', 'features', 'Reference features', 'The shapes of the reference overlays', ${SQL_NOW}, 4326)`);
    db.exec(`INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m) VALUES ('reference_features', 'geom', 'GEOMETRY', 4326, 0, 0)`);
  },
};
