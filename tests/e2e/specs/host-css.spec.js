// What a host page's own CSS may do to the <funding-breakdown> element, and
// what it must not (see hosts.js for the host pages).
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from './helpers.js';
import { hostPages, elementPage, hostOf } from './hosts.js';

const here = path.dirname(fileURLToPath(import.meta.url));

const ELEMENTS = ['region', 'table', 'years']
  .map((view) => `<funding-breakdown id="${view}" view="${view}"></funding-breakdown>`)
  .join('\n');

/** Every element's computed font size in each widget, and each widget's height. */
async function sizesOn(page, baseURL, css) {
  await hostPages(page, baseURL, elementPage(`${baseURL}/`, ELEMENTS, css), {});
  await page.goto(`${hostOf(baseURL)}/index.html`);
  for (const id of ['region', 'table', 'years']) {
    await expect(page.locator(`#${id}`)).toHaveAttribute('data-state', 'ready');
  }
  await expect(page.locator('#years .fb-bar-row').first()).toBeVisible();
  return page.evaluate(() =>
    [...document.querySelectorAll('funding-breakdown')].map((el) => {
      const root = el.shadowRoot.querySelector('.fb-root');
      return {
        height: root.getBoundingClientRect().height,
        sizes: [root, ...root.querySelectorAll('*')].map(
          (n) => `${n.tagName} ${n.getAttribute('class') ?? ''}: ${getComputedStyle(n).fontSize}`,
        ),
      };
    }),
  );
}

test("the host page's root font size does not reach the element's text", async ({ page, browser, baseURL }) => {
  // The newsroom trick: 1rem = 10 px on the host page.
  const leaky = await sizesOn(page, baseURL, 'html { font-size: 62.5% }');
  const other = await browser.newPage();
  const plain = await sizesOn(other, baseURL, '');
  await other.close();
  expect(plain[0].sizes[0]).toBe('SECTION fb-root: 16px');
  expect(leaky).toEqual(plain);
});

test("a host rule on the element itself does not restyle the widget's text", async ({ page, browser, baseURL }) => {
  // A CMS theme's `*` rule, or one aimed at the element: both match the host
  // element, so they beat :host, and text inherits what they set.
  const css = `funding-breakdown { white-space: nowrap; text-transform: uppercase; text-indent: 2em;
      font-style: italic; font-weight: 700; letter-spacing: 3px; word-spacing: 1em; text-shadow: 2px 2px magenta;
      text-align: center; font-size-adjust: .2; -webkit-text-fill-color: orange; -webkit-text-stroke: 1px red;
      user-select: none; font-feature-settings: "smcp"; font-kerning: none; cursor: wait; }
    * { text-transform: uppercase; }`;
  const styles = async (p, hostCss) => {
    await hostPages(p, baseURL, elementPage(`${baseURL}/`, ELEMENTS, hostCss), {});
    await p.setViewportSize({ width: 800, height: 900 });
    await p.goto(`${hostOf(baseURL)}/index.html`);
    for (const id of ['region', 'table', 'years']) await expect(p.locator(`#${id}`)).toHaveAttribute('data-state', 'ready');
    await expect(p.locator('#years .fb-bar-row').first()).toBeVisible();
    return p.evaluate(() => ({
      text: [...document.querySelectorAll('funding-breakdown')].flatMap((el) =>
        [...el.shadowRoot.querySelectorAll('.fb-root, .fb-root *')].map((n) => {
          const s = getComputedStyle(n);
          return `${n.tagName}.${n.getAttribute('class')}: ${s.whiteSpace} ${s.textTransform} ${s.textIndent} ${s.fontStyle} ${s.letterSpacing} ${s.wordSpacing} ${s.textShadow} ${s.textAlign} ${s.fontSizeAdjust} ${s.webkitTextFillColor} ${s.webkitTextStrokeWidth} ${s.userSelect} ${s.fontFeatureSettings} ${s.fontKerning} ${s.cursor}`;
        }),
      ),
      // Nothing wider than the page.
      wide: document.documentElement.scrollWidth > innerWidth,
    }));
  };
  const hostile = await styles(page, css);
  const other = await browser.newPage();
  const plain = await styles(other, '');
  await other.close();
  expect(hostile.wide).toBe(false);
  expect(hostile.text).toEqual(plain.text);
});

for (const colorScheme of ['light', 'dark']) {
  test(`the demo page's themed element passes axe in a ${colorScheme} browser`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/demo.html');
    const themed = page.locator('funding-breakdown.demo-themed');
    await expect(themed).toHaveAttribute('data-state', 'ready');
    const results = await new AxeBuilder({ page }).include('funding-breakdown.demo-themed').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

/** The contrast ratios of the element's colours against its background (any CSS colour, through a canvas). */
const contrasts = (el) =>
  el.evaluate((host) => {
    const root = host.shadowRoot.querySelector('.fb-root');
    const ctx = new OffscreenCanvas(1, 1).getContext('2d', { willReadFrequently: true });
    const lum = (css) => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = css;
      ctx.fillRect(0, 0, 1, 1);
      const c = [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)].map((v) => {
        v /= 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    };
    const bg = lum(getComputedStyle(root).backgroundColor);
    const ratio = (css) => {
      const l = lum(css);
      return Math.round(((Math.max(l, bg) + 0.05) / (Math.min(l, bg) + 0.05)) * 100) / 100;
    };
    const q = (s) => getComputedStyle(root.querySelector(s));
    return {
      muted: ratio(q('.fb-legend-amount').color),
      rest: ratio(q('.fb-hatch-line').stroke),
      marks: [...root.querySelectorAll('.fb-donut .fb-mark:not(.fb-rest)')].map((m) => ratio(getComputedStyle(m).fill)),
    };
  });

test("a host's light theme stays readable to a reader in dark mode", async ({ page, baseURL }) => {
  // The demo's theme, with and without its color-scheme.
  const demo = fs.readFileSync(path.resolve(here, '../../../static/demo.css'), 'utf8');
  const theme = demo.slice(demo.indexOf('.demo-themed {'));
  const block = theme.slice(0, theme.indexOf('}') + 1);
  expect(block).toContain('color-scheme: light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await hostPages(
    page,
    baseURL,
    elementPage(
      `${baseURL}/`,
      `<funding-breakdown id="a" class="demo-themed" view="region"></funding-breakdown>
       <funding-breakdown id="b" class="demo-themed no-scheme" view="region"></funding-breakdown>`,
      `${block}\n.no-scheme { color-scheme: normal }`,
    ),
    {},
  );
  await page.goto(`${hostOf(baseURL)}/index.html`);
  for (const id of ['a', 'b']) await expect(page.locator(`#${id}`)).toHaveAttribute('data-state', 'ready');
  // With color-scheme: light, the widget's defaults are all its light ones.
  const a = await contrasts(page.locator('#a'));
  expect(a.muted, JSON.stringify(a)).toBeGreaterThanOrEqual(4.5);
  expect(a.rest, JSON.stringify(a)).toBeGreaterThanOrEqual(3);
  for (const m of a.marks) expect(m, JSON.stringify(a)).toBeGreaterThanOrEqual(3);
  // Without it, the secondary text and the rest still follow --fb-text.
  const b = await contrasts(page.locator('#b'));
  expect(b.muted, JSON.stringify(b)).toBeGreaterThanOrEqual(4.5);
  expect(b.rest, JSON.stringify(b)).toBeGreaterThanOrEqual(3);
});

test('a host that hides the element with visibility hides the widget', async ({ page, baseURL }) => {
  await hostPages(page, baseURL, elementPage(`${baseURL}/`, '<funding-breakdown id="region"></funding-breakdown>', '#region { visibility: hidden }'), {});
  await page.goto(`${hostOf(baseURL)}/index.html`);
  const el = page.locator('#region');
  await expect(el).toHaveAttribute('data-state', 'ready');
  await expect(el.locator('.fb-root')).toBeHidden();
  await el.evaluate((e) => (e.style.visibility = 'visible'));
  await expect(el.locator('.fb-root')).toBeVisible();
});

test('a host page without a doctype (quirks mode) shows the widget as a standards page does', async ({ page, browser, baseURL }) => {
  // Quirks mode reaches into the shadow root: the browser's own table rule
  // (the page's colour and medium size, normal line height) and the line
  // height quirk. A reader in dark mode then got black figures on the dark card.
  const styles = async (p, doctype) => {
    const pages = elementPage(`${baseURL}/`, ELEMENTS, 'funding-breakdown { font-size: 20px }');
    const [type, html] = pages['index.html'];
    pages['index.html'] = [type, doctype ? html : html.replace('<!doctype html>', '')];
    await p.emulateMedia({ colorScheme: 'dark' });
    await hostPages(p, baseURL, pages, {});
    await p.setViewportSize({ width: 800, height: 900 });
    await p.goto(`${hostOf(baseURL)}/index.html`);
    for (const id of ['region', 'table', 'years']) await expect(p.locator(`#${id}`)).toHaveAttribute('data-state', 'ready');
    await expect(p.locator('#years .fb-bar-row').first()).toBeVisible();
    return p.evaluate(() => ({
      mode: document.compatMode,
      widgets: [...document.querySelectorAll('funding-breakdown')].map((el) => {
        const root = el.shadowRoot.querySelector('.fb-root');
        return {
          height: Math.round(root.getBoundingClientRect().height),
          text: [root, ...root.querySelectorAll('*')].map((n) => {
            const s = getComputedStyle(n);
            return `${n.tagName}.${n.getAttribute('class')}: ${s.color} ${s.fontSize} ${s.lineHeight} ${s.fontWeight} ${s.whiteSpace} ${s.textAlign}`;
          }),
        };
      }),
    }));
  };
  const quirks = await styles(page, false);
  const other = await browser.newPage();
  const standard = await styles(other, true);
  await other.close();
  expect([quirks.mode, standard.mode]).toEqual(['BackCompat', 'CSS1Compat']);
  expect(quirks.widgets.map((w) => w.text)).toEqual(standard.widgets.map((w) => w.text));
  // The line height quirk remains: a line holding only a badge (the status,
  // the Years view's current year) has no strut, and is up to 2 px lower.
  for (const [i, w] of quirks.widgets.entries()) {
    expect(Math.abs(w.height - standard.widgets[i].height), `widget ${i}`).toBeLessThanOrEqual(2);
  }
});
