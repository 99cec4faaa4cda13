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

test('20 elements become ready, and removing them gives back their DOM and heap', async ({ page, baseURL }) => {
  test.setTimeout(60_000);
  await hostPages(page, baseURL, elementPage(`${baseURL}/`, ''), { csp: false, host: `${baseURL}/__host` });
  await page.goto(`${baseURL}/__host/index.html`);
  const cdp = await page.context().newCDPSession(page);

  // One round inside the page, so that no test-side polling of 20 elements
  // adds objects of its own to what is measured.
  const addAndRemove = async (n) => {
    const ready = await page.evaluate(async (count) => {
      const els = [];
      const readyAll = new Promise((resolve) => {
        let left = count;
        const onReady = () => {
          left -= 1;
          if (left === 0) {
            document.removeEventListener('funding-breakdown:ready', onReady);
            resolve();
          }
        };
        document.addEventListener('funding-breakdown:ready', onReady);
      });
      for (let i = 0; i < count; i += 1) {
        const el = document.createElement('funding-breakdown');
        el.setAttribute('view', ['region', 'theme', 'table', 'sources'][i % 4]);
        document.querySelector('main').append(el);
        els.push(el);
      }
      await readyAll;
      const states = els.map((el) => el.dataset.state);
      els.forEach((el) => el.remove());
      return states;
    }, n);
    expect(ready).toEqual(Array(n).fill('ready'));
    await expect(page.locator('funding-breakdown')).toHaveCount(0);
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
  expect(after.nodes, 'DOM nodes back to what they were').toBe(before.nodes);
  // A leak of our own would add listeners for every widget (60 here). A slow
  // creep of about one listener per ten widgets remains, not from the
  // widget's code paths (see the closing note of the issue); bound it.
  expect(after.listeners - before.listeners, `listeners ${before.listeners} → ${after.listeners}`).toBeLessThanOrEqual(15);
});
