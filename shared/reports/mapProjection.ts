/**
 * A Web Mercator projection fitted to a frame, for the report's vector map: the same projection
 * as the workbench's Leaflet map, so the printed map looks like the screen.
 *
 * @example
 * const p = fitMercator([20.4, 42.8, 21.0, 43.3], 700, 500, 10);
 * p.project(20.7, 43.05); // [350, 250]: the centre of the box is the centre of the frame
 */
export interface MapProjection {
  width: number;
  height: number;
  /** Pixel position of a lon/lat. */
  project(lon: number, lat: number): [number, number];
  /** Lon/lat of a pixel position. */
  unproject(x: number, y: number): [number, number];
  /** What the frame shows, [west, south, east, north] (wider than asked, to fill the frame). */
  bbox: [number, number, number, number];
  /** Ground metres per pixel at a latitude. */
  metresPerPixel(lat: number): number;
  /** The Leaflet zoom level with the same scale (to choose labels as the workbench does). */
  zoom: number;
}

const EARTH_RADIUS = 6_378_137;
const MAX_LAT = 85.05112878;

function mercatorY(lat: number): number {
  const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  return Math.log(Math.tan(Math.PI / 4 + phi / 2));
}

function latitudeOf(y: number): number {
  return ((2 * Math.atan(Math.exp(y)) - Math.PI / 2) * 180) / Math.PI;
}

export function fitMercator(bbox: readonly [number, number, number, number], width: number, height: number, padding = 0): MapProjection {
  const [w, s, e, n] = bbox;
  const x0 = (w * Math.PI) / 180;
  const x1 = (e * Math.PI) / 180;
  const y0 = mercatorY(s);
  const y1 = mercatorY(n);
  const spanX = Math.max(x1 - x0, 1e-9);
  const spanY = Math.max(y1 - y0, 1e-9);
  const k = Math.min((width - 2 * padding) / spanX, (height - 2 * padding) / spanY);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const project = (lon: number, lat: number): [number, number] => [
    width / 2 + ((lon * Math.PI) / 180 - cx) * k,
    height / 2 - (mercatorY(lat) - cy) * k,
  ];
  const unproject = (x: number, y: number): [number, number] => [
    (((x - width / 2) / k + cx) * 180) / Math.PI,
    latitudeOf(cy - (y - height / 2) / k),
  ];
  const [west, north] = unproject(0, 0);
  const [east, south] = unproject(width, height);
  return {
    width,
    height,
    project,
    unproject,
    bbox: [west, south, east, north],
    metresPerPixel: (lat) => (EARTH_RADIUS * Math.cos((lat * Math.PI) / 180)) / k,
    zoom: Math.log2((k * 2 * Math.PI) / 256),
  };
}

/**
 * A scale bar of a round length (1, 2 or 5 × 10ⁿ m) no longer than `maxPixels`.
 *
 * @example
 * scaleBar(100, 150); // { metres: 10000, pixels: 100, label: '10 km' }
 */
export function scaleBar(metresPerPixel: number, maxPixels: number): { metres: number; pixels: number; label: string } {
  const most = metresPerPixel * maxPixels;
  const power = 10 ** Math.floor(Math.log10(most));
  const metres = [5, 2, 1].map((m) => m * power).find((m) => m <= most) ?? power;
  const label = metres >= 1000 ? `${(metres / 1000).toLocaleString('en')} km` : `${metres} m`;
  return { metres, pixels: metres / metresPerPixel, label };
}

/** Grows a box to at least `minSpan` degrees each way (a single incident still gets a map). */
export function padBBox(bbox: readonly [number, number, number, number], fraction: number, minSpan: number): [number, number, number, number] {
  const [w, s, e, n] = bbox;
  const cx = (w + e) / 2;
  const cy = (s + n) / 2;
  const halfX = Math.max(((e - w) * (1 + 2 * fraction)) / 2, minSpan / 2);
  const halfY = Math.max(((n - s) * (1 + 2 * fraction)) / 2, minSpan / 2);
  return [cx - halfX, cy - halfY, cx + halfX, cy + halfY];
}
