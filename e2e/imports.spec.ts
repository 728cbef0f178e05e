import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createCase, openCase } from '../electron/store/caseStore';
import { newIncidentFields, type IncidentFields } from '../shared/domain/incident';
import { newZoneFields, type ZoneFields } from '../shared/domain/zone';
import { expect, test } from './fixtures';

/**
 * Importing a colleague's case through the UI (issue 5): preview, one conflict, resolving it,
 * the result on the map and in the incident's history, and undoing the import in one step.
 * Text from the colleague's file carries HTML payloads; they must show as text.
 */

const ZVECAN = { country: 'Kosovo', admin1: 'Mitrovica', admin2: 'Zvečan' };
const BO = 'Bo <img src=x onerror="window.__pwned=1">';

function fields(title: string, lon: number, lat: number, more: Partial<IncidentFields> = {}): IncidentFields {
  return { ...newIncidentFields(lon, lat, '2023-05-29'), title, event_type: 'Riots', sub_event_type: 'Mob violence', ...more };
}

/** Ana's case, and Bo's copy of it: both edited the first incident, Bo also the second, and added one. */
function makeCases(dir: string): { ana: string; bo: string } {
  const ana = join(dir, 'ana.gpkg');
  const store = createCase(ana, { name: 'Ana’s case', author: 'Ana' });
  const a = store.saveIncident({ fields: fields('Clashes at the municipal building', 20.8361, 42.9075) }, ZVECAN, 'Ana');
  const b = store.saveIncident({ fields: fields('Roadblock on the main road', 20.8025, 43.1022) }, ZVECAN, 'Ana');
  store.saveIncident({ fields: fields('Protest in Zvečan', 20.83, 42.91) }, ZVECAN, 'Ana');
  store.close();
  const bo = join(dir, 'bo.gpkg');
  copyFileSync(ana, bo);
  const other = openCase(bo);
  other.setCaseName('Bo’s copy', BO);
  other.saveIncident({ id: a.id, fields: fields('Clashes with KFOR at the municipal building', 20.86, 42.93, { injured: 93 }) }, ZVECAN, BO);
  other.saveIncident({ id: b.id, fields: fields('Roadblock removed by KFOR', 20.8025, 43.1022) }, ZVECAN, BO);
  other.saveIncident({ fields: fields('<script>window.__pwned=2</script>Looting in Zvečan', 20.84, 42.905) }, ZVECAN, BO);
  other.close();
  const mine = openCase(ana);
  mine.saveIncident({ id: a.id, fields: fields('Clashes at the municipal building (Ana’s notes)', 20.8361, 42.9075, { notes: 'Checked with two sources.' }) }, ZVECAN, 'Ana');
  mine.close();
  return { ana, bo };
}

async function menu(page: Page, item: RegExp): Promise<void> {
  await page.getByRole('button', { name: 'File' }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

/** Painted pixels on the reference overlays' canvas. */
async function overlayPixels(page: Page): Promise<number> {
  return page.evaluate(() => {
    let n = 0;
    for (const canvas of document.querySelectorAll<HTMLCanvasElement>('.leaflet-fl-overlays-pane canvas')) {
      const ctx = canvas.getContext('2d');
      if (!ctx || !canvas.width || !canvas.height) continue;
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
    }
    return n;
  });
}

async function incidentCount(page: Page): Promise<number> {
  return Number(((await page.getByTestId('incident-count').textContent()) ?? '').split(' ').at(-1));
}

test('import a colleague’s case with one conflict, resolve it, see it on the map and in the history, undo the import', async ({ app }) => {
  const { page } = app;
  const { ana, bo } = makeCases(app.workDir);

  await menu(page, /Open Case/);
  await page.getByRole('textbox', { name: 'Case file path' }).fill(ana);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByTestId('case-title')).toHaveText('Ana’s case');
  await expect.poll(() => incidentCount(page)).toBe(3);

  await menu(page, /Import Case File/);
  await page.getByRole('textbox', { name: 'File to import' }).fill(bo);
  await page.getByRole('button', { name: 'Choose' }).click();
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  await expect(preview.locator('tr[data-category="new"] td').first()).toHaveText('1');
  await expect(preview.locator('tr[data-category="theirsChanged"] td').first()).toHaveText('1');
  await expect(preview.locator('tr[data-category="conflicts"] td').first()).toHaveText('1');
  await expect(page.getByRole('dialog', { name: 'Import case file' })).toContainText('From “Bo’s copy” (bo.gpkg) — a copy of this same case');
  await expect(page.getByRole('dialog', { name: 'Import case file' })).toContainText(`Last changed by: ${BO} (3)`);
  await app.snapshot('import-preview');
  await page.getByRole('button', { name: 'Import', exact: true }).click();

  await expect(page.locator('.fl-toast', { hasText: 'Imported “Bo’s copy”: 1 added, 1 updated, 1 conflict to resolve.' })).toBeVisible();
  await expect.poll(() => incidentCount(page)).toBe(4);
  const badge = page.getByTestId('conflicts-badge');
  await expect(badge).toHaveText('⚠ 1 conflict');
  await expect(page.locator('.fl-row', { hasText: 'Roadblock removed by KFOR' })).toBeVisible();
  await expect(page.locator('.fl-row', { hasText: '<script>window.__pwned=2</script>Looting in Zvečan' })).toBeVisible();
  await app.snapshot('import-conflict-badge');
  // The incident in conflict says so in the list and in its popup, with the way to settle it.
  await expect(page.locator('.fl-row', { hasText: 'Clashes at the municipal building (Ana’s notes)' }).locator('.fl-row-conflict')).toHaveText('⚠ conflict');
  await expect(page.locator('.fl-row .fl-row-conflict')).toHaveCount(1);
  await expect(page.getByTestId('legend-conflict')).toBeVisible();
  await page.locator('.fl-row', { hasText: 'Clashes at the municipal building (Ana’s notes)' }).click();
  await expect(page.locator('.leaflet-popup .fl-popup').getByTestId('conflict-notice')).toContainText('This incident was also changed in a case you imported');
  await expect(page.locator('.fl-row', { hasText: 'Protest in Zvečan' })).toBeVisible();
  await page.locator('.fl-row', { hasText: 'Protest in Zvečan' }).click();
  await expect(page.locator('.leaflet-popup .fl-popup').getByTestId('conflict-notice')).toHaveCount(0);

  await badge.click();
  const conflict = page.locator('.fl-conflict');
  await expect(conflict).toHaveCount(1);
  await expect(conflict.locator('tr.fl-differs[data-field="title"]')).toContainText('Clashes with KFOR at the municipal building');
  await expect(conflict.locator('tr.fl-differs[data-field="notes"]')).toContainText('Checked with two sources.');
  await expect(conflict.locator('tr.fl-differs[data-field="lon"]')).toContainText('20.86');
  await expect(conflict.locator('.fl-conflict-same tr[data-field="event_type"]')).not.toHaveClass(/fl-differs/);
  await app.snapshot('import-conflict-side-by-side');
  await conflict.getByRole('button', { name: 'Take theirs' }).click();
  await expect(page.locator('.fl-toast', { hasText: 'All conflicts are resolved.' })).toBeVisible();
  await expect(badge).toBeHidden();
  await expect(page.locator('.fl-row .fl-row-conflict')).toHaveCount(0);
  await expect(page.getByTestId('legend-conflict')).toBeHidden();

  // The result on the map: their version, at their position, and its history shows the merge.
  const row = page.locator('.fl-row', { hasText: 'Clashes with KFOR at the municipal building' });
  await row.click();
  const popup = page.locator('.leaflet-popup .fl-popup');
  await expect(popup.locator('.fl-popup-title')).toHaveText('Clashes with KFOR at the municipal building');
  await expect(popup).toContainText('0 killed · 93 injured');
  const center = (await page.locator('#fl-map').getAttribute('data-center'))!.split(',').map(Number);
  expect(Math.abs(center[1]! - 20.86)).toBeLessThan(0.01);
  await popup.getByRole('button', { name: 'History' }).click();
  const history = page.getByTestId('history');
  await expect(history.locator('.fl-history-merge').first()).toContainText('Changed — imported from “Bo’s copy” by');
  await expect(history.locator('.fl-history-merge').first()).toContainText('Clashes with KFOR at the municipal building');
  await app.snapshot('import-history');
  await page.keyboard.press('Escape');

  // Nothing from Bo's file ran as HTML anywhere.
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('.fl-modal img, .fl-panel img, .leaflet-popup img').count()).toBe(0);

  // The whole import is one step of undo. The conflict was resolved after it: undoing the
  // import would wipe that too, so the analyst is asked, and keeping everything changes nothing.
  await page.locator('#fl-map').click({ position: { x: 10, y: 300 } });
  await page.getByRole('button', { name: '↶ Undo' }).click();
  const ask = page.getByRole('dialog', { name: 'Undo import' });
  await expect(ask.getByTestId('undo-later-work')).toHaveText('Undoing the import of “Bo’s copy” would also undo what was done in the case after it: 1 incident changed (“Clashes with KFOR at the municipal building”).');
  await app.snapshot('import-undo-later-work');
  await ask.getByRole('button', { name: 'Keep everything' }).click();
  await expect(page.locator('.fl-toast', { hasText: 'was kept, with the work done after it' })).toBeVisible();
  await expect.poll(() => incidentCount(page)).toBe(4);
  await page.getByRole('button', { name: '↶ Undo' }).click();
  await ask.getByRole('button', { name: 'Undo anyway' }).click();
  await expect.poll(() => incidentCount(page)).toBe(3);
  await expect(page.locator('.fl-row', { hasText: 'Clashes at the municipal building (Ana’s notes)' })).toBeVisible();
  await page.getByRole('button', { name: '↷ Redo' }).click();
  await expect.poll(() => incidentCount(page)).toBe(4);
  await expect(page.locator('.fl-row', { hasText: 'Clashes with KFOR at the municipal building' })).toBeVisible();
});

/** A square zone around a point, about 2 km across. */
function square(name: string, lon: number, lat: number, more: Partial<ZoneFields> = {}): ZoneFields {
  const d = 0.01;
  const ring: [number, number][] = [[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]];
  return { ...newZoneFields({ type: 'Polygon', coordinates: [ring] }), name, force: 'KFOR', affiliation: 'friend', ...more };
}

test('zones travel with an import: a colleague’s new zone shows at once, one changed on both sides is outlined as a conflict until settled', async ({ app }) => {
  const { page } = app;
  const ana = join(app.workDir, 'ana-zones.gpkg');
  const store = createCase(ana, { name: 'Ana’s zones', author: 'Ana' });
  store.saveIncident({ fields: fields('Protest in Zvečan', 20.83, 42.91) }, ZVECAN, 'Ana');
  const shared = store.saveZone({ fields: square('Checkpoint at the bridge', 20.865, 42.893) }, 'Ana');
  store.close();
  const bo = join(app.workDir, 'bo-zones.gpkg');
  copyFileSync(ana, bo);
  const other = openCase(bo);
  other.setCaseName('Bo’s zones', 'Bo');
  other.saveZone({ id: shared.id, fields: square('Checkpoint at the bridge', 20.865, 42.893, { strength: 'Two platoons' }) }, 'Bo');
  other.saveZone({ fields: square('Patrol base north of Zvečan', 20.84, 42.95) }, 'Bo');
  other.close();
  const mine = openCase(ana);
  mine.saveZone({ id: shared.id, fields: square('Checkpoint at the bridge', 20.865, 42.893, { strength: 'One company' }) }, 'Ana');
  mine.close();

  await menu(page, /Open Case/);
  await page.getByRole('textbox', { name: 'Case file path' }).fill(ana);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByTestId('case-title')).toHaveText('Ana’s zones');
  await page.getByRole('tab', { name: 'Zones' }).click();
  await expect(page.getByTestId('zone-count')).toHaveText('1');

  await menu(page, /Import Case File/);
  await page.getByRole('textbox', { name: 'File to import' }).fill(bo);
  await page.getByRole('button', { name: 'Choose' }).click();
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.locator('.fl-toast', { hasText: 'Imported “Bo’s zones”: 1 added, 1 conflict to resolve.' })).toBeVisible();

  // The new zone is on the map and in the panel without reopening the case.
  await expect(page.getByTestId('zone-count')).toHaveText('2');
  await expect(page.locator('.fl-zone-row', { hasText: 'Patrol base north of Zvečan' })).toBeVisible();
  // The zone changed on both sides is outlined in the conflict colour, dashed.
  const conflicted = page.locator(`path[data-zone-id="${shared.id}"]`);
  await expect(conflicted).toHaveAttribute('stroke', '#e8590c');
  await expect(conflicted).toHaveAttribute('stroke-dasharray', '6 4');
  await app.snapshot('import-zone-conflict');

  await expect(page.locator('.fl-zone-row', { hasText: 'Checkpoint at the bridge' }).locator('.fl-row-conflict')).toHaveText('⚠ conflict');
  // Its details say it waits in a conflict, and open the conflicts to settle it.
  await page.locator('.fl-zone-row', { hasText: 'Checkpoint at the bridge' }).click();
  const notice = page.getByTestId('zone-details').getByTestId('conflict-notice');
  await expect(notice).toContainText('This zone was also changed in a case you imported');
  await notice.getByRole('button', { name: 'Resolve…' }).click();
  const card = page.locator('.fl-conflict');
  await expect(card.locator('tr.fl-differs[data-field="strength"]')).toContainText('Two platoons');
  await card.getByRole('button', { name: 'Keep mine' }).click();
  await expect(page.locator('.fl-toast', { hasText: 'All conflicts are resolved.' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(conflicted).not.toHaveAttribute('stroke', '#e8590c');
  await expect(page.getByTestId('conflict-notice')).toHaveCount(0);
  await expect(page.locator('.fl-zone-row .fl-row-conflict')).toHaveCount(0);

  // Undoing the import takes the colleague's zone away again (keeping mine changed nothing
  // since, so there is nothing to warn about).
  await page.locator('#fl-map').click({ position: { x: 10, y: 300 } });
  await page.getByRole('button', { name: '↶ Undo' }).click();
  await expect(page.getByTestId('zone-count')).toHaveText('1');
  await expect(page.locator('.fl-zone-row', { hasText: 'Patrol base north of Zvečan' })).toHaveCount(0);
  await expect(page.getByRole('dialog', { name: 'Undo import' })).toHaveCount(0);
});

test('a file that is not a case gets one clear message and changes nothing', async ({ app }) => {
  const { page } = app;
  const before = await incidentCount(page);
  const text = join(app.workDir, 'minutes.gpkg');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(text, 'Minutes of the meeting.\n'.repeat(40));
  await menu(page, /Import Case File/);
  await page.getByRole('textbox', { name: 'File to import' }).fill(text);
  await page.getByRole('button', { name: 'Choose' }).click();
  await expect(page.getByTestId('import-error')).toHaveText('“minutes.gpkg” is not a SQLite file.');
  await page.locator('.fl-form-footer').getByRole('button', { name: 'Close' }).click();
  expect(await incidentCount(page)).toBe(before);
});

test('a case file dropped on the window is previewed for import', async ({ app }) => {
  const { page } = app;
  const { bo } = makeCases(app.workDir);
  const { readFileSync } = await import('node:fs');
  const bytes = readFileSync(bo).toString('base64');
  await page.evaluate(
    ({ base64 }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], 'bo.gpkg', { type: 'application/geopackage+sqlite3' }));
      document.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true }));
      document.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { base64: bytes },
  );
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Import case file' })).toContainText('From “Bo’s copy” (bo.gpkg).');
  await expect(page.locator('.fl-drop-overlay')).toBeHidden();
});

test('import an ACLED export as incidents and a GeoJSON of areas as a reference overlay', async ({ app }) => {
  const { page } = app;
  const fixtures = join(import.meta.dirname, '..', 'electron', 'imports', 'foreign', 'test', 'in');
  const before = await incidentCount(page);

  await menu(page, /Import Data/);
  await page.getByRole('textbox', { name: 'File to import' }).fill(join(fixtures, 'acled.csv'));
  await page.getByRole('button', { name: 'Choose' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import data — acled.csv' });
  await expect(dialog).toContainText('This is an ACLED export');
  await expect(dialog.getByRole('combobox', { name: 'Import “acled” as' })).toHaveValue('incidents');
  await expect(dialog.locator('select[data-field="occurred_at"]')).toHaveValue('event_date');
  await app.snapshot('import-data-mapping');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.locator('.fl-toast', { hasText: 'Imported from “acled.csv”: 3 incidents.' })).toBeVisible();
  await expect.poll(() => incidentCount(page)).toBe(before + 3);
  await expect(page.locator('.fl-row', { hasText: 'Armed clash in Banjska' })).toBeVisible();
  // A data import is one step of undo, like a case import.
  await page.locator('#fl-map').click({ position: { x: 10, y: 300 } });
  await page.getByRole('button', { name: '↶ Undo' }).click();
  await expect.poll(() => incidentCount(page)).toBe(before);
  await page.getByRole('button', { name: '↷ Redo' }).click();
  await expect.poll(() => incidentCount(page)).toBe(before + 3);

  await menu(page, /Import Data/);
  await page.getByRole('textbox', { name: 'File to import' }).fill(join(fixtures, 'areas.geojson'));
  await page.getByRole('button', { name: 'Choose' }).click();
  const areas = page.getByRole('dialog', { name: 'Import data — areas.geojson' });
  await expect(areas.getByRole('combobox', { name: 'Import “areas” as' })).toHaveValue('overlay');
  await areas.getByRole('textbox', { name: 'Overlay name' }).fill('Study area <b>bold</b>');
  await areas.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.locator('.fl-toast', { hasText: 'Imported from “areas.geojson”: 1 overlay (2 shapes).' })).toBeVisible();
  await page.locator('.leaflet-control-layers').hover();
  const entry = page.locator('.leaflet-control-layers-overlays label', { hasText: 'Study area <b>bold</b> (reference)' });
  await expect(entry).toBeVisible();
  await expect(entry.locator('input')).toBeChecked();
  await expect.poll(() => overlayPixels(page)).toBeGreaterThan(1000);
  await app.snapshot('import-data-overlay');
  await entry.locator('input').uncheck();
  await expect.poll(() => overlayPixels(page)).toBe(0);
  await app.restart();
  await app.page.locator('.leaflet-control-layers').hover();
  await expect(app.page.locator('.leaflet-control-layers-overlays label', { hasText: 'Study area <b>bold</b> (reference)' }).locator('input')).not.toBeChecked();
});

test('a cancelled import is a plain notice, not an error, and changes nothing', async ({ app }) => {
  const { page } = app;
  const before = await incidentCount(page);
  const big = join(app.workDir, 'large.gpkg');
  const store = createCase(big, { name: 'Large case', author: 'Bo' });
  store.saveIncidentsBulk(Array.from({ length: 40_000 }, (_, i) => ({ fields: fields(`Row ${i}`, 20.8 + (i % 100) / 1000, 42.9), admin: ZVECAN })), 'Bo');
  store.close();
  await menu(page, /Import Case File/);
  await page.getByRole('textbox', { name: 'File to import' }).fill(big);
  await page.getByRole('button', { name: 'Choose' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import case file' });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByTestId('import-cancelled')).toHaveText('The import was cancelled; the case is as it was.');
  await expect(dialog.getByTestId('import-cancelled')).not.toHaveClass(/fl-field-error/);
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await app.snapshot('import-cancelled');
  await dialog.locator('.fl-form-footer').getByRole('button', { name: 'Close' }).click();
  expect(await incidentCount(page)).toBe(before);
});
