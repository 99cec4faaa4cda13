// axe-core finds no violations in any view, colour scheme or width, and the
// e2e run leaves screenshots of each for human review.
import { test, open, expectNoAxeViolations, screenshot } from './helpers.js';

const views = ['region', 'theme', 'table', 'sources'];
const widths = [320, 1200];
const schemes = ['light', 'dark'];

for (const scheme of schemes) {
  for (const width of widths) {
    test(`no axe violations: ${scheme}, ${width}px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      for (const view of views) {
        const sel = view === 'region' ? '&sel=sub-saharan-africa' : '';
        await open(page, `#view=${view}${sel}`);
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
