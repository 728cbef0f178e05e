import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Flies to a place through the search box and waits for the animation. */
async function flyTo(page: Page, query: string): Promise<void> {
  const search = page.getByRole('combobox', { name: 'Find a place' });
  await search.fill(query);
  await expect(page.locator('.fl-search-result').first()).toBeVisible();
  await search.press('Enter');
  await page.waitForTimeout(1200);
  await page.locator('#fl-map').focus(); // keys go to the map, not the search box
}

async function mapCentre(page: Page): Promise<{ x: number; y: number }> {
  const box = (await page.locator('#fl-map').boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Draws an area by clicking its corners (pixel offsets from the map's centre) and closing it. */
async function drawArea(page: Page, corners: [number, number][]): Promise<void> {
  const c = await mapCentre(page);
  await page.locator('.leaflet-pm-icon-polygon').click();
  for (const [dx, dy] of corners) {
    await page.mouse.move(c.x + dx, c.y + dy, { steps: 3 });
    await page.mouse.click(c.x + dx, c.y + dy);
  }
  await page.mouse.click(c.x + corners[0]![0], c.y + corners[0]![1]); // back on the first corner closes it
  await expect(page.getByRole('form', { name: 'New zone' })).toBeVisible();
}

const details = (page: Page) => ({
  area: page.getByTestId('zone-area'),
  count: page.getByTestId('zone-incident-count'),
  analysis: page.getByTestId('zone-analysis'),
});

test('draw a zone by clicking, measure it, reshape a vertex, undo, and find it after a restart', async ({ app }) => {
  const { page } = app;
  await flyTo(page, 'Zvečan');
  const c = await mapCentre(page);
  // The live readout measures while drawing.
  await page.locator('.leaflet-pm-icon-polygon').click();
  await page.mouse.click(c.x - 120, c.y - 90);
  await page.mouse.click(c.x + 110, c.y - 100);
  await page.mouse.move(c.x + 130, c.y + 80, { steps: 4 });
  // Each segment with its length and bearing, the total, the area and its perimeter.
  const readout = page.getByTestId('measure-readout');
  await expect(readout).toContainText(/1\. [\d.]+ km · bearing [\d.]+° (E|NE|SE)/);
  await expect(readout).toContainText(/2\. [\d.]+ km · bearing [\d.]+° (S|SE)/);
  await expect(readout.getByTestId('measure-total')).toHaveText(/^Total [\d.]+ km$/);
  await expect(readout.getByTestId('measure-area')).toHaveText(/^Area [\d.]+ km² · perimeter [\d.]+ km$/);
  await page.mouse.click(c.x + 130, c.y + 80);
  await page.mouse.move(c.x - 100, c.y + 100, { steps: 4 });
  await expect(readout).toContainText(/3\. [\d.]+ km · bearing [\d.]+° (W|SW)/);
  await expect(readout).toContainText(/1\. [\d.]+ km · bearing/); // earlier segments stay listed
  await app.snapshot('zone-drawing-readout');
  await page.keyboard.press('Escape');

  // Zvečan (the map's centre) and its incidents lie inside these corners.
  await drawArea(page, [[-120, -90], [110, -100], [130, 80], [-100, 100]]);
  await expect(page.getByTestId('zone-shape')).toContainText(/Area · [\d.]+ km²/);
  await page.locator('#fl-field-name').fill('Checkpoint ring around Zvečan');
  await page.locator('#fl-field-force').fill('KFOR');
  await page.locator('#fl-field-affiliation').selectOption('friend');
  await page.locator('#fl-field-unit_type').selectOption('121100'); // infantry
  await page.locator('#fl-field-echelon').selectOption('15'); // company
  await expect(page.getByTestId('symbol-preview').locator('img')).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('form', { name: 'New zone' })).toBeHidden();

  const d = details(page);
  await expect(page.getByTestId('zone-title')).toHaveText('Checkpoint ring around Zvečan');
  await expect(d.analysis).toHaveAttribute('data-state', 'ready');
  const area = (await d.area.textContent())!;
  const count = Number(await d.count.textContent());
  expect(area).toMatch(/^[\d.]+ km²$/);
  expect(count).toBeGreaterThanOrEqual(2); // the riot and the new mayors, at Zvečan (Banjska lies north of the zone)
  await app.snapshot('zone-drawn');

  // Drag the bottom-left corner past Zvečan: the zone shrinks and leaves its incidents out.
  await page.locator('.leaflet-pm-icon-edit').click();
  const corner = { x: c.x - 100, y: c.y + 100 };
  await page.mouse.move(corner.x, corner.y);
  await page.mouse.down();
  await page.mouse.move(c.x + 90, c.y + 40, { steps: 10 });
  await expect(page.getByTestId('measure-readout')).toContainText(/Area [\d.]+ km²/);
  await expect(page.getByTestId('measure-readout')).toContainText(/From the corner before: [\d.]+ km · bearing/);
  await expect(page.getByTestId('measure-readout')).toContainText(/To the corner after: [\d.]+ km · bearing/);
  await page.mouse.up();
  await expect(d.area).not.toHaveText(area);
  await expect(d.count).toHaveText('0');
  await page.locator('.leaflet-pm-icon-edit').click(); // leave edit mode
  await app.snapshot('zone-reshaped');

  // Undo brings the outline (and so the answers) back.
  await page.keyboard.press('Control+z');
  await expect(d.area).toHaveText(area);
  await expect(d.count).toHaveText(String(count));

  // After a restart the zone is there as it was.
  await app.restart();
  const reopened = app.page;
  await reopened.getByRole('tab', { name: 'Zones' }).click();
  await reopened.locator('.fl-zone-row', { hasText: 'Checkpoint ring around Zvečan' }).click();
  await expect(details(reopened).analysis).toHaveAttribute('data-state', 'ready');
  await expect(details(reopened).area).toHaveText(area);
  await expect(details(reopened).count).toHaveText(String(count));
  await expect(reopened.locator('.fl-zone-label', { hasText: 'Checkpoint ring around Zvečan' }).locator('img.fl-unit-symbol')).toBeVisible();
});

test('saving the form keeps a vertex moved on the map while the form was open', async ({ app }) => {
  const { page } = app;
  await flyTo(page, 'Zvečan');
  const c = await mapCentre(page);
  await drawArea(page, [[-120, -90], [110, -100], [130, 80], [-100, 100]]);
  await page.locator('#fl-field-name').fill('Reshaped while edited');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const shape = page.locator('.fl-zone-facts tr', { hasText: 'Shape' });
  const drawn = (await shape.textContent())!;

  await page.getByTestId('zone-details').getByRole('button', { name: 'Edit', exact: true }).click();
  const form = page.getByRole('form', { name: 'Edit zone' });
  await expect(form).toBeVisible();
  await page.locator('#fl-field-notes').fill('Notes typed while the outline changed');
  // With the form open, drag the bottom-left corner inwards.
  await page.locator('.leaflet-pm-icon-edit').click();
  await page.mouse.move(c.x - 100, c.y + 100);
  await page.mouse.down();
  await page.mouse.move(c.x - 20, c.y + 30, { steps: 10 });
  await page.mouse.up();
  await expect(shape).not.toHaveText(drawn);
  const reshaped = (await shape.textContent())!;
  await page.locator('.leaflet-pm-icon-edit').click(); // leave edit mode
  // The form shows the outline as it is now, and saving it keeps that outline.
  await expect(page.getByTestId('zone-shape')).toHaveText(reshaped.replace(/^Shape/, ''));
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(form).toBeHidden();
  await expect(shape).toHaveText(reshaped);
  await expect(page.locator('.fl-zone-facts')).toContainText('Notes typed while the outline changed');

  // One Undo takes back the form's fields only; the next one the reshape.
  await page.keyboard.press('Control+z');
  await expect(page.locator('.fl-zone-facts')).not.toContainText('Notes typed');
  await expect(shape).toHaveText(reshaped);
  await page.keyboard.press('Control+z');
  await expect(shape).toHaveText(drawn);
});

test('a self-crossing outline is repaired and the analyst is told; the Node side refuses a broken one', async ({ app }) => {
  const { page } = app;
  await flyTo(page, 'Leposaviq');
  // A figure eight: the second edge crosses the fourth.
  await drawArea(page, [[-100, -80], [100, 80], [100, -80], [-100, 80]]);
  await expect(page.getByTestId('zone-form-notice')).toContainText('The outline crossed itself once');
  await expect(page.getByTestId('zone-form-notice')).toContainText('split there into 2 areas');
  await expect(page.getByTestId('zone-shape')).toContainText('Area in 2 parts');
  await app.snapshot('zone-self-crossing');
  // A name that looks like HTML stays text: in the details, on the map label, in the list.
  const hostile = 'Figure eight <img src=x onerror="window.__pwned=1">';
  await page.locator('#fl-field-name').fill(hostile);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('zone-title')).toHaveText(hostile);
  await expect(page.locator('.fl-zone-label-name', { hasText: 'onerror' })).toHaveText(hostile);
  expect(await page.locator('.fl-zone-label img:not(.fl-unit-symbol), .fl-zone-details img:not(.fl-unit-symbol)').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // Whatever sends a broken area straight to the API gets a clear refusal: an outline that
  // crosses itself, or parts that overlap (their common ground would count twice).
  const save = (geometry: unknown) =>
    page.evaluate(async (geometry) => {
      const fields = {
        name: 'Broken', kind: 'deployment', force: '', unit: '', affiliation: 'unknown', sidc: '', strength: '', status: 'active',
        valid_from: '', valid_to: '', source: '', source_url: '', reliability: 'F', credibility: 6, notes: '', circle: null, geometry,
      };
      const bridge = (window as unknown as { faultline?: { call(m: string, a: unknown): Promise<unknown> } }).faultline;
      if (bridge) return JSON.stringify(await bridge.call('zones.save', { fields }));
      const response = await fetch('/api/zones.save', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sessionStorage.getItem('faultline.token')}` },
        body: JSON.stringify({ fields }),
      });
      return JSON.stringify(await response.json());
    }, geometry);
  expect(await save({ type: 'Polygon', coordinates: [[[20.7, 42.85], [20.9, 43.0], [20.9, 42.85], [20.7, 43.0], [20.7, 42.85]]] })).toContain('The outline crosses itself near 42.9250° N, 20.8000° E');
  const square = (x: number, y: number) => [[[x, y], [x + 0.2, y], [x + 0.2, y + 0.2], [x, y + 0.2], [x, y]]];
  expect(await save({ type: 'MultiPolygon', coordinates: [square(20.6, 42.8), square(20.7, 42.9)] })).toContain('Two parts of the area overlap near');
});

test('unit symbols render on the map, in the zones list and in the legend', async ({ app }) => {
  const { page } = app;
  // The demo case's KFOR zone carries a friendly multinational symbol.
  await page.getByRole('tab', { name: 'Zones' }).click();
  // The force filter finds its text anywhere in a zone's force, whatever the case.
  const force = page.getByLabel('Filter zones by force');
  await force.fill('kfor');
  await expect(page.getByTestId('zone-count')).toHaveText('2 of 3');
  await expect(page.locator('.fl-zone-row', { hasText: 'Ground Safety Zone' })).toBeVisible(); // force “KFOR / Yugoslav Army”
  await expect(page.locator('.fl-zone-row', { hasText: 'build-up' })).toHaveCount(0);
  await force.fill('yugoslav army');
  await expect(page.getByTestId('zone-count')).toHaveText('1 of 3');
  await force.fill('');
  await expect(page.getByTestId('zone-count')).toHaveText('3');
  const row = page.locator('.fl-zone-row', { hasText: 'KFOR presence in the northern municipalities' });
  await expect(row.locator('img.fl-unit-symbol')).toBeVisible();
  await row.click();
  await page.waitForTimeout(900); // the fly animation
  const label = page.locator('.fl-zone-label', { hasText: 'KFOR presence' });
  const symbol = label.locator('img.fl-unit-symbol');
  await expect(symbol).toBeVisible();
  expect(await symbol.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
  expect(await symbol.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 10)).toBe(true);
  await expect(page.locator('.fl-legend-zones')).toContainText('Multinational force — KFOR');
  await expect(page.locator('.fl-legend-zones img.fl-unit-symbol').first()).toBeVisible();
  await app.snapshot('zone-unit-symbol');
});

test('measure between clicked points and keep the line as a zone; buffer a zone on one side of the border', async ({ app }) => {
  const { page } = app;
  await flyTo(page, 'Raška');
  const c = await mapCentre(page);
  await page.getByRole('button', { name: 'Measure', exact: true }).click();
  await page.mouse.click(c.x - 150, c.y);
  await page.mouse.click(c.x + 150, c.y);
  await page.mouse.dblclick(c.x + 150, c.y + 100);
  await expect(page.getByTestId('measure-total')).toContainText(/Total [\d.]+ km/);
  await expect(page.getByTestId('measure-readout')).toContainText(/bearing 9\d\.\d° E/);
  await page.getByRole('button', { name: 'Keep as line zone' }).click();
  await expect(page.locator('#fl-field-kind')).toHaveValue('route');
  await page.locator('#fl-field-name').fill('Supply route east of Raška');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('zone-length')).toHaveText(/[\d.]+ km/);

  // The classic example: a band along the boundary, only on Serbia's side.
  await page.getByRole('button', { name: 'Buffer…' }).click();
  await page.locator('#fl-buffer-km').fill('2');
  await page.locator('#fl-buffer-side').selectOption('SRB');
  await page.getByRole('button', { name: 'Make zone…' }).click();
  await expect(page.getByTestId('zone-form-notice')).toContainText('only the part in Serbia');
  await expect(page.locator('#fl-field-kind')).toHaveValue('buffer');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('zone-title')).toHaveText('2 km around Supply route east of Raška');
  await expect(page.getByTestId('zone-analysis')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('.fl-coverage', { hasText: 'Countries' })).toContainText('Serbia');
  await expect(page.locator('.fl-coverage', { hasText: 'Countries' })).not.toContainText('Kosovo');
  await app.snapshot('zone-buffer');

  // Range rings of several radii around a clicked point.
  await page.getByRole('button', { name: 'Rings', exact: true }).click();
  await page.getByTestId('ring-radii').fill('3, 6, 12');
  await page.mouse.click(c.x + 200, c.y - 150);
  await expect(page.locator('.fl-ring-label')).toHaveText(['3 km', '6 km', '12 km']);
  await page.getByRole('button', { name: 'Clear rings' }).click();
  await expect(page.locator('.fl-ring-label')).toHaveCount(0);
  await page.keyboard.press('Escape');
});

test('an incident’s popup gives its distance to the boundary and the zones it falls in', async ({ app }) => {
  const { page } = app;
  await page.locator('.fl-row', { hasText: 'Riot at Zvečan municipal building' }).click();
  const analysis = page.locator('.leaflet-popup').getByTestId('incident-analysis');
  await expect(analysis.getByTestId('incident-distance-ks')).toHaveText(/^\d+(\.\d+)? km$/);
  await expect(analysis.getByTestId('incident-zones')).toContainText('KFOR presence in the northern municipalities (2023)');
  await analysis.getByRole('button', { name: 'KFOR presence in the northern municipalities (2023)' }).click();
  await expect(page.getByTestId('zone-title')).toHaveText('KFOR presence in the northern municipalities (2023)');
});

test('a circle keeps its centre and radius: it is measured while drawn and edits as a circle', async ({ app }) => {
  const { page } = app;
  await flyTo(page, 'Zubin Potok');
  const c = await mapCentre(page);
  await page.locator('.leaflet-pm-icon-circle').click();
  await page.mouse.click(c.x, c.y);
  await page.mouse.move(c.x + 120, c.y, { steps: 6 });
  await expect(page.getByTestId('measure-readout')).toContainText(/Radius [\d.]+ km/);
  await page.mouse.click(c.x + 120, c.y);
  await expect(page.getByTestId('zone-shape')).toContainText(/^Circle · radius [\d.]+ km · [\d.]+ km²$/);
  await page.locator('#fl-field-name').fill('Observation radius');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('.fl-zone-facts')).toContainText(/Circle · radius [\d.]+ km/);
  // In edit mode a circle has its centre and one radius handle, not a polygon's corners.
  await page.locator('.leaflet-pm-icon-edit').click();
  await expect(page.locator('.leaflet-marker-icon.marker-icon')).toHaveCount(2);
  await page.locator('.leaflet-pm-icon-edit').click();

  // A circle cannot have a hole: the analyst is told, and may turn it into an area to cut one.
  await page.locator('.leaflet-pm-icon-cut').click();
  const told = page.locator('.fl-toast', { hasText: 'a circle cannot have a hole cut in it' });
  await expect(told).toBeVisible();
  await expect(page.locator('#fl-map')).not.toHaveClass(/fl-zone-editing/); // the cut mode ended
  await told.getByRole('button', { name: 'Turn into an area and cut' }).click();
  await expect(page.locator('.fl-zone-facts')).toContainText(/Shape\s*Area · [\d.]+ km²/);
  for (const [dx, dy] of [[-30, -30], [30, -30], [30, 30], [-30, 30], [-30, -30]] as const) {
    await page.mouse.move(c.x + dx, c.y + dy, { steps: 2 });
    await page.mouse.click(c.x + dx, c.y + dy);
  }
  await expect(page.locator('.fl-zone-facts')).toContainText('Area with 1 hole');
  await app.snapshot('zone-circle-cut');
  // Undo takes back the hole, then the change from circle to area.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  await expect(page.locator('.fl-zone-facts')).not.toContainText('hole');
  await page.keyboard.press('Control+z');
  await expect(page.locator('.fl-zone-facts')).toContainText(/Circle · radius [\d.]+ km/);
});
