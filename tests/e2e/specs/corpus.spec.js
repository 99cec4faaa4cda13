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
  'non-finite-total',
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

// Every file of the corpus that is not valid JSON: the widget (the browser's
// JSON.parse) and check-data (serde_json) name one line and column, in
// characters. The parsers differ: at a trailing comma the browser stops at the
// bracket after it, or names no place at all, and serde_json at the bracket;
// the browser counts UTF-16 units (an emoji is two), serde_json bytes; at a
// newline in a string or the end of the file they stop a character apart.
const SYNTAX = fs
  .readdirSync(path.join(DATA, 'bad'))
  .filter((f) => f.endsWith('.expect'))
  .filter((f) => fs.readFileSync(path.join(DATA, 'bad', f), 'utf8').includes('not valid JSON at line'))
  .map((f) => f.replace(/\.expect$/, ''));

test('the corpus has its syntax errors', () => {
  for (const name of ['syntax-trailing-comma', 'trailing-comma-object', 'syntax-emoji-before-error', 'syntax-newline-in-string', 'syntax-truncated', 'syntax-comment', 'syntax-typographic-quotes', 'syntax-quote-in-text']) {
    expect(SYNTAX).toContain(name);
  }
});

for (const name of SYNTAX) {
  test(`a syntax error ("${name}") is placed where check-data places it`, async ({ page, baseURL }) => {
    page.removeAllListeners('console');
    const expected = fs.readFileSync(path.join(DATA, 'bad', `${name}.expect`), 'utf8');
    // The place, and the words for what is there when the .expect gives them
    // (check-data's path before it and the parser's own words after it are
    // not the reader's).
    const said = expected.slice(expected.indexOf('the file is not valid JSON')).split(' (the parser says')[0].trim();
    const el = await openData(page, baseURL, 'bad', `${name}.json`);
    await expect(el).toHaveAttribute('data-state', 'error');
    await expect(el.getByRole('alert')).toContainText(/\d$/.test(said) ? `${said}:` : said);
    // Under the words, the line with the place's character marked (a space
    // at the end of a line or of the file).
    const [line, column] = /line (\d+) column (\d+)/.exec(said).slice(1).map(Number);
    const text = fs.readFileSync(path.join(DATA, 'bad', `${name}.json`), 'utf8');
    const chars = Array.from((text.split('\n')[line - 1] ?? '').replace(/\r$/, '').replaceAll('\t', ' '));
    const excerpt = el.locator('.fb-excerpt');
    const shown = await excerpt.evaluate((code) => [code.textContent, code.querySelector('mark').textContent]);
    expect(shown[1]).toBe(chars[column - 1] ?? ' ');
    // (Without the line's indentation when the excerpt starts with the line.)
    const before = chars.slice(Math.max(0, column - 31), column - 1).join('');
    expect(shown[0]).toContain(`${column > 31 ? before : before.trimStart()}${shown[1]}`);
    await expect(excerpt).toBeVisible();
    // Code at the size of the text around it, 0.875em: not 13/16 of it, as
    // a lone `monospace` gets.
    expect(await excerpt.evaluate((code) => getComputedStyle(code).fontSize)).toBe('14px');
  });
}

test('invalid UTF-8 is refused, not shown with replacement characters', async ({ page, baseURL }) => {
  page.removeAllListeners('console');
  const el = await openData(page, baseURL, 'bad', 'invalid-utf8.json');
  await expect(el).toHaveAttribute('data-state', 'error');
  await expect(el.getByRole('alert')).toContainText('not UTF-8 text (line 20, column 19');
  await expect(el.getByRole('alert')).toContainText('save it as UTF-8');
  // A data problem: trying again would not change it.
  await expect(el.getByRole('button', { name: 'Try again' })).toHaveCount(0);
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
  // Nor does its prompt point to one.
  await expect(el.locator('.fb-detail.is-empty')).toHaveText('Select a part of the chart to see its details.');
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

  // One tab stop; focus shows a row without choosing it, as on the donut;
  // arrows move the selection and focus, the detail follows.
  await rows.first().focus();
  await expect(el.locator('.fb-detail-name')).toHaveText('Andean countries');
  await expect(rows.first()).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(el.locator('.fb-detail-name')).toHaveText('Baltic states');
  await page.keyboard.press('End');
  await expect(rows.last()).toBeFocused();
  await expect(el.locator('[tabindex="0"][role=option]')).toHaveCount(1);
  await rows.nth(5).click();
  await expect(el.locator('.fb-detail-name')).toHaveText('Central Asia');
  await expect(rows.nth(5)).toHaveAttribute('aria-selected', 'true');
  // A second click on the selected row clears the selection, as on the donut.
  await rows.nth(5).click();
  await expect(rows.nth(5)).toHaveAttribute('aria-selected', 'false');
  await expect(el.locator('[role=option][aria-selected=true]')).toHaveCount(0);
  await rows.nth(5).click();
  await expect(rows.nth(5)).toHaveAttribute('aria-selected', 'true');
  await expectNoAxeViolations(page, 'bars');
  await screenshot(page, 'bars-24-regions');
});

test('a long list of bars lays out only the rows near the view; every row stays reachable', async ({ page, baseURL }) => {
  // 150 regions, generated from the 24-region file.
  const base = JSON.parse(fs.readFileSync(path.join(DATA, 'good', 'many-regions.json'), 'utf8'));
  const regions = Array.from({ length: 150 }, (_, i) => ({
    id: `g${String(i + 1).padStart(3, '0')}`,
    name: { en: `Region ${i + 1}` },
    amount: { value: 1000 + (150 - i) * 100, stated: 'exact' },
  }));
  const total = regions.reduce((sum, r) => sum + r.amount.value, 0);
  const data = {
    ...base,
    id: 'generated-150',
    contribution: { ...base.contribution, total },
    regions,
    themes: base.themes.map((t) => ({ ...t, regions: ['g001'] })),
  };
  await hostPages(
    page,
    baseURL,
    elementPage(`${baseURL}/`, `<funding-breakdown src="${baseURL}/__data/long.json"></funding-breakdown>`),
    { csp: false, host: `${baseURL}/__host` },
  );
  await page.context().route(`${baseURL}/__data/long.json`, (route) =>
    route.fulfill({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(data) }),
  );
  await page.goto(`${baseURL}/__host/index.html`);
  const el = page.locator('funding-breakdown');
  await expect(el).toHaveAttribute('data-state', 'ready');
  const rows = el.locator('.fb-parts [role=option]');
  await expect(rows).toHaveCount(150);
  // A row far from the view keeps its box, but its content is skipped (content-visibility).
  const drawn = (i) => rows.nth(i).evaluate((r) => r.firstElementChild.checkVisibility({ contentVisibilityAuto: true }));
  // (Skipping is decided at the next rendering update, so both are polled.)
  await expect.poll(async () => [await drawn(0), await drawn(149)]).toEqual([true, false]);
  // Skipped rows are still in the accessibility tree, with their names and figures.
  const { nodes } = await (await page.context().newCDPSession(page)).send('Accessibility.getFullAXTree');
  // (The language list's four options are options too.)
  const options = nodes.filter((n) => n.role?.value === 'option' && !n.ignored && n.name?.value.startsWith('Region '));
  expect(options).toHaveLength(150);
  expect(options.at(-1).name.value).toMatch(/^Region 150: about 0.09%, USD\s1,100$/);
  // The keyboard reaches the last row, which is then drawn and selected.
  await rows.first().focus();
  await page.keyboard.press('End');
  await expect(rows.last()).toBeFocused();
  await expect(rows.last()).toHaveAttribute('aria-selected', 'true');
  await expect(el.locator('.fb-detail-name')).toHaveText('Region 150');
  await expect.poll(() => drawn(149), 'the focused row is drawn').toBe(true);
  const box = await rows.last().boundingBox();
  expect(box.height, 'a drawn row has its real height').toBeGreaterThan(30);
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

test('a rest beside both a lower and an upper bound is said as the most it can be, and drawn as what is left', async ({ page, baseURL }) => {
  // West "at least 20 %", South "less than 30 %", East 40 %: the rest is
  // anywhere from nothing to 40 %. It was "about 10%".
  const el = await openData(page, baseURL, 'good', 'jpy-amounts-and-themes.json');
  await expect(el).toHaveAttribute('data-state', 'ready');
  const rest = el.locator('.fb-legend-button[data-id="unattributed"]');
  await expect(rest.locator('.fb-legend-share')).toHaveText(/^at most (about )?40%$/);
  await rest.click();
  await expect(el.locator('.fb-detail')).toContainText('may be larger than drawn');
  // Drawn as what is left: a tenth of the ring, not four.
  const turn = await el.locator('path.fb-mark[data-id="unattributed"]').evaluate((p) => {
    const box = p.getBBox();
    return Math.max(box.width, box.height);
  });
  expect(turn).toBeLessThan(130);
});

test('a rest beside both kinds of bound stays when the figures fill the whole: said, listed, drawn at nothing', async ({ page, baseURL }) => {
  // Africa "more than 40 %", Asia 35 %, Europe "at most" a quarter: 100 % as
  // stated, yet Europe may have nothing, so up to 25 % has no region.
  const el = await openData(page, baseURL, 'good', 'bounds-fill-the-whole.json');
  await expect(el).toHaveAttribute('data-state', 'ready');
  const rest = el.locator('.fb-legend-button[data-id="unattributed"]');
  await expect(rest.locator('.fb-legend-share')).toHaveText('at most 25%');
  await rest.click();
  await expect(el.locator('.fb-detail')).toContainText('may be larger than drawn');
  // Its mark has no size, but keyboard focus on it shows: the ring is a sliver where it sits.
  const mark = el.locator('path.fb-mark[data-id="unattributed"]');
  await expect(mark).toHaveAttribute('tabindex', '0');
  await mark.focus();
  await expect(el.locator('.fb-focus-ring .fb-focus-outer')).toHaveAttribute('d', /^M/);
  await el.getByRole('tab', { name: 'Table' }).click();
  await expect(el.locator('tr[data-id="unattributed"]')).toContainText('at most 25%');
});
