// The release build loads and shows what a reader comes for.
import { test, expect, open } from './helpers.js';

test('shows the headline, the total and one mark per region plus the remainder', async ({ page }) => {
  await open(page);
  const head = page.locator('.fb-head');
  await expect(head).toContainText('Government of Japan');
  await expect(head).toContainText('International Organization for Migration (IOM)');
  await expect(head.locator('.fb-total')).toHaveText('USD 37.1 million');
  await expect(head).toContainText('for operations in 2021');
  await expect(head).toContainText('Allocated');

  // The exact figure appears when the total gets focus.
  const exact = page.locator('.fb-exact');
  await expect(exact).toBeHidden();
  await head.locator('.fb-total').focus();
  await expect(exact).toBeVisible();
  await expect(exact).toContainText('USD 37,100,767');

  const marks = page.locator('svg.fb-donut path[role=option]');
  await expect(marks).toHaveCount(4);
  await expect(page.locator('svg.fb-donut path.fb-rest')).toHaveCount(1);
  await expect(page.locator('.fb-legend')).toContainText('more than 40%');
});

test('the page makes no request outside its own origin', async ({ page, baseURL }) => {
  const foreign = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== new URL(baseURL).origin) {
      foreign.push(req.url());
    }
  });
  await open(page);
  expect(foreign).toEqual([]);
});
