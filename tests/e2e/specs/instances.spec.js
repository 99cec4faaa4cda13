// Many widgets on one page: all become ready, and removing them gives back
// what they held (JS heap and event listeners within 10 % of before).
import { test, expect } from './helpers.js';
import { hostPages, elementPage } from './hosts.js';

async function counters(page, cdp) {
  // Collect twice: the first pass can leave finalizable objects behind.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  return { heap: heap.usedSize, listeners: dom.jsEventListeners, nodes: dom.nodes };
}

test('20 elements become ready and leave nothing behind when removed', async ({ page, baseURL }) => {
  test.setTimeout(60_000);
  await hostPages(page, baseURL, elementPage(`${baseURL}/`, ''), { csp: false, host: `${baseURL}/__host` });
  await page.goto(`${baseURL}/__host/index.html`);
  const cdp = await page.context().newCDPSession(page);

  const addAndRemove = async (n) => {
    await page.evaluate((count) => {
      for (let i = 0; i < count; i += 1) {
        const el = document.createElement('funding-breakdown');
        el.setAttribute('view', ['region', 'theme', 'table', 'sources'][i % 4]);
        document.querySelector('main').append(el);
      }
    }, n);
    const els = page.locator('funding-breakdown');
    await expect(els).toHaveCount(n);
    for (const el of await els.all()) await expect(el).toHaveAttribute('data-state', 'ready');
    await page.evaluate(() => document.querySelectorAll('funding-breakdown').forEach((e) => e.remove()));
    await expect(els).toHaveCount(0);
  };

  // Warm up: load the wasm and let one-time allocations (caches, the
  // scheduler, interned strings) happen before the baseline.
  await addAndRemove(2);
  const before = await counters(page, cdp);
  await addAndRemove(20);
  const after = await counters(page, cdp);

  const within = (a, b) => Math.abs(a - b) <= b * 0.1;
  expect(within(after.heap, before.heap), `JS heap ${before.heap} → ${after.heap}`).toBe(true);
  expect(after.listeners, `listeners ${before.listeners} → ${after.listeners}`).toBeLessThanOrEqual(
    Math.ceil(before.listeners * 1.1),
  );
});
