// axe-core finds no violations in any view, colour scheme or width, and the
// e2e run leaves screenshots of each for human review.
import { test, expect, open, expectNoAxeViolations, screenshot } from './helpers.js';

// Each view, with a selection where one shows more; and another year opened
// from the series (2024: a combined group, an amount-only country, named regions).
const views = [
  ['region', '#view=region&sel=sub-saharan-africa'],
  ['theme', '#view=theme'],
  ['table', '#view=table'],
  ['sources', '#view=sources'],
  ['years', '#view=years&ysel=2018'],
  ['year-2024', '#view=region&year=2024&sel=ukraine'],
  ['year-2024-table', '#view=table&year=2024'],
];
const widths = [320, 1200];
const schemes = ['light', 'dark'];

for (const scheme of schemes) {
  for (const width of widths) {
    test(`no axe violations: ${scheme}, ${width}px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      for (const [view, hash] of views) {
        await open(page, hash);
        // The series is fetched on first use: check the view once it is drawn.
        if (view === 'years') await expect(page.getByRole('option', { name: /^2018/ })).toBeVisible();
        if (view.startsWith('year-')) await expect(page.locator('.fb-total')).toContainText('32');
        await expectNoAxeViolations(page, `${view} ${scheme} ${width}px`);
        // No horizontal scrolling at any width.
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        if (overflow > 0) throw new Error(`${view} scrolls sideways by ${overflow}px at ${width}px`);
        await screenshot(page, `${view}-${scheme}-${width}`);
      }
    });
  }
}

test('the chart\'s keyboard help is said once: as the listbox\'s description, not also as the figure\'s name', async ({ page }) => {
  await open(page, '');
  const listbox = page.getByRole('listbox', { name: 'Share of the total by region' });
  await expect(listbox).toHaveAccessibleDescription(/arrow keys/);
  const names = await page.locator('figure.fb-chart').evaluateAll((figures) => figures.map((f) => f.querySelector('figcaption')?.textContent ?? ''));
  expect(names).toEqual(['']);
  expect(await page.locator('.fb-chart').ariaSnapshot()).not.toMatch(/figure "Use the arrow keys/);
});
