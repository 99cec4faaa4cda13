// A sample of the bad-data corpus (tests/data, checked natively by
// `cargo xtask check-data`'s table test) loaded through the element's `src`:
// the reader sees the same message in the widget. And data that must be
// accepted is shown safely: markup as text, long and right-to-left names
// without breaking the layout.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, expectNoAxeViolations, screenshot } from './helpers.js';
import { hostPages, elementPage } from './hosts.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const DATA = path.resolve(here, '../../data');

/** Serves tests/data/<dir>/<file> at <widget>/__data/<file> as JSON. */
async function serveData(page, baseURL, dir) {
  await page.context().route(`${baseURL}/__data/**`, (route) => {
    const name = path.basename(new URL(route.request().url()).pathname);
    const body = fs.readFileSync(path.join(DATA, dir, name));
    return route.fulfill({ status: 200, headers: { 'content-type': 'application/json' }, body });
  });
}

async function openData(page, baseURL, dir, file) {
  await hostPages(
    page,
    baseURL,
    elementPage(`${baseURL}/`, `<funding-breakdown src="${baseURL}/__data/${file}"></funding-breakdown>`),
    { csp: false, host: `${baseURL}/__host` },
  );
  await serveData(page, baseURL, dir);
  await page.goto(`${baseURL}/__host/index.html`);
  return page.locator('funding-breakdown');
}

const SAME = [
  'share-above-one',
  'share-amount-disagree',
  'shares-sum-above-100',
  'duplicate-region-id',
  'theme-unknown-region',
  'unknown-currency',
  'total-zero',
  'empty-regions',
  'negative-amount',
  'javascript-url',
  'html-instead-of-json',
];

for (const name of SAME) {
  test(`bad data "${name}" shows its message in the widget`, async ({ page, baseURL }) => {
    page.removeAllListeners('console'); // the widget logs the problems it shows
    const expected = fs.readFileSync(path.join(DATA, 'bad', `${name}.expect`), 'utf8').trim();
    const el = await openData(page, baseURL, 'bad', `${name}.json`);
    await expect(el).toHaveAttribute('data-state', 'error');
    const alert = el.getByRole('alert');
    await expect(alert).toBeVisible();
    // Spaces vary, and the widget writes percentages the browser's way ("110%").
    const norm = (t) => t.replace(/\s+/g, ' ').replace(/ %/g, '%').replace(/(\d)\.0%/g, '$1%');
    expect(norm(await alert.innerText())).toContain(norm(expected));
    await expect(el.locator('svg.fb-donut')).toHaveCount(0);
  });
}

test('JSON syntax errors name the line and column', async ({ page, baseURL }) => {
  page.removeAllListeners('console');
  const el = await openData(page, baseURL, 'bad', 'syntax-missing-comma.json');
  await expect(el).toHaveAttribute('data-state', 'error');
  await expect(el.getByRole('alert')).toContainText(/line 12 column \d+/);
});

test('invalid UTF-8 is refused, not shown with replacement characters', async ({ page, baseURL }) => {
  page.removeAllListeners('console');
  const el = await openData(page, baseURL, 'bad', 'invalid-utf8.json');
  await expect(el).toHaveAttribute('data-state', 'error');
  await expect(el.getByRole('alert')).toContainText('not UTF-8 text');
});

test('10 000-level nesting is refused without crashing', async ({ page, baseURL }) => {
  page.removeAllListeners('console');
  const el = await openData(page, baseURL, 'bad', 'nesting-10000.json');
  await expect(el).toHaveAttribute('data-state', 'error');
  await expect(el.getByRole('alert')).toContainText('nested more than 64 levels');
});

test('markup in names is shown as text, never run', async ({ page, baseURL }) => {
  await page.addInitScript(() => {
    window.__ran = [];
    window.alert = (m) => window.__ran.push(String(m));
  });
  const el = await openData(page, baseURL, 'good', 'markup-in-names.json');
  await expect(el).toHaveAttribute('data-state', 'ready');
  await expect(el.locator('.fb-legend')).toContainText('<script>');
  await expect(el.locator('.fb-legend img, .fb-legend script, .fb-root iframe')).toHaveCount(0);
  expect(await page.evaluate(() => window.__ran)).toEqual([]);
});

for (const file of ['long-names-5000.json', 'rtl-and-emoji.json']) {
  test(`${file}: the layout holds at 320 px`, async ({ page, baseURL }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    const el = await openData(page, baseURL, 'good', file);
    await expect(el).toHaveAttribute('data-state', 'ready');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, 'no horizontal scrolling').toBeLessThanOrEqual(0);
    const card = await el.locator('.fb-root').boundingBox();
    expect(card.width).toBeLessThanOrEqual(320);
  });
}

test('more parts than a donut shows legibly become bars: largest first, keyboard path, no legend, axe clean', async ({ page, baseURL }) => {
  const el = await openData(page, baseURL, 'good', 'many-regions.json');
  await expect(el).toHaveAttribute('data-state', 'ready');
  await expect(el.locator('svg.fb-donut')).toHaveCount(0);
  await expect(el.locator('.fb-legend')).toHaveCount(0);
  const rows = el.locator('.fb-parts [role=option]');
  // 24 regions and the unattributed remainder (2 %), which comes last.
  await expect(rows).toHaveCount(25);
  await expect(rows.first()).toHaveAttribute('data-id', 'r01');
  await expect(rows.nth(1)).toHaveAttribute('data-id', 'r02');
  await expect(rows.last()).toHaveAttribute('data-id', 'unattributed');
  await expect(rows.last().locator('rect.fb-rest')).toHaveCount(1);
  // Bars are to scale: the largest fills the track, 150 000 is 5/6 of 180 000.
  const width = (i) => rows.nth(i).locator('rect.fb-mark').getAttribute('width');
  expect(Number(await width(0))).toBe(100);
  expect(Number(await width(1))).toBeCloseTo(83.33, 1);
  // Each bar says what it is in words; colour is not needed.
  await expect(rows.first()).toContainText('Andean countries');
  await expect(rows.first()).toContainText('18%');

  // One tab stop; arrows move the selection and focus, the detail follows.
  await rows.first().focus();
  await expect(el.locator('.fb-detail-name')).toHaveText('Andean countries');
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(el.locator('.fb-detail-name')).toHaveText('Baltic states');
  await page.keyboard.press('End');
  await expect(rows.last()).toBeFocused();
  await expect(el.locator('[tabindex="0"][role=option]')).toHaveCount(1);
  await rows.nth(5).click();
  await expect(el.locator('.fb-detail-name')).toHaveText('Central Asia');
  await expectNoAxeViolations(page, 'bars');
  await screenshot(page, 'bars-24-regions');
});

test('bars hold the layout at 320 px', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  const el = await openData(page, baseURL, 'good', 'many-regions.json');
  await expect(el).toHaveAttribute('data-state', 'ready');
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, 'no horizontal scrolling').toBeLessThanOrEqual(0);
  const bar = await el.locator('.fb-parts [role=option]').first().boundingBox();
  expect(bar.width).toBeGreaterThan(240);
  await screenshot(page, 'bars-24-regions-320');
});
