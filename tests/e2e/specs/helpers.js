// Shared helpers for the end-to-end specs.
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SCREENSHOTS = path.resolve(here, '..', 'screenshots');

/** A test whose page fails the test on any console error or uncaught exception. */
export const test = base.extend({
  page: async ({ page }, use) => {
    const errors = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(String(err)));
    await use(page);
    expect(errors, 'console errors').toEqual([]);
  },
});
export { expect };

/** The static copy of the widget that index.html holds until the wasm replaces it. */
export const PRERENDERED = '[data-prerendered]';

/**
 * The reader's first move toward the widget, which makes boot.js start the
 * wasm: the pointer comes over the page at its top-left corner, away from
 * every control. (A move before boot.js has run is not seen, as for a reader.)
 */
export async function wake(page) {
  // lang.js hides a page it sends to another language's: wake that one.
  await expect(page.locator('html[hidden]')).toHaveCount(0);
  // boot.js listens once it has run, which is before DOMContentLoaded.
  await page.waitForLoadState('domcontentloaded');
  await page.mouse.move(2, 2);
  await page.mouse.move(1, 1);
}

/**
 * Holds every wasm response until `release()`, or until `delayMs` after the
 * first wasm request when given. Then falls back to the context's routes
 * (hostPages serves the widget's files to a host page that way), else the network.
 */
export async function holdWasm(page, delayMs) {
  let release;
  const released = new Promise((resolve) => {
    release = resolve;
  });
  const log = { finishedAt: null };
  page.on('requestfinished', (req) => {
    if (req.url().endsWith('.wasm')) log.finishedAt ??= Date.now();
  });
  await page.route('**/*.wasm', async (route) => {
    // The delay runs from the request, which the page makes only once the reader moves.
    if (delayMs !== undefined) setTimeout(release, delayMs);
    await released;
    await route.fallback();
  });
  return { release, log };
}

/**
 * Holds boot.js (on the page and in its frames) until `letBoot()`: the page
 * paints from its own response, its copy's buttons disabled, nothing listening.
 * A page's route comes before the context's (hostPages serves the widget's
 * files there), whenever either was set.
 */
export async function holdBoot(page) {
  return hold(page, '**/boot.js');
}

/**
 * Holds the responses to `url` (a route pattern) until the returned function
 * is called. A page route, so it comes before a context's (hostPages').
 */
export async function hold(page, url) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(url, async (route) => {
    await held;
    await route.fallback();
  });
  return release;
}

/** Opens the widget, moves toward it, and waits until the wasm has rendered it (replaced the pre-rendered copy). */
export async function open(page, hash = '') {
  // From a page of the widget, a link differing only in its hash would be a
  // same-document navigation, not a load, and the old view still there.
  if (page.url().startsWith('http')) await page.goto('about:blank');
  await page.goto('/' + hash);
  await wake(page);
  await expect(page.locator(PRERENDERED)).toHaveCount(0);
  await expect(page.locator('.fb-root')).toBeVisible();
  await expect(page.locator('[role=tablist]')).toBeVisible();
  // A hash's language is fetched after the first render: wait until it is
  // shown, or a test may read one text in English and the next in it.
  const lang = /[#&]lang=([a-z]{2})\b/.exec(hash)?.[1];
  if (lang) await expect(page.locator('.fb-root')).toHaveAttribute('lang', lang);
}

/**
 * What the donut's hole says, one string per kind of line, each `<text>` a
 * line: [the total or the shown part's share, its caption or the part's name].
 * No-break spaces read as spaces.
 */
export async function hole(page) {
  return page.locator('svg.fb-donut .fb-hole').evaluate((g) => {
    const join = (selector) =>
      [...g.querySelectorAll(selector)].map((t) => t.textContent).join(' ').replace(/\s+/g, ' ');
    return [join('.fb-donut-total'), join('.fb-donut-caption')];
  });
}

/** Clicks a donut mark at a point that really is the mark (its box centre may be the hole). */
export async function clickMark(page, locator) {
  const point = await markPoint(page, locator);
  await page.mouse.click(point.x, point.y);
}

/**
 * Puts a finger down on the middle of `locator` (which stays down, as a
 * reader's held on it); returns what lifts it.
 */
export async function fingerDown(page, locator) {
  await locator.scrollIntoViewIfNeeded();
  const b = await locator.boundingBox();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: b.x + b.width / 2, y: b.y + b.height / 2 }] });
  return () => cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** A point of the viewport where `locator`, a donut mark, is the element hit. */
export async function markPoint(page, locator) {
  await locator.scrollIntoViewIfNeeded();
  const handle = await locator.elementHandle();
  const point = await page.evaluate((el) => {
    // Inside a shadow root, ask the root: the document only sees the host.
    const root = el.getRootNode();
    const box = el.getBoundingClientRect();
    for (let fy = 0.1; fy < 1; fy += 0.1) {
      for (let fx = 0.1; fx < 1; fx += 0.1) {
        const x = box.left + box.width * fx;
        const y = box.top + box.height * fy;
        if (root.elementFromPoint(x, y) === el) return { x, y };
      }
    }
    return null;
  }, handle);
  expect(point, 'a clickable point on the mark').not.toBeNull();
  return point;
}

/** Runs axe-core on the page and expects no violations. */
export async function expectNoAxeViolations(page, label) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations in ${label}`).toEqual([]);
}

export async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
