// What the stylesheet alone decides: names screen readers hear, cues in
// forced colours, layout that holds still.
import { test, expect, open } from './helpers.js';

/** The names of the accessibility tree's nodes of `role`, from Chromium's own tree. */
async function axNames(page, role) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes.filter((n) => !n.ignored && n.role?.value === role).map((n) => n.name?.value ?? '');
}

for (const [view, table] of [
  ['table', '.fb-table-view .fb-table'],
  ['years', '.fb-years-table'],
]) {
  test(`narrow table cards (${view}): a cell's name is its value, not the column name shown beside it`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await open(page, `#view=${view}`);
    const cells = page.locator(`${table} td`);
    await expect(cells.first()).toBeVisible();
    // The column name is shown (the card layout is on) ...
    const label = await cells.first().evaluate((td) => getComputedStyle(td, '::before').content);
    expect(label).toContain(await cells.first().getAttribute('data-label'));
    // ... and not heard: the header already names the column.
    const values = await cells.evaluateAll((tds) => tds.map((td) => td.textContent.trim()));
    const names = await axNames(page, 'cell');
    expect(names.map((n) => n.trim())).toEqual(values);
  });
}
