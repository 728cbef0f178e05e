import { el } from './dom';

export interface MenuItem {
  label: string;
  shortcut?: string;
  run: () => void;
  enabled?: () => boolean;
}
export type MenuSpec = Record<string, (MenuItem | 'separator' | (() => MenuItem[]))[]>;

/**
 * The in-page menu bar, for the web host (the Electron app has the same commands in its
 * native menu). Opens on click, closes on Escape or a click elsewhere.
 */
export function createMenuBar(spec: MenuSpec): HTMLElement {
  const bar = el('nav', { class: 'fl-menubar', 'aria-label': 'Menu' });
  let open: HTMLElement | null = null;
  const closeAll = () => {
    open?.classList.remove('fl-open');
    open = null;
  };
  for (const [title, items] of Object.entries(spec)) {
    const list = el('ul', { class: 'fl-menu', role: 'menu' });
    const menu = el('div', { class: 'fl-menu-root' });
    const button = el('button', {
      type: 'button',
      class: 'fl-menu-title',
      'aria-haspopup': 'true',
      text: title,
      onclick: () => {
        const wasOpen = open === menu;
        closeAll();
        if (!wasOpen) {
          fill();
          menu.classList.add('fl-open');
          open = menu;
        }
      },
    });
    const fill = () => {
      list.replaceChildren();
      for (const item of items.flatMap((i) => (typeof i === 'function' ? i() : [i]))) {
        if (item === 'separator') {
          list.append(el('li', { class: 'fl-menu-sep', role: 'separator' }));
          continue;
        }
        const enabled = item.enabled ? item.enabled() : true;
        list.append(
          el('li', { role: 'none' },
            el('button', {
              type: 'button',
              role: 'menuitem',
              class: 'fl-menu-item',
              disabled: !enabled,
              onclick: () => {
                closeAll();
                item.run();
              },
            }, el('span', { text: item.label }), item.shortcut ? el('span', { class: 'fl-menu-shortcut', text: item.shortcut }) : null)),
        );
      }
    };
    menu.append(button, list);
    bar.append(menu);
  }
  document.addEventListener('mousedown', (e) => {
    if (open && !open.contains(e.target as Node)) closeAll();
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') closeAll();
  });
  return bar;
}
