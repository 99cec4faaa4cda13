// Where keyboard focus goes, and what the live region says, when a control
// replaces itself or the view changes: a reader who cannot see the page has
// only these to know what happened.
import fs from 'node:fs';
import { test, expect, open } from './helpers.js';
import { hostPages, elementPage } from './hosts.js';

const live = (page) => page.locator('[aria-live=polite]');
/** The id of the focused element, or its tag when it has none. */
const focused = (page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);

test('opening a year from the Years view moves focus to its breakdown and says which year it is', async ({ page }) => {
  await open(page, '#view=years');
  const list = page.getByRole('listbox', { name: 'Total by operations year' });
  await list.locator('[data-year="2019"]').click();
  const openButton = page.getByRole('button', { name: 'Open 2019 in the breakdown' });
  await openButton.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'By region' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.fb-total')).toHaveText('about USD 27 million');
  // Not the body: the selected tab, from where the new view is one Tab away.
  await expect.poll(() => focused(page)).toMatch(/-tab-region$/);
  await expect(live(page)).toHaveText('2019: about USD 27 million, now shown in the breakdown');
  await expect(live(page)).not.toContainText('Selection cleared');
});

test('changing view does not announce a selection from another view', async ({ page }) => {
  await open(page);
  // A link's selection, which focus does not reach: announced.
  await page.evaluate(() => {
    location.hash = '#view=region&sel=asia';
  });
  await expect(live(page)).toHaveText(/^Asia: 20%/);
  await page.getByRole('tab', { name: 'By region' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'By theme' })).toHaveAttribute('aria-selected', 'true');
  await expect(live(page)).toHaveText('');
  await page.keyboard.press('Home');
  await expect(page.getByRole('tab', { name: 'By region' })).toHaveAttribute('aria-selected', 'true');
  await expect(live(page)).toHaveText('');
});

test('a link to a year selected in the Years view is said once the series has come', async ({ page }) => {
  // The series comes after the first render, which had no words for the year yet.
  await page.route('**/data/japan-iom-series.json', async (route) => {
    await new Promise((go) => setTimeout(go, 300));
    await route.fallback();
  });
  await open(page, '#view=years&ysel=2024');
  await expect(page.locator('[data-year="2024"][aria-selected=true]')).toBeVisible();
  await expect(live(page)).toHaveText(/^2024: /);
});

test('a link to another year with a selection says that year\'s figure once it has come, not the bundled year\'s', async ({ page }) => {
  await page.route('**/data/japan-iom-series.json', async (route) => {
    await new Promise((go) => setTimeout(go, 300));
    await route.fallback();
  });
  await open(page, '#year=2019&sel=sub-saharan-africa');
  await expect(page.locator('.fb-total')).toHaveText('about USD 27 million');
  // 2019's 58 %, not 2021's "more than 40%".
  await expect(live(page)).toHaveText(/^Sub-Saharan Africa: 58%/);
});

test('a region kept in the theme view is said only where a theme links it', async ({ page, baseURL }) => {
  // The bundled themes name no region: "Asia: 20%" would be a figure the view does not show.
  await open(page, '#view=theme&sel=asia');
  await expect(page.getByRole('tab', { name: 'By theme' })).toHaveAttribute('aria-selected', 'true');
  await page.waitForTimeout(300);
  await expect(live(page)).toHaveText('');
  // The corpus's base file: its theme Health works in Africa, which the theme view marks.
  const data = fs.readFileSync(new URL('../../data/good/base.json', import.meta.url));
  await hostPages(
    page,
    baseURL,
    elementPage(`${baseURL}/`, `<funding-breakdown src="${baseURL}/__data/base.json" view="theme" sel="africa"></funding-breakdown>`),
    { csp: false, host: `${baseURL}/__host` },
  );
  await page.context().route(`${baseURL}/__data/base.json`, (route) =>
    route.fulfill({ status: 200, headers: { 'content-type': 'application/json' }, body: data }),
  );
  await page.goto(`${baseURL}/__host/index.html`);
  const el = page.locator('funding-breakdown');
  await expect(el.locator('.fb-theme.is-linked')).toHaveAttribute('data-id', 'health');
  await expect(el.locator('[aria-live=polite]')).toHaveText(/^Africa: more than 40%/);
});

test('after Escape, Shift+Tab leaves the chart instead of selecting its first mark', async ({ page }) => {
  await open(page);
  const chart = page.getByRole('listbox', { name: /by region/i }).first();
  await page.locator('path.fb-mark[data-id="sub-saharan-africa"]').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('path.fb-mark[aria-selected=true]')).toHaveAttribute('data-id', 'mena-europe');
  await page.keyboard.press('Escape');
  await expect(page.locator('path.fb-mark[aria-selected=true]')).toHaveCount(0);
  // Tab would come back to the mark the reader was on.
  await expect(page.locator('path.fb-mark[data-id="mena-europe"]')).toHaveAttribute('tabindex', '0');
  await page.keyboard.press('Shift+Tab');
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('svg') === null)).toBe(true);
  await expect(page.locator('path.fb-mark[aria-selected=true]')).toHaveCount(0);
  await expect(page).not.toHaveURL(/sel=/);
  await expect(chart).toBeVisible();
});

test('after Escape in the Years view, Shift+Tab leaves the list', async ({ page }) => {
  await open(page, '#view=years');
  const list = page.getByRole('listbox', { name: 'Total by operations year' });
  await list.locator('[data-year="2021"]').focus();
  await page.keyboard.press('ArrowRight');
  await expect(list.locator('[aria-selected=true]')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(list.locator('[aria-selected=true]')).toHaveCount(0);
  await page.keyboard.press('Shift+Tab');
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[role=listbox]') === null)).toBe(true);
  await expect(list.locator('[aria-selected=true]')).toHaveCount(0);
});

test('a theme pressed again, or Escape, lets go of it', async ({ page }) => {
  await open(page, '#view=theme');
  const theme = page.locator('.fb-theme button[aria-pressed]').first();
  await theme.focus();
  await page.keyboard.press('Enter');
  await expect(theme).toHaveAttribute('aria-pressed', 'true');
  // Focus is on the button that says it: the live region does not repeat it.
  await expect(live(page)).toHaveText('');
  await page.keyboard.press('Enter');
  await expect(theme).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('Enter');
  await expect(theme).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');
  await expect(theme).toHaveAttribute('aria-pressed', 'false');
});

test('Try again keeps focus in the panel while the series loads again', async ({ page }) => {
  let fail = true;
  await page.route('**/data/japan-iom-series.json', (route) =>
    fail ? route.fulfill({ status: 503, body: 'busy' }) : route.fallback(),
  );
  // The failed request logs, as it should; that is this test's own doing.
  page.removeAllListeners('console');
  await page.goto('/#view=years');
  await expect(page.locator('.fb-years-view [role=alert]')).toContainText('error 503');
  const retry = page.locator('.fb-years-view .fb-error').getByRole('button', { name: 'Try again' });
  await retry.focus();
  fail = false;
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listbox', { name: 'Total by operations year' }).getByRole('option')).toHaveCount(8);
  await expect.poll(() => focused(page)).toMatch(/-panel$/);
});

test('the exact total can be hovered onto and dismissed with Escape (WCAG 1.4.13)', async ({ page }) => {
  await open(page);
  const total = page.locator('.fb-total');
  const tip = page.locator('.fb-exact');
  await expect(tip).toBeHidden();
  await total.hover();
  await expect(tip).toBeVisible();
  // The pointer moves down onto the tooltip, which stays.
  const [a, b] = [await total.boundingBox(), await tip.boundingBox()];
  const x = Math.max(b.x + 4, Math.min(a.x + a.width / 2, b.x + b.width - 4));
  await page.mouse.move(x, a.y + a.height - 2);
  await page.mouse.move(x, b.y + b.height / 2, { steps: 4 });
  await expect(tip).toBeVisible();
  // Escape hides it without moving the pointer.
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  await page.mouse.move(0, 0);
  // With focus: Escape hides it and focus stays; it shows again next time.
  await total.focus();
  await expect(tip).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  await expect(total).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(total).toBeFocused();
  await expect(tip).toBeVisible();
});

test('a language switch leaves nothing said or shown in the old language: the live region and the footer status are cleared', async ({ page, baseURL, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await open(page);
  // A link's selection, then its clearing: said.
  await page.evaluate(() => {
    location.hash = '#view=region&sel=asia';
  });
  await expect(live(page)).toHaveText('Asia: 20%, about USD 7.4 million');
  await page.evaluate(() => {
    location.hash = '#view=region';
  });
  await expect(live(page)).toHaveText('Selection cleared');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.locator('.fb-footer-status')).toHaveText('Link copied');
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.locator('.fb-root')).toHaveAttribute('lang', 'fr');
  await expect(live(page)).toHaveText('');
  await expect(page.locator('.fb-footer-status')).toHaveText('');
  // What happens next is said in the new language.
  await page.evaluate(() => {
    location.hash = '#view=region&sel=asia&lang=fr';
  });
  await expect(live(page)).toHaveText(/^Asie/);
});

test('a copy that finishes after a language switch is told in the new language', async ({ page }) => {
  // The clipboard answers only when the test lets it, after the switch.
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () =>
      new Promise((resolve) => {
        window.releaseCopy = resolve;
      });
  });
  await open(page);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.waitForFunction(() => typeof window.releaseCopy === 'function');
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.locator('.fb-root')).toHaveAttribute('lang', 'fr');
  await page.evaluate(() => window.releaseCopy());
  await expect(page.locator('.fb-footer-status')).toHaveText('Lien copié');
  // A second copy is announced again, as a change.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.resolve();
  });
  await page.getByRole('button', { name: 'Copier le lien' }).click();
  await expect(page.locator('.fb-footer-status')).toHaveText(/^Lien copié\u00a0$/);
});

test("a link's language and selection together are said once the language has come, in it", async ({ page }) => {
  let fetched = 0;
  await page.route('**/i18n-fr-*.json', async (route) => {
    fetched += 1;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await route.fallback();
  });
  await open(page);
  await page.evaluate(() => {
    location.hash = '#view=region&sel=asia&lang=fr';
  });
  await expect(page.locator('.fb-root')).toHaveAttribute('lang', 'fr');
  expect(fetched).toBe(1);
  // Not in English first, and not cleared by the language's coming.
  await expect(live(page)).toHaveText(/^Asie\u00a0: 20\s?%/);
});
