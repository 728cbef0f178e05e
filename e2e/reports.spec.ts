import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { generateIncidents } from '../bench/dataset';
import { createCase } from '../electron/store/caseStore';
import { expect, test } from './fixtures';

async function openFileMenuItem(page: Page, item: RegExp): Promise<void> {
  await page.getByRole('button', { name: 'File' }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

/** A case of `count` generated incidents, opened through File ▸ Open Case. */
async function openGeneratedCase(page: Page, dir: string, count: number): Promise<string> {
  const file = join(dir, `generated-${count}.gpkg`);
  const store = createCase(file, { name: `${count} generated incidents`, author: 'e2e' });
  store.saveIncidentsBulk(generateIncidents(count, 11), 'e2e');
  store.close();
  await openFileMenuItem(page, /Open Case/);
  await page.getByLabel('Case file path').fill(file);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByTestId('case-title')).toHaveText(`${count} generated incidents`);
  return file;
}

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

test('File ▸ Report… previews the report and saves the PDF the preview showed', async ({ app }) => {
  const { page } = app;
  await openFileMenuItem(page, /Report…/);
  const dialog = page.getByRole('dialog', { name: 'Report' });
  const preview = dialog.getByTestId('report-preview');
  await expect(preview.locator('.flr-title')).toHaveText('Western Balkans 2023 (demo)');
  await expect(preview.locator('svg.flr-map-svg')).toBeVisible();
  expect(Number(await preview.locator('svg.flr-map-svg').getAttribute('data-features'))).toBeGreaterThan(20);

  // Options change the preview: title, marking, and a filter to one municipality.
  await dialog.getByLabel('Title', { exact: true }).fill('Northern Kosovo <b>brief</b>');
  await dialog.getByLabel(/^Marking/).fill('NATO RESTRICTED');
  await dialog.getByRole('combobox', { name: 'Area', exact: true }).selectOption({ label: 'Zvečan (Kosovo municipality)' });
  await expect(preview.locator('.flr-title')).toHaveText('Northern Kosovo <b>brief</b>');
  await expect(preview.locator('.fl-report-banner').first()).toHaveText('NATO RESTRICTED');
  await expect(preview.locator('.flr-facts')).toContainText('Zvečan municipality (Kosovo)');
  const rows = await preview.locator('.flr-incident-table tbody tr').count();
  expect(rows).toBeGreaterThanOrEqual(2);
  await app.snapshot('report-dialog');

  const out = join(app.workDir, 'zvecan brief.pdf');
  await dialog.getByLabel('File name').fill(out);
  await dialog.getByRole('button', { name: 'Make PDF' }).click();
  await expect(page.locator('.fl-toast')).toContainText('Report saved', { timeout: 60_000 });
  await expect(dialog).toBeHidden();
  expect(existsSync(out)).toBe(true);
  const text = pdfText(out);
  expect(text).toContain('Northern Kosovo <b>brief</b>');
  expect(text.match(/NATO RESTRICTED/g)!.length).toBeGreaterThanOrEqual(4);
  expect(text).toContain('Zvečan municipality (Kosovo)');
  // The PDF has the rows the preview had.
  expect(text.match(/Killed \/ injured/g)!.length).toBeGreaterThanOrEqual(1);

  // Saving again over the same file asks first.
  await openFileMenuItem(page, /Report…/);
  await expect(preview.locator('.flr-title')).toBeVisible();
  await dialog.getByLabel('File name').fill(out);
  await dialog.getByRole('button', { name: 'Make PDF' }).click();
  await expect(dialog.getByRole('alertdialog')).toContainText('already exists. Replace it?');
  await dialog.getByRole('button', { name: 'Keep it' }).click();
  await expect(dialog.getByRole('alert')).toContainText('already exists');
});

test('a 1,000-incident report shows progress and the window stays responsive', async ({ app }) => {
  const { page } = app;
  await openGeneratedCase(page, app.workDir, 1000);
  await openFileMenuItem(page, /Report…/);
  const dialog = page.getByRole('dialog', { name: 'Report' });
  const preview = dialog.getByTestId('report-preview');
  await expect(preview.locator('.flr-title')).toHaveText('1000 generated incidents', { timeout: 30_000 });
  // The preview lists the first rows and says the PDF has the rest.
  await expect(preview.locator('.flr-more')).toContainText('more incidents, in the PDF');
  const out = join(app.workDir, 'thousand.pdf');
  await dialog.getByLabel('File name').fill(out);
  await dialog.getByRole('button', { name: 'Make PDF' }).click();
  const progress = dialog.getByTestId('report-progress');
  await expect(progress).toHaveText(/Drawing|Printing|Starting|Reading/);
  // While Chromium prints, the page answers at once: a frame is drawn and a menu opens.
  const started = Date.now();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(true))));
  expect(Date.now() - started).toBeLessThan(1_000);
  await expect(page.locator('.fl-toast')).toContainText('Report saved', { timeout: 90_000 });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [out], { encoding: 'utf8' }))![1]);
  expect(pages).toBeGreaterThan(20);
  expect(pdfText(out)).toContain('Generated incident 1000');
});

test('File ▸ Export… writes KML and CSV that other tools read', async ({ app }) => {
  const { page } = app;
  for (const [format, label] of [
    ['kml', /KML \(Google Earth\)/],
    ['csv', /CSV \(ACLED columns\)/],
  ] as const) {
    await openFileMenuItem(page, /Export…/);
    const dialog = page.getByRole('dialog', { name: 'Export case data' });
    await dialog.getByRole('radio', { name: label }).check();
    // For Excel, a CSV begins with a byte-order mark; the choice shows for CSV only.
    const excel = dialog.getByRole('checkbox', { name: /For Microsoft Excel/ });
    if (format === 'csv') await excel.check();
    else await expect(excel).toBeHidden();
    const out = join(app.workDir, `demo.${format}`);
    await dialog.getByLabel('File name').fill(out);
    await dialog.getByRole('button', { name: 'Export' }).click();
    // This file's toast: the previous format's may still be showing.
    await expect(page.locator('.fl-toast').last()).toContainText(`to ${out}`);
    const body = readFileSync(out, 'utf8');
    if (format === 'kml') expect(body.match(/<Placemark/g)!.length).toBeGreaterThanOrEqual(7);
    else expect(body.split('\r\n')[0]).toMatch(/^\uFEFFevent_id_cnty,event_date,year/);
  }
});

test('the report page draws offline: no request leaves the app', async ({ app }) => {
  const { page } = app;
  // The preview draws the report in the app window; the printed page is the same page on its
  // own. Get the demo case's report data, then load that page in the app's own window (the
  // fixture checks every request of that window, in both hosts) and draw it there.
  const data = await page.evaluate(async () => {
    const token = sessionStorage.getItem('faultline.token');
    if (window.faultline) return window.faultline.call('reports.preview', { options: { title: 'Offline check' } });
    const r = await fetch('/api/reports.preview', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify({ options: { title: 'Offline check' } }) });
    return r.json();
  });
  expect(data.ok).toBe(true);
  const appUrl = page.url();
  await page.goto(new URL('report.html', appUrl).href);
  const drawn = await page.evaluate((d) => (window as unknown as { faultlineReport: { render(x: unknown): Promise<{ mapFeatures: number }> } }).faultlineReport.render(d), data.value);
  expect(drawn.mapFeatures).toBeGreaterThan(20);
  await expect(page.locator('.flr-title')).toHaveText('Offline check');
  await page.goto(appUrl);
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
});
