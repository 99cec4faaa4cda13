// How the element behaves when its dataset URL misbehaves. The test server
// (xtask's, see http.rs) answers /_fail/* on purpose badly; each failure mode
// has its own test, and each must end in a clear message, a Retry button,
// data-state="error" and the error event, never the bundled default data.
import { test, expect } from './helpers.js';
import { hostPages, elementPage, hostOf } from './hosts.js';

/** Opens a host page (same origin as the widget unless `crossOrigin`) with one element. */
async function openWith(page, baseURL, src, { crossOrigin = false } = {}) {
  const host = crossOrigin ? hostOf(baseURL) : `${baseURL}/__host`;
  await hostPages(page, baseURL, elementPage(`${baseURL}/`, `<funding-breakdown src="${src}"></funding-breakdown>`), {
    csp: false,
    host,
  });
  await page.addInitScript(() => {
    window.__events = [];
    for (const type of ['funding-breakdown:ready', 'funding-breakdown:error']) {
      document.addEventListener(type, (e) => window.__events.push([type, e.detail?.message ?? '']));
    }
  });
  await page.goto(`${host}/index.html`);
  return page.locator('funding-breakdown');
}

async function expectFailure(page, el, pattern, { timeout } = {}) {
  await expect(el).toHaveAttribute('data-state', 'error', { timeout });
  await expect(el.getByRole('alert')).toContainText(pattern);
  await expect(el.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(el.locator('svg.fb-donut')).toHaveCount(0);
  const events = await page.evaluate(() => window.__events);
  expect(events.map((e) => e[0])).toEqual(['funding-breakdown:error']);
  expect(events[0][1]).toMatch(pattern);
}

// Failed loads are expected to log; only our own messages are allowed.
const quiet = (page) => page.removeAllListeners('console');

test('404: the server has no such file', async ({ page, baseURL }) => {
  quiet(page);
  const el = await openWith(page, baseURL, `${baseURL}/_fail/404.json`);
  await expectFailure(page, el, /error 404/);
});

test('500: the server fails', async ({ page, baseURL }) => {
  quiet(page);
  const el = await openWith(page, baseURL, `${baseURL}/_fail/500.json`);
  await expectFailure(page, el, /error 500/);
});

test('network error: the connection is dropped', async ({ page, baseURL }) => {
  quiet(page);
  const el = await openWith(page, baseURL, `${baseURL}/_fail/reset.json`);
  await expectFailure(page, el, /could not be loaded/);
});

test('a stalled server times out after 10 s', async ({ page, baseURL }) => {
  test.setTimeout(45_000);
  quiet(page);
  const el = await openWith(page, baseURL, `${baseURL}/_fail/stall.json`);
  await expect(el).toHaveAttribute('data-state', 'loading');
  await expect(el.getByRole('status')).toContainText('Loading');
  await expectFailure(page, el, /did not arrive within 10 seconds/, { timeout: 20_000 });
});

test('wrong content type: a web page instead of JSON', async ({ page, baseURL }) => {
  quiet(page);
  const el = await openWith(page, baseURL, `${baseURL}/_fail/html.json`);
  await expectFailure(page, el, /not a JSON data file.*text\/html/);
});

test('CORS refusal: another origin that does not allow reading', async ({ page, baseURL }) => {
  quiet(page);
  const el = await openWith(page, baseURL, `${baseURL}/_fail/nocors.json`, { crossOrigin: true });
  await expectFailure(page, el, /CORS/);
});

test('Retry loads the data once the server recovers', async ({ page, baseURL }) => {
  quiet(page);
  const el = await openWith(page, baseURL, `${baseURL}/_fail/once.json?${Date.now()}`);
  await expectFailure(page, el, /error 503/);
  // From the keyboard: focus goes with the load, never to the page's body when the button goes.
  await el.getByRole('button', { name: 'Try again' }).focus();
  await page.keyboard.press('Enter');
  await expect(el).toHaveAttribute('data-state', 'ready');
  await expect(el.locator('svg.fb-donut')).toBeVisible();
  await expect(el.getByRole('tabpanel')).toBeFocused();
  expect(await page.evaluate(() => document.activeElement?.localName)).toBe('funding-breakdown');
});

test('Try again that fails again leaves focus on the new Try again', async ({ page, baseURL }) => {
  quiet(page);
  const el = await openWith(page, baseURL, `${baseURL}/_fail/404.json`);
  await expectFailure(page, el, /404/);
  await el.getByRole('button', { name: 'Try again' }).focus();
  await page.keyboard.press('Enter');
  // The second failure, not the first one still on screen.
  await expect.poll(() => page.evaluate(() => window.__events.filter(([type]) => type.endsWith('error')).length)).toBe(2);
  await expect(el.getByRole('button', { name: 'Try again' })).toBeFocused();
});

test('a file over the size limit is refused before it is read', async ({ page, baseURL }) => {
  quiet(page);
  const el = await openWith(page, baseURL, `${baseURL}/_fail/huge.json`);
  await expectFailure(page, el, /too large/);
});

test('a file over the size limit that gives no length is refused once the limit is passed, not read whole', async ({ page, baseURL }) => {
  quiet(page);
  const el = await openWith(page, baseURL, `${baseURL}/_fail/huge-chunked.json`);
  // Said as over the limit: 2048 KB of the 20 MiB sent.
  await expectFailure(page, el, /too large \(over 2048 KB\)/);
});

test('the widget\'s own series given as src is named for what it is', async ({ page, baseURL }) => {
  quiet(page);
  const el = await openWith(page, baseURL, `${baseURL}/data/japan-iom-series.json`);
  await expect(el).toHaveAttribute('data-state', 'error');
  await expect(el.getByRole('alert')).toContainText('series of years, not one year\'s data');
  await expect(el.getByRole('alert')).not.toContainText('is not a field here');
});
