// Benchmark driver, run by `cargo xtask bench` (xtask/src/bench.rs), which
// builds the release, stages it with the pages in bench/, serves it on
// 127.0.0.1 and passes a config file:
//
//   node bench/run.mjs CONFIG.json
//
// CONFIG: { base, runs, warmup, out, network?: { latency_ms, down_bytes_per_s, up_bytes_per_s }, cpu?: N,
//          pages: [{ name, path, marks, detail, click }] }
// (`click`: the mark of the first click; the next click takes the one after)
//
// For every run and every page (interleaved, so drift hits all pages alike) it
// opens a fresh browser context (empty cache, cache disabled) and:
//
// 1. loads the page and records, in ms since navigation start, when the chart
//    is first visible; then lets the load settle (load event + 500 ms). The
//    responses so far are the load's files.
// 2. first click (cold): clicks mark `click` and records the time to the
//    detail panel painted. index.html fetches its wasm only at the reader's
//    first move (xtask/boot.js), so this click pays for fetching, compiling
//    and starting it: the files that come now are marked `after_interaction`.
//    On a page that is interactive already, it is simply its first click.
// 3. settles 500 ms, collects garbage, records the JS heap and the wasm
//    memory (the wasm exists by now).
// 4. next click (warm): clicks mark `click + 1`, the time a reader waits
//    once the page is live.
//
// It also records when the chart became interactive (a click listener above
// a mark), for the JSON only: on index.html that is after the first click.
// Every response comes with its gzip -9 and brotli q11 sizes. Raw samples go
// to `out`; statistics and the table are the xtask's job.
//
// Playwright and the Chromium launch options come from tests/e2e, so this
// script needs nothing of its own.

import fs from 'node:fs';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../tests/e2e/package.json', import.meta.url));
const { chromium } = require('@playwright/test');
const { default: e2eConfig } = await import('../tests/e2e/playwright.config.js');

const TIMEOUT_MS = 30_000;
/** The first click may fetch, compile and start the wasm: on 2 busy cores, seconds. */
const FIRST_CLICK_MS = 20_000;

/**
 * Runs in the page before any of its own scripts (and again in every frame;
 * only the top one counts). Defines `window.__bench`.
 *
 * - "painted": a requestAnimationFrame callback, then a MessageChannel
 *   message posted from it. The message is delivered in the first task after
 *   that frame's rendering update (style, layout, paint), so its time is when
 *   the change has been painted on the main thread. Raster and compositing
 *   follow on other threads: the browser's own first-contentful-paint time
 *   (presentation) is typically a few tens of ms later on this machine.
 * - first chart visible: the first time an element matching `marks` (a donut
 *   mark inside an svg) is in the document or any shadow root, painted. Also
 *   true when the marks come in the static HTML.
 * - interactive: the first time such a mark is in the DOM and a `click`
 *   listener is installed on it or on one of its ancestors (crossing shadow
 *   roots), painted: from then on a click on a mark is handled by the app.
 *   Yew installs its delegated listeners on the root it renders into, so
 *   pre-rendered markup without the wasm does not count, nor does boot.js's
 *   listener on window, which only starts the wasm and replays the click.
 *   Recorded, not waited for: `ready` is the chart painted, since index.html
 *   becomes interactive only after a reader's move.
 * - ready attribute: the first `[data-state="ready"]` in the document (the
 *   `<funding-breakdown>` element sets it when its widget has mounted).
 */
function instrument({ marks, detail }) {
  if (window !== window.top) return;
  const now = () => performance.now();
  const B = (window.__bench = { t: {}, memory: null, roots: [document], clickTargets: [] });
  let settle;
  B.ready = new Promise((resolve) => {
    settle = resolve;
  });
  // Callbacks waiting for the next frame share one timestamp: the batch closes
  // when that frame's rAF runs, so a change made later waits for the frame after.
  let batch = null;
  const afterPaint = (cb) => {
    if (!batch) {
      const waiting = (batch = []);
      requestAnimationFrame(() => {
        batch = null;
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          const t = now();
          for (const f of waiting) f(t);
        };
        channel.port2.postMessage(null);
      });
    }
    batch.push(cb);
  };
  const first = (selector) => {
    for (const root of B.roots) {
      const el = root.querySelector(selector);
      if (el) return el;
    }
    return null;
  };
  const all = (selector) => {
    for (const root of B.roots) {
      const found = root.querySelectorAll(selector);
      if (found.length) return [...found];
    }
    return [];
  };
  // Like Node.contains, but an element inside a shadow root counts as inside its host too.
  const within = (ancestor, node) => {
    for (let n = node; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) {
      if (n === ancestor) return true;
    }
    return false;
  };
  function check() {
    const mark = first(marks);
    if (!mark) return;
    if (B.t.chartDom === undefined) {
      B.t.chartDom = now();
      afterPaint((t) => {
        B.t.chartPainted = t;
        settle();
      });
    }
    if (B.t.interactiveDom === undefined && B.clickTargets.some((t) => within(t, mark))) {
      B.t.interactiveDom = now();
      afterPaint((t) => {
        B.t.interactivePainted = t;
      });
    }
    if (B.t.readyAttr === undefined && document.querySelector('[data-state="ready"]')) {
      B.t.readyAttr = now();
      afterPaint((t) => {
        B.t.readyAttrPainted = t;
      });
    }
  }

  // The wasm instance's memory: wasm-bindgen's glue instantiates with
  // instantiateStreaming, or instantiate when the MIME type is wrong.
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[name];
    if (typeof original !== 'function') continue;
    WebAssembly[name] = function (...args) {
      B.t.wasmStart ??= now();
      return original.apply(this, args).then((result) => {
        const instance = result instanceof WebAssembly.Instance ? result : result?.instance;
        const memory =
          instance && Object.values(instance.exports).find((v) => v instanceof WebAssembly.Memory);
        if (memory) B.memory = memory;
        B.t.wasmReady ??= now();
        return result;
      });
    };
  }

  const addEventListener = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (type === 'click' && this instanceof Node) {
      B.clickTargets.push(this);
      queueMicrotask(check);
    }
    return addEventListener.call(this, type, listener, options);
  };

  const observed = { childList: true, subtree: true, attributes: true, attributeFilter: ['data-state'] };
  const observer = new MutationObserver(check);
  observer.observe(document, observed);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    B.roots.push(root);
    observer.observe(root, observed);
    return root;
  };
  document.addEventListener('DOMContentLoaded', check);
  check();

  /**
   * Clicks mark `index` (a dispatched click, so no mouse movement or hover
   * selects first) and resolves when the detail panel's text has changed and
   * been painted: { dom, painted } in ms after the click was dispatched. On
   * the static copy, boot.js catches the click on window, starts the wasm and
   * replays it on the live mark, whose detail panel is a new element: a
   * moment without any panel is that swap, not the answer.
   */
  B.click = (index, timeoutMs = 5000) =>
    new Promise((resolve, reject) => {
      const target = all(marks)[index];
      const panel = () => first(detail);
      if (!target) return reject(new Error(`no mark number ${index} (selector ${marks})`));
      if (!panel()) return reject(new Error(`no detail panel (selector ${detail})`));
      const before = panel().textContent;
      let t0 = 0;
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`the detail panel did not change within ${timeoutMs / 1000} s of the click`));
      }, timeoutMs);
      // The whole tree holding the panel: a framework may replace the panel element.
      const observer = new MutationObserver(() => {
        const text = panel()?.textContent;
        if (text === undefined || text === before) return;
        const dom = now() - t0;
        observer.disconnect();
        clearTimeout(timer);
        // innerText (for the report only) lays out, so it waits until after the paint.
        afterPaint((t) => resolve({ dom, painted: t - t0, text: panel()?.innerText.replace(/\s+/g, ' ').trim() ?? '' }));
      });
      observer.observe(panel().getRootNode(), { childList: true, subtree: true, characterData: true });
      t0 = now();
      target.dispatchEvent(
        new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, view: window, button: 0 }),
      );
    });
}

// Compressed sizes are computed here from the bytes the page received: gzip
// with the `gzip -9 -n` command (Debian always has it; zlib's level 9 differs
// from it by about 1 %, so it is only the fallback) and brotli with Node's
// zlib, which bundles the brotli library, at quality 11 and the brotli CLI's
// 24-bit window. The same bytes give the same sizes, so they are computed once
// per distinct file.
const gzipCli = spawnSync('gzip', ['--version'], { encoding: 'utf8' });
const GZIP = gzipCli.status === 0 ? `gzip -9 -n (${gzipCli.stdout.split('\n')[0]})` : 'zlib level 9 (no gzip command)';
function gzipSize(bytes) {
  if (gzipCli.status !== 0) return zlib.gzipSync(bytes, { level: 9 }).length;
  const out = spawnSync('gzip', ['-9', '-n', '-c'], { input: bytes, maxBuffer: 1 << 30 });
  if (out.status !== 0) throw new Error(`gzip -9 failed: ${out.stderr}`);
  return out.stdout.length;
}
const compressed = new Map();
function sizes(bytes) {
  const key = crypto.createHash('sha256').update(bytes).digest('hex');
  if (!compressed.has(key)) {
    const { constants } = zlib;
    compressed.set(key, {
      raw: bytes.length,
      gzip: gzipSize(bytes),
      brotli: zlib.brotliCompressSync(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_LGWIN]: 24,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }).length,
    });
  }
  return compressed.get(key);
}

function within(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function measure(browser, base, page, network, cpu) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  try {
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    // A slow network (`--slow`): Chromium adds the latency to every request
    // and holds each response to the throughput, as DevTools' throttling does.
    if (network) {
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: network.latency_ms,
        downloadThroughput: network.down_bytes_per_s,
        uploadThroughput: network.up_bytes_per_s,
      });
    }
    // A slow CPU (`--cpu N`): the renderer's main thread N times slower, as
    // DevTools' CPU throttling; the browser process and the network are not.
    if (cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    const errors = [];
    tab.on('pageerror', (e) => errors.push(String(e)));
    tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const responses = [];
    // Bodies are read after the measurements, so reading them does not compete with the page.
    tab.on('response', (r) => responses.push(r));
    await tab.addInitScript(instrument, { marks: page.marks, detail: page.detail });
    const url = new URL(page.path, base).href;
    await tab.goto(url, { waitUntil: 'domcontentloaded' });
    // A step that fails says what the page had done by then.
    const step = async (promise, what) => {
      try {
        return await within(promise, TIMEOUT_MS, `${page.name}: ${what}`);
      } catch (e) {
        const t = await tab.evaluate(() => ({ ...window.__bench.t, clickTargets: window.__bench.clickTargets.length })).catch(() => ({}));
        throw new Error(`${e.message}; seen: ${JSON.stringify(t)}; page errors: ${JSON.stringify(errors)}`);
      }
    };
    await step(tab.evaluate(() => window.__bench.ready), `waiting for the chart (${page.marks}) to be drawn`);
    // Let the load settle (pending tasks, late requests, work the page
    // leaves for idle time) before clicking: half a second, less than a
    // reader takes to find a mark and click it.
    await tab.waitForLoadState('load');
    await tab.evaluate(() => new Promise((r) => setTimeout(r, 500)));
    // What came so far is the load; what comes from now on, the first click's.
    const loadResponses = responses.length;
    const firstClick = await step(
      tab.evaluate(([i, ms]) => window.__bench.click(i, ms), [page.click, FIRST_CLICK_MS]),
      `first click on mark ${page.click}`,
    );
    // Memory once the page is live (the wasm started by the first click), after its work has settled.
    await tab.evaluate(() => new Promise((r) => setTimeout(r, 500)));
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const wasmMemory = await tab.evaluate(() => window.__bench.memory?.buffer.byteLength ?? null);
    // Another mark than the first click's, so the selection and the panel change.
    const click = await step(
      tab.evaluate((i) => window.__bench.click(i), page.click + 1),
      `next click on mark ${page.click + 1}`,
    );
    const t = await tab.evaluate(() => window.__bench.t);
    const timing = await tab.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        responseStart: nav?.responseStart ?? null,
        domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
        load: nav?.loadEventEnd ?? null,
      };
    });
    const files = [];
    for (const [i, r] of responses.entries()) {
      const u = new URL(r.url());
      if (u.protocol !== 'http:' && u.protocol !== 'https:') continue;
      const body = await r.body().catch(() => Buffer.alloc(0));
      const path = u.origin === new URL(base).origin ? u.pathname + u.search : r.url();
      files.push({ path, status: r.status(), after_interaction: i >= loadResponses, ...sizes(body) });
    }
    if (errors.length) throw new Error(`${page.name}: errors in the page: ${errors.join('; ')}`);
    return {
      metrics: {
        first_chart_ms: t.chartPainted ?? null,
        interactive_ms: t.interactivePainted ?? null,
        ready_attr_ms: t.readyAttrPainted ?? null,
        fcp_ms: timing.fcp,
        response_start_ms: timing.responseStart,
        dom_content_loaded_ms: timing.domContentLoaded,
        load_ms: timing.load,
        first_click_ms: firstClick.painted,
        click_ms: click.painted,
        first_chart_dom_ms: t.chartDom ?? null,
        interactive_dom_ms: t.interactiveDom ?? null,
        first_click_dom_ms: firstClick.dom,
        click_dom_ms: click.dom,
        wasm_start_ms: t.wasmStart ?? null,
        wasm_ready_ms: t.wasmReady ?? null,
        js_heap_bytes: heap.usedSize,
        wasm_memory_bytes: wasmMemory,
      },
      // The first click's: it shows that the click replayed on the live widget selected the mark clicked.
      detail_text: firstClick.text.slice(0, 160),
      files,
    };
  } finally {
    await context.close();
  }
}

const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const launch = e2eConfig.use?.launchOptions ?? {};
const browser = await chromium.launch({
  ...launch,
  headless: true,
  // Unquantised performance.memory, for anyone reading it in the page.
  args: [...(launch.args ?? []), '--enable-precise-memory-info'],
});
const compression = `${GZIP}; brotli q11 lgwin 24 (Node ${process.versions.node}, brotli ${process.versions.brotli ?? '?'})`;
const out = { browser: `Chromium ${browser.version()}`, compression, pages: config.pages.map((p) => ({ name: p.name, url: new URL(p.path, config.base).href, runs: [] })) };
try {
  for (let run = -(config.warmup ?? 0); run < config.runs; run++) {
    for (const [i, page] of config.pages.entries()) {
      const result = await measure(browser, config.base, page, config.network, config.cpu);
      const label = run < 0 ? 'warm-up' : `run ${run + 1}/${config.runs}`;
      const m = result.metrics;
      console.log(
        `bench: ${label} ${page.name}: chart ${m.first_chart_ms?.toFixed(0)} ms, first click ${m.first_click_ms.toFixed(0)} ms, next click ${m.click_ms.toFixed(1)} ms`,
      );
      if (run >= 0) out.pages[i].runs.push(result);
    }
  }
} finally {
  await browser.close();
}
fs.writeFileSync(config.out, JSON.stringify(out, null, 1));
