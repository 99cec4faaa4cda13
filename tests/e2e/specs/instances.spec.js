// Many widgets on one page: all become ready, and removing them gives back
// what they held. Yew keeps the listeners on an app's root for the page's
// life, so the widget reuses removed elements' apps (see embed.rs): memory
// is bounded by the most widgets shown at once. After a first round of 20,
// later rounds of 20 must leave JS heap and listeners within 10 % of it.
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

  // Rounds 1 and 2 create the 20 apps, then reuse them once (loading the
  // wasm and compiling both paths); rounds 3 to 5 must accumulate nothing.
  await addAndRemove(20);
  await addAndRemove(20);
  const before = await counters(page, cdp);
  for (let round = 3; round <= 5; round += 1) await addAndRemove(20);
  const after = await counters(page, cdp);

  const within = (a, b) => Math.abs(a - b) <= b * 0.1;
  expect(within(after.heap, before.heap), `JS heap ${before.heap} → ${after.heap}`).toBe(true);
  expect(after.listeners, `listeners ${before.listeners} → ${after.listeners}`).toBeLessThanOrEqual(
    Math.ceil(before.listeners * 1.1),
  );
});
