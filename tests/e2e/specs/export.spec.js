// Export and share: every file the footer offers is downloaded and read back
// (CSV, JSON, SVG, PNG), also under the strict CSP and from an element on a
// host page; "Copy link" restores the view; printing shows no buttons and fits
// one A4 page.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test, expect, open, screenshot } from './helpers.js';
import { hostPages, hostOf, elementPage, snippet } from './hosts.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '../../..');
const DATA_FILE = path.join(ROOT, 'static/data/japan-iom-2021.json');
const DATA = JSON.parse(fs.readFileSync(DATA_FILE, 'utf8'));
const URL_OF_SOURCE = DATA.sources[0].url;

/** RFC 4180: comma-separated, CRLF between records, quoted fields with "" for ". */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"' && cell === '') {
      quoted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else {
      cell += c;
    }
  }
  expect(quoted, 'every quoted field is closed').toBe(false);
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}

/** What the regions CSV must say, worked out here from the data file itself. */
function expectedRegions() {
  const total = DATA.contribution.total;
  const money = (share) => (Math.round(total * 100 * share) / 100).toFixed(2);
  const rows = DATA.regions.map((r) => ({
    id: r.id,
    name: r.name.en,
    share: r.share.value,
    share_stated: r.share.stated,
    amount: money(r.share.value),
    // An amount worked out from a rounded share is never exact.
    amount_stated: r.share.stated === 'exact' ? 'about' : r.share.stated,
    // The data states shares only: the amounts are worked out.
    share_origin: 'stated',
    amount_origin: 'derived',
  }));
  const rest = 1 - rows.reduce((sum, r) => sum + r.share, 0);
  // The data states one share as "more than", so the rest is "at most".
  expect(rows.some((r) => r.share_stated === 'more_than')).toBe(true);
  rows.push({
    id: 'unattributed',
    name: 'Not attributed by the source',
    share: rest,
    share_stated: 'at_most',
    amount: money(rest),
    amount_stated: 'at_most',
    share_origin: 'derived',
    amount_origin: 'derived',
  });
  return rows;
}

/** Clicks a footer action and returns the download with its bytes. */
async function download(page, key) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-export="${key}"]`).click(),
  ]);
  const bytes = fs.readFileSync(await file.path());
  return { name: file.suggestedFilename(), bytes, file };
}

/** Reads every export of the page's widget and checks its content. */
async function checkDownloads(page, status) {
  // CSV: UTF-8 with BOM, RFC 4180, the same figures with their qualifiers.
  const csv = await download(page, 'regions-csv');
  expect(csv.name).toBe('japan-iom-2021-regions.csv');
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parseCsv(csv.bytes.toString('utf8').slice(1));
  expect(rows[0]).toEqual([
    'id', 'name', 'share', 'share_stated', 'amount', 'amount_stated', 'currency', 'source_url', 'share_origin', 'amount_origin',
  ]);
  const want = expectedRegions();
  expect(rows.length).toBe(want.length + 1);
  for (const w of want) {
    const row = rows.find((r) => r[0] === w.id);
    expect(row, w.id).toBeTruthy();
    const [, name, share, shareStated, amount, amountStated, currency, url, shareOrigin, amountOrigin] = row;
    expect({ name, shareStated, amount, amountStated, currency, url, shareOrigin, amountOrigin }).toEqual({
      name: w.name,
      shareStated: w.share_stated,
      amount: w.amount,
      amountStated: w.amount_stated,
      currency: 'USD',
      url: URL_OF_SOURCE,
      shareOrigin: w.share_origin,
      amountOrigin: w.amount_origin,
    });
    expect(Math.abs(Number(share) - w.share)).toBeLessThan(1e-9);
  }
  // The rest sits right after the "more than" region it may belong to.
  expect(rows.slice(1, 3).map((r) => r[0])).toEqual(['sub-saharan-africa', 'unattributed']);
  await expect(status).toHaveText('Downloading japan-iom-2021-regions.csv');

  // JSON: the dataset as loaded, pretty-printed, valid for check-data.
  const json = await download(page, 'json');
  expect(json.name).toBe('japan-iom-2021.json');
  const text = json.bytes.toString('utf8');
  expect(text).toContain('\n  "id": "japan-iom-2021",\n');
  expect(JSON.parse(text)).toEqual(DATA);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-export-'));
  const saved = path.join(dir, json.name);
  try {
    fs.writeFileSync(saved, json.bytes);
    const checked = execFileSync('cargo', ['xtask', 'check-data', saved], { cwd: ROOT, encoding: 'utf8' });
    expect(checked.trim()).toBe(`${saved}: ok`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  // SVG: well-formed XML with the title, every region and the source.
  const svg = await download(page, 'svg');
  expect(svg.name).toBe('japan-iom-2021-regions.svg');
  const parsed = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      ns: root.namespaceURI,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      title: doc.querySelector('title')?.textContent,
      // Intl puts no-break spaces inside figures ("USD\u00a014.8 million").
      text: [...doc.querySelectorAll('text')]
        .map((t) => t.textContent)
        .join(' ')
        .replace(/[\u00a0\u202f]/g, ' '),
    };
  }, svg.bytes.toString('utf8'));
  expect(parsed.error).toBeNull();
  expect(parsed.ns).toBe('http://www.w3.org/2000/svg');
  expect(parsed.title).toBe('Funding breakdown: Government of Japan to IOM, 2021');
  for (const r of [...DATA.regions.map((x) => x.name.en), 'Not attributed by the source']) {
    expect(parsed.text).toContain(r);
  }
  expect(parsed.text).toContain('more than 40% · more than USD 14.8 million');
  expect(parsed.text).toContain('at most 5% · at most USD 1.9 million');
  expect(parsed.text).toContain(URL_OF_SOURCE);

  // PNG: a valid image at twice the SVG's size, with the chart drawn in it.
  const png = await download(page, 'png');
  expect(png.name).toBe('japan-iom-2021-regions.png');
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  expect(png.bytes.readUInt32BE(16)).toBe(parsed.width * 2);
  expect(png.bytes.readUInt32BE(20)).toBe(parsed.height * 2);
  const pixels = await page.evaluate(async (base64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${base64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let inked = 0;
    let blue = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240) inked += 1;
      // The first region's mark colour, #0993e3.
      if (Math.abs(data[i] - 0x09) + Math.abs(data[i + 1] - 0x93) + Math.abs(data[i + 2] - 0xe3) < 12) blue += 1;
    }
    return { inked, blue, total: data.length / 4, width: img.naturalWidth };
  }, png.bytes.toString('base64'));
  expect(pixels.width).toBe(parsed.width * 2);
  expect(pixels.inked / pixels.total).toBeGreaterThan(0.05);
  expect(pixels.blue).toBeGreaterThan(10_000);
  await expect(status).toHaveText('Downloading japan-iom-2021-regions.png');
}

test('every file downloads and reads back to the same figures', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, '#view=region&sel=asia');
  await checkDownloads(page, page.locator('.fb-footer-status'));
});

test('downloads work under the strict CSP, with no request leaving the page', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const log = await hostPages(page, baseURL, {}, { csp: true, host: baseURL });
  await page.goto('/#view=table');
  await expect(page.locator('table.fb-table')).toBeVisible();
  const header = await page.evaluate(() => fetch(location.href).then((r) => r.headers.get('content-security-policy')));
  expect(header).toContain("img-src 'self' data:");
  await checkDownloads(page, page.locator('.fb-footer-status'));
  expect(log.foreign, 'requests to third parties').toEqual([]);
  expect(log.violations, 'CSP violations').toEqual([]);
  expect(await page.evaluate(() => window.__csp)).toEqual([]);
});

test('an element on a strict-CSP host page downloads its PNG and copies a widget link', async ({ page, baseURL, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: hostOf(baseURL) });
  const log = await hostPages(
    page,
    baseURL,
    elementPage(`${baseURL}/`, '<funding-breakdown view="table" sel="asia"></funding-breakdown>'),
    { csp: true },
  );
  await page.goto(`${hostOf(baseURL)}/index.html`);
  const el = page.locator('funding-breakdown');
  await expect(el).toHaveAttribute('data-state', 'ready');
  const png = await download(page, 'png');
  expect(png.name).toBe('japan-iom-2021-regions.png');
  expect(png.bytes.readUInt32BE(16)).toBe(1440);
  await el.locator('[data-export="link"]').click();
  await expect(el.locator('.fb-footer-status')).toHaveText('Link copied');
  // The host page's URL does not carry the widget's state: the link is the widget's page.
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(`${baseURL}/index.html#view=table&sel=asia&lang=en`);
  expect(log.violations).toEqual([]);
  expect(await page.evaluate(() => window.__csp)).toEqual([]);
});

test('inside an iframe allowed to write the clipboard, Copy link gives the widget page', async ({ page, baseURL, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: hostOf(baseURL) });
  const iframe = snippet('iframe', `${baseURL}/`)
    .replace('#view=region', '#view=region&sel=asia')
    .replace('<iframe ', '<iframe allow="clipboard-write" ');
  await hostPages(
    page,
    baseURL,
    { 'index.html': ['text/html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body>${iframe}</body></html>`] },
    { csp: true },
  );
  await page.goto(`${hostOf(baseURL)}/index.html`);
  const frame = page.frameLocator('iframe.funding-breakdown');
  await frame.locator('[data-export="link"]').click();
  await expect(frame.locator('.fb-footer-status')).toHaveText('Link copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/index.html#view=region&sel=asia&lang=en`);
});

test('a Japanese CSV has Japanese names and a BOM', async ({ page }) => {
  await open(page, '#lang=ja');
  const csv = await download(page, 'regions-csv');
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parseCsv(csv.bytes.toString('utf8').slice(1));
  const names = Object.fromEntries(rows.slice(1).map((r) => [r[0], r[1]]));
  for (const r of DATA.regions) expect(names[r.id]).toBe(r.name.ja);
  expect(rows[1][3]).toBe('more_than');
  await expect(page.locator('.fb-footer-status')).toHaveText('japan-iom-2021-regions.csvをダウンロードしています');
});

test('Copy link copies a URL that restores the same view and selection', async ({ page, baseURL, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await open(page, '#view=region');
  await page.locator('.fb-legend button[data-id="mena-europe"]').click();
  await page.getByRole('tab', { name: 'Table' }).click();
  await page.getByRole('button', { name: 'Copy link' }).click();
  const status = page.locator('.fb-footer-status');
  await expect(status).toHaveText('Link copied');
  await expect(status).toHaveAttribute('role', 'status');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(`${baseURL}/#view=table&sel=mena-europe&lang=en`);

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByRole('tab', { name: 'Table' })).toHaveAttribute('aria-selected', 'true');
  await other.getByRole('tab', { name: 'By region' }).click();
  await expect(other.locator('path[data-id="mena-europe"]')).toHaveAttribute('aria-selected', 'true');
  await expect(other.locator('.fb-detail-name')).toHaveText('Middle East and North Africa, and Europe');

  // A second copy is announced again.
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(status).toHaveText(/^Link copied\s$/);
});

test('Copy link in another language gives the page of that language, which is in it from the first paint', async ({ page, baseURL, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await open(page, '#view=table&lang=fr');
  await page.getByRole('button', { name: 'Copier le lien' }).click();
  await expect(page.locator('.fb-footer-status')).toHaveText('Lien copié');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(`${baseURL}/index.fr.html#view=table&lang=fr`);
  // Before any script runs, the page is already French.
  const other = await context.newPage();
  await other.route('**/*.js', (route) => route.abort());
  await other.goto(link);
  await expect(other.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(other.locator('.fb-title')).toContainText('Gouvernement du Japon');
  // Back in English (on index.fr.html, where the hash sent the page), the
  // link is index.html, and says English: the recipient sees what was shared.
  await expect(page).toHaveURL(/\/index\.fr\.html#/);
  await page.getByLabel('Langue').selectOption('en');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.locator('.fb-footer-status')).toHaveText('Link copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/index.html#view=table&lang=en`);
});

test('when the clipboard is refused, the link is shown selected instead', async ({ page, baseURL }) => {
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));
  });
  await open(page, '#view=sources');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.locator('.fb-footer-status')).toContainText('Select the link in its field');
  const field = page.getByLabel('Link to this view');
  await expect(field).toHaveValue(`${baseURL}/#view=sources&lang=en`);
  await expect(field).toBeFocused();
  expect(await field.evaluate((f) => f.value.slice(f.selectionStart, f.selectionEnd))).toBe(`${baseURL}/#view=sources&lang=en`);
});

test('the footer actions are keyboard reachable, big enough and wrap at 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await open(page);
  const buttons = page.locator('.fb-actions button');
  await expect(buttons).toHaveText([
    'Download CSV', 'Download JSON', 'Download SVG', 'Download PNG', 'Copy link', 'Embed',
  ]);
  await expect(page.getByRole('group', { name: 'Download and share' })).toBeVisible();
  const root = await page.locator('.fb-root').boundingBox();
  for (const b of await buttons.all()) {
    const box = await b.boundingBox();
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(box.x + box.width).toBeLessThanOrEqual(root.x + root.width);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.locator('.fb-footer').scrollIntoViewIfNeeded();
  await screenshot(page, 'export-footer-320');

  // Tab to "Download CSV"; Enter downloads; the focus ring shows.
  let key = null;
  for (let i = 0; i < 40 && key !== 'regions-csv'; i += 1) {
    await page.keyboard.press('Tab');
    key = await page.evaluate(() => document.activeElement?.getAttribute('data-export'));
  }
  expect(key).toBe('regions-csv');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  expect(outline).not.toBe('none');
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(file.suggestedFilename()).toBe('japan-iom-2021-regions.csv');
});

test('object URLs are revoked after use', async ({ page }) => {
  await page.addInitScript(() => {
    window.__urls = { made: [], revoked: [] };
    const create = URL.createObjectURL;
    const revoke = URL.revokeObjectURL;
    URL.createObjectURL = (blob) => {
      const url = create(blob);
      window.__urls.made.push(url);
      return url;
    };
    URL.revokeObjectURL = (url) => {
      window.__urls.revoked.push(url);
      return revoke(url);
    };
  });
  await page.clock.install();
  await open(page);
  await download(page, 'svg');
  await download(page, 'regions-csv');
  const made = await page.evaluate(() => window.__urls.made);
  expect(made).toHaveLength(2);
  await page.clock.runFor(15_000);
  expect(await page.evaluate(() => window.__urls.revoked)).toEqual(made);
  // The temporary links are gone from the widget.
  await expect(page.locator('.fb-root a[download]')).toHaveCount(0);
});

for (const view of ['region', 'theme', 'table', 'sources']) {
  test(`printing the ${view} view gives headline, chart, table and sources on one A4 page, no buttons`, async ({ page }) => {
    await open(page, `#view=${view}&sel=asia`);
    await expect(page.locator('.fb-print-only')).toHaveCount(0);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('button:visible')).toHaveCount(0);
    await expect(page.locator('.fb-title')).toBeVisible();
    await expect(page.locator('.fb-summary')).toBeVisible();
    // Made when the print media query starts to match, not before.
    const chart = page.locator('.fb-print-chart > svg');
    await expect(chart).toBeVisible();
    expect(await chart.evaluate((svg) => svg.getBoundingClientRect().width)).toBeGreaterThan(300);
    await expect(page.locator('table.fb-table:visible')).toHaveCount(1);
    await expect(page.locator('table.fb-table:visible')).toContainText('more than 40%');
    await expect(page.locator('.fb-sources:visible')).toHaveCount(1);
    await expect(page.locator('.fb-sources:visible')).toContainText('Japan Provides USD 37.1 Million');
    // Headline, then chart, then table, then sources.
    const tops = await page.evaluate(() =>
      ['.fb-title', '.fb-print-chart', 'table.fb-table', '.fb-sources'].map((s) =>
        Math.max(...[...document.querySelectorAll(s)].map((e) => e.getBoundingClientRect().top)),
      ),
    );
    expect([...tops].sort((a, b) => a - b)).toEqual(tops);
    await screenshot(page, `print-${view}`);
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g), 'pages').toHaveLength(1);
  });
}

for (const lang of ['en', 'fr', 'es', 'ja']) test(`printing the Years view gives the source of every year with its address, on one A4 page (${lang})`, async ({ page }) => {
  // (French and Spanish once took two, the first mostly blank: the table did not fit under the chart.)
  await open(page, `#view=years&lang=${lang}`);
  const links = page.locator('.fb-years-table a');
  await expect(links.first()).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('button:visible')).toHaveCount(0);
  const after = await links.evaluateAll((as) =>
    as.map((a) => [a.getAttribute('href'), getComputedStyle(a, '::after').content]),
  );
  expect(after.length).toBeGreaterThan(4);
  for (const [href, content] of after) {
    expect(href).toMatch(/^https:/);
    expect(content, href).toContain(`<${href}>`);
  }
  await screenshot(page, `print-years-${lang}`);
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page[^s]/g), 'pages').toHaveLength(1);
});

test('paper is light even when the screen is dark', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await open(page);
  const text = () => page.locator('.fb-title').evaluate((e) => getComputedStyle(e).color);
  expect(await text()).toBe('rgb(229, 231, 235)');
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  expect(await text()).toBe('rgb(31, 41, 55)');
});
