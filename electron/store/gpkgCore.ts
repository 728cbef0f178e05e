/**
 * The parts of a GeoPackage that every GeoPackage has (GeoPackage 1.4, clauses 1.1 and 2.1):
 * header values, the mandatory metadata tables and the three mandatory spatial reference
 * systems. Feature and attribute tables of our own are created by the migrations.
 */

/** `PRAGMA application_id`: 'GPKG' in ASCII. */
export const GPKG_APPLICATION_ID = 0x47504b47;
/** Older GeoPackages used 'GP10' and 'GP11' as application id. */
export const GPKG_LEGACY_APPLICATION_IDS = [0x47503130, 0x47503131];
/**
 * `PRAGMA user_version`: GeoPackage 1.3.0. The standard owns this pragma, not us.
 *
 * Why 1.3 and not 1.4: a 1.4 file must carry 1.4's spatial-index triggers (update5..7), which
 * GDAL 3.6 (Debian stable, and our external referee validate_gpkg.py) does not know: it
 * requires 1.3's update1..4 and warns on every open of a 1.4 file that it is "only partially
 * supported", while newer GDAL checkers reject a 1.4 file carrying the 1.3 triggers. A 1.3 file
 * with the 1.3 triggers is accepted by both, and nothing Faultline stores needs 1.4.
 */
export const GPKG_USER_VERSION = 10300;

/** OGC WKT 1 of EPSG:4326, as GDAL writes it into gpkg_spatial_ref_sys. */
export const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],' +
  'AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],' +
  'UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],' +
  'AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]';

/** The mandatory tables, their column definitions exactly as the standard gives them. */
export const GPKG_CORE_TABLES_SQL: readonly string[] = [
  `CREATE TABLE gpkg_spatial_ref_sys (
    srs_name TEXT NOT NULL,
    srs_id INTEGER NOT NULL PRIMARY KEY,
    organization TEXT NOT NULL,
    organization_coordsys_id INTEGER NOT NULL,
    definition TEXT NOT NULL,
    description TEXT
  )`,
  `CREATE TABLE gpkg_contents (
    table_name TEXT NOT NULL PRIMARY KEY,
    data_type TEXT NOT NULL,
    identifier TEXT UNIQUE,
    description TEXT DEFAULT '',
    last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    min_x DOUBLE,
    min_y DOUBLE,
    max_x DOUBLE,
    max_y DOUBLE,
    srs_id INTEGER,
    CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id)
  )`,
  `CREATE TABLE gpkg_geometry_columns (
    table_name TEXT NOT NULL,
    column_name TEXT NOT NULL,
    geometry_type_name TEXT NOT NULL,
    srs_id INTEGER NOT NULL,
    z TINYINT NOT NULL,
    m TINYINT NOT NULL,
    CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
    CONSTRAINT uk_gc_table_name UNIQUE (table_name),
    CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
    CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id)
  )`,
  `CREATE TABLE gpkg_extensions (
    table_name TEXT,
    column_name TEXT,
    extension_name TEXT NOT NULL,
    definition TEXT NOT NULL,
    scope TEXT NOT NULL,
    CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name)
  )`,
];

/** Rows for srs_id -1 (undefined cartesian), 0 (undefined geographic) and 4326 (WGS 84). */
export const GPKG_SRS_ROWS_SQL = `INSERT INTO gpkg_spatial_ref_sys
    (srs_name, srs_id, organization, organization_coordsys_id, definition, description) VALUES
  ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
  ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
  ('WGS 84 geodetic', 4326, 'EPSG', 4326, '${WGS84_WKT}', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')`;

/** GeoPackage DATETIME for "now", as the standard's own column defaults compute it. */
export const SQL_NOW = `strftime('%Y-%m-%dT%H:%M:%fZ','now')`;
