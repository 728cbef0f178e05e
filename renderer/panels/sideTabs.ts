import { el } from '../ui/dom';

/**
 * Tabs over the side panel (Incidents | Zones): one panel visible at a time, switched by
 * click or by the arrow keys, as a tab list should.
 */
export class SideTabs {
  readonly element: HTMLElement;
  private readonly _tabs: HTMLButtonElement[] = [];
  private readonly _panels: HTMLElement[] = [];
  private readonly _listeners = new Set<(index: number) => void>();
  private _active = 0;

  constructor(entries: { label: string; panel: HTMLElement }[]) {
    const bar = el('div', { class: 'fl-tabs', role: 'tablist' });
    entries.forEach(({ label, panel }, i) => {
      const tab = el('button', {
        type: 'button',
        class: 'fl-tab',
        role: 'tab',
        id: `fl-tab-${i}`,
        text: label,
        onclick: () => this.show(i),
        onkeydown: (e: Event) => {
          const key = (e as KeyboardEvent).key;
          if (key === 'ArrowRight' || key === 'ArrowLeft') {
            const next = (i + (key === 'ArrowRight' ? 1 : entries.length - 1)) % entries.length;
            this.show(next);
            this._tabs[next]!.focus();
          }
        },
      });
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', tab.id);
      this._tabs.push(tab);
      this._panels.push(panel);
      bar.append(tab);
    });
    this.element = el('div', { class: 'fl-side-tabs' }, bar, ...this._panels);
    this.show(0);
  }

  get active(): number {
    return this._active;
  }

  show(index: number): void {
    this._active = index;
    this._tabs.forEach((t, i) => {
      t.setAttribute('aria-selected', String(i === index));
      t.tabIndex = i === index ? 0 : -1;
      t.classList.toggle('fl-tab-active', i === index);
    });
    this._panels.forEach((p, i) => (p.hidden = i !== index));
    for (const l of this._listeners) l(index);
  }

  onChange(listener: (index: number) => void): void {
    this._listeners.add(listener);
  }
}
