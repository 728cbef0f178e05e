/** Numbers as an analyst reads them: km with sensible decimals, areas in km² or m². */

export function formatKm(metres: number): string {
  const km = metres / 1000;
  if (metres < 1000) return `${Math.round(metres).toLocaleString('en')} m`;
  return `${km.toLocaleString('en', { maximumFractionDigits: km < 10 ? 2 : km < 100 ? 1 : 0, minimumFractionDigits: km < 10 ? 2 : km < 100 ? 1 : 0 })} km`;
}

export function formatArea(m2: number): string {
  const km2 = m2 / 1e6;
  if (km2 < 0.1) return `${Math.round(m2).toLocaleString('en')} m²`;
  return `${km2.toLocaleString('en', { maximumFractionDigits: km2 < 10 ? 2 : km2 < 1000 ? 1 : 0, minimumFractionDigits: km2 < 10 ? 2 : km2 < 1000 ? 1 : 0 })} km²`;
}

export function formatBearing(deg: number): string {
  const points = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'];
  return `${deg.toFixed(1)}° ${points[Math.round(deg / 45) % 8]}`;
}
