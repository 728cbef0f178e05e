/**
 * A list that renders only the rows in view, so a case with 100,000 incidents scrolls as
 * smoothly as one with ten. Rows have a fixed height.
 */
export class VirtualList<T> {
  readonly element: HTMLElement;
  private readonly _spacer: HTMLElement;
  private readonly _rows: HTMLElement;
  private _items: T[] = [];
  private _frame = 0;

  constructor(
    private readonly _rowHeight: number,
    private readonly _render: (item: T, index: number) => HTMLElement,
  ) {
    this.element = document.createElement('div');
    this.element.className = 'fl-vlist';
    this.element.setAttribute('role', 'list');
    this._spacer = document.createElement('div');
    this._rows = document.createElement('div');
    this._rows.className = 'fl-vlist-rows';
    this._spacer.appendChild(this._rows);
    this.element.appendChild(this._spacer);
    this.element.addEventListener('scroll', () => this._schedule());
    new ResizeObserver(() => this._schedule()).observe(this.element);
  }

  setItems(items: T[]): void {
    this._items = items;
    this._spacer.style.height = `${items.length * this._rowHeight}px`;
    this._draw();
  }

  scrollToIndex(index: number): void {
    const top = index * this._rowHeight;
    const view = this.element.clientHeight;
    if (top < this.element.scrollTop || top + this._rowHeight > this.element.scrollTop + view) {
      this.element.scrollTop = Math.max(0, top - view / 2);
    }
    this._draw();
  }

  refresh(): void {
    this._draw();
  }

  private _schedule(): void {
    if (this._frame) return;
    this._frame = requestAnimationFrame(() => {
      this._frame = 0;
      this._draw();
    });
  }

  private _draw(): void {
    const first = Math.max(0, Math.floor(this.element.scrollTop / this._rowHeight) - 5);
    const count = Math.ceil((this.element.clientHeight || 600) / this._rowHeight) + 10;
    const last = Math.min(this._items.length, first + count);
    const fragment = document.createDocumentFragment();
    for (let i = first; i < last; i++) {
      const row = this._render(this._items[i]!, i);
      row.style.position = 'absolute';
      row.style.top = `${i * this._rowHeight}px`;
      row.style.height = `${this._rowHeight}px`;
      fragment.appendChild(row);
    }
    this._rows.replaceChildren(fragment);
  }
}
