// The Years view (issue #9): Japan's contributions to IOM by operations year
// with 2021 in focus, each year at its stated precision; opening a year in the
// full breakdown; the year in the URL hash and as the element's attribute.
import fs from 'node:fs';
import { test, expect, open, holdWasm, expectNoAxeViolations, screenshot, PRERENDERED } from './helpers.js';
import { hostPages, elementPage, hostOf } from './hosts.js';

const YEARS = ['2018', '2019', '2021', '2022', '2023', '2024', '2025'];

/** The bars of the Years view (a listbox, one option per year). */
const bars = (root, name = 'Total by operations year') => root.getByRole('listbox', { name });

test('the Years view shows seven years, 2021 highlighted and 2020 as a gap', async ({ page }) => {
  await open(page);
  await page.getByRole('tab', { name: 'Years' }).click();
  await expect(page).toHaveURL(/#view=years$/);
  const list = bars(page);
  // Seven years with an announcement, and 2020 between them as a gap.
  await expect(list.getByRole('option')).toHaveCount(8);
  const years = list.locator('[role=option]:not(.is-gap)');
  await expect(years.locator('.fb-bar-year')).toHaveText(YEARS);
  await expect(years.locator('rect.fb-bar-fill')).toHaveCount(7);

  // 2021 is highlighted, and not by colour alone: outlined and labelled.
  const current = list.locator('.is-current');
  await expect(current).toHaveCount(1);
  await expect(current).toHaveAttribute('data-year', '2021');
  await expect(current).toContainText('shown in the other views');
  await expect(current).toHaveAttribute('aria-label', /^2021: USD\s37\.1\smillion, shown in the other views$/);

  // 2020 is a gap with its reason, not a zero bar.
  const gap = list.locator('[data-year="2020"]');
  await expect(gap).toHaveClass(/is-gap/);
  await expect(gap.locator('rect.fb-bar-fill')).toHaveCount(0);
  // No bar, not even an empty track as long as the largest total: its reason takes the place.
  await expect(gap.locator('svg, rect')).toHaveCount(0);
  await expect(gap.locator('.fb-bar-value')).toBeVisible();
  await expect(gap.locator('.fb-bar-value')).toHaveText('No announcement found');
  await expect(gap).toHaveAttribute('aria-label', '2020: No announcement found');

  // Every total at its stated precision: rounded ones as rounded.
  const value = (y) => list.locator(`[data-year="${y}"] .fb-bar-value`);
  await expect(value('2018')).toHaveText('about USD 30.5 million');
  await expect(value('2022')).toHaveText('about USD 19.9 million');
  await expect(value('2025')).toHaveText('about USD 55 million');
  // The longest bar is the largest total; the others in proportion.
  const width = (y) => list.locator(`[data-year="${y}"] rect.fb-bar-fill`).getAttribute('width');
  expect(await width('2025')).toBe('1000');
  expect(await width('2018')).toBe('555');

  // A text summary for screen readers, and a real table.
  const summary = page.locator('.fb-years-summary');
  await expect(summary).toContainText('2018, about USD 30.5 million; 2019, about USD 27 million; 2021, USD 37.1 million');
  await expect(summary).toContainText('No announcement was found for 2020.');
  const table = page.getByRole('table', { name: /Totals and regional facts by year/ });
  await expect(table.locator('tbody tr')).toHaveCount(8);
  const cells = (y) => table.locator(`tr[data-year="${y}"] td`);
  await expect(cells('2021').nth(0)).toHaveText('USD 37,100,767');
  await expect(cells('2018').nth(0)).toHaveText('about USD 30.5 million');
  await expect(cells('2018').nth(1)).toContainText('Sub-Saharan Africa: almost half, about USD 14 million');
  await expect(cells('2023').nth(1)).toContainText('25 countries; Response to the crisis in Ukraine: one third');
  await expect(cells('2024').nth(1)).toContainText('more than half');
  await expect(cells('2024').nth(1)).toContainText('Ukraine: about USD 6.5 million');
  await expect(cells('2020').nth(1)).toHaveText('No announcement found');
  // The year shown elsewhere is said, not only drawn; a gap's dashes are drawn only.
  await expect(table.locator('tr[aria-current=true]')).toHaveAttribute('data-year', '2021');
  await expect(table.locator('tr[aria-current]')).toHaveCount(1);
  await expect(cells('2020').nth(0).locator('[aria-hidden=true]')).toHaveText('—');
  // …and a screen reader hears words, not an empty cell.
  await expect(cells('2020').nth(0)).toHaveAccessibleName('no announcement');
  await expect(cells('2020').nth(2)).toHaveAccessibleName('no announcement');
  await expect(cells('2023').nth(2).getByRole('link')).toHaveAttribute('href', /japan\.iom\.int/);
  // Several years cite the same publisher: each link says its year.
  const names = await table.getByRole('link').evaluateAll((links) => links.map((a) => a.textContent));
  expect(names.length).toBeGreaterThan(5);
  expect(new Set(names).size).toBe(names.length);
  await expect(cells('2023').nth(2).getByRole('link')).toHaveAccessibleName(/ \(2023, opens in a new tab\)$/);
  // No rounded total is ever written out as if exact.
  await expect(page.locator('.fb-root')).not.toContainText('30,500,000');

  await expectNoAxeViolations(page, 'years view');
  await screenshot(page, 'years-view');
});

test('choosing 2018 and opening it shows Sub-Saharan Africa as almost half, USD 14 million', async ({ page }) => {
  await open(page, '#view=years');
  const list = bars(page);
  await list.locator('[data-year="2018"]').click();
  await expect(list.locator('[data-year="2018"]')).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/ysel=2018/);
  // What is known of the split, announced through the live region.
  const detail = page.locator('.fb-year-detail');
  await expect(detail).toContainText('Sub-Saharan Africa: almost half, about USD 14 million');
  await expect(detail).toContainText('Named without a share or amount');
  await expect(detail).toContainText('Bangladesh');
  // The click focused the year, whose name says it; the live region does not repeat it.
  await expect(list.locator('[data-year="2018"]')).toBeFocused();
  await expect(page.locator('[aria-live=polite]')).toHaveText('');
  await expectNoAxeViolations(page, 'years view with 2018 selected');

  await detail.getByRole('button', { name: 'Open 2018 in the breakdown' }).click();
  await expect(page).toHaveURL(/year=2018/);
  await expect(page.getByRole('tab', { name: 'By region' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.fb-total')).toHaveText('about USD 30.5 million');
  // The hole has no room for "about"; its caption says the total is rounded.
  await expect(page.locator('.fb-donut-caption')).toHaveText('Total, rounded');
  await expect(page.locator('.fb-year')).toHaveText('for operations in 2018');
  const ssa = page.locator('.fb-legend-button[data-id="sub-saharan-africa"]');
  await expect(ssa.locator('.fb-legend-share')).toHaveText('almost half');
  await expect(ssa.locator('.fb-legend-amount')).toHaveText('about USD 14 million');
  await ssa.click();
  await expect(page.locator('.fb-detail-share')).toHaveText('almost half');
  await expect(page.locator('.fb-detail-amount')).toHaveText('about USD 14 million');
  // Regions named without a figure are listed, never drawn.
  await expect(page.locator('.fb-named-regions')).toContainText('Asia');
  await expect(page.locator('path.fb-mark[data-id="asia"]')).toHaveCount(0);
  await expect(page.locator('path.fb-mark')).toHaveCount(2);
  // "Almost half" leaves at least half unattributed, in words as the source put it.
  await expect(page.locator('.fb-legend-button[data-id="unattributed"] .fb-legend-share')).toHaveText('at least half');
  await expectNoAxeViolations(page, '2018 by region');

  // The table and downloads are the opened year's.
  await page.getByRole('tab', { name: 'Table' }).click();
  await expect(page.locator('table.fb-table tfoot')).toContainText('about USD 30.5 million');
  // The source rounds the total and never states the rest: the table says so.
  await expect(page.locator('table.fb-table tfoot td').nth(1)).toHaveText('approximate');
  const rest = page.locator('table.fb-table tr[data-id="unattributed"]');
  await expect(rest.locator('td').nth(1)).toHaveText('not in the source: the rest of the total');
  // Half of about 30.5 million, a lower bound: rounded down, not up to 15.3,
  // and approximate, as the total it is worked out from.
  await expect(rest.locator('td').nth(2)).toHaveText('at least about USD 15.2 million');
  await expect(page.locator('.fb-root')).not.toContainText('30,500,000');
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-export="regions-csv"]').click(),
  ]);
  expect(file.suggestedFilename()).toBe('japan-iom-2018-regions.csv');
});

test('a bound worked out from an approximate figure is approximate: 2024\'s rest is "at most about 30%"', async ({ page }) => {
  await open(page, '#year=2024');
  await expect(page.locator('.fb-year')).toHaveText('for operations in 2024');
  // "More than half" and Ukraine's "about USD 6.5 million" leave at most about
  // 29.7 %: a figure worked out from rounded ones, shown to two significant digits.
  const rest = page.locator('.fb-legend-button[data-id="unattributed"]');
  await expect(rest.locator('.fb-legend-share')).toHaveText('at most about 30%');
  await expect(page.locator('.fb-legend-button[data-id="ukraine"] .fb-legend-share')).toHaveText('about 20%');
  await expect(rest.locator('.fb-legend-amount')).toHaveText('at most about USD 9.5 million');
  await expect(page.locator('.fb-summary')).toContainText('at most about 30%');
  // The download says the same, as a machine value.
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-export="regions-csv"]').click(),
  ]);
  const csv = fs.readFileSync(await file.path(), 'utf8');
  const row = csv.split('\r\n').find((line) => line.startsWith('unattributed,'));
  expect(row).toContain(',0.296875,at_most_about,');
  expect(row).toContain(',at_most_about,USD,');
});

test('a year whose source names no theme says so, and one with no region figures says that in its summary', async ({ page }) => {
  await open(page, '#view=theme&year=2019');
  await expect(page.locator('.fb-no-breakdown')).toHaveText('The source names no theme or purpose for this contribution.');
  await open(page, '#view=region&year=2025');
  await expect(page.locator('.fb-summary')).toContainText('The source gives no breakdown of the total by region.');
  await expect(page.locator('.fb-summary')).not.toContainText('100%');
  await expect(page.locator('.fb-no-breakdown')).toHaveText('The source gives no breakdown of the money by region, so no amounts or shares are shown by region.');
  await expect(page.locator('svg.fb-donut')).toHaveCount(0);
  // No CSV of regions to offer: it would be its header alone. The themes' is.
  await expect(page.locator('[data-export="regions-csv"]')).toHaveCount(0);
  await expect(page.locator('[data-export="themes-csv"]')).toBeVisible();
  // The table says the same, not a table of no regions whose total is 100%.
  await page.getByRole('tab', { name: 'Table' }).click();
  const view = page.locator('.fb-table-view');
  await expect(view.locator('.fb-no-breakdown')).toHaveText('The source gives no breakdown of the money by region, so no amounts or shares are shown by region.');
  await expect(view.getByRole('table')).toHaveCount(1);
  await expect(view.getByRole('table')).toContainText('Theme');
  // The Years view still offers the series' CSV.
  await page.getByRole('tab', { name: 'Years' }).click();
  await expect(page.locator('[data-export="regions-csv"]')).toBeVisible();
  await open(page, '#view=region&year=2023');
  await expect(page.locator('.fb-legend-button[data-id="unattributed"] .fb-legend-share')).toHaveText('two thirds');
});

test('the theme view\'s rest is the themes\' rest in its detail and announcement, not the regions\' (2025)', async ({ page }) => {
  await open(page, '#view=theme&year=2025');
  const rest = page.locator('.fb-legend-button[data-id="unattributed"]');
  await expect(rest.locator('.fb-legend-share')).toHaveText('about 40%');
  await rest.click();
  // The regions' rest for 2025 is the whole total: it must not show here.
  await expect(page.locator('.fb-detail-share')).toHaveText('about 40%');
  await expect(page.locator('.fb-detail-amount')).toHaveText('about USD 22 million');
  // Announced where focus does not say it (a link's selection): the themes' rest too.
  await expect(page).toHaveURL(/sel=unattributed/);
  await page.evaluate(() => document.activeElement?.blur());
  await page.evaluate(() => {
    location.hash = '#view=theme&year=2025';
  });
  await expect(page.locator('.fb-detail-share')).toHaveCount(0);
  await page.evaluate(() => {
    location.hash = '#view=theme&year=2025&sel=unattributed';
  });
  await expect(page.locator('[aria-live=polite]')).toContainText('about 40%');
});

test('"almost half" is not drawn as a plain half: the open end of its mark is striped, and said', async ({ page }) => {
  await open(page, '#year=2018');
  await expect(page.locator('.fb-year')).toHaveText('for operations in 2018');
  const mark = page.locator('path.fb-mark[data-id="sub-saharan-africa"]');
  const end = page.locator('path.fb-open');
  // One striped end, over Sub-Saharan Africa's mark (the rest is hatched whole, not striped).
  await expect(end).toHaveCount(1);
  await expect(end).toBeVisible();
  await expect(end).toHaveAttribute('aria-hidden', 'true');
  const fill = await end.evaluate((el) => getComputedStyle(el).fill);
  expect(fill).toMatch(/url\(.*open/);
  const [m, e] = [await mark.boundingBox(), await end.boundingBox()];
  expect(e.width * e.height).toBeLessThan((m.width * m.height) / 4);
  expect(e.x).toBeGreaterThanOrEqual(m.x - 1);
  expect(e.y + e.height).toBeLessThanOrEqual(m.y + m.height + 1);
  // Its stripes are the card's background over the mark's colour.
  const stripe = page.locator('.fb-open-line');
  expect(await stripe.evaluate((el) => getComputedStyle(el).stroke)).toBe('rgb(255, 255, 255)');
  // The legend's swatch carries the stripes too.
  await expect(page.locator('.fb-legend-button[data-id="sub-saharan-africa"] .fb-swatch .fb-open')).toHaveCount(1);
  await expect(page.locator('.fb-legend-button[data-id="unattributed"] .fb-swatch .fb-open')).toHaveCount(0);
  // A reader pointing at the stripes points at the mark: a click there selects it.
  const at = { x: e.x + e.width / 2, y: e.y + e.height / 2 };
  const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.getAttribute('data-id'), at);
  expect(hit).toBe('sub-saharan-africa');
  await page.mouse.click(at.x, at.y);
  await expect(mark).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.fb-detail')).toContainText('the striped part of its mark may not belong to it');
  // The rest says it may be larger than drawn, not that a lower bound may have taken some.
  await page.locator('.fb-legend-button[data-id="unattributed"]').click();
  await expect(page.locator('.fb-detail')).toContainText('It may be larger than drawn');
  await expect(page.locator('.fb-detail')).not.toContainText('lower bound');
  // And that the regions named without a figure may hold some of it.
  await expect(page.locator('.fb-detail')).toContainText('The source also names regions without giving them a share or amount');
  await expectNoAxeViolations(page, '2018 with the rest selected');
  // The default view has no upper bound: no stripes.
  await open(page, '');
  await expect(page.locator('path.fb-mark')).toHaveCount(4);
  await expect(page.locator('.fb-open')).toHaveCount(0);
});

test('a link selecting what its year does not have loses the selection once the year is shown', async ({ page }) => {
  await open(page, '#year=2018&sel=asia');
  await expect(page.locator('.fb-year')).toHaveText('for operations in 2018');
  await expect(page).toHaveURL(/#view=region&year=2018$/);
  await expect(page.locator('.fb-detail')).toHaveClass(/is-empty/);
  // What the year has stays selected.
  await open(page, '#year=2018&sel=sub-saharan-africa');
  await expect(page.locator('.fb-detail-name')).toHaveText('Sub-Saharan Africa');
  await page.waitForTimeout(300);
  await expect(page).toHaveURL(/#view=region&year=2018&sel=sub-saharan-africa$/);
});

test("2022's sources: the figures' English release, and IOM Japan's page marked as Japanese", async ({ page }) => {
  await open(page, '#year=2022&view=sources');
  const sources = page.locator('.fb-sources .fb-source');
  await expect(sources).toHaveCount(2);
  // The total (USD 19.9 million) and the floor of "more than 60%" are the English release's.
  await expect(sources.nth(0)).toContainText('Japan Provides USD 19.9 Million to Support IOM Operations in 2022');
  await expect(sources.nth(0)).toContainText('in English');
  // IOM Japan's pages are in Japanese; the title given is our description, in English.
  await expect(sources.nth(1)).toContainText('in Japanese');
  await expect(sources.nth(1).locator('a')).toHaveAttribute('hreflang', 'ja');
  await expect(sources.nth(1).locator('a')).toHaveAttribute('lang', 'en');
  for (const year of [2019, 2023, 2024, 2025]) {
    await page.evaluate((y) => {
      location.hash = `#year=${y}&view=sources`;
    }, year);
    await expect(sources.last()).toContainText(`IOM Japan announcement of Japan’s contribution for ${year}`);
    await expect(sources.last(), String(year)).toContainText('in Japanese');
  }
});

test('#year=2019 restores that year, and the hash follows the reader', async ({ page }) => {
  await open(page, '#year=2019');
  await expect(page.locator('.fb-total')).toHaveText('about USD 27 million');
  await expect(page.locator('.fb-year')).toHaveText('for operations in 2019');
  await expect(page.locator('.fb-legend-button[data-id="sub-saharan-africa"] .fb-legend-share')).toHaveText('58%');
  await page.getByRole('tab', { name: 'Years' }).click();
  await expect(bars(page).locator('.is-current')).toHaveAttribute('data-year', '2019');
  await expect(page).toHaveURL(/#view=years&year=2019$/);
  await expect(page).toHaveTitle(/, 2019$/);
  // The page's description too: what a shared link's preview shows.
  const description = page.locator('meta[name=description]');
  await expect(description).toHaveAttribute('content', /^Donor: Government of Japan\. Recipient: IOM\. .* 2019: about USD\s27\smillion/);
  // An edited hash is honoured: back to the widget's own year.
  await page.evaluate(() => {
    window.location.hash = '#view=region';
  });
  await expect(page.locator('.fb-total')).toHaveText('USD 37.1 million');
  await expect(page).toHaveTitle(/, 2021$/);
  await expect(description).toHaveAttribute('content', /2021: USD\s37\.1\smillion/);
  // A year the series does not have is ignored, as unknown values are; the
  // console says so, for an embedder whose `year` names the gap.
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await open(page, '#year=2020');
  await expect(page.locator('.fb-total')).toHaveText('USD 37.1 million');
  await expect(page).not.toHaveURL(/year=/);
  expect(warnings).toContain('funding-breakdown: the series has no figures for 2020; showing 2021');
});

test('the years are one tab stop: arrows move and select, the focused year says it; Tab reaches Open', async ({ page }) => {
  await open(page, '#view=years');
  const list = bars(page);
  const live = page.locator('[aria-live=polite]');
  const year = (y) => list.locator(`[data-year="${y}"]`);
  await expect(list.locator('[tabindex="0"]')).toHaveCount(1);
  // Tab onto the list shows the year without choosing it, as on the donut:
  // a reader passing through changes neither the selection nor the URL.
  await list.locator('[tabindex="0"]').focus();
  await expect(year('2018')).toBeFocused();
  await expect(page.locator('.fb-year-detail .fb-detail-name')).toHaveText('2018');
  await expect(year('2018')).toHaveAttribute('aria-selected', 'false');
  await page.waitForTimeout(300);
  expect(page.url()).not.toContain('ysel=');
  // Tab on into the detail keeps it shown: its Open opens the year shown.
  await page.keyboard.press('Tab');
  await expect(page.locator('.fb-year-detail .fb-year-source a')).toBeFocused();
  await expect(page.locator('.fb-year-detail .fb-detail-name')).toHaveText('2018');
  // Leaving the list and its detail ends it.
  await page.getByRole('tab', { name: 'Years' }).focus();
  await expect(page.locator('.fb-year-detail')).toHaveClass(/is-empty/);
  await list.locator('[tabindex="0"]').focus();
  await page.keyboard.press('ArrowDown');
  await expect(year('2019')).toBeFocused();
  await expect(year('2019')).toHaveAccessibleName('2019: about USD 27 million');
  await expect(live).toHaveText('');
  await page.keyboard.press('ArrowRight');
  await expect(year('2020')).toBeFocused();
  await expect(year('2020')).toHaveAccessibleName('2020: No announcement found');
  await expect(live).toHaveText('');
  await expect(page.locator('.fb-year-detail')).toContainText('No announcement found');
  await page.keyboard.press('End');
  await expect(year('2025')).toBeFocused();
  await expect(page.locator('.fb-year-detail')).toContainText('Linked to TICAD 9: about 60%');
  await expect(page.locator('.fb-year-detail')).toContainText('33 countries');
  await page.keyboard.press('ArrowDown');
  await expect(year('2018')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(year('2025')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(year('2018')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(list.locator('[aria-selected=true]')).toHaveCount(0);
  await expect(live).toHaveText('Selection cleared');
  await page.keyboard.press('Enter');
  await expect(year('2018')).toHaveAttribute('aria-selected', 'true');
  // Only the selected year is in the tab order; Tab goes on into the detail.
  await expect(list.locator('[tabindex="0"]')).toHaveAttribute('data-year', '2018');
  await page.keyboard.press('Tab');
  await expect(page.locator('.fb-year-detail .fb-year-source a')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Open 2018 in the breakdown' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.fb-total')).toHaveText('about USD 30.5 million');
});

test("the current year's badge is part of its spoken name in every language (WCAG 2.5.3)", async ({ page }) => {
  for (const lang of ['en', 'fr', 'es', 'ja']) {
    await open(page, `#view=years&lang=${lang}`);
    const current = page.locator('.fb-bar-row.is-current');
    await expect
      .poll(
        () =>
          current.evaluate((row) => {
            const badge = row.querySelector('.fb-bar-current')?.textContent.trim();
            return Boolean(badge) && row.getAttribute('aria-label').includes(badge);
          }),
        { message: lang },
      )
      .toBe(true);
  }
});

test('the Years view in Japanese', async ({ page }) => {
  await open(page, '#view=years&lang=ja');
  await expect(page.getByRole('tab', { name: '年別' })).toHaveAttribute('aria-selected', 'true');
  const list = bars(page, '活動年別の総額');
  await expect(list.getByRole('option')).toHaveCount(8);
  await expect(list.locator('[data-year="2020"] .fb-bar-value')).toHaveText('発表は見つかっていません');
  await expect(list.locator('[data-year="2018"] .fb-bar-value')).toHaveText('約3,050万米ドル');
  await expect(list.locator('.is-current')).toContainText('他のタブで表示中');
  // Japanese punctuation in the bar's spoken name, not ", ".
  await expect(list.locator('.is-current')).toHaveAttribute('aria-label', '2021年：3,710万米ドル（他のタブで表示中）');
  await list.locator('[data-year="2018"]').click();
  await expect(page.locator('.fb-year-detail')).toContainText('サブサハラ・アフリカ：半分近く（約1,400万米ドル）');
  // The source's title is in our words, so it is given in Japanese too.
  const source = page.locator('.fb-year-detail .fb-year-source a');
  await expect(source).toHaveText('2018年の日本の拠出に関するIOMの発表（新しいタブで開きます）');
  await expect(source).toHaveAccessibleName(/^2018年の日本の拠出に関するIOMの発表\s?（新しいタブで開きます）$/);
  await expect(source).toHaveAttribute('lang', 'ja');
  await expect(source).toHaveAttribute('hreflang', 'en');
  // The publishers' names are the sources' own, in English: marked so in the Sources view too.
  await page.getByRole('tab', { name: '出典' }).click();
  const publishers = page.locator('.fb-sources .fb-source-publisher');
  await expect(publishers.first()).toHaveText('IOM');
  for (const p of await publishers.all()) await expect(p).toHaveAttribute('lang', 'en');
  await page.getByRole('tab', { name: '年別' }).click();
  await expect(page.locator('.fb-years-summary')).toContainText('2020年については発表が見つかっていません。');
  // Each year's total is 総額, as everywhere else; 合計 would be the column's sum.
  await expect(page.locator('.fb-years-table thead th').nth(1)).toHaveText('総額');
  await expectNoAxeViolations(page, 'years view in Japanese');
  await screenshot(page, 'years-view-ja');
  // A region within a group is noted in full-width brackets, as Japanese writes them.
  await list.locator('[data-year="2024"]').click();
  const named = page.locator('.fb-year-detail .fb-year-facts').last();
  await expect(named).toContainText('（');
  await expect(named).not.toContainText(' (');
  await list.locator('[data-year="2018"]').click();
  await page.getByRole('button', { name: '2018年を内訳で開く' }).click();
  await expect(page.locator('.fb-legend-button[data-id="sub-saharan-africa"] .fb-legend-share')).toHaveText('半分近く');
  // The same brackets beside the region chart.
  await page.evaluate(() => (location.hash = '#view=region&year=2024&lang=ja'));
  const mena = page.locator('.fb-named[data-id="mena"]');
  await expect(mena).toContainText('中東・北アフリカ（サブサハラ・アフリカと中東・北アフリカ（合計）に含まれる）');
  await expect(mena).not.toContainText(' (');
});

test('the Years view works at 320 px and downloads the series', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 900 });
  await open(page, '#view=years');
  await expect(bars(page).getByRole('option')).toHaveCount(8);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, 'no sideways scrolling').toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page, 'years view at 320 px');
  await screenshot(page, 'years-view-320');
  // The footer gives the series: CSV with a row per year (the gap empty, not
  // zero), the series JSON, and the bars as SVG.
  const take = async (key) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-export="${key}"]`).click()]);
    const fs = await import('node:fs');
    return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
  };
  const csv = await take('regions-csv');
  expect(csv.name).toBe('japan-iom-series-years.csv');
  // Intl puts no-break spaces in figures; compare them as spaces.
  const lines = csv.text.replace(/^\ufeff/, '').replace(/[\u00a0\u202f]/g, ' ').trimEnd().split('\r\n');
  expect(lines[0]).toBe('year,total,total_stated,currency,country_count,facts,source_url');
  expect(lines).toHaveLength(9);
  expect(lines[1]).toMatch(/^2018,30500000\.00,about,USD,,"Sub-Saharan Africa: almost half, about USD 14 million; /);
  expect(lines[3]).toBe('2020,,,,,No announcement found,');
  expect(lines[4]).toMatch(/^2021,37100767\.00,exact,USD,,/);
  const json = await take('json');
  expect(json.name).toBe('japan-iom-series.json');
  expect(JSON.parse(json.text).years.map((y) => y.contribution.operations_year)).toEqual(YEARS.map(Number));
  const svg = await take('svg');
  expect(svg.name).toBe('japan-iom-series-years.svg');
  expect(svg.text).toContain('No announcement found');
  // The outlined year is the file's own; the widget's views are not in it.
  expect(svg.text).toContain('stroke-width="3"');
  expect(svg.text).not.toContain('shown in the other views');
});

test('the element year attribute opens a year and follows changes (strict CSP)', async ({ page, baseURL }) => {
  const log = await hostPages(
    page,
    baseURL,
    elementPage(`${baseURL}/`, '<funding-breakdown id="a" year="2019"></funding-breakdown>'),
    { csp: true },
  );
  // Each ready, with the total shown when it is said.
  await page.addInitScript(() => {
    window.__ready = [];
    document.addEventListener('funding-breakdown:ready', (e) => window.__ready.push(e.target.shadowRoot.querySelector('.fb-total')?.textContent.replace(/\s+/g, ' ')));
  });
  await page.goto(`${hostOf(baseURL)}/index.html`);
  const el = page.locator('#a');
  await expect(el.locator('.fb-total')).toHaveText('about USD 27 million');
  await expect.poll(() => page.evaluate(() => window.__ready)).toEqual(['about USD 27 million']);
  await el.evaluate((e) => e.setAttribute('year', '2022'));
  await expect(el.locator('.fb-total')).toHaveText('about USD 19.9 million');
  // Every change of the year asked for is said once it is shown, the series loaded or not.
  await expect.poll(() => page.evaluate(() => window.__ready)).toEqual(['about USD 27 million', 'about USD 19.9 million']);
  // Both versions of the 2022 total: the one cited, and the Japanese release's.
  await expect(el.locator('.fb-total-note')).toContainText('about USD 19.99 million');
  await expect(el.locator('.fb-named-regions')).toContainText('Middle East and North Africa');
  await el.evaluate((e) => e.removeAttribute('year'));
  await expect(el.locator('.fb-total')).toHaveText('USD 37.1 million');
  await expect.poll(() => page.evaluate(() => window.__ready.length)).toBe(3);
  expect(await page.evaluate(() => window.__ready[2])).toBe('USD 37.1 million');
  await el.getByRole('tab', { name: 'Years' }).click();
  await expect(bars(el).getByRole('option')).toHaveCount(8);
  await expect(bars(el).locator('.is-current')).toHaveAttribute('data-year', '2021');
  expect(log.foreign, 'requests to third parties').toEqual([]);
  expect(log.violations, 'CSP violations').toEqual([]);
});

test('the element ysel attribute selects a year in the Years view and follows changes; the Embed panel gives it', async ({ page, baseURL }) => {
  await hostPages(page, baseURL, elementPage(`${baseURL}/`, '<funding-breakdown id="a" view="years" ysel="2018"></funding-breakdown>'), { csp: true });
  await page.goto(`${hostOf(baseURL)}/index.html`);
  const el = page.locator('#a');
  const selected = bars(el).locator('[role=option][aria-selected=true]');
  await expect(selected).toHaveAttribute('data-year', '2018');
  await expect(el.locator('.fb-year-total')).toHaveText('about USD 30.5 million');
  // Selected, not opened: the breakdown still shows 2021.
  await expect(bars(el).locator('.is-current')).toHaveAttribute('data-year', '2021');
  await el.evaluate((e) => e.setAttribute('ysel', '2023'));
  await expect(selected).toHaveAttribute('data-year', '2023');
  await el.evaluate((e) => e.removeAttribute('ysel'));
  await expect(selected).toHaveCount(0);
  // Without ysel, the year shown is selected, also when `year` changes.
  await el.evaluate((e) => e.setAttribute('year', '2019'));
  await expect(selected).toHaveAttribute('data-year', '2019');
  await el.evaluate((e) => e.setAttribute('year', '2023'));
  await expect(selected).toHaveAttribute('data-year', '2023');
  await el.evaluate((e) => e.removeAttribute('year'));
  await expect(selected).toHaveCount(0);
  // The reader selects 2019: the element's snippet carries it, as the iframe's hash does.
  await bars(el).locator('[data-year="2019"]').click();
  await el.getByRole('button', { name: 'Embed' }).click();
  await expect(el.locator('textarea').nth(1)).toHaveValue(/<funding-breakdown view="years" ysel="2019" lang="en"><\/funding-breakdown>/);
  await expect(el.locator("textarea").first()).toHaveValue(/#view=years&amp;.*ysel=2019/);
});

test('on a phone, the card keeps its height while the series loads: the page does not jump', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  let release;
  const released = new Promise((r) => (release = r));
  await page.route('**/data/japan-iom-series.json', async (route) => {
    await released;
    await route.fallback();
  });
  await open(page, '#lang=fr');
  // The tabs at the top of the screen, the chart below them.
  const tab = page.getByRole('tab', { name: 'Années' });
  await page.evaluate(() => scrollTo(0, document.querySelector('.fb-tabs').getBoundingClientRect().top + scrollY - 8));
  const before = await page.evaluate(() => ({ y: scrollY, height: document.querySelector('.fb-root').offsetHeight }));
  expect(before.y).toBeGreaterThan(300);
  await tab.click();
  await expect(page.locator('.fb-years-view.fb-loading')).toBeVisible();
  const during = await page.evaluate(() => ({ y: scrollY, height: document.querySelector('.fb-root').offsetHeight }));
  expect(during).toEqual(before);
  release();
  await expect(bars(page, 'Total par année d’opérations').getByRole('option')).toHaveCount(8);
  // The hold ends with the loading: the card takes the Years view's own height.
  await expect.poll(() => page.locator('.fb-root').evaluate((e) => e.style.minHeight)).toBe('');
});

test('on a phone, a tap on Years in the static copy before the wasm has come: the card keeps its height while the series loads', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const { release: wasmCame } = await holdWasm(page);
  let release;
  const released = new Promise((r) => (release = r));
  await page.route('**/data/japan-iom-series.json', async (route) => {
    await released;
    await route.fallback();
  });
  await page.goto('/index.fr.html');
  await page.evaluate(() => scrollTo(0, 450));
  const card = () => page.evaluate(() => ({ y: scrollY, height: document.querySelector('#funding-breakdown > .fb-root').offsetHeight }));
  const before = await card();
  await page.locator('[data-prerendered] [role=tab][data-view="years"]').click();
  wasmCame();
  await expect(page.locator(PRERENDERED)).toHaveCount(0);
  await expect(page.locator('.fb-years-view.fb-loading')).toBeVisible();
  const during = await card();
  expect(during.y).toBe(before.y);
  expect(during.height).toBeGreaterThanOrEqual(before.height);
  release();
  await expect(bars(page, 'Total par année d’opérations').getByRole('option')).toHaveCount(8);
});

test('a series that cannot be loaded is said so, with Retry', async ({ page }) => {
  let fail = true;
  await page.route('**/data/japan-iom-series.json', (route) =>
    fail ? route.fulfill({ status: 503, body: 'busy' }) : route.fallback(),
  );
  // The failed request logs, as it should; that is this test's own doing.
  page.removeAllListeners('console');
  await page.goto('/#view=years');
  const alert = page.locator('.fb-years-view [role=alert]');
  await expect(alert).toContainText('the server answered with error 503');
  // Its button is beside it: not read as the end of the message.
  await expect(alert).not.toContainText('Try again');
  fail = false;
  await page.locator('.fb-years-view .fb-error').getByRole('button', { name: 'Try again' }).click();
  await expect(bars(page).getByRole('option')).toHaveCount(8);
});

test('an invalid series names its first problem, under the year it is in', async ({ page }) => {
  const bodies = [
    ['{"id": "s", "years": [{"id": "bad"}]}', 'years[0].contribution: this field is required but missing'],
    ['{"id": "s", "years": []}', 'years: must not be empty'],
    ['{"id": "s", "years": [], "extra": 1}', '"extra" is not a field here'],
  ];
  // The widget logs each problem, as it should.
  page.removeAllListeners('console');
  for (const [body, message] of bodies) {
    await page.route('**/data/japan-iom-series.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body }),
    );
    // A new page each time: a changed hash alone would not reload the widget.
    await page.goto('about:blank');
    await page.goto('/#view=years');
    await expect(page.locator('.fb-years-view [role=alert]')).toContainText(message);
    // The widget's own year is still there in the other views.
    await page.getByRole('tab', { name: 'By region' }).click();
    await expect(page.locator('.fb-total')).toHaveText('USD 37.1 million');
    await page.unrouteAll();
  }
  // Asked for another year, the card says why instead of showing 2021's figures.
  await page.route('**/data/japan-iom-series.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{"id": "s", "years": []}' }),
  );
  await page.goto('about:blank');
  await page.goto('/#year=2018');
  await expect(page.getByRole('alert')).toContainText('years: must not be empty');
  await expect(page.locator('.fb-total')).toHaveCount(0);
});

test('with a year attribute the element is ready once that year is shown, and in error when it cannot be', async ({ page, baseURL }) => {
  await hostPages(
    page,
    baseURL,
    elementPage(`${baseURL}/`, '<funding-breakdown id="a" year="2019"></funding-breakdown>'),
    { csp: true },
  );
  let mode = 'hold';
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route('**/data/japan-iom-series.json', async (route) => {
    if (mode === 'fail') return route.fulfill({ status: 503, body: 'busy' });
    await held;
    return route.fallback();
  });
  await page.goto(`${hostOf(baseURL)}/index.html`);
  const el = page.locator('#a');
  // The bundled 2021 data is there at once, but 2019 is what was asked for.
  // (The widget's own loading note, not embed.js's box before the wasm.)
  await expect(el.locator('.fb-loading:not(.fb-placeholder)').first()).toBeVisible();
  await page.waitForTimeout(300);
  await expect(el).not.toHaveAttribute('data-state', 'ready');
  await expect(el.locator('.fb-total')).toHaveCount(0);
  release();
  await expect(el).toHaveAttribute('data-state', 'ready');
  await expect(el.locator('.fb-total')).toHaveText('about USD 27 million');

  // The series cannot be had: the element says error, with the reason, as a
  // `src` that fails does.
  mode = 'fail';
  page.removeAllListeners('console'); // the failed request logs, as it should
  await page.addInitScript(() => {
    window.__errors = [];
    document.addEventListener('funding-breakdown:error', (e) => window.__errors.push(e.detail.message));
  });
  await page.goto('about:blank');
  await page.goto(`${hostOf(baseURL)}/index.html`);
  await expect(el).toHaveAttribute('data-state', 'error');
  await expect(el.getByRole('alert')).toContainText('503');
  const errors = await page.evaluate(() => window.__errors);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain('503');
});
