// The release build loads and shows what a reader comes for.
import { test, expect, open } from './helpers.js';

test('shows the headline, the total and one mark per region plus the remainder', async ({ page }) => {
  await open(page);
  const head = page.locator('.fb-head');
  await expect(head).toContainText('Government of Japan');
  await expect(head).toContainText('International Organization for Migration (IOM)');
  await expect(head.locator('.fb-total')).toHaveText('USD 37.1 million');
  await expect(head).toContainText('for operations in 2021');
  await expect(head).toContainText('Allocated');

  // The exact figure appears when the total gets focus.
  const exact = page.locator('.fb-exact');
  await expect(exact).toBeHidden();
  await head.locator('.fb-total').focus();
  await expect(exact).toBeVisible();
  await expect(exact).toContainText('USD 37,100,767');

  const marks = page.locator('svg.fb-donut path[role=option]');
  await expect(marks).toHaveCount(4);
  await expect(page.locator('svg.fb-donut path.fb-rest')).toHaveCount(1);
  await expect(page.locator('.fb-legend')).toContainText('more than 40%');
});

test('the page makes no request outside its own origin', async ({ page, baseURL }) => {
  const foreign = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== new URL(baseURL).origin) {
      foreign.push(req.url());
    }
  });
  await open(page);
  expect(foreign).toEqual([]);
});

test('the release is served precompressed: every file arrives as brotli, the same bytes once decoded', async ({ page, request }) => {
  const responses = [];
  page.on('response', (r) => responses.push(r));
  await open(page, '#view=years');
  await expect(page.locator('.fb-bar-row[data-year="2018"]')).toBeVisible();
  const byType = (end) => responses.filter((r) => new URL(r.url()).pathname.endsWith(end));
  // index.html (its stylesheet inline), boot.js, the glue, the wasm and the series: each has its .br sibling.
  for (const end of ['/', 'boot.js', '.js', '.wasm', 'japan-iom-series.json']) {
    const found = byType(end);
    expect(found.length, end).toBeGreaterThan(0);
    for (const r of found) {
      expect(r.headers()['content-encoding'], r.url()).toBe('br');
      expect(r.headers()['vary'], r.url()).toBe('Accept-Encoding');
    }
  }
  // Decoded, the wasm is the file as built: a client that asks for no encoding gets it as is.
  const wasm = byType('.wasm')[0];
  const plain = await request.get(wasm.url(), { headers: { 'accept-encoding': 'identity' } });
  expect(plain.headers()['content-encoding']).toBeUndefined();
  expect((await wasm.body()).equals(await plain.body())).toBe(true);
  const gzip = await request.get(wasm.url(), { headers: { 'accept-encoding': 'gzip' } });
  expect(gzip.headers()['content-encoding']).toBe('gzip');
  expect((await gzip.body()).equals(await plain.body())).toBe(true);
});
