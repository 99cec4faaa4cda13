// Host pages for embedding tests, answered by Playwright: by default on
// http://localhost:<port> while the widget is http://127.0.0.1:<port>, so
// another origin. Both are loopback, as Chromium's Local Network Access rules
// require for a plain-http host page.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const README = fs.readFileSync(path.resolve(here, '../../../README.md'), 'utf8');
const DOC_BASE = 'https://example.org/funding-breakdown/';

/**
 * A strict policy for the widget's pages without the hashes of their inline
 * stylesheet and language check (README's policy before the build wrote
 * csp.txt): the page must still work, from its files.
 */
export const HASHLESS_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

/** The policy the build wrote for the widget's pages (csp.txt), from the server under test. */
export async function widgetCsp(page, baseURL) {
  const response = await page.request.get(new URL('csp.txt', `${baseURL.replace(/\/$/, '')}/`).href);
  if (!response.ok()) throw new Error(`csp.txt: HTTP ${response.status()}`);
  return (await response.text()).trim();
}

/** The host origin: the widget's server under another name, so another origin. */
export const hostOf = (baseURL) => baseURL.replace('127.0.0.1', 'localhost');

/** The code block after `<!-- snippet:NAME -->` in README, pointed at `base`. */
export function snippet(name, base) {
  const marker = `<!-- snippet:${name} -->`;
  const after = README.slice(README.indexOf(marker) + marker.length);
  const start = after.indexOf('```html\n') + '```html\n'.length;
  const body = after.slice(start, after.indexOf('\n```', start));
  return body.replaceAll(DOC_BASE, base);
}

/** README's example policy for a host page, with the widget at `widget` (an origin). */
export function hostCsp(widget) {
  const marker = '<!-- snippet:host-csp -->';
  const after = README.slice(README.indexOf(marker) + marker.length);
  const start = after.indexOf('```text\n') + '```text\n'.length;
  return after.slice(start, after.indexOf('\n```', start)).replaceAll(new URL(DOC_BASE).origin, widget);
}

/** A host page with `elements` and the README's script tag for embed.js. */
export const elementPage = (base, elements, css = '') => ({
  'index.html': [
    'text/html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
     <link rel="icon" href="data:,"><link rel="stylesheet" href="host.css"></head>
     <body><main><h1>Host page</h1>
     ${elements}
     ${snippet('element', base).split('\n')[1]}
     </main></body></html>`,
  ],
  'host.css': ['text/css', css],
});

/**
 * Serves `files` (name → [content type, body]) under `host` (default: the
 * widget's server as localhost), optionally with a strict CSP on host and
 * widget responses (`csp`: true for the build's policy on the widget's
 * files, or the widget's policy itself), and records every request that
 * leaves the two origins and every CSP violation.
 */
export async function hostPages(page, baseURL, files, { csp, host = hostOf(baseURL) }) {
  const widget = new URL(baseURL).origin;
  const policy = csp === true ? await widgetCsp(page, baseURL) : csp;
  const hostOrigin = new URL(host).origin;
  const foreign = [];
  const violations = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (!['data:', 'blob:'].includes(url.protocol) && ![hostOrigin, widget].includes(url.origin)) {
      foreign.push(req.url());
    }
  });
  page.on('console', (msg) => {
    if (/Content.Security.Policy/i.test(msg.text())) violations.push(msg.text());
  });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  // The widget's responses pass through Playwright too: Chromium's Local
  // Network Access checks would otherwise refuse a loopback host page's
  // requests to another loopback origin (a real host and widget server are
  // public). CORS is still checked on the headers our server sends.
  await page.context().route(`${widget}/**`, async (route) => {
    let response;
    try {
      response = await route.fetch();
    } catch {
      // The server dropped the connection: the page sees a network error too.
      return route.abort('connectionreset');
    }
    const headers = { ...response.headers() };
    // route.fetch() decoded a body our server sent compressed: it goes on as
    // is, so its encoding and compressed length no longer apply. Other
    // lengths stay (the widget refuses a file too large by its length).
    if (headers['content-encoding']) {
      delete headers['content-encoding'];
      delete headers['content-length'];
    }
    if (policy) headers['content-security-policy'] = policy;
    // Playwright adds `Access-Control-Allow-Origin: *` to fulfilled responses
    // that have none; keep a server's refusal a refusal.
    if (!('access-control-allow-origin' in headers)) headers['access-control-allow-origin'] = 'null';
    // The page may have given up meanwhile (a timeout test aborts its request).
    await route.fulfill({ response, headers }).catch(() => {});
  });
  // Registered last, so it is tried first (also when the host is the widget's origin).
  await page.context().route(`${host}/**`, (route) => {
    const prefix = new URL(host).pathname.replace(/\/$/, '');
    const name = new URL(route.request().url()).pathname.slice(prefix.length + 1);
    const file = files[name];
    if (!file) {
      // Under the widget's origin, other paths are the widget's own files.
      return hostOrigin === widget ? route.fallback() : route.fulfill({ status: 404, body: 'not found' });
    }
    const headers = { 'content-type': file[0] };
    if (csp) headers['content-security-policy'] = hostCsp(widget);
    return route.fulfill({ status: 200, headers, body: file[1] });
  });
  return { foreign, violations };
}
