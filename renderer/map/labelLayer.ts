import L from 'leaflet';

export interface LabelItem {
  text: string;
  lat: number;
  lon: number;
  /** Lower draws first and wins collisions. */
  priority: number;
  minZoom: number;
  maxZoom?: number;
  /** CSS class for the label kind (town, municipality, entity, country). */
  kind: string;
  /** Draw a dot at the point (towns) or centre the text on it (areas). */
  dot?: boolean;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const MAX_LABELS = 400;

/**
 * Text labels placed greedily by priority with collision avoidance, redrawn when the view
 * changes. Labels are DOM text nodes in their own pane (so they stay crisp and selectable by
 * tests), never HTML strings.
 */
export class LabelLayer extends L.Layer {
  private _container: HTMLElement | null = null;
  private readonly _items: LabelItem[];

  constructor(
    items: LabelItem[],
    private readonly _paneName: string,
  ) {
    super();
    this._items = [...items].sort((a, b) => a.priority - b.priority);
  }

  override onAdd(map: L.Map): this {
    this._container = L.DomUtil.create('div', 'fl-labels leaflet-zoom-hide', map.getPane(this._paneName));
    map.on('moveend zoomend resize', this._redraw, this);
    this._redraw();
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off('moveend zoomend resize', this._redraw, this);
    this._container?.remove();
    this._container = null;
    return this;
  }

  private _redraw(): void {
    const map = this._map;
    const container = this._container;
    if (!map || !container) return;
    container.replaceChildren();
    const zoom = map.getZoom();
    const bounds = map.getBounds().pad(0.05);
    const placed: Box[] = [];
    const fragment = document.createDocumentFragment();
    for (const item of this._items) {
      if (placed.length >= MAX_LABELS) break;
      if (zoom < item.minZoom || (item.maxZoom !== undefined && zoom > item.maxZoom)) continue;
      if (!bounds.contains([item.lat, item.lon])) continue;
      const p = map.latLngToLayerPoint([item.lat, item.lon]);
      // Text width estimated from the length: measuring every candidate would force layouts.
      const width = item.text.length * (item.kind === 'town' ? 6.6 : 7.2) + 8;
      const height = item.kind === 'town' ? 14 : 16;
      const box: Box = item.dot
        ? { x0: p.x - 4, y0: p.y - height / 2, x1: p.x + width, y1: p.y + height / 2 }
        : { x0: p.x - width / 2, y0: p.y - height / 2, x1: p.x + width / 2, y1: p.y + height / 2 };
      if (placed.some((b) => box.x0 < b.x1 && box.x1 > b.x0 && box.y0 < b.y1 && box.y1 > b.y0)) continue;
      placed.push(box);
      const label = document.createElement('div');
      label.className = `fl-label fl-label-${item.kind}${item.dot ? ' fl-label-dot' : ''}`;
      label.textContent = item.text;
      label.style.transform = `translate(${Math.round(p.x)}px, ${Math.round(p.y)}px)`;
      fragment.appendChild(label);
    }
    container.appendChild(fragment);
    container.dataset.count = String(placed.length);
  }
}
