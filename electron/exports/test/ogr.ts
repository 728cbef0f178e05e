import { execFileSync } from 'node:child_process';

export interface OgrFeature {
  fields: Record<string, string>;
  geometry: string;
}
export interface OgrLayer {
  name: string;
  features: OgrFeature[];
}

/**
 * What GDAL reads from a file: `ogrinfo -ro -al` parsed into layers, features, fields and the
 * WKT of each geometry. (GDAL 3.6 has no JSON output yet.) Values that span lines keep only
 * their first line, which is all the tests compare.
 */
export function ogrRead(file: string, driver?: string): OgrLayer[] {
  const args = ['-ro', '-al', ...(driver ? ['-if', driver] : []), file];
  const text = execFileSync('ogrinfo', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const layers: OgrLayer[] = [];
  let layer: OgrLayer | null = null;
  let feature: OgrFeature | null = null;
  for (const line of text.split('\n')) {
    const layerName = /^Layer name: (.*)$/.exec(line);
    if (layerName) {
      layer = { name: layerName[1]!, features: [] };
      layers.push(layer);
      feature = null;
      continue;
    }
    if (/^OGRFeature\(/.test(line)) {
      feature = { fields: {}, geometry: '' };
      layer?.features.push(feature);
      continue;
    }
    if (!feature) continue;
    const field = /^ {2}(\S+) \([A-Za-z0-9()]+\) = (.*)$/.exec(line);
    if (field) feature.fields[field[1]!] = field[2]!;
    else if (/^ {2}(POINT|LINESTRING|POLYGON|MULTI)/.test(line)) feature.geometry = line.trim();
  }
  return layers;
}
