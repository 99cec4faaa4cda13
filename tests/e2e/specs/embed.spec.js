// Embedding on host pages of another origin (see hosts.js), with and without
// the strict CSP on both sides. The snippets are read from README.md, so the
// documentation is what gets tested.
import fs from 'node:fs';
import { test as plainTest } from '@playwright/test';
import { test, expect, clickMark, markPoint, fingerDown, open, holdWasm, holdBoot, hold } from './helpers.js';
import { hostPages, elementPage, hostOf, snippet, HASHLESS_CSP } from './hosts.js';

/**
 * Opens a host page of another origin holding `body`, with every `.wasm`
 * response held until `release()` (`holdWasm`): the element's wait, seen.
 */
async function openHeld(page, baseURL, body, { csp = true } = {}) {
  await hostPages(page, baseURL, elementPage(`${baseURL}/`, body), { csp });
  const held = await holdWasm(page);
  await page.goto(`${hostOf(baseURL)}/index.html`);
  return held;
}

/**
 * Opens a host page with the elements in `body` whose first wasm request
 * fails (later ones go through); returns how many wasm requests were made so
 * far. The page logs the failure, as it should: not a test failure here.
 */
async function openWasmFailingOnce(page, baseURL, body) {
  page.removeAllListeners('console');
  await hostPages(page, baseURL, elementPage(`${baseURL}/`, body), { csp: false });
  let requests = 0;
  // Registered after hostPages', so it is tried first.
  await page.context().route('**/*.wasm', (route) => (requests++ === 0 ? route.abort('failed') : route.fallback()));
  await page.goto(`${hostOf(baseURL)}/index.html`);
  return () => requests;
}

async function expectClean(page, log) {
  expect(log.foreign, 'requests to third parties').toEqual([]);
  expect(log.violations, 'CSP violations in the console').toEqual([]);
  for (const frame of page.frames()) {
    expect(await frame.evaluate(() => window.__csp ?? []), 'CSP violation events').toEqual([]);
  }
}

/** Opens a host page with `iframe` (README's snippet, if not given) and README's height listener. */
async function openIframeHost(page, baseURL, { csp, iframe = snippet('iframe', `${baseURL}/`), css = '', before = '' }) {
  const listener = snippet('listener', `${baseURL}/`).replace(/^<script>\n|\n<\/script>$/g, '');
  const log = await hostPages(
    page,
    baseURL,
    {
      'index.html': [
        'text/html',
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
         <link rel="stylesheet" href="host.css"><script src="listener.js"></script></head>
         <body><main><h1>Host page</h1>${before}${iframe}</main></body></html>`,
      ],
      'listener.js': ['text/javascript', listener],
      'host.css': ['text/css', css],
    },
    { csp },
  );
  await page.goto(`${hostOf(baseURL)}/index.html`);
  return log;
}

for (const csp of [false, true]) {
  const label = csp ? ' (strict CSP)' : '';

  test(`the iframe embed sizes itself to its content${label}`, async ({ page, baseURL }) => {
    const wasm = [];
    page.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(r.url()));
    const log = await openIframeHost(page, baseURL, { csp });
    const frame = page.frameLocator('iframe.funding-breakdown');
    await expect(frame.locator('svg.fb-donut')).toBeVisible();

    // The frame is cross-origin: measure from inside it. Its viewport is the
    // iframe's box, so content height == viewport height means no scrollbar.
    const innerHeight = () =>
      page.frames()[1].evaluate(() => ({
        content: document.documentElement.scrollHeight,
        viewport: window.innerHeight,
      }));
    const expectNoScroll = async () => {
      await expect
        .poll(async () => {
          const h = await innerHeight();
          return Math.abs(h.content - h.viewport) <= 2;
        })
        .toBe(true);
    };
    await expectNoScroll();
    // Sized from the static copy: a reader who scrolls past never downloads the wasm.
    expect(wasm).toEqual([]);
    const before = (await innerHeight()).viewport;
    // The tab of the static copy starts the wasm, which opens it.
    await frame.getByRole('tab', { name: 'Sources' }).click();
    // The frame follows the new content height (which differs for this view).
    await expect
      .poll(async () => {
        const h = await innerHeight();
        return h.viewport !== before && Math.abs(h.content - h.viewport) <= 2;
      })
      .toBe(true);
    expect(wasm).toHaveLength(1);
    await expectClean(page, log);
  });

  test(`three elements on one page are independent${label}`, async ({ page, baseURL }) => {
    const log = await hostPages(
      page,
      baseURL,
      elementPage(
        `${baseURL}/`,
        `<funding-breakdown id="a" view="region"></funding-breakdown>
         <funding-breakdown id="b" view="region" lang="ja"></funding-breakdown>
         <funding-breakdown id="c" view="table"></funding-breakdown>`,
      ),
      { csp },
    );
    await page.goto(`${hostOf(baseURL)}/index.html`);
    for (const id of ['a', 'b', 'c']) {
      await expect(page.locator(`#${id}`)).toHaveAttribute('data-state', 'ready');
    }
    await expect(page.locator('#c table.fb-table')).toBeVisible();
    // Japanese texts come from the widget's origin, under the host's policy.
    await expect(page.locator('#b .fb-root')).toHaveAttribute('lang', 'ja');
    await expect(page.locator('#b').getByRole('tab', { name: '地域別' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('#a .fb-root')).toHaveAttribute('lang', 'en');
    await clickMark(page, page.locator('#a path[data-id="asia"]'));
    await expect(page.locator('#a .fb-detail-name')).toHaveText('Asia');
    await expect(page.locator('#b .fb-detail')).toHaveClass(/is-empty/);
    // Every id in every shadow root is unique.
    const ids = await page.evaluate(() =>
      [...document.querySelectorAll('funding-breakdown')].flatMap((el) =>
        [...el.shadowRoot.querySelectorAll('[id]')].map((n) => n.id),
      ),
    );
    expect(ids.length).toBeGreaterThan(10);
    expect(new Set(ids).size).toBe(ids.length);
    // The embedded title is not the host page's h1.
    await expect(page.locator('h1')).toHaveCount(1);
    await expectClean(page, log);
  });

  test(`hostile host CSS does not break the element${label}`, async ({ page, baseURL }) => {
    const log = await hostPages(
      page,
      baseURL,
      elementPage(
        `${baseURL}/`,
        '<funding-breakdown view="region"></funding-breakdown>',
        'svg { display: none } * { color: red !important } div { padding: 50px !important }',
      ),
      { csp },
    );
    await page.goto(`${hostOf(baseURL)}/index.html`);
    const el = page.locator('funding-breakdown');
    await expect(el).toHaveAttribute('data-state', 'ready');
    await expect(el.locator('svg.fb-donut')).toBeVisible();
    const colour = await el.locator('.fb-title').evaluate((n) => getComputedStyle(n).color);
    expect(colour).not.toBe('rgb(255, 0, 0)');
    await expectClean(page, log);
  });

  test(`attributes switch the view and theme it${label}`, async ({ page, baseURL }) => {
    const log = await hostPages(
      page,
      baseURL,
      elementPage(
        `${baseURL}/`,
        '<funding-breakdown view="region"></funding-breakdown>',
        'funding-breakdown { --fb-accent: #8a1538; --fb-radius: 0px; --fb-font: Georgia, serif; }',
      ),
      { csp },
    );
    await page.goto(`${hostOf(baseURL)}/index.html`);
    const el = page.locator('funding-breakdown');
    await expect(el).toHaveAttribute('data-state', 'ready');
    await el.evaluate((n) => n.setAttribute('view', 'table'));
    await expect(el.locator('table.fb-table')).toBeVisible();
    await el.evaluate((n) => n.setAttribute('sel', 'asia'));
    await el.evaluate((n) => n.setAttribute('view', 'region'));
    await expect(el.locator('.fb-detail-name')).toHaveText('Asia');
    // Theming custom properties reach into the shadow root.
    const styles = await el.locator('.fb-root').evaluate((n) => {
      const s = getComputedStyle(n);
      return { radius: s.borderTopLeftRadius, font: s.fontFamily };
    });
    expect(styles.radius).toBe('0px');
    expect(styles.font).toContain('Georgia');
    const tab = await el.locator('[role=tab][aria-selected=true]').evaluate(
      (n) => getComputedStyle(n).borderBottomColor,
    );
    expect(tab).toBe('rgb(138, 21, 56)');
    await expectClean(page, log);
  });
}

/**
 * A host page with README's iframe snippet (then `after`) and a listener
 * that keeps every height the frame posts (`window.heights`), the widget
 * under `csp`.
 */
async function openHeightsHost(page, baseURL, csp, waitUntil = 'load', after = '') {
  const log = await hostPages(
    page,
    baseURL,
    {
      'index.html': [
        'text/html',
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
         <script src="heights.js"></script></head>
         <body><main><h1>Host page</h1>${snippet('iframe', `${baseURL}/`)}${after}</main></body></html>`,
      ],
      'heights.js': [
        'text/javascript',
        "window.heights = []; addEventListener('message', (e) => e.data?.type === 'funding-breakdown:height' && heights.push(e.data.height));",
      ],
    },
    { csp },
  );
  await page.goto(`${hostOf(baseURL)}/index.html`, { waitUntil });
  return log;
}

test("the Embed panel's iframe snippet, pasted as is under README's host policy, fits the frame though frame.js comes after its first height", async ({ page, baseURL }) => {
  const base = `${baseURL}/`;
  const letScript = await hold(page, `${base}frame.js`);
  // The panel's snippet (the iframe, then frame.js async), and a recorder of
  // what the frame posts, to know when it has. (Its load waits for the held script.)
  const log = await openHeightsHost(page, baseURL, true, 'domcontentloaded', `\n${snippet('frame-script', base)}`);
  const iframe = page.locator('iframe.funding-breakdown');
  await expect(page.frameLocator('iframe.funding-breakdown').locator('svg.fb-donut')).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.heights.length)).toBeGreaterThan(0);
  // Posted to no listener yet: the snippet's height.
  expect(await iframe.evaluate((f) => f.style.height)).toBe('');
  letScript();
  const tall = () => page.frames()[1].evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  await expect.poll(() => iframe.evaluate((f) => f.style.height)).toBe(`${await tall()}px`);
  expect(await iframe.evaluate((f) => f.getBoundingClientRect().height)).toBe(await tall());
  await expectClean(page, log);
});

test('the iframe posts its height from the first layout, before boot.js has come (strict CSP)', async ({ page, baseURL }) => {
  const letBoot = await holdBoot(page);
  const log = await openHeightsHost(page, baseURL, true, 'commit');
  await expect(page.frameLocator('iframe.funding-breakdown').locator('svg.fb-donut')).toBeVisible();
  const tall = () => page.frames()[1].evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  await expect.poll(async () => (await page.evaluate(() => window.heights)).at(-1)).toBe(await tall());
  // Still before boot.js: it enables the copy's tabs.
  await expect(page.frameLocator('iframe.funding-breakdown').getByRole('tab').first()).toBeDisabled();
  letBoot();
  await expectClean(page, log);
});

plainTest('under a strict policy without the hashes of csp.txt, the iframe posts only its styled height', async ({ page, baseURL }) => {
  // boot.js brings the blocked stylesheet as a file; a height posted before it
  // came (the unstyled page, three or four times as tall) would make the host jump.
  await openHeightsHost(page, baseURL, HASHLESS_CSP);
  const frame = page.frameLocator('iframe.funding-breakdown');
  await expect(frame.locator('svg.fb-donut')).toBeVisible();
  await expect.poll(() => page.frames()[1].evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(1200);
  const styled = await page.frames()[1].evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  await expect.poll(() => page.evaluate(() => window.heights.length)).toBeGreaterThan(0);
  const heights = await page.evaluate(() => window.heights);
  expect(heights.every((h) => Math.abs(h - styled) <= 2), `posted ${heights} for a page ${styled} px tall`).toBe(true);
});

test.describe('for a reader whose browser is French', () => {
  test.use({ locale: 'fr-FR' });

  test('an iframe embed that names no language goes to the French page and still sizes itself (strict CSP)', async ({ page, baseURL }) => {
    const iframe = snippet('iframe', `${baseURL}/`).replace('&amp;lang=en', '');
    const log = await openIframeHost(page, baseURL, { csp: true, iframe });
    const frame = page.frameLocator('iframe.funding-breakdown');
    await expect(frame.getByRole('tab', { name: 'Par région' })).toBeEnabled();
    expect(page.frames()[1].url()).toMatch(/\/index\.fr\.html#view=region/);
    // The height the page posts after the move is still the one the host applies.
    await expect
      .poll(() =>
        page.frames()[1].evaluate(
          () => Math.abs(document.documentElement.scrollHeight - window.innerHeight) <= 2,
        ),
      )
      .toBe(true);
    await expectClean(page, log);
  });

  test("the snippet the widget gives keeps the embedder's English", async ({ page, baseURL }) => {
    await hostPages(
      page,
      baseURL,
      {
        'index.html': [
          'text/html',
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head>
           <body><main>${snippet('iframe', `${baseURL}/`)}
           ${snippet('element', `${baseURL}/`)}</main></body></html>`,
        ],
      },
      { csp: true },
    );
    await page.goto(`${hostOf(baseURL)}/index.html`);
    const frame = page.frameLocator('iframe.funding-breakdown');
    await expect(frame.getByRole('tab', { name: 'By region' })).toBeEnabled();
    expect(page.frames()[1].url()).toMatch(/\/index\.html#view=region&lang=en$/);
    const el = page.locator('funding-breakdown');
    await expect(el).toHaveAttribute('data-state', 'ready');
    await expect(el.getByRole('tab', { name: 'By region' })).toBeVisible();
  });
});

/**
 * A host page with `element` on it whose failure is expected: the console's
 * error (the widget logs it) is not a test failure, and the element's
 * `funding-breakdown:error` messages are kept in `window.__errors`.
 */
async function failingElement(page, baseURL, element) {
  page.removeAllListeners('console');
  await hostPages(page, baseURL, elementPage(`${baseURL}/`, element), { csp: false });
  await page.addInitScript(() => {
    window.__errors = [];
    document.addEventListener('funding-breakdown:error', (e) => window.__errors.push(e.detail.message));
  });
  await page.goto(`${hostOf(baseURL)}/index.html`);
  return page.locator('funding-breakdown');
}

test('a missing dataset gives an error state, an event and a Retry button', async ({ page, baseURL }) => {
  const el = await failingElement(page, baseURL, `<funding-breakdown src="${baseURL}/data/missing.json"></funding-breakdown>`);
  await expect(el).toHaveAttribute('data-state', 'error');
  await expect(el.getByRole('alert')).toContainText('error 404');
  await expect(el.getByRole('alert')).not.toContainText('Try again');
  await expect(el.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(el.locator('svg')).toHaveCount(0);
  expect((await page.evaluate(() => window.__errors))[0]).toContain('404');
});

test('a failed load is told in the element\'s language, once, without English first', async ({ page, baseURL }) => {
  const el = await failingElement(page, baseURL, `<funding-breakdown lang="fr" src="${baseURL}/data/missing.json"></funding-breakdown>`);
  // Every text the alert ever had, from its insertion on.
  await page.evaluate(() => {
    window.__alerts = [];
    const root = document.querySelector('funding-breakdown').shadowRoot ?? document;
    const seen = () => root.querySelectorAll('[role=alert]').forEach((a) => window.__alerts.push(a.textContent));
    new MutationObserver(seen).observe(root, { subtree: true, childList: true, characterData: true });
    seen();
  });
  await expect(el).toHaveAttribute('data-state', 'error');
  const alert = el.getByRole('alert');
  await expect(alert).toContainText('le serveur a répondu par l’erreur 404');
  await expect(el.locator('.fb-root[lang="fr"] [role=alert]')).toBeVisible();
  await expect(el.getByRole('button', { name: 'Réessayer' })).toBeVisible();
  const texts = await page.evaluate(() => window.__alerts);
  expect(texts.filter((t) => /could not|Try again/.test(t))).toEqual([]);
});

test('a dataset from src is loaded and shown', async ({ page, baseURL }) => {
  await hostPages(
    page,
    baseURL,
    elementPage(`${baseURL}/`, `<funding-breakdown src="${baseURL}/data/japan-iom-2021.json" view="table"></funding-breakdown>`),
    { csp: false },
  );
  await page.goto(`${hostOf(baseURL)}/index.html`);
  const el = page.locator('funding-breakdown');
  await expect(el).toHaveAttribute('data-state', 'ready');
  await expect(el.locator('table.fb-table')).toContainText('more than USD 14,840,306.80');
});

test('on a right-to-left host page the widget stays left to right', async ({ page, baseURL }) => {
  await hostPages(
    page,
    baseURL,
    elementPage(`${baseURL}/`, `<div dir="rtl" lang="ar"><funding-breakdown lang="en"></funding-breakdown></div>`),
    { csp: false },
  );
  await page.goto(`${hostOf(baseURL)}/index.html`);
  const el = page.locator('funding-breakdown');
  await expect(el).toHaveAttribute('data-state', 'ready');
  const root = el.locator('.fb-root');
  expect(await root.evaluate((r) => getComputedStyle(r).direction)).toBe('ltr');
  // The tabs run from the left, as on any page.
  const [first, second] = [await el.getByRole('tab').nth(0).boundingBox(), await el.getByRole('tab').nth(1).boundingBox()];
  expect(first.x).toBeLessThan(second.x);
});

test('loading="lazy": nothing is fetched until the element comes near the viewport', async ({ page, baseURL }) => {
  await hostPages(
    page,
    baseURL,
    elementPage(`${baseURL}/`, '<div style="height: 5000px"></div><funding-breakdown loading="lazy"></funding-breakdown>'),
    { csp: false },
  );
  const wasm = [];
  page.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(r.url()));
  await page.goto(`${hostOf(baseURL)}/index.html`);
  const el = page.locator('funding-breakdown');
  await page.waitForLoadState('load');
  await page.waitForTimeout(1000);
  expect(wasm, 'no wasm while the element is far below').toEqual([]);
  await expect(el).toHaveAttribute('data-state', 'loading');
  // Scrolled to within a screen of it: it starts before it is in view.
  await page.evaluate(() => scrollTo(0, document.querySelector('funding-breakdown').offsetTop - 1.5 * innerHeight));
  await expect(el).toHaveAttribute('data-state', 'ready');
  expect(wasm).toHaveLength(1);
  await el.scrollIntoViewIfNeeded();
  await expect(el.locator('svg.fb-donut')).toBeVisible();
});

test('removing elements leaves nothing running', async ({ page, baseURL }) => {
  await hostPages(
    page,
    baseURL,
    elementPage(`${baseURL}/`, '<funding-breakdown></funding-breakdown><funding-breakdown></funding-breakdown>'),
    { csp: false },
  );
  await page.goto(`${hostOf(baseURL)}/index.html`);
  await expect(page.locator('funding-breakdown').first()).toHaveAttribute('data-state', 'ready');
  await page.evaluate(() => document.querySelectorAll('funding-breakdown').forEach((e) => e.remove()));
  await expect(page.locator('funding-breakdown')).toHaveCount(0);
  // Re-adding works: the element mounts afresh.
  await page.evaluate(() => document.body.append(document.createElement('funding-breakdown')));
  await expect(page.locator('funding-breakdown')).toHaveAttribute('data-state', 'ready');
});

test('the Embed panel offers both snippets for the current view', async ({ page, baseURL, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await page.goto('/#view=table');
  await expect(page.locator('table.fb-table')).toBeVisible();
  const button = page.getByRole('button', { name: 'Embed' });
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const base = `${baseURL}/`;
  // The iframe comes with the listener that sizes it.
  const iframe = snippet('iframe', base).replace('#view=region', '#view=table');
  await expect(page.locator('textarea').first()).toHaveValue(`${iframe}\n${snippet('frame-script', base)}`);
  // The element's label says what it looks like, not that it takes the page's fonts.
  await expect(page.locator('.fb-embed')).not.toContainText("follows your page's fonts");
  await expect(page.locator('.fb-embed')).toContainText('system font');
  const element = snippet('element', base).replace('view="region"', 'view="table"');
  await expect(page.locator('textarea').nth(1)).toHaveValue(element);
  await page.locator('[data-copy=element]').click();
  await expect(page.getByRole('status').last()).toHaveText('Copied to the clipboard');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(element);
  // Escape inside the panel closes it, and focus goes back to its button.
  await page.locator('textarea').first().focus();
  await page.keyboard.press('Escape');
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('.fb-embed')).toHaveCount(0);
  await expect(button).toBeFocused();
});

test('the demo page shows every kind of embed', async ({ page }) => {
  await page.goto('/demo.html');
  await expect(page.locator('funding-breakdown')).toHaveCount(3);
  for (const el of await page.locator('funding-breakdown').all()) {
    await expect(el).toHaveAttribute('data-state', 'ready');
  }
  await expect(page.frameLocator('iframe.funding-breakdown').locator('svg.fb-donut')).toBeVisible();
});

for (const [label, value] of [['""', ''], ['of spaces', '  ']]) {
  test(`an empty src (${label}) is an error, never the default data`, async ({ page, baseURL }) => {
    // The widget logs the error to the console, as for any dataset it cannot load.
    const el = await failingElement(page, baseURL, `<funding-breakdown src="${value}" view="table"></funding-breakdown>`);
    await expect(el).toHaveAttribute('data-state', 'error');
    await expect(el.getByRole('alert')).toContainText('src attribute of this widget is empty');
    await expect(el.locator('table, svg')).toHaveCount(0);
    expect(await page.evaluate(() => window.__errors)).toEqual([
      'The src attribute of this widget is empty, so it names no dataset to show.',
    ]);
  });
}

test('a src that is no URL is said so, with no request and no Try again', async ({ page, baseURL }) => {
  const requests = [];
  page.on('request', (r) => r.url().includes('::1') && requests.push(r.url()));
  const el = await failingElement(page, baseURL, '<funding-breakdown src="http://[::1/data.json"></funding-breakdown>');
  await expect(el).toHaveAttribute('data-state', 'error');
  await expect(el.getByRole('alert')).toContainText('The src attribute, http://[::1/data.json, is not a web address this page can load');
  // Not "the network may be down", and nothing to try again.
  await expect(el.getByRole('alert')).not.toContainText('network');
  await expect(el.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  expect(await page.evaluate(() => window.__errors)).toEqual([
    'The src attribute, http://[::1/data.json, is not a web address this page can load; check how it is written.',
  ]);
  expect(requests).toEqual([]);
});

test('the Embed panel of an element with src offers only the element, with src made absolute', async ({ page, baseURL }) => {
  // A dataset beside the host page, named relative to it as an embedder writes it.
  const alt = fs.readFileSync(new URL('../../data/good/minimal.json', import.meta.url), 'utf8');
  const host = hostOf(baseURL);
  await hostPages(
    page,
    baseURL,
    {
      ...elementPage(`${baseURL}/`, '<funding-breakdown src="data/alt.json" view="table"></funding-breakdown>'),
      'data/alt.json': ['application/json', alt],
    },
    { csp: false },
  );
  await page.goto(`${host}/index.html`);
  const el = page.locator('funding-breakdown');
  await expect(el).toHaveAttribute('data-state', 'ready');
  await el.getByRole('button', { name: 'Embed' }).click();
  // The standalone page cannot show this dataset, so no iframe is offered.
  await expect(el.locator('[data-copy=iframe]')).toHaveCount(0);
  await expect(el.locator('textarea')).toHaveCount(1);
  await expect(el.locator('.fb-embed .fb-note')).toContainText('There is no iframe code');
  await expect(el.locator('textarea')).toHaveValue(
    `<funding-breakdown src="${host}/data/alt.json" view="table" lang="en"></funding-breakdown>\n` +
      `<script type="module" src="${baseURL}/embed.js"></script>`,
  );
});

test('the Copy buttons of the Embed panel are named apart and announce every copy, and a refusal', async ({ page, baseURL, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await open(page);
  await page.getByRole('button', { name: 'Embed' }).click();
  const status = page.locator('.fb-footer-status');
  const said = () => status.evaluate((n) => n.textContent);
  await page.getByRole('button', { name: 'Copy the iframe code' }).click();
  await expect(status).toHaveText('Copied to the clipboard');
  const first = await said();
  await page.getByRole('button', { name: 'Copy the element code' }).click();
  // Changed text is what makes a screen reader speak again.
  await expect.poll(said).not.toBe(first);
  await expect(status).toHaveText('Copied to the clipboard');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('<funding-breakdown');

  // A browser that refuses: the reader is told, and the code is selected to copy by hand.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));
  });
  await page.getByRole('button', { name: 'Copy the element code' }).click();
  await expect(status).toContainText('not allowed to copy');
  const selected = await page.evaluate(() => {
    const field = document.activeElement;
    return field.value.slice(field.selectionStart, field.selectionEnd);
  });
  expect(selected).toContain('<funding-breakdown');
});

test('a wasm that failed to load once is fetched again by Try again', async ({ page, baseURL }) => {
  const requests = await openWasmFailingOnce(page, baseURL, '<funding-breakdown id="a" lang="fr"></funding-breakdown>');
  const a = page.locator('#a');
  await expect(a).toHaveAttribute('data-state', 'error');
  const alert = a.getByRole('alert');
  await expect(alert).toContainText('n’a pas pu être chargée');
  // Styled as the widget's own errors.
  expect(await a.locator('.fb-error').evaluate((n) => getComputedStyle(n).borderInlineStartWidth)).toBe('4px');
  // Try again is beside the alert, not read as the end of its sentence.
  await expect(alert).not.toContainText('Réessayer');
  // The network is back: Try again starts it.
  await a.getByRole('button', { name: 'Réessayer' }).click();
  await expect(a).toHaveAttribute('data-state', 'ready');
  await expect(a.getByRole('tab', { name: 'Par région' })).toBeVisible();
  expect(requests()).toBe(2);
});

test('when the wasm fails for every element, a new element that gets it starts the others too', async ({ page, baseURL }) => {
  const requests = await openWasmFailingOnce(
    page,
    baseURL,
    '<funding-breakdown id="a" lang="fr"></funding-breakdown><funding-breakdown id="b" view="table"></funding-breakdown>',
  );
  await expect(page.locator('#a')).toHaveAttribute('data-state', 'error');
  await expect(page.locator('#b')).toHaveAttribute('data-state', 'error');
  // One element gets the wasm (added by the host, or a reader's Try again on one of them).
  await page.evaluate(() => document.body.append(Object.assign(document.createElement('funding-breakdown'), { id: 'c' })));
  for (const id of ['c', 'a', 'b']) await expect(page.locator(`#${id}`)).toHaveAttribute('data-state', 'ready');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('#a').getByRole('tab', { name: 'Par région' })).toBeVisible();
  expect(requests()).toBe(2);
});

test('an element re-inserted after the wasm failed to load starts', async ({ page, baseURL }) => {
  await openWasmFailingOnce(page, baseURL, '<funding-breakdown></funding-breakdown>');
  const el = page.locator('funding-breakdown');
  await expect(el).toHaveAttribute('data-state', 'error');
  await page.evaluate(() => {
    const el = document.querySelector('funding-breakdown');
    el.remove();
    document.body.append(el);
  });
  await expect(el).toHaveAttribute('data-state', 'ready');
  await expect(el.getByRole('alert')).toHaveCount(0);
  await expect(el.locator('svg.fb-donut')).toBeVisible();
});

test('while the wasm downloads, an element that has no static copy (a selection) holds a box of its size saying it is loading', async ({ page, baseURL }) => {
  const { release } = await openHeld(page, baseURL, '<funding-breakdown lang="es" sel="asia"></funding-breakdown><p id="after">After</p>');
  const el = page.locator('funding-breakdown');
  await expect(el.getByRole('status')).toHaveText('Cargando el desglose de la financiación…');
  const top = async () => (await page.locator('#after').boundingBox()).y;
  const before = await top();
  expect((await el.boundingBox()).height).toBeGreaterThan(600);
  release();
  await expect(el).toHaveAttribute('data-state', 'ready');
  await expect(el.getByRole('status').filter({ hasText: 'Cargando' })).toHaveCount(0);
  // The widget takes the box's place with little movement below it.
  expect(Math.abs((await top()) - before)).toBeLessThan(200);
});

/**
 * Opens a host page with `element` above a paragraph, the wasm and `url`
 * held; returns the element, the paragraph's top (now and as a function),
 * and the two releases. The element shows its loading box.
 */
async function openHeldAbove(page, baseURL, element, url) {
  const { release } = await openHeld(page, baseURL, `${element}<p id="after">After</p>`, { csp: false });
  const letData = await hold(page, url);
  const el = page.locator('funding-breakdown');
  const top = async () => (await page.locator('#after').boundingBox()).y;
  await expect(el.getByRole('status')).toHaveText('Loading the funding breakdown…');
  return { el, top, before: await top(), release, letData };
}

/** The height the element's mount point is held at ('' when none). */
const heldHeight = (el) => el.evaluate((e) => e.shadowRoot.querySelector('.fb-mount').style.minHeight);

test('an element with src keeps its loading box\'s height while its data loads: the page below does not jump up and back', async ({ page, baseURL }) => {
  const { el, top, before, release, letData } = await openHeldAbove(
    page,
    baseURL,
    `<funding-breakdown src="${baseURL}/data/japan-iom-2021.json"></funding-breakdown>`,
    '**/data/japan-iom-2021.json',
  );
  release();
  // The widget is running, its data not here yet: its own, smaller note.
  await expect(el.getByRole('status')).toHaveText('Loading the data…');
  await page.waitForTimeout(200);
  expect(await top()).toBe(before);
  letData();
  await expect(el).toHaveAttribute('data-state', 'ready');
  // Then its own height, in one move; the hold is gone.
  expect(Math.abs((await top()) - before)).toBeLessThan(200);
  expect(await heldHeight(el)).toBe('');
});

test('a live element given another src keeps its height while the new data loads, and only then', async ({ page, baseURL }) => {
  await hostPages(
    page,
    baseURL,
    elementPage(`${baseURL}/`, `<funding-breakdown src="${baseURL}/data/japan-iom-2021.json"></funding-breakdown><p id="after">After</p>`),
    { csp: false },
  );
  await page.goto(`${hostOf(baseURL)}/index.html`);
  const el = page.locator('funding-breakdown');
  await expect(el).toHaveAttribute('data-state', 'ready');
  const letData = await hold(page, '**/data/japan-iom-2021.json?again');
  const top = async () => (await page.locator('#after').boundingBox()).y;
  const mount = () => heldHeight(el);
  const before = await top();
  await el.evaluate((e, url) => e.setAttribute('src', url), `${baseURL}/data/japan-iom-2021.json?again`);
  await expect(el.getByRole('status').filter({ hasText: 'Loading the data…' })).toBeVisible();
  await page.waitForTimeout(200);
  expect(await top()).toBe(before);
  letData();
  await expect(el.locator('svg.fb-donut')).toBeVisible();
  await expect.poll(mount).toBe('');
  expect(await top()).toBe(before);
  // A change that loads nothing holds nothing: let go within two frames.
  await el.evaluate((e) => e.setAttribute('view', 'table'));
  await el.evaluate((e) => e.setAttribute('src', e.getAttribute('src') + '&same'));
  await expect(el).toHaveAttribute('data-state', 'ready');
  await expect.poll(mount).toBe('');
});

test('an element asked for the Years view keeps its loading box\'s height until the series is drawn', async ({ page, baseURL }) => {
  const { el, top, before, release, letData } = await openHeldAbove(
    page,
    baseURL,
    '<funding-breakdown view="years"></funding-breakdown>',
    '**/data/japan-iom-series.json',
  );
  release();
  // Ready, its series still loading: the box keeps its height.
  await expect(el).toHaveAttribute('data-state', 'ready');
  await expect(el.locator('.fb-years-view.fb-loading')).toBeVisible();
  await page.waitForTimeout(200);
  expect(await top()).toBe(before);
  letData();
  await expect(el.getByRole('listbox', { name: 'Total by operations year' }).getByRole('option')).toHaveCount(8);
  await expect.poll(() => heldHeight(el)).toBe('');
  expect(await top()).toBeGreaterThan(before);
});

test('while the wasm downloads, a default element shows the chart in its language, and the widget takes its place without a jump (strict CSP)', async ({ page, baseURL }) => {
  const { release, log } = await openHeld(page, baseURL, '<funding-breakdown lang="fr"></funding-breakdown><p id="after">After</p>');
  const el = page.locator('funding-breakdown');
  // The default view, made static at build time: chart, total and legend, in French.
  const copy = el.locator('[data-prerendered]');
  await expect(copy.locator('svg.fb-donut path.fb-mark')).toHaveCount(4);
  await expect(copy.locator('svg.fb-donut')).toBeVisible();
  await expect(copy.locator('.fb-total')).toHaveText('37,1\u00a0millions USD');
  // Its controls take clicks, for the widget (below): none looks enabled while it is not.
  await expect(copy.getByRole('tab', { name: 'Par région' })).toBeEnabled();
  await expect(copy.locator('.fb-legend')).toContainText('plus de 40');
  await expect(el.getByRole('status').filter({ hasText: 'Chargement' })).toHaveCount(0);
  expect(log.finishedAt).toBe(null);
  await expect(el).toHaveAttribute('data-state', 'loading');
  const boxes = () =>
    page.evaluate(() => {
      const root = document.querySelector('funding-breakdown').shadowRoot;
      const box = (s) => {
        const r = root.querySelector(s).getBoundingClientRect();
        return [r.x, r.y, r.width, r.height].map(Math.round);
      };
      return { donut: box('svg.fb-donut'), legend: box('.fb-legend'), total: box('.fb-total'), after: Math.round(document.querySelector('#after').getBoundingClientRect().y) };
    });
  const before = await boxes();
  release();
  await expect(el).toHaveAttribute('data-state', 'ready');
  await expect(copy).toHaveCount(0);
  // Not a pixel moved.
  expect(await boxes()).toEqual(before);
  // And it works.
  await el.locator('path.fb-mark[data-id="asia"]').click();
  await expect(el.locator('.fb-detail')).toContainText('Asie');
});

test('an element asked for the Years view, a selection, a year or its own data shows no static copy; others share one', async ({ page, baseURL }) => {
  const elements = ['view="years"', 'sel="asia"', 'year="2018"', `src="${baseURL}/data/japan-iom-2021.json"`]
    .map((a, i) => `<funding-breakdown id="e${i}" ${a}></funding-breakdown>`)
    .join('');
  await hostPages(page, baseURL, elementPage(`${baseURL}/`, `${elements}<funding-breakdown id="plain"></funding-breakdown><funding-breakdown id="plain2" lang="en"></funding-breakdown>`), { csp: false });
  const copies = [];
  page.on('request', (r) => /\/element-[a-z]+-[a-z]+-[0-9a-f]{16}\.html$/.test(r.url()) && copies.push(r.url()));
  const { release } = await holdWasm(page);
  await page.goto(`${hostOf(baseURL)}/index.html`);
  await expect(page.locator('#plain [data-prerendered] svg.fb-donut')).toBeVisible();
  await expect(page.locator('#plain2 [data-prerendered] svg.fb-donut')).toBeVisible();
  for (let i = 0; i < 4; i += 1) {
    await expect(page.locator(`#e${i}`).getByRole('status')).toBeVisible();
    await expect(page.locator(`#e${i} [data-prerendered]`)).toHaveCount(0);
  }
  // One request for the two elements that show it.
  expect(copies).toHaveLength(1);
  release();
  for (const id of ['e0', 'e1', 'e2', 'e3', 'plain', 'plain2']) await expect(page.locator(`#${id}`)).toHaveAttribute('data-state', 'ready');
});

test('attributes are read trimmed, by the static copy and the widget alike; a view removed, emptied or unknown is the region view', async ({ page, baseURL }) => {
  // A template's stray space or newline around a value.
  const { release } = await openHeld(
    page,
    baseURL,
    '<funding-breakdown id="t" view="theme " lang=" fr"></funding-breakdown><funding-breakdown id="y" year="2019\n"></funding-breakdown>',
  );
  const t = page.locator('#t');
  const selectedView = () => t.locator('[role=tab][aria-selected=true]').getAttribute('data-view');
  await expect(t.locator('[data-prerendered]')).toHaveAttribute('lang', 'fr');
  expect(await selectedView()).toBe('theme');
  release();
  for (const id of ['t', 'y']) await expect(page.locator(`#${id}`)).toHaveAttribute('data-state', 'ready');
  await expect(t.locator('.fb-root')).toHaveAttribute('lang', 'fr');
  expect(await selectedView()).toBe('theme');
  await expect(page.locator('#y .fb-year')).toContainText('2019');
  for (const leave of [(n) => n.removeAttribute('view'), (n) => n.setAttribute('view', ''), (n) => n.setAttribute('view', 'bogus')]) {
    await t.evaluate((n) => n.setAttribute('view', 'table'));
    await expect(t.locator('table.fb-table')).toBeVisible();
    await t.evaluate(leave);
    await expect(t.locator('[role=tab][aria-selected=true]')).toHaveAttribute('data-view', 'region');
    await expect(t.locator('svg.fb-donut')).toBeVisible();
  }
});

test('the static copy stays while the widget waits for its language, and focus on it moves to the widget', async ({ page, baseURL }) => {
  await hostPages(page, baseURL, elementPage(`${baseURL}/`, '<funding-breakdown lang="fr"></funding-breakdown><p id="after">After</p>'), { csp: true });
  const { release: releaseWasm } = await holdWasm(page);
  let releaseCatalogue;
  const catalogueReleased = new Promise((resolve) => {
    releaseCatalogue = resolve;
  });
  await page.context().route('**/i18n-fr-*.json', async (route) => {
    await catalogueReleased;
    await route.fallback();
  });
  await page.goto(`${hostOf(baseURL)}/index.html`);
  const el = page.locator('funding-breakdown');
  const copy = el.locator('[data-prerendered]');
  await expect(copy.locator('.fb-total')).toBeVisible();
  await expect(copy).toHaveAttribute('aria-busy', 'true');
  // A keyboard reader is on the copy's total when the widget comes.
  await copy.locator('.fb-total').focus();
  const after = async () => Math.round((await page.locator('#after').boundingBox()).y);
  const before = await after();
  releaseWasm();
  // The widget is mounted but waits for French: the copy stays, nothing moves.
  await expect(el.locator('.fb-app')).toHaveCount(1);
  await page.waitForTimeout(300);
  await expect(copy).toHaveCount(1);
  expect(await after()).toBe(before);
  releaseCatalogue();
  await expect(el).toHaveAttribute('data-state', 'ready');
  await expect(copy).toHaveCount(0);
  expect(await after()).toBe(before);
  await expect(el.locator('.fb-total')).toBeFocused();
});

test('a click on a mark of the static copy is given to the widget when it comes', async ({ page, baseURL }) => {
  const { release } = await openHeld(page, baseURL, '<funding-breakdown></funding-breakdown>');
  const el = page.locator('funding-breakdown');
  const asia = el.locator('[data-prerendered] path.fb-mark[data-id="asia"]');
  await asia.click();
  // It pulses where it was clicked until the widget acts on it.
  await expect.poll(() => asia.evaluate((e) => e.getAnimations().map((a) => a.animationName))).toEqual(['fb-pending']);
  release();
  await expect(el).toHaveAttribute('data-state', 'ready');
  await expect(el.locator('[data-prerendered]')).toHaveCount(0);
  await expect(el.locator('path.fb-mark[data-id="asia"]')).toHaveAttribute('aria-selected', 'true');
  await expect(el.locator('.fb-detail')).toContainText('Asia');
  await expect(el.locator('path.fb-mark[data-id="asia"]')).toBeFocused();
});

test.describe('on a phone', () => {
  test.use({ hasTouch: true, viewport: { width: 360, height: 640 } });

  test('a finger held on a legend entry of the element\'s static copy until the widget has come selects it once', async ({ page, baseURL }) => {
    const { release } = await openHeld(page, baseURL, '<funding-breakdown></funding-breakdown>');
    const el = page.locator('funding-breakdown');
    const lift = await fingerDown(page, el.locator('[data-prerendered] .fb-legend-button[data-id="asia"]'));
    release();
    await expect(el).toHaveAttribute('data-state', 'ready');
    await expect(el.locator('[data-prerendered]')).toHaveCount(0);
    await lift();
    await expect(el.locator('.fb-legend-button[data-id="asia"]')).toHaveAttribute('aria-pressed', 'true');
    await page.waitForTimeout(600);
    await expect(el.locator('.fb-legend-button[data-id="asia"]')).toHaveAttribute('aria-pressed', 'true');
  });

  test('a tap on a legend entry of the element\'s static copy near the top of the screen does not scroll the page when the widget takes over', async ({ page, baseURL }) => {
    const { release } = await openHeld(page, baseURL, '<p style="height: 900px">Before</p><funding-breakdown></funding-breakdown><p style="height: 1500px">After</p>', { csp: false });
    const el = page.locator('funding-breakdown');
    const entry = el.locator('[data-prerendered] .fb-legend-button[data-id="asia"]');
    await expect(entry).toBeVisible();
    // The entry 80 px from the top of the screen: the browser anchors scrolling in the copy.
    await entry.evaluate((e) => scrollBy(0, e.getBoundingClientRect().top - 80));
    await page.waitForTimeout(100);
    const scrolled = await page.evaluate(() => scrollY);
    const b = await entry.boundingBox();
    await page.touchscreen.tap(b.x + b.width / 2, b.y + b.height / 2);
    release();
    await expect(el).toHaveAttribute('data-state', 'ready');
    await expect(el.locator('[data-prerendered]')).toHaveCount(0);
    await expect(el.locator('.fb-legend-button[data-id="asia"]')).toHaveAttribute('aria-pressed', 'true');
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => scrollY)).toBe(scrolled);
  });

  test('a tap on a mark of the element\'s static copy does not scroll the page when the widget takes over', async ({ page, baseURL }) => {
    const { release } = await openHeld(page, baseURL, '<p style="height: 300px">Before</p><funding-breakdown></funding-breakdown><p style="height: 900px">After</p>', { csp: false });
    const el = page.locator('funding-breakdown');
    const point = await markPoint(page, el.locator('[data-prerendered] path.fb-mark[data-id="asia"]'));
    const scrolled = await page.evaluate(() => scrollY);
    expect(scrolled).toBeGreaterThan(0);
    await page.touchscreen.tap(point.x, point.y);
    release();
    await expect(el).toHaveAttribute('data-state', 'ready');
    await expect(el.locator('[data-prerendered]')).toHaveCount(0);
    await expect(el.locator('path.fb-mark[data-id="asia"]')).toHaveAttribute('aria-selected', 'true');
    await expect(el.locator('path.fb-mark[data-id="asia"]')).toBeFocused();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => scrollY)).toBe(scrolled);
  });
});

for (const over of [true, false]) {
  test(`a press on the static copy held until the widget has come is ${over ? 'a click when released over the same control' : 'nothing when dragged off'}`, async ({ page, baseURL }) => {
    const { release } = await openHeld(page, baseURL, '<funding-breakdown></funding-breakdown>');
    const el = page.locator('funding-breakdown');
    // Over: a mark. Dragged off (out of the element): a legend entry, which a second click would undo.
    const pressed = el.locator(over ? '[data-prerendered] path.fb-mark[data-id="asia"]' : '[data-prerendered] .fb-legend-button[data-id="asia"]');
    const asia = over ? await markPoint(page, pressed) : await pressed.boundingBox().then((b) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 }));
    await page.mouse.move(asia.x, asia.y);
    await page.mouse.down();
    release();
    await expect(el).toHaveAttribute('data-state', 'ready');
    await expect(el.locator('[data-prerendered]')).toHaveCount(0);
    if (!over) {
      const box = await el.boundingBox();
      await page.mouse.move(box.x + 2, box.y - 4);
    }
    await page.mouse.up();
    if (over) {
      await expect(el.locator('path.fb-mark[data-id="asia"]')).toHaveAttribute('aria-selected', 'true');
      await expect(el.locator('.fb-detail')).toContainText('Asia');
      await expect(el.locator('path.fb-mark[data-id="asia"]')).toBeFocused();
    } else {
      await page.waitForTimeout(300);
      await expect(el.locator('path.fb-mark[aria-selected="true"]')).toHaveCount(0);
      // Nothing is left waiting for a release: a click on the entry selects it, once.
      await el.locator('.fb-legend-button[data-id="asia"]').click();
      await page.waitForTimeout(100);
      await expect(el.locator('.fb-legend-button[data-id="asia"]')).toHaveAttribute('aria-pressed', 'true');
    }
  });
}

test('the Space key held on a legend entry of the element\'s static copy until the widget has come presses it once', async ({ page, baseURL }) => {
  const { release } = await openHeld(page, baseURL, '<funding-breakdown></funding-breakdown>');
  const el = page.locator('funding-breakdown');
  await el.locator('[data-prerendered] .fb-legend-button[data-id="asia"]').focus();
  await page.keyboard.down(' ');
  release();
  await expect(el).toHaveAttribute('data-state', 'ready');
  await expect(el.locator('[data-prerendered]')).toHaveCount(0);
  await expect(el.locator('.fb-legend-button[data-id="asia"]')).toBeFocused();
  await page.keyboard.up(' ');
  await expect(el.locator('.fb-legend-button[data-id="asia"]')).toHaveAttribute('aria-pressed', 'true');
  await page.waitForTimeout(600);
  await expect(el.locator('.fb-legend-button[data-id="asia"]')).toHaveAttribute('aria-pressed', 'true');
});

test('arrow keys pressed on the element\'s static copy\'s tabs move along them once the widget has come', async ({ page, baseURL }) => {
  const { release } = await openHeld(page, baseURL, '<funding-breakdown></funding-breakdown>');
  const el = page.locator('funding-breakdown');
  const copy = el.locator('[data-prerendered]');
  await copy.getByRole('tab', { name: 'By region' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(copy.getByRole('tab', { name: 'By region' })).toHaveAttribute('aria-selected', 'true');
  release();
  await expect(el).toHaveAttribute('data-state', 'ready');
  await expect(copy).toHaveCount(0);
  // By region, By theme, Table: the second press lands on Table, selected and in focus.
  const table = el.getByRole('tab', { name: 'Table' });
  await expect(table).toHaveAttribute('aria-selected', 'true');
  await expect(table).toBeFocused();
  await expect(el.locator('table.fb-table').first()).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(el.getByRole('tab', { name: 'By theme' })).toBeFocused();
  await expect(el.getByRole('tab', { name: 'By theme' })).toHaveAttribute('aria-selected', 'true');
});

test('a tab or legend entry of the static copy takes clicks and focus, and the widget acts on them when it comes', async ({ page, baseURL }) => {
  const { release } = await openHeld(page, baseURL, '<funding-breakdown id="a"></funding-breakdown><funding-breakdown id="b"></funding-breakdown>');
  const [a, b] = [page.locator('#a'), page.locator('#b')];
  // A keyboard reader on a's "By theme" tab; a mouse on b's legend entry for Asia.
  const tab = a.locator('[data-prerendered]').getByRole('tab', { name: 'By theme' });
  await expect(tab).toBeEnabled();
  await b.locator('[data-prerendered] .fb-legend-button[data-id="asia"]').click();
  await tab.focus();
  await page.keyboard.press('Enter');
  release();
  await expect(a).toHaveAttribute('data-state', 'ready');
  await expect(b).toHaveAttribute('data-state', 'ready');
  await expect(a.locator('[data-prerendered]')).toHaveCount(0);
  // The live tab, not the first control of its class, has focus, and is selected.
  await expect(a.getByRole('tab', { name: 'By theme' })).toBeFocused();
  await expect(a.getByRole('tab', { name: 'By theme' })).toHaveAttribute('aria-selected', 'true');
  await expect(b.locator('.fb-legend-button[data-id="asia"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(b.locator('.fb-detail')).toContainText('Asia');
});

test('an attribute set before the wasm comes changes the static copy, or drops it', async ({ page, baseURL }) => {
  const { release } = await openHeld(page, baseURL, '<funding-breakdown id="a"></funding-breakdown><funding-breakdown id="b"></funding-breakdown>', { csp: false });
  const a = page.locator('#a');
  const b = page.locator('#b');
  await expect(a.locator('[data-prerendered] svg.fb-donut')).toBeVisible();
  await expect(b.locator('[data-prerendered] svg.fb-donut')).toBeVisible();
  // Another language and view: their copy. Its own data: no copy of ours.
  await page.evaluate((src) => {
    document.querySelector('#a').setAttribute('lang', 'fr');
    document.querySelector('#a').setAttribute('view', 'table');
    document.querySelector('#b').setAttribute('src', src);
  }, `${baseURL}/data/japan-iom-2021.json`);
  await expect(a.locator('[data-prerendered] table.fb-table')).toBeVisible();
  await expect(a.locator('[data-prerendered]').getByRole('tab', { name: 'Tableau' })).toHaveAttribute('aria-selected', 'true');
  await expect(b.locator('[data-prerendered]')).toHaveCount(0);
  await expect(b.getByRole('status')).toBeVisible();
  release();
  await expect(a).toHaveAttribute('data-state', 'ready');
  await expect(a.locator('[data-prerendered]')).toHaveCount(0);
  await expect(a.getByRole('tab', { name: 'Tableau' })).toHaveAttribute('aria-selected', 'true');
});

test('an element asked for the table or the sources shows that view static while the wasm downloads, and the widget takes its place without a jump', async ({ page, baseURL }) => {
  const { release } = await openHeld(page, baseURL, '<funding-breakdown id="t" view="table" lang="ja"></funding-breakdown><funding-breakdown id="s" view="sources"></funding-breakdown><p id="after">After</p>');
  const table = page.locator('#t');
  await expect(table.locator('[data-prerendered] table.fb-table')).toBeVisible();
  await expect(table.locator('[data-prerendered]').getByRole('tab', { name: '表' })).toHaveAttribute('aria-selected', 'true');
  await expect(table.locator('[data-prerendered] table.fb-table')).toContainText('40%超');
  const sources = page.locator('#s');
  // The sources' links work before the wasm: they are plain links.
  await expect(sources.locator('[data-prerendered] .fb-sources a').first()).toHaveAttribute('href', /^https:\/\//);
  const boxes = () =>
    page.evaluate(() =>
      ['#t', '#s'].map((id) => {
        const r = document.querySelector(id).shadowRoot.querySelector('.fb-panel').getBoundingClientRect();
        return [r.x, r.y, r.width, r.height].map(Math.round);
      }).concat([Math.round(document.querySelector('#after').getBoundingClientRect().y)]),
    );
  const before = await boxes();
  release();
  await expect(table).toHaveAttribute('data-state', 'ready');
  await expect(sources).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('[data-prerendered]')).toHaveCount(0);
  expect(await boxes()).toEqual(before);
  await expect(table.getByRole('tab', { name: '表' })).toBeEnabled();
});

for (const [view, csp] of [['region', true], ['theme', true], ['theme', HASHLESS_CSP]]) {
// Without the hashes, the page's head script runs late (boot.js loads it): it must still watch.
(csp === true ? test : plainTest)(`an iframe below the fold is sized to its content before the reader scrolls to it (#view=${view}${csp === true ? '' : ', a policy without the inline hashes'})`, async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  // The theme view is drawn by the wasm after load, off screen, where the
  // frame's ResizeObserver is not told (the host kept the region view's height).
  const html = snippet('iframe', `${baseURL}/`).replace('#view=region', `#view=${view}`);
  const log = await openIframeHost(page, baseURL, { csp, iframe: html, before: '<p id="spacer">Article text.</p>', css: '#spacer { height: 3000px; }' });
  const iframe = page.locator('iframe.funding-breakdown');
  const frame = page.frameLocator('iframe.funding-breakdown');
  const content = () => page.frames()[1].evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  await expect(frame.locator(view == 'region' ? 'svg.fb-donut' : '.fb-theme').first()).toBeAttached();
  // Off screen, never scrolled to: its height is the content's all the same
  // (both read each time: on a busy machine the content may still be settling).
  await expect.poll(async () => Math.round((await iframe.boundingBox()).height) - (await content())).toBe(0);
  expect(await page.evaluate(() => scrollY)).toBe(0);
  if (csp === true) await expectClean(page, log);
});
}

test('an iframe scrolled out of view follows a change of width (a phone turned) before the reader scrolls back (strict CSP)', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 1000, height: 700 });
  const log = await openIframeHost(page, baseURL, { csp: true, css: 'main::after { content: ""; display: block; height: 3000px; }' });
  const iframe = page.locator('iframe.funding-breakdown');
  const frame = page.frameLocator('iframe.funding-breakdown');
  const content = () => page.frames()[1].evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  await expect(frame.locator('svg.fb-donut')).toBeVisible();
  await expect.poll(async () => Math.round((await iframe.boundingBox()).height) - (await content())).toBe(0);
  const wide = Math.round((await iframe.boundingBox()).height);
  // Scrolled past it, so the frame, of another origin, is not rendered.
  await page.evaluate(() => scrollTo(0, 2500));
  await page.setViewportSize({ width: 400, height: 700 });
  // Narrower, the widget is taller: the frame follows without being scrolled to.
  // (Both in one poll: the frame, another process, learns its width a while
  // after the page, and until then its old height matches its old content.)
  await expect
    .poll(async () => {
      const height = Math.round((await iframe.boundingBox()).height);
      return height > wide && height === (await content());
    })
    .toBe(true);
  // Never scrolled back to it (scroll anchoring moves the page by what the frame grew).
  expect(await page.evaluate(() => scrollY)).toBeGreaterThanOrEqual(2500);
  await expectClean(page, log);
});

test('an iframe on a host page with box-sizing: border-box fits its content to the pixel (strict CSP)', async ({ page, baseURL }) => {
  const log = await openIframeHost(page, baseURL, { csp: true, css: '*, *::before, *::after { box-sizing: border-box; }' });
  const frame = page.frameLocator('iframe.funding-breakdown');
  await expect(frame.locator('svg.fb-donut')).toBeVisible();
  await expect
    .poll(() =>
      page.frames()[1].evaluate(() => document.documentElement.scrollHeight - window.innerHeight),
    )
    .toBe(0);
  await expectClean(page, log);
});

test('an element moved in the page keeps its widget and what the reader chose; one removed for good frees it', async ({ page, baseURL }) => {
  await hostPages(page, baseURL, elementPage(`${baseURL}/`, '<div id="one"><funding-breakdown></funding-breakdown></div><div id="two"></div>'), { csp: true });
  await page.goto(`${hostOf(baseURL)}/index.html`);
  const el = page.locator('funding-breakdown');
  await expect(el).toHaveAttribute('data-state', 'ready');
  await el.getByRole('tab', { name: 'By theme' }).click();
  await el.getByRole('tab', { name: 'By region' }).click();
  await el.locator('path.fb-mark[data-id="asia"]').click();
  await expect(el.locator('.fb-detail')).toContainText('Asia');
  // A framework or a carousel moves it: removed and inserted in the same task.
  await page.evaluate(() => document.querySelector('#two').append(document.querySelector('funding-breakdown')));
  await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  const moved = page.locator('#two funding-breakdown');
  await expect(moved).toHaveAttribute('data-state', 'ready');
  await expect(moved.locator('path.fb-mark[data-id="asia"]')).toHaveAttribute('aria-selected', 'true');
  await expect(moved.locator('.fb-detail')).toContainText('Asia');
  await expect(moved.locator('.fb-app')).toHaveCount(1);
  // And it still answers.
  await clickMark(page, moved.locator('path.fb-mark[data-id="mena-europe"]'));
  await expect(moved.locator('.fb-detail')).toContainText('Middle East');
  // Removed, then inserted in a later task: its widget was freed, and it starts afresh
  // (the pointer away, so it previews nothing over the new one).
  await page.mouse.move(0, 0);
  await page.evaluate(() => {
    window.__kept = document.querySelector('funding-breakdown');
    window.__kept.remove();
  });
  await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
  expect(await page.evaluate(() => window.__kept.shadowRoot.querySelector('.fb-app'))).toBe(null);
  await page.evaluate(() => document.querySelector('#one').append(window.__kept));
  const back = page.locator('#one funding-breakdown');
  await expect(back).toHaveAttribute('data-state', 'ready');
  await expect(back.locator('path.fb-mark[aria-selected="true"]')).toHaveCount(0);
});

test('in a parent that sizes to its content, the element keeps a readable width', async ({ page, baseURL }) => {
  const body = `<figure id="fig" style="display:inline-block;margin:0"><funding-breakdown id="a"></funding-breakdown></figure>
    <div style="display:flex;gap:16px"><aside style="flex:0 0 200px">Sidebar</aside><main id="main"><funding-breakdown id="b" view="table"></funding-breakdown></main></div>`;
  await hostPages(page, baseURL, elementPage(`${baseURL}/`, body), { csp: false });
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.goto(`${hostOf(baseURL)}/index.html`);
  for (const id of ['a', 'b']) {
    const el = page.locator(`#${id}`);
    await expect(el).toHaveAttribute('data-state', 'ready');
    const box = await el.boundingBox();
    // It was 34 px wide and 15,000 px tall, a letter per line.
    expect(box.width).toBeGreaterThanOrEqual(600);
    expect(box.width).toBeLessThanOrEqual(800);
    expect(box.height).toBeLessThan(2500);
  }
  // On a phone, narrower: the figure (with the browser's 40 px margins) still fits.
  await page.setViewportSize({ width: 320, height: 800 });
  await page.evaluate(() => document.querySelector('#fig').style.removeProperty('margin'));
  const a = await page.locator('#a').boundingBox();
  expect(a.width).toBeGreaterThanOrEqual(200);
  expect(a.x + a.width).toBeLessThanOrEqual(320);
});

test('a wasm that fails before the static copy comes leaves the alert above the copy', async ({ page, baseURL }) => {
  page.removeAllListeners('console');
  await hostPages(page, baseURL, elementPage(`${baseURL}/`, '<funding-breakdown lang="ja"></funding-breakdown>'), { csp: true });
  await page.context().route('**/*.wasm', (route) => route.abort('failed'));
  await page.context().route('**/element-*.html', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.fallback();
  });
  await page.goto(`${hostOf(baseURL)}/index.html`);
  const el = page.locator('funding-breakdown');
  await expect(el).toHaveAttribute('data-state', 'error');
  await expect(el.getByRole('alert')).toBeVisible();
  // The copy came after the failure: its figures are there, under the alert, which now says so.
  await expect(el.locator('[data-prerendered] svg.fb-donut')).toBeVisible();
  await expect(el.getByRole('alert')).toContainText('以下の数値はすべてそろっていますが、クリックには反応しません');
  await expect(el.locator('[data-prerendered] .fb-legend')).toContainText('40%超');
  // Not about to change any more: no longer busy, and its controls, which cannot act, disabled.
  await expect(el.locator('[data-prerendered]')).not.toHaveAttribute('aria-busy', 'true');
  await expect(el.locator('[data-prerendered] button')).not.toHaveCount(0);
  await expect(el.locator('[data-prerendered] button:not([disabled])')).toHaveCount(0);
  // And look it: not busy, the tabs and buttons dimmed, the legend's figures not.
  const look = await el.locator('[data-prerendered]').evaluate((root) =>
    ['.fb-tab[aria-selected="false"]', '.fb-legend-button', '.fb-button'].map((sel) => {
      const s = getComputedStyle(root.querySelector(sel));
      return `${sel} ${s.cursor} ${s.opacity}`;
    }),
  );
  expect(look).toEqual(['.fb-tab[aria-selected="false"] not-allowed 0.6', '.fb-legend-button not-allowed 1', '.fb-button not-allowed 0.6']);
  const [alert, copy] = await Promise.all([el.getByRole('alert').boundingBox(), el.locator('[data-prerendered]').boundingBox()]);
  expect(copy.y).toBeGreaterThan(alert.y);
});

test('before its stylesheet comes, the loading box already has the widget\'s height (strict CSP)', async ({ page, baseURL }) => {
  await hostPages(page, baseURL, elementPage(`${baseURL}/`, '<funding-breakdown sel="asia"></funding-breakdown><p id="after">After</p>'), { csp: true });
  let releaseCss;
  const cssHeld = new Promise((resolve) => {
    releaseCss = resolve;
  });
  await page.context().route('**/widget-*.css', async (route) => {
    await cssHeld;
    await route.fallback();
  });
  const { release } = await holdWasm(page);
  // Its load event waits for the stylesheet.
  await page.goto(`${hostOf(baseURL)}/index.html`, { waitUntil: 'domcontentloaded' });
  const el = page.locator('funding-breakdown');
  await expect(el.getByRole('status')).toHaveText('Loading the funding breakdown…');
  const after = async () => Math.round((await page.locator('#after').boundingBox()).y);
  // Unstyled, it was one line of 18 px, and the page then jumped by 600.
  expect((await el.getByRole('status').boundingBox()).height).toBeGreaterThanOrEqual(640);
  const before = await after();
  releaseCss();
  // Styled now (the stylesheet makes the card a size container): still no jump.
  await expect
    .poll(() => el.evaluate((e) => getComputedStyle(e.shadowRoot.querySelector('.fb-root')).containerType))
    .toBe('inline-size');
  expect(Math.abs((await after()) - before)).toBeLessThan(40);
  release();
  await expect(el).toHaveAttribute('data-state', 'ready');
});

test('a wasm download that stalls gives the alert after a minute, and the widget still comes if it ends', async ({ page, baseURL }) => {
  page.removeAllListeners('console');
  await page.clock.install();
  const { release } = await openHeld(page, baseURL, '<funding-breakdown></funding-breakdown>');
  const el = page.locator('funding-breakdown');
  await expect(el.locator('[data-prerendered] svg.fb-donut')).toBeVisible();
  await expect(el.getByRole('alert')).toHaveCount(0);
  // A keyboard reader on the copy's Table tab when it fails.
  await el.locator('[data-prerendered]').getByRole('tab', { name: 'Table' }).focus();
  await page.clock.fastForward(61_000);
  await expect(el).toHaveAttribute('data-state', 'error');
  // The alert says what the copy below is, and the copy's controls, which cannot act, are disabled.
  await expect(el.getByRole('alert')).toContainText('could not be loaded. The figures below are complete but do not respond to clicks.');
  await expect(el.locator('[data-prerendered] svg.fb-donut')).toBeVisible();
  await expect(el.locator('[data-prerendered] button:not([disabled])')).toHaveCount(0);
  await expect(el.getByRole('button', { name: 'Try again' })).toBeFocused();
  release();
  await expect(el).toHaveAttribute('data-state', 'ready');
  await expect(el.getByRole('alert')).toHaveCount(0);
  await expect(el.locator('[data-prerendered]')).toHaveCount(0);
});

test('Try again after the wasm failed keeps keyboard focus in the element', async ({ page, baseURL }) => {
  await openWasmFailingOnce(page, baseURL, '<funding-breakdown sel="asia"></funding-breakdown>');
  const el = page.locator('funding-breakdown');
  await expect(el).toHaveAttribute('data-state', 'error');
  await el.getByRole('button', { name: 'Try again' }).focus();
  await page.keyboard.press('Enter');
  await expect(el).toHaveAttribute('data-state', 'ready');
  await expect(el.getByRole('tabpanel')).toBeFocused();
});

test('several widgets on a page are landmarks named by what each shows', async ({ page, baseURL }) => {
  await hostPages(page, baseURL, elementPage(`${baseURL}/`, '<funding-breakdown id="a"></funding-breakdown><funding-breakdown id="b" year="2018"></funding-breakdown>'), { csp: true });
  await page.goto(`${hostOf(baseURL)}/index.html`);
  for (const id of ['a', 'b']) await expect(page.locator(`#${id}`)).toHaveAttribute('data-state', 'ready');
  await expect(page.getByRole('region', { name: 'Funding breakdown: Government of Japan to IOM, 2021', exact: true })).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Funding breakdown: Government of Japan to IOM, 2018', exact: true })).toHaveCount(1);
});

test('the heading attribute sets the title\'s level, and its inner headings one below', async ({ page, baseURL }) => {
  await hostPages(page, baseURL, elementPage(`${baseURL}/`, '<funding-breakdown heading="4" view="sources"></funding-breakdown>'), { csp: true });
  await page.goto(`${hostOf(baseURL)}/index.html`);
  const el = page.locator('funding-breakdown');
  await expect(el).toHaveAttribute('data-state', 'ready');
  await expect(el.locator('h4.fb-title')).toHaveCount(1);
  await expect(el.locator('h5.fb-h3')).toHaveText('Sources');
  await expect(el.locator('h2, h3')).toHaveCount(0);
  // Changed later, the widget follows; out of range is the default.
  await el.evaluate((e) => e.setAttribute('heading', '3'));
  await expect(el.locator('h3.fb-title')).toHaveCount(1);
  await expect(el.locator('h4.fb-h3')).toHaveText('Sources');
  await el.evaluate((e) => e.setAttribute('heading', '9'));
  await expect(el.locator('h2.fb-title')).toHaveCount(1);
});

test('a dataset served as application/octet-stream (an object store\'s default) is read', async ({ page, baseURL }) => {
  const alt = fs.readFileSync(new URL('../../data/good/minimal.json', import.meta.url), 'utf8');
  await hostPages(
    page,
    baseURL,
    {
      ...elementPage(`${baseURL}/`, '<funding-breakdown src="data/alt.json" view="table"></funding-breakdown>'),
      'data/alt.json': ['application/octet-stream', alt],
    },
    { csp: true },
  );
  await page.goto(`${hostOf(baseURL)}/index.html`);
  const el = page.locator('funding-breakdown');
  await expect(el).toHaveAttribute('data-state', 'ready');
  await expect(el.locator('.fb-table tfoot')).toContainText('EUR');
});

test('an empty src given a dataset later: loading, then one ready, never the bundled figures; removing src says ready again', async ({ page, baseURL }) => {
  const alt = fs.readFileSync(new URL('../../data/good/minimal.json', import.meta.url), 'utf8');
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  page.removeAllListeners('console');
  await hostPages(
    page,
    baseURL,
    {
      ...elementPage(`${baseURL}/`, '<funding-breakdown src="" view="table"></funding-breakdown>'),
      'data/alt.json': ['application/json', alt],
    },
    { csp: false },
  );
  await page.route('**/data/alt.json', async (route) => {
    await held;
    await route.fallback();
  });
  await page.addInitScript(() => {
    window.__log = [];
    document.addEventListener('funding-breakdown:ready', (e) => {
      const total = e.target.shadowRoot?.querySelector('.fb-table tfoot')?.textContent ?? '';
      window.__log.push(`ready ${total}`);
    });
    new MutationObserver((records) => {
      for (const r of records) window.__log.push(`state ${r.target.getAttribute('data-state')}`);
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
  });
  await page.goto(`${hostOf(baseURL)}/index.html`);
  const el = page.locator('funding-breakdown');
  await expect(el).toHaveAttribute('data-state', 'error');
  await el.evaluate((e) => e.setAttribute('src', 'data/alt.json'));
  await expect(el).toHaveAttribute('data-state', 'loading');
  // Nothing of the bundled dataset while the embedder's comes.
  await expect(el.locator('.fb-total, table')).toHaveCount(0);
  release();
  await expect(el).toHaveAttribute('data-state', 'ready');
  await expect(el.locator('.fb-table tfoot')).toContainText('EUR');
  const log = await page.evaluate(() => window.__log);
  const after = log.slice(log.indexOf('state error') + 1);
  expect(after.filter((l) => l.startsWith('ready'))).toHaveLength(1);
  expect(after.join('\n')).not.toContain('37,100,767');
  expect(after.filter((l) => l.startsWith('state'))).toEqual(['state loading', 'state ready']);
  // Without src, the bundled data: the host hears of the change.
  await el.evaluate((e) => e.removeAttribute('src'));
  await expect(el.locator('.fb-table tfoot')).toContainText('37,100,767');
  await expect.poll(() => page.evaluate(() => window.__log.filter((l) => l.startsWith('ready')).length)).toBe(2);
});
