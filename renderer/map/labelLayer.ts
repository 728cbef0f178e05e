import L from 'leaflet';
import { placeLabels, type Box, type LabelBox } from './labelPlacement';

export interface LabelItem {
  text: string;
  lat: number;
  lon: number;
  /** Lower is placed first and wins collisions, across every layer of one `LabelSpace`. */
  priority: number;
  minZoom: number;
  maxZoom?: number;
  /** CSS class for the label kind (town, municipality, entity, country). */
  kind: string;
  /** Draw a dot at the point (towns) or centre the text on it (areas). */
  dot?: boolean;
}

const MAX_LABELS = 400;

/** The fonts of styles.css (.fl-label-*), for measuring text without laying it out. */
const FONTS: Record<string, { font: string; letterSpacingEm: number; upper: boolean; height: number; padding: number }> = {
  town: { font: '11px system-ui, sans-serif', letterSpacingEm: 0, upper: false, height: 14, padding: 8 },
  municipality: { font: 'italic 11px system-ui, sans-serif', letterSpacingEm: 0, upper: false, height: 14, padding: 0 },
  entity: { font: '600 13px system-ui, sans-serif', letterSpacingEm: 0.02, upper: false, height: 16, padding: 0 },
  country: { font: '700 14px system-ui, sans-serif', letterSpacingEm: 0.12, upper: true, height: 17, padding: 0 },
};

let measureContext: CanvasRenderingContext2D | null = null;
const widths = new Map<string, number>();

/** A label's text width in CSS pixels, measured once on a canvas (no page layout). */
function textWidth(item: LabelItem): number {
  const key = `${item.kind}\u0000${item.text}`;
  let width = widths.get(key);
  if (width === undefined) {
    const style = FONTS[item.kind] ?? FONTS.town!;
    const text = style.upper ? item.text.toUpperCase() : item.text;
    measureContext ??= document.createElement('canvas').getContext('2d');
    const px = Number.parseFloat(style.font.match(/(\d+)px/)![1]!);
    if (measureContext) {
      measureContext.font = style.font;
      width = measureContext.measureText(text).width;
    } else {
      width = text.length * px * 0.6;
    }
    width += text.length * style.letterSpacingEm * px + style.padding + 2;
    widths.set(key, width);
  }
  return width;
}

/**
 * The map's names, placed together: every label layer of one space shares one collision pass
 * in priority order, so town names and area names never sit on one another (each layer can
 * still be switched off on its own). Redrawn when the view changes.
 */
export class LabelSpace {
  private readonly _layers = new Set<LabelLayer>();
  private _map: L.Map | null = null;
  private readonly _obstacles = new Set<() => readonly Box[]>();

  /**
   * Boxes (in the map's layer pixels) that names must leave free: the zones' labels, which the
   * analyst drew and which matter more here than a town's name. The owner calls `redraw` when
   * they change.
   */
  addObstacles(boxes: () => readonly Box[]): void {
    this._obstacles.add(boxes);
  }

  join(layer: LabelLayer, map: L.Map): void {
    this._layers.add(layer);
    if (!this._map) {
      this._map = map;
      map.on('moveend zoomend resize', this.redraw, this);
    }
    this.redraw();
  }

  leave(layer: LabelLayer): void {
    this._layers.delete(layer);
    if (!this._layers.size && this._map) {
      this._map.off('moveend zoomend resize', this.redraw, this);
      this._map = null;
    }
    this.redraw();
  }

  redraw(): void {
    const map = this._map;
    if (!map) return;
    const zoom = map.getZoom();
    const bounds = map.getBounds().pad(0.05);
    const candidates: { layer: LabelLayer; item: LabelItem; box: LabelBox }[] = [];
    for (const layer of this._layers) {
      for (const item of layer.items) {
        if (zoom < item.minZoom || (item.maxZoom !== undefined && zoom > item.maxZoom)) continue;
        if (!bounds.contains([item.lat, item.lon])) continue;
        const p = map.latLngToLayerPoint([item.lat, item.lon]);
        const height = (FONTS[item.kind] ?? FONTS.town!).height;
        candidates.push({ layer, item, box: { x: p.x, y: p.y, width: textWidth(item), height, anchor: item.dot ? 'dot' : 'centre' } });
      }
    }
    // Stable: equal priorities keep each layer's own order (its items come sorted).
    candidates.sort((a, b) => a.item.priority - b.item.priority);
    const size = map.getSize();
    const topLeft = map.containerPointToLayerPoint([0, 0]);
    const view = { x0: topLeft.x, y0: topLeft.y, x1: topLeft.x + size.x, y1: topLeft.y + size.y };
    const obstacles = [...this._obstacles].flatMap((boxes) => boxes());
    const placed = placeLabels(candidates.map((c) => c.box), MAX_LABELS, view, obstacles);
    const byLayer = new Map<LabelLayer, { item: LabelItem; x: number; y: number }[]>([...this._layers].map((l) => [l, []]));
    for (const { index, dx, dy } of placed) {
      const c = candidates[index]!;
      byLayer.get(c.layer)!.push({ item: c.item, x: c.box.x + dx, y: c.box.y + dy });
    }
    for (const [layer, labels] of byLayer) layer.render(labels);
  }
}

/**
 * Text labels in their own pane, placed by their `LabelSpace`. Labels are DOM text nodes (so
 * they stay crisp and tests can find them), never HTML strings.
 */
export class LabelLayer extends L.Layer {
  readonly items: readonly LabelItem[];
  private _container: HTMLElement | null = null;

  constructor(
    items: LabelItem[],
    private readonly _paneName: string,
    private readonly _space: LabelSpace = new LabelSpace(),
  ) {
    super();
    this.items = [...items].sort((a, b) => a.priority - b.priority);
  }

  override onAdd(map: L.Map): this {
    this._container = L.DomUtil.create('div', 'fl-labels leaflet-zoom-hide', map.getPane(this._paneName));
    this._space.join(this, map);
    return this;
  }

  override onRemove(): this {
    this._container?.remove();
    this._container = null;
    this._space.leave(this);
    return this;
  }

  /** Draws the labels its space placed (screen positions in the map's layer pixels). */
  render(labels: readonly { item: LabelItem; x: number; y: number }[]): void {
    const container = this._container;
    if (!container) return;
    const fragment = document.createDocumentFragment();
    for (const { item, x, y } of labels) {
      const label = document.createElement('div');
      label.className = `fl-label fl-label-${item.kind}${item.dot ? ' fl-label-dot' : ''}`;
      label.textContent = item.text;
      label.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      fragment.appendChild(label);
    }
    container.replaceChildren(fragment);
    container.dataset.count = String(labels.length);
  }
}
