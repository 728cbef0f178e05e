import type { ReportIncident } from '../../shared/reports/reportData';

/** Marker radius in print pixels: grows with casualties, as on screen (renderer/map/incidentStyle.ts). */
export function markerRadius(incident: Pick<ReportIncident, 'fatalities' | 'injured'>): number {
  const toll = incident.fatalities + incident.injured / 3;
  return 0.85 * (6 + Math.min(7, Math.log2(1 + toll) * 1.6));
}
