import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { colourDistance, paneCanvasPixels, screenColours } from './mapPixels';

/** Counts painted pixels on the map's canvases, per pane: proof that features were drawn. */
async function paintedPixels(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const counts: Record<string, number> = {};
    for (const canvas of document.querySelectorAll<HTMLCanvasElement>('#fl-map canvas')) {
      const pane = canvas.closest('.leaflet-pane')?.className.match(/leaflet-(fl-[a-z]+)-pane/)?.[1] ?? 'other';
      const ctx = canvas.getContext('2d');
      if (!ctx || !canvas.width || !canvas.height) continue;
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
      counts[pane] = (counts[pane] ?? 0) + n;
    }
    return counts;
  });
}

async function mapCenter(page: Page): Promise<{ lat: number; lon: number; zoom: number }> {
  const map = page.locator('#fl-map');
  const [lat, lon] = (await map.getAttribute('data-center'))!.split(',').map(Number);
  return { lat: lat!, lon: lon!, zoom: Number(await map.getAttribute('data-zoom')) };
}

async function flyTo(page: Page, query: string): Promise<void> {
  const search = page.getByRole('combobox', { name: 'Find a place' });
  await search.fill(query);
  await expect(page.locator('.fl-search-result').first()).toBeVisible();
  await search.press('Enter');
  await page.waitForTimeout(1200); // the fly animation
}

/** The map's visible tool buttons (zoom, drawing, editing) that something else covers. */
async function coveredToolButtons(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const buttons = [...document.querySelectorAll<HTMLElement>('.leaflet-control-zoom a, .leaflet-pm-toolbar a.leaflet-buttons-control-button')];
    return buttons
      .filter((b) => b.checkVisibility() && b.offsetWidth > 0)
      .flatMap((b) => {
        const r = b.getBoundingClientRect();
        const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        return hit && b.contains(hit) ? [] : [`${b.closest('[title]')?.getAttribute('title') ?? b.className} under ${hit?.className}`];
      });
  });
}

async function placeIncidentAtCentre(page: Page): Promise<void> {
  await page.getByRole('button', { name: '+ Incident' }).click();
  const box = (await page.locator('#fl-map').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByRole('form', { name: 'New incident' })).toBeVisible();
}

async function incidentCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('incident-count').textContent()) ?? '';
  return Number(text.split(' ').at(-1));
}

test('the offline basemap draws with the demo case, and nothing leaves the machine', async ({ app }) => {
  const { page } = app;
  await expect(page.getByTestId('case-title')).toHaveText('Western Balkans 2023 (demo)');
  expect(Number(await page.locator('#fl-map').getAttribute('data-basemap-features'))).toBeGreaterThan(50);
  await page.waitForTimeout(500);
  const painted = await paintedPixels(page);
  // Land fills most of the view; borders, entities and incidents are drawn on their own canvases.
  expect(painted['fl-land'] ?? 0).toBeGreaterThan(200_000);
  expect(painted['fl-lines'] ?? 0).toBeGreaterThan(2_000);
  expect(painted['fl-areas'] ?? 0).toBeGreaterThan(10_000);
  expect(painted['fl-incidents'] ?? 0).toBeGreaterThan(100);
  expect(await incidentCount(page)).toBeGreaterThanOrEqual(7);
  await expect(page.locator('.fl-label-town', { hasText: 'Sarajevo' })).toBeVisible();
  await expect(page.locator('.leaflet-control-attribution')).toContainText('OpenStreetMap');
  await expect(page.locator('.fl-legend')).toContainText('Inter-Entity Boundary Line');
  await app.snapshot('basemap-demo-case');
});

test('the legend never covers the map tools, at any window size and however many zones it lists', async ({ app }) => {
  const { page } = app;
  const legend = page.locator('.fl-legend');
  const details = legend.locator('details');
  for (const [width, height] of [[1400, 900], [1366, 768], [1280, 720]] as const) {
    await page.setViewportSize({ width, height });
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await legend.locator('summary').click();
    expect(await page.locator('.leaflet-pm-toolbar a.leaflet-buttons-control-button').count()).toBeGreaterThanOrEqual(8);
    expect(await coveredToolButtons(page), `${width}×${height}`).toEqual([]);
  }
  // A case with many zones lists a symbol row for each: the legend scrolls, the tools stay free.
  await page.locator('.fl-legend-zones').evaluate((section) => {
    for (let i = 0; i < 12; i++) section.append(Object.assign(document.createElement('div'), { className: 'fl-legend-row', textContent: `Zone symbol ${i}` }));
  });
  expect(await coveredToolButtons(page)).toEqual([]);
  expect(await legend.evaluate((l) => l.scrollHeight > l.clientHeight)).toBe(true);
  await app.snapshot('legend-1280x720');
  // Opened in a small window, the legend starts folded: the map comes first.
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  await expect(legend.locator('summary')).toBeVisible();
  expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
  expect(await coveredToolButtons(page)).toEqual([]);
});

/**
 * Pairs of names on screen whose boxes overlap: the basemap's names and the zones' labels as
 * shown (whole, or the unit symbol alone; a label waiting for a closer zoom takes no room).
 */
async function overlappingLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const labels = [...document.querySelectorAll('.fl-label')].map((l) => ({ text: l.textContent, r: l.getBoundingClientRect() }));
    for (const zone of document.querySelectorAll<HTMLElement>('.fl-zone-label')) {
      const shown = zone.dataset.fit === 'full' ? zone : zone.dataset.fit === 'symbol' ? zone.querySelector('img') : null;
      if (shown) labels.push({ text: `zone ${zone.textContent}`, r: shown.getBoundingClientRect() });
    }
    const out: string[] = [];
    labels.forEach((a, i) => {
      for (const b of labels.slice(i + 1)) {
        if (a.r.left < b.r.right && b.r.left < a.r.right && a.r.top < b.r.bottom && b.r.top < a.r.bottom) out.push(`${a.text} × ${b.text}`);
      }
    });
    return out;
  });
}

test('names on the map never sit on one another: countries step aside for capitals, towns for zones', async ({ app }) => {
  const { page } = app;
  await flyTo(page, 'Zvečan');
  const zoomOut = page.locator('.leaflet-control-zoom-out');
  for (const zoom of [9, 6]) {
    while ((await mapCenter(page)).zoom > zoom) {
      await zoomOut.click();
      await page.waitForTimeout(350);
    }
    await page.waitForTimeout(300);
    expect(await page.locator('.fl-label').count()).toBeGreaterThan(20);
    // The demo's three zones crowd around Leposavić: at least one label stays whole.
    expect(await page.locator('.fl-zone-label[data-fit="full"]').count()).toBeGreaterThan(0);
    expect(await overlappingLabels(page), `zoom ${zoom}`).toEqual([]);
  }
  for (const name of ['Sofia', 'Skopje', 'Belgrade']) await expect(page.locator('.fl-label-town', { hasText: name })).toBeVisible();
  for (const name of ['Bulgaria', 'North Macedonia', 'Serbia']) await expect(page.locator('.fl-label-country', { hasText: name })).toBeVisible();
  await app.snapshot('labels-zoom-6');
});

test('search finds places in Latin, Albanian and Cyrillic spellings and flies there', async ({ app }) => {
  const { page } = app;
  for (const [query, lat, lon] of [
    ['Leposaviq', 43.104, 20.803],
    ['Звечан', 42.9075, 20.84],
    ['Brcko', 44.872, 18.816],
  ] as const) {
    await flyTo(page, query);
    const c = await mapCenter(page);
    expect(Math.abs(c.lat - lat)).toBeLessThan(0.02);
    expect(Math.abs(c.lon - lon)).toBeLessThan(0.02);
    expect(c.zoom).toBeGreaterThanOrEqual(11);
    if (query === 'Звечан') {
      await expect(page.locator('.fl-label-municipality', { hasText: 'Zvečan' })).toBeVisible();
      // A municipality seat is written as its municipality is: Serbian, then Albanian.
      await expect(page.locator('.fl-label-town', { hasText: 'Zvečan / Zveçan' })).toBeVisible();
    }
  }
  await expect(page.locator('.fl-label-town', { hasText: 'Brčko' })).toBeVisible();
  await app.snapshot('search-brcko');
  // The spelling asked for is the one shown, with the gazetteer's name beside it.
  const search = page.getByRole('combobox', { name: 'Find a place' });
  await search.fill('Leposavić');
  await expect(page.locator('.fl-search-result').first()).toContainText('Leposavić');
  await expect(page.locator('.fl-search-result').first().locator('.fl-search-where')).toHaveText('Leposaviq · Mitrovica, Kosovo');
  await search.press('Enter');
  await expect(search).toHaveValue('Leposavić');
});

test('the Kosovo–Serbia boundary stays visible where zones follow it, and lets clicks through', async ({ app }) => {
  const { page } = app;
  // At Jarinje the demo's KFOR zone and the Ground Safety Zone both follow the boundary.
  await flyTo(page, 'Jarinje');
  await page.waitForTimeout(400);
  const boundaryRed: [number, number, number] = [140, 28, 19];
  const drawn = await paneCanvasPixels(page, 'fl-boundaries', boundaryRed);
  expect(drawn.length).toBeGreaterThan(100);
  // What the screen shows there is the boundary's own colour, not the line tinted by a zone fill.
  const shown = await screenColours(page, drawn);
  const sameColour = shown.filter((rgb) => colourDistance(rgb, boundaryRed) <= 16).length;
  expect(sameColour / drawn.length).toBeGreaterThan(0.9);
  // The boundaries' pane never takes the mouse: zones under it stay selectable and editable.
  expect(await page.locator('.leaflet-fl-boundaries-pane canvas').first().evaluate((c) => getComputedStyle(c).pointerEvents)).toBe('none');
  await app.snapshot('boundary-over-zones');
});

test('search flies on Enter only to a place of that name; a look-alike is only suggested', async ({ app }) => {
  const { page } = app;
  // The crossings and Banjska are in the gazetteer, not mistaken for Arilje, Krnjak or Banja Luka.
  for (const [query, lat, lon] of [
    ['Jarinje', 43.2186, 20.6917],
    ['Brnjak', 42.9619, 20.5483],
    ['Banjska', 42.9733, 20.7808],
  ] as const) {
    await flyTo(page, query);
    const c = await mapCenter(page);
    expect(Math.abs(c.lat - lat), query).toBeLessThan(0.01);
    expect(Math.abs(c.lon - lon), query).toBeLessThan(0.01);
  }
  await expect(page.locator('.fl-label-town', { hasText: 'Banjska' })).toBeVisible();

  // Not in the gazetteer: Enter says so and stays; the look-alikes are offered below.
  const search = page.getByRole('combobox', { name: 'Find a place' });
  const before = await mapCenter(page);
  await search.fill('Ribariće');
  await search.press('Enter');
  await expect(page.locator('.fl-search-empty')).toHaveText('No place called “Ribariće”. Similar names:');
  await expect(page.locator('.fl-search-result').first()).toBeVisible();
  await expect(page.locator('.fl-search-result.fl-active')).toHaveCount(0);
  await page.waitForTimeout(1000);
  expect(await mapCenter(page)).toEqual(before);
  await app.snapshot('search-no-such-place');
  // Picking a suggestion with the arrows is a choice: then Enter flies there.
  await search.press('ArrowDown');
  await expect(page.locator('.fl-search-result.fl-active')).toHaveCount(1);
  await search.press('Enter');
  await page.waitForTimeout(1200);
  expect(await mapCenter(page)).not.toEqual(before);
});

test('create an incident by clicking the map, edit it, undo, and find it after a restart', async ({ app }) => {
  const { page } = app;
  const before = await incidentCount(page);
  await flyTo(page, 'Zvečan');
  await placeIncidentAtCentre(page);
  // Country, district and municipality come from the basemap.
  await expect(page.getByTestId('admin-area')).toHaveText(/Kosovo · Mitrovica · Zvečan/);
  await page.locator('#fl-field-title').fill('Roadblock on the Zvečan–Leposavić road');
  await page.locator('#fl-field-occurred_at').fill('2023-05-30');
  await page.locator('#fl-field-event_type').selectOption('Protests');
  await expect(page.locator('#fl-field-sub_event_type')).toHaveValue('Peaceful protest');
  await page.locator('#fl-field-actor1').fill('Protesters (Kosovo Serbs)');
  await page.locator('#fl-field-injured').fill('2');
  await page.locator('#fl-field-reliability').selectOption('B');
  await page.locator('#fl-field-credibility').selectOption('2');
  await page.locator('#fl-field-tags').fill('north Kosovo, roadblock');
  // The nearest gazetteer place is offered as the location name, and filled in only on request.
  const suggestion = page.getByTestId('place-suggestion');
  await expect(suggestion).toContainText(/^Nearest place: Zvečan \/ Zveçan, \d+ m away/);
  await expect(page.locator('#fl-field-location_name')).toHaveValue('');
  await suggestion.getByRole('button', { name: 'Use it' }).click();
  await expect(page.locator('#fl-field-location_name')).toHaveValue('Zvečan / Zveçan');
  await expect(suggestion).toBeHidden();
  await app.snapshot('incident-form');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('form', { name: 'New incident' })).toBeHidden();
  expect(await incidentCount(page)).toBe(before + 1);
  const row = page.locator('.fl-row', { hasText: 'Roadblock on the Zvečan–Leposavić road' });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Zvečan');

  // Edit through the popup.
  await row.click();
  const popup = page.locator('.leaflet-popup .fl-popup');
  await expect(popup).toContainText('Roadblock on the Zvečan–Leposavić road');
  await expect(popup).toContainText('B2');
  await popup.getByRole('button', { name: 'Edit' }).click();
  await page.locator('#fl-field-title').fill('Roadblock near Zvečan (edited)');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('.fl-row', { hasText: 'Roadblock near Zvečan (edited)' })).toBeVisible();

  // Undo brings back the first title, redo the edit, undo again.
  await page.locator('#fl-map').click({ position: { x: 10, y: 300 } });
  await page.keyboard.press('Control+z');
  await expect(page.locator('.fl-row', { hasText: 'Roadblock on the Zvečan–Leposavić road' })).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(page.locator('.fl-row', { hasText: 'Roadblock near Zvečan (edited)' })).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(page.locator('.fl-row', { hasText: 'Roadblock on the Zvečan–Leposavić road' })).toBeVisible();

  // Saved as made: it is there after closing and reopening the app.
  await app.restart();
  const reopened = app.page.locator('.fl-row', { hasText: 'Roadblock on the Zvečan–Leposavić road' });
  await expect(reopened).toBeVisible();
  await reopened.click();
  await expect(app.page.locator('.leaflet-popup .fl-popup')).toContainText('north Kosovo, roadblock');
  await app.snapshot('incident-after-restart');
});

test('delete with undo, and drag an incident to move it', async ({ app }) => {
  const { page } = app;
  const before = await incidentCount(page);
  const row = page.locator('.fl-row', { hasText: 'Banjska attack' });
  // The dead are counted in words, with no religious symbol.
  await expect(row.locator('.fl-row-toll')).toHaveText('4 killed');
  await expect(row.locator('.fl-row-toll')).toHaveAttribute('title', 'Fatalities: 4');
  expect(await page.getByRole('tabpanel', { name: 'Incidents' }).textContent()).not.toMatch(/[✝†✞☦✟]/u);
  await row.click();
  const popup = page.locator('.leaflet-popup .fl-popup');
  await popup.getByRole('button', { name: 'Delete' }).click();
  await expect(row).toBeHidden();
  expect(await incidentCount(page)).toBe(before - 1);
  await page.getByRole('button', { name: '↶ Undo' }).click();
  await expect(row).toBeVisible();
  expect(await incidentCount(page)).toBe(before);

  // Drag the selected incident's handle 80 px to the east.
  await row.click();
  await page.keyboard.press('Escape');
  const handle = page.locator('.fl-drag-handle');
  await expect(handle).toBeVisible();
  const box = (await handle.boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  const metaBefore = await row.locator('.fl-row-meta').textContent();
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 40, y, { steps: 5 });
  await page.mouse.move(x + 80, y, { steps: 5 });
  await page.mouse.up();
  await expect(page.locator('.fl-toast', { hasText: 'Moved' })).toBeVisible();
  await row.click();
  await popup.getByRole('button', { name: 'Edit' }).click();
  const lon = Number(await page.locator('#fl-field-lon').inputValue());
  expect(lon).toBeGreaterThan(20.78);
  await page.keyboard.press('Escape');
  expect(metaBefore).toBeTruthy();
});

test('an incident’s popup opens fully in view, clear of the toolbar and the map tools', async ({ app }) => {
  const { page } = app;
  for (const [width, height] of [[1400, 900], [1280, 720]] as const) {
    await page.setViewportSize({ width, height });
    await page.locator('.fl-row', { hasText: 'Banjska attack' }).click();
    const popup = page.locator('.leaflet-popup');
    await expect(popup.getByTestId('incident-analysis')).toContainText('In zones');
    // Each corner of the popup is the popup itself: not cut off by the map's edge (under the
    // toolbar), not under the zoom and drawing tools or the buttons at the top right.
    await expect
      .poll(
        () =>
          popup.evaluate((p) => {
            const r = p.querySelector('.leaflet-popup-content-wrapper')!.getBoundingClientRect();
            const map = document.querySelector('#fl-map')!.getBoundingClientRect();
            const inside = r.top >= map.top && r.bottom <= map.bottom && r.left >= map.left && r.right <= map.right;
            const corners = [[r.left + 4, r.top + 4], [r.right - 4, r.top + 4], [r.left + 4, r.bottom - 4], [r.right - 4, r.bottom - 4]];
            return inside && corners.every(([x, y]) => p.contains(document.elementFromPoint(x!, y!)));
          }),
        { message: `${width}×${height}` },
      )
      .toBe(true);
    await app.snapshot(`popup-banjska-${width}x${height}`);
    await page.keyboard.press('Escape');
    await page.locator('#fl-map').click({ position: { x: 300, y: 30 } });
  }
});

test('the incident filter ignores diacritics and finds incidents by country, entity and municipality', async ({ app }) => {
  const { page } = app;
  const total = await incidentCount(page);
  const filter = page.getByRole('searchbox', { name: 'Filter incidents' });
  const shown = async (q: string) => {
    await filter.fill(q);
    return Number(((await page.getByTestId('incident-count').textContent()) ?? '').split(' ')[0]);
  };
  const zvecan = await shown('Zvečan');
  expect(zvecan).toBeGreaterThanOrEqual(3);
  expect(zvecan).toBeLessThan(total);
  for (const q of ['zvecan', 'ZVECAN', 'Звечан']) expect(await shown(q), q).toBe(zvecan);
  // No demo item's own text names the country: only its admin area does.
  await filter.fill('bosnia and herzegovina');
  await expect(page.locator('.fl-row', { hasText: 'Republika Srpska police' })).toBeVisible();
  expect(await shown('zvecan kfor')).toBeGreaterThanOrEqual(1);
  expect(await shown('zvecan kfor')).toBeLessThan(zvecan);
  await filter.fill('');
  expect(await incidentCount(page)).toBe(total);
});

test('a hostile title renders as text, never as HTML', async ({ app }) => {
  const { page } = app;
  const hostile = '<img src=x onerror="window.__pwned=1">&amp; "quoted" Лепосавић';
  await flyTo(page, 'Leposaviq');
  await placeIncidentAtCentre(page);
  await page.locator('#fl-field-title').fill(hostile);
  await page.locator('#fl-field-occurred_at').fill('2023-06-01');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const row = page.locator('.fl-row').filter({ hasText: 'onerror' });
  await expect(row.locator('.fl-row-title')).toHaveText(hostile);
  await row.click();
  const title = page.locator('.leaflet-popup .fl-popup-title');
  await expect(title).toHaveText(hostile);
  // Unit symbols of zones are images drawn from their symbol code, not from any text.
  expect(await page.locator('.leaflet-popup img, .fl-panel img:not(.fl-unit-symbol)').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await app.snapshot('hostile-title');
});

test('bad input is refused with a clear message and nothing is saved', async ({ app }) => {
  const { page } = app;
  const before = await incidentCount(page);
  await placeIncidentAtCentre(page);
  const save = page.getByRole('button', { name: 'Save', exact: true });

  await save.click();
  await expect(page.locator('[data-error-for="title"]')).toHaveText('Title is required');

  await page.locator('#fl-field-title').fill('Checkpoint incident');
  await page.locator('#fl-field-occurred_at').fill('2023-02-30');
  await save.click();
  await expect(page.locator('[data-error-for="occurred_at"]')).toHaveText('The date 2023-02-30 does not exist');

  await page.locator('#fl-field-occurred_at').fill('2099-01-01');
  await save.click();
  await expect(page.locator('[data-error-for="occurred_at"]')).toContainText('2099-01-01 is in the future');

  // A time that is not HH:MM is named next to the time, not the date; "9:30" is fine.
  await page.locator('#fl-field-occurred_at').fill('2023-02-28');
  await page.locator('#fl-field-occurred_time').fill('half past nine');
  await save.click();
  await expect(page.locator('[data-error-for="occurred_time"]')).toContainText('Use HH:MM');
  await expect(page.locator('[data-error-for="occurred_at"]')).toHaveText('');
  await page.locator('#fl-field-occurred_time').fill('25:10');
  await save.click();
  await expect(page.locator('[data-error-for="occurred_time"]')).toHaveText('The time 25:10 does not exist');
  await page.locator('#fl-field-occurred_time').fill('9:30');

  await page.locator('#fl-field-occurred_at').fill('2023-02-28');
  await page.locator('#fl-field-fatalities').fill('-3');
  await page.locator('#fl-field-lat').fill('95');
  await save.click();
  await expect(page.locator('[data-error-for="fatalities"]')).toHaveText('Fatalities cannot be negative');
  await expect(page.locator('[data-error-for="lat"]')).toHaveText('Latitude must be between -90 and 90');

  await page.locator('#fl-field-fatalities').fill('0');
  await page.locator('#fl-field-lat').fill('43.1');
  await page.locator('#fl-field-notes').fill('x'.repeat(20_001));
  await save.click();
  await expect(page.locator('[data-error-for="notes"]')).toContainText('longer than 20,000 characters');
  await app.snapshot('invalid-input');

  await page.getByRole('button', { name: 'Cancel' }).click();
  expect(await incidentCount(page)).toBe(before);
  await app.restart();
  expect(await incidentCount(app.page)).toBe(before);
});

test.describe('the web host', () => {
  // The Electron app has its native menu, with Ctrl+N; this is the web host's own, in the page.
  test.use({ host: 'web' });

  test('the web host’s File menu advertises only shortcuts a browser lets the page have', async ({ app }) => {
    const { page } = app;
    await page.getByRole('button', { name: 'File' }).click();
    const shortcuts = await page.locator('.fl-menu-shortcut').allTextContents();
    // Chromium keeps these for its own windows and tabs: the page never sees them.
    for (const reserved of ['Ctrl+N', 'Ctrl+T', 'Ctrl+W', 'Ctrl+Shift+N', '⌘N', '⌘T', '⌘W']) expect(shortcuts).not.toContain(reserved);
    const newCase = page.getByRole('menuitem', { name: /New Case/ });
    await expect(newCase).toContainText(/Alt\+Shift\+N|⌥⇧N/);
    await app.snapshot('file-menu-web');
    await page.keyboard.press('Escape');
    // The advertised key works.
    await page.locator('#fl-map').click({ position: { x: 300, y: 30 } });
    await page.keyboard.press('Alt+Shift+N');
    await expect(page.getByLabel('Case name')).toBeVisible();
    // Not while typing: there Alt+Shift+N may type a character.
    await page.keyboard.press('Escape');
    await expect(page.getByLabel('Case name')).toBeHidden();
    await page.getByRole('combobox', { name: 'Find a place' }).focus();
    await page.keyboard.press('Alt+Shift+N');
    await page.waitForTimeout(300);
    await expect(page.getByLabel('Case name')).toBeHidden();
  });
});

test('create a new case, switch back to the demo case through Open', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'File' }).click();
  await page.getByRole('menuitem', { name: /New Case/ }).click();
  await page.getByLabel('Case name').fill('Brčko watch');
  await page.getByRole('textbox', { name: 'Folder' }).fill(app.workDir);
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByTestId('case-title')).toHaveText('Brčko watch');
  expect(await incidentCount(page)).toBe(0);

  await page.getByRole('button', { name: 'File' }).click();
  await page.getByRole('menuitem', { name: /Open Case/ }).click();
  await expect(page.getByRole('dialog', { name: 'Open case' })).toContainText('Western Balkans 2023 (demo)');
  await page.getByRole('button', { name: /Western Balkans 2023 \(demo\)/ }).click();
  await expect(page.getByTestId('case-title')).toHaveText('Western Balkans 2023 (demo)');
  // The title changes first; the incidents follow when the case has been read.
  await expect.poll(() => incidentCount(page)).toBeGreaterThanOrEqual(7);
});
