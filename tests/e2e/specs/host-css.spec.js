// What a host page's own CSS may do to the <funding-breakdown> element, and
// what it must not (see hosts.js for the host pages).
import { test, expect } from './helpers.js';
import { hostPages, elementPage, hostOf } from './hosts.js';

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
