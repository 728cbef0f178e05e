import type { ForeignLayerSummary, ForeignPreview } from '../../../shared/domain/foreign';
import { guessIncidentMapping, guessTarget, guessZoneMapping } from '../../../shared/domain/foreignMapping';
import type { ForeignDataset, ForeignLayer } from './foreignLayer';

/** What the mapping step shows of each layer, with the guesses pre-filled. */

const PALETTE = ['#1c5d99', '#7b2cbf', '#2b8a3e', '#c92a2a', '#e67700', '#0b7285', '#5c940d', '#862e9c'];
const SAMPLE_ROWS = 5;

function short(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function summarise(layer: ForeignLayer, index: number, acled: boolean): ForeignLayerSummary {
  const geometryTypes: Record<string, number> = {};
  for (const f of layer.features) {
    const type = f.geometry?.type ?? 'none';
    geometryTypes[type] = (geometryTypes[type] ?? 0) + 1;
  }
  const lines = (geometryTypes.LineString ?? 0) + (geometryTypes.MultiLineString ?? 0);
  const incidents = guessIncidentMapping(layer.fields, acled);
  return {
    id: layer.id,
    name: layer.name,
    featureCount: layer.features.length,
    geometryTypes,
    fields: layer.fields,
    sample: layer.features.slice(0, SAMPLE_ROWS).map((f) => Object.fromEntries(layer.fields.map((k) => [k, short(f.properties[k])]))),
    suggested: {
      target: guessTarget(geometryTypes, incidents, acled),
      incidents,
      zones: guessZoneMapping(layer.fields, lines > layer.features.length / 2),
      color: PALETTE[index % PALETTE.length]!,
    },
  };
}

export function foreignPreview(dataId: string, dataset: ForeignDataset): ForeignPreview {
  return {
    dataId,
    fileName: dataset.fileName,
    format: dataset.format,
    acled: dataset.acled,
    layers: dataset.layers.map((l, i) => summarise(l, i, dataset.acled)),
    warnings: dataset.warnings,
  };
}
