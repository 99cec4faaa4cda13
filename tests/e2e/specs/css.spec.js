// What the stylesheet alone decides: names screen readers hear, cues in
// forced colours, layout that holds still.
import { test, expect, open, wake, PRERENDERED } from './helpers.js';

/** The names of the accessibility tree's nodes of `role`, from Chromium's own tree. */
async function axNames(page, role) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes.filter((n) => !n.ignored && n.role?.value === role).map((n) => n.name?.value ?? '');
}

for (const [view, table] of [
  ['table', '.fb-table-view .fb-table'],
  ['years', '.fb-years-table'],
]) {
  test(`narrow table cards (${view}): a cell's name is its value, not the column name shown beside it`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await open(page, `#view=${view}`);
    const cells = page.locator(`${table} td`);
    await expect(cells.first()).toBeVisible();
    // The column name is shown (the card layout is on) ...
    const label = await cells.first().evaluate((td) => getComputedStyle(td, '::before').content);
    expect(label).toContain(await cells.first().getAttribute('data-label'));
    // ... and not heard: the header already names the column.
    // (A gap year's dash is drawn only: not heard either.)
    const values = await cells.evaluateAll((tds) =>
      tds.map((td) => {
        const heard = td.cloneNode(true);
        heard.querySelectorAll('[aria-hidden=true]').forEach((n) => n.remove());
        return heard.textContent.trim();
      }),
    );
    const names = await axNames(page, 'cell');
    expect(names.map((n) => n.trim())).toEqual(values);
  });
}

/**
 * Each run of `pattern` (by default a figure: "14,840,306.80", "37,1") in the
 * text of `selector`'s elements that the layout splits over two lines.
 */
const splitRuns = (page, selector, pattern = '\\d[\\d.,\u00a0\u202f]*\\d') =>
  page.evaluate(([selector, pattern]) => {
    const split = [];
    for (const cell of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of node.data.matchAll(new RegExp(pattern, 'gu'))) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width).map((r) => Math.round(r.top)));
          if (tops.size > 1) split.push(m[0]);
        }
      }
    }
    return split;
  }, [selector, pattern]);

for (const width of [280, 240]) {
  test(`narrow table cards (${width} px): no figure is split over two lines, and none leaves the card`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await open(page, '#view=table');
    await expect(page.locator('.fb-table-view .fb-table td').first()).toBeVisible();
    await expect(page.locator('.fb-table-view .fb-table')).toContainText('14,840,306.80');
    expect(await splitRuns(page, '.fb-table-view .fb-table td, .fb-table-view .fb-table th')).toEqual([]);
    expect(await overflow(page)).toEqual({ out: [], sideways: false });
  });
}

test('a Japanese share stays on one line with its bound ("5%以下"), at every width', async ({ page }) => {
  await open(page, '#lang=ja&view=table');
  for (let width = 900; width >= 320; width -= 20) {
    await page.setViewportSize({ width, height: 900 });
    expect(await splitRuns(page, '.fb-table-view .fb-table td.fb-num', '[\\d.,]+%[^\\s,、]*'), `at ${width} px`).toEqual([]);
  }
});

/** Text of `selector`'s elements that reaches past their own right edge (clipped or overflowing). */
const textOutside = (page, selector) =>
  page.evaluate((selector) => {
    const out = [];
    for (const cell of document.querySelectorAll(selector)) {
      // Text for screen readers only is clipped to nothing wherever it sits
      // (the page's sideways scroll, checked apart, is what it could cost).
      const seen = [];
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement.closest('.fb-sr-only')) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        seen.push(...[...range.getClientRects()].map((r) => r.right));
      }
      if (Math.max(...seen) > cell.getBoundingClientRect().right + 0.5) out.push(cell.textContent);
    }
    return out;
  }, selector);

for (const [lang, width] of [['ja', 360], ['en', 300], ['en', 450], ['fr', 450]]) {
  test(`table at 200 % text (${lang}, ${width} px): every figure is shown whole, its bound word too`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await open(page, `#lang=${lang}&view=table`);
    await page.addStyleTag({ content: 'html { font-size: 200% }' });
    await expect(page.locator('.fb-table-view .fb-table td').first()).toBeVisible();
    expect(await textOutside(page, '.fb-table-view .fb-table td, .fb-table-view .fb-table :is(tbody, tfoot) th')).toEqual([]);
    expect(await overflow(page)).toEqual({ out: [], sideways: false });
  });
}

test('forced colours: the selected year row and theme card stand out by more than colour, as the legend entry does', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active', colorScheme: 'light' });
  await open(page, '#view=years&ysel=2019');
  await expect(page.getByRole('option', { name: /^2019/ })).toHaveAttribute('aria-selected', 'true');
  const look = (sel) =>
    page.locator(sel).evaluateAll((els) => {
      const bg = getComputedStyle(els[0].closest('.fb-root')).backgroundColor;
      return els.map((el) => {
        const s = getComputedStyle(el);
        return {
          selected: el.matches('.is-selected'),
          // A line: a border that is not the background's colour, or an outline.
          line: s.borderTopColor !== bg ? parseFloat(s.borderTopWidth) : 0,
          outline: s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth),
        };
      });
    });
  const rows = await look('.fb-bar-row');
  expect(rows.filter((r) => r.selected)).toHaveLength(1);
  // Only the selected row has a line (all of them had one, the selected's
  // only a little thicker and in another colour).
  for (const r of rows) expect(r.line > 0, JSON.stringify(r)).toBe(r.selected);

  await open(page, '#view=theme');
  await page.locator('.fb-theme .fb-link-button').first().click();
  await expect(page.locator('.fb-theme.is-selected')).toHaveCount(1);
  await page.mouse.move(0, 0);
  const cards = await look('.fb-theme');
  // Every card keeps its frame; the pressed one has a second, outside it.
  const selected = cards.find((c) => c.selected);
  for (const c of cards.filter((c) => !c.selected)) {
    expect(c.line).toBeGreaterThan(0);
    expect(c.outline).toBe(0);
  }
  expect(selected.line).toBeGreaterThan(1);
  expect(selected.outline).toBeGreaterThan(0);
});

for (const [width, height] of [
  [320, 640],
  [360, 740],
]) {
  test(`tabs keep their boxes whichever is selected (French, ${width}x${height})`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/index.fr.html');
    await wake(page);
    await expect(page.locator(PRERENDERED)).toHaveCount(0);
    const tabs = page.getByRole('tab');
    // In the page's coordinates: a click may scroll the tab into view.
    const boxes = () =>
      tabs.evaluateAll((ts) =>
        ts.map((t) => {
          const r = t.getBoundingClientRect();
          return [r.x + scrollX, r.y + scrollY, r.width, r.height];
        }),
      );
    const before = await boxes();
    for (const tab of await tabs.all()) {
      const name = await tab.textContent();
      await tab.click();
      await expect(tab).toHaveAttribute('aria-selected', 'true');
      // The selected tab is bold, in a box as wide as before: no row of
      // tabs reflows, no tab moves under the finger.
      expect(await tab.evaluate((t) => getComputedStyle(t).fontWeight)).toBe('600');
      expect(await boxes(), `after selecting ${name}`).toEqual(before);
    }
  });
}

test('text enlarged 200 % on a phone: a selected part\'s figures stay inside the card', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await open(page, '#view=region&sel=sub-saharan-africa');
  await page.addStyleTag({ content: 'html { font-size: 200% }' });
  const amount = page.locator('.fb-detail-amount');
  await expect(amount).toContainText('14,840,306.80');
  const [figure, card] = [await amount.boundingBox(), await page.locator('.fb-root').boundingBox()];
  expect(figure.x + figure.width).toBeLessThanOrEqual(card.x + card.width);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

/** What of the widget reaches past its card's right edge, and whether the page scrolls sideways. */
const overflow = (page) =>
  page.evaluate(() => {
    const card = document.querySelector('.fb-root').getBoundingClientRect();
    const out = [...document.querySelectorAll('.fb-root *')]
      .filter((n) => n.getBoundingClientRect().width && n.getBoundingClientRect().right > card.right + 0.5)
      .map((n) => `${n.tagName}.${n.getAttribute('class')}: ${n.textContent.slice(0, 30)}`);
    return { out, sideways: document.documentElement.scrollWidth > innerWidth };
  });

for (const lang of ['en', 'fr', 'es', 'ja']) {
  test(`text enlarged 200 % on a phone (${lang}): headline, chart and years stay inside the card`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await open(page, `#lang=${lang}&view=years`);
    await page.addStyleTag({ content: 'html { font-size: 200% }' });
    await expect(page.locator('.fb-bar-row').first()).toBeVisible();
    // The years' totals and the current year's badge, then the headline's total.
    expect(await overflow(page)).toEqual({ out: [], sideways: false });
    await page.getByRole('tab').first().click();
    await expect(page.locator('.fb-donut')).toBeVisible();
    expect(await overflow(page)).toEqual({ out: [], sideways: false });
    // The title's words are whole ("Gouverneme / nt du Japon" was not): it is
    // never smaller than the text, but no larger than a narrow card allows.
    // (Japanese breaks between any two characters.)
    if (lang !== 'ja') expect(await splitRuns(page, '.fb-title', '\\p{L}+')).toEqual([]);
    const size = (sel) => page.locator(sel).first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(await size('.fb-title')).toBeGreaterThanOrEqual(await size('.fb-summary'));
  });
}

// At 320 px an exact amount's figure alone is wider than the detail's box
// (a known limit: it still breaks inside, as in the table); its words do not.
for (const [lang, width] of [['fr', 360], ['es', 360], ['en', 360], ['fr', 320], ['en', 320]]) {
  test(`text enlarged 200 % on a phone (${lang}, ${width} px): the total and a part's amounts break between their words`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await open(page, `#lang=${lang}&sel=sub-saharan-africa`);
    await page.addStyleTag({ content: 'html { font-size: 200% }' });
    await expect(page.locator('.fb-detail-amount')).toBeVisible();
    const figures = '.fb-total, .fb-legend-amount, .fb-detail-amount';
    // ("37,1 millions US / D", "more than USD 14.8 millio / n", "14 840 306,8 / 0 USD" were seen.)
    expect(await splitRuns(page, figures, '\\p{L}+')).toEqual([]);
    if (width > 320) expect(await splitRuns(page, figures)).toEqual([]);
    expect(await overflow(page)).toEqual({ out: [], sideways: false });
  });
}

for (const [lang, width] of [['en', 390], ['en', 320], ['en', 280], ['fr', 390], ['fr', 280], ['es', 320], ['es', 280], ['ja', 320], ['ja', 280]]) {
  test(`a phone (${lang}, ${width} px): the actions' labels keep their words whole, in rows alike, also with text enlarged 200 %`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await open(page, `#lang=${lang}`);
    const buttons = page.locator('.fb-actions .fb-button');
    await expect(buttons.first()).toBeVisible();
    const words = lang === 'ja' ? 'ダウンロード|埋め込み|リンク|コピー' : '\\p{L}+';
    // Every button as wide as the others: all two by two, or all one per row
    // (three full rows and two half ones were seen at 280 px in Japanese).
    const widths = async () => new Set(await buttons.evaluateAll((bs) => bs.map((b) => Math.round(b.getBoundingClientRect().width))));
    const alike = (set) => Math.max(...set) - Math.min(...set) <= 1;
    expect(alike(await widths()), [...(await widths())].join(', ')).toBe(true);
    expect(await splitRuns(page, '.fb-actions .fb-button', words)).toEqual([]);
    // At the usual size a phone has them two by two (none of these labels needs a row).
    const tops = await buttons.evaluateAll((bs) => bs.map((b) => Math.round(b.getBoundingClientRect().top)));
    if (width >= 320) expect(tops[1]).toBe(tops[0]);
    await page.addStyleTag({ content: 'html { font-size: 200% }' });
    // ("Downloa / d CSV", "Téléchar / ger en / CSV", "ダウン / ロード" were seen.)
    expect(await splitRuns(page, '.fb-actions .fb-button', words)).toEqual([]);
    expect(alike(await widths())).toBe(true);
    expect(await overflow(page)).toEqual({ out: [], sideways: false });
  });
}

for (const lang of ['en', 'fr']) {
  test(`Years view at 640 px with the browser's text at 200 % (${lang}): its table scrolls in its box, the page not sideways`, async ({ page }) => {
    // The browser's own text size setting (what README's "Theming" means by the reader's default size).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.enable');
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    await page.setViewportSize({ width: 640, height: 700 });
    await open(page, `#lang=${lang}&view=years`);
    await expect(page.locator('.fb-years-view .fb-table-scroll')).toBeVisible();
    // A table wider than its box (as this one was at 640 px before the layout's
    // breakpoints followed the text size; forced here): the "opens in a new tab"
    // texts of its source links, positioned out of sight, must not widen the page.
    await page.addStyleTag({ content: '.fb-years-table { min-width: 1200px }' });
    const scroller = page.locator('.fb-years-view .fb-table-scroll');
    expect(await scroller.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  });
}

for (const lang of ['ja', 'fr', 'en']) {
  test(`Years view at 320 px with the browser's text at 200 % (${lang}): its table fits its box, every figure whole`, async ({ page }) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.enable');
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    await page.setViewportSize({ width: 320, height: 700 });
    await open(page, `#lang=${lang}&view=years`);
    const scroller = page.locator('.fb-years-view .fb-table-scroll');
    await expect(scroller.locator('td').first()).toBeVisible();
    // Stacked rows, one card each: nothing to scroll sideways to.
    expect(await scroller.evaluate((e) => e.scrollWidth - e.clientWidth)).toBe(0);
    expect(await textOutside(page, '.fb-years-view .fb-table td.fb-num')).toEqual([]);
  });
}

test("with the browser's text at 200 %, a 640 px card takes the narrow layout a 320 px card has at the usual size", async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.enable');
  await page.setViewportSize({ width: 640, height: 800 });
  const layout = () =>
    page.locator('.fb-table-view .fb-table td').first().evaluate((td) => getComputedStyle(td, '::before').content);
  await open(page, '#lang=fr&view=table');
  // At the usual size, 640 px is a wide table ...
  expect(await layout()).toBe('none');
  // ... and with the text doubled, the cards a phone gets, each cell with its column's name.
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
  await expect.poll(layout).toContain('Part');
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
});

test("on a phone the Embed panel's code boxes take the card's width, their Copy buttons below", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await open(page, '#lang=fr');
  await page.locator('.fb-actions [aria-expanded]').click();
  const codes = page.locator('.fb-embed .fb-code');
  await expect(codes.first()).toBeVisible();
  const card = await page.locator('.fb-root').boundingBox();
  for (const code of await codes.all()) {
    const box = await code.boundingBox();
    expect(box.width).toBeGreaterThan(card.width * 0.75);
  }
});

test("text spacing (WCAG 1.4.12) leaves the donut's hole texts inside the hole", async ({ page }) => {
  await open(page, '#lang=es&year=2019');
  await page.addStyleTag({
    content: '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important } p { margin-bottom: 2em !important }',
  });
  const fits = await page.locator('.fb-donut').evaluate((svg) => {
    // The hole: radius 58 of the 200-unit viewBox, in screen px.
    const box = svg.getBoundingClientRect();
    const scale = box.width / 200;
    const cx = box.x + 100 * scale;
    return [...svg.querySelectorAll('.fb-hole text')].map((t) => {
      const r = t.getBoundingClientRect();
      return Math.max(Math.abs(r.left - cx), Math.abs(r.right - cx)) <= 58 * scale;
    });
  });
  expect(fits.length).toBeGreaterThan(1);
  expect(fits.every(Boolean)).toBe(true);
});

test("forced colours: focus is drawn in the system's Highlight, on the tabs and on the donut's ring", async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active', colorScheme: 'light' });
  await open(page);
  const highlight = await page.evaluate(() => {
    const probe = Object.assign(document.createElement('span'), { style: 'color: Highlight' });
    document.body.append(probe);
    const c = getComputedStyle(probe).color;
    probe.remove();
    return c;
  });
  await page.getByRole('tab', { name: 'By region' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.activeElement).outlineColor)).toBe(highlight);
  await page.locator('.fb-mark').first().focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => page.locator('.fb-focus-outer').evaluate((n) => getComputedStyle(n).stroke)).toBe(highlight);
});
