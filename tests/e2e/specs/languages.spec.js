// The widget in English, French, Spanish and Japanese: what a reader sees in
// each, how the language is chosen, and that the layout holds at 320 px.
import { test as plainTest } from '@playwright/test';
import { test, expect, open, wake, hold, holdWasm, expectNoAxeViolations, screenshot, hole, PRERENDERED } from './helpers.js';

// What a reader sees, as the catalogues and the browser's Intl write it
// (Playwright reads no-break spaces as spaces).
const LANGUAGES = [
  {
    tag: 'en',
    name: 'English',
    region: 'Sub-Saharan Africa',
    share: 'more than 40%',
    amount: 'more than USD 14.8 million',
    exact: 'more than USD 14,840,306.80',
    tabs: ['By region', 'By theme', 'Table', 'Sources', 'Years'],
  },
  {
    tag: 'fr',
    name: 'Français',
    region: 'Afrique subsaharienne',
    share: 'plus de 40 %',
    amount: 'plus de 14,8 millions USD',
    exact: 'plus de 14 840 306,80 USD',
    tabs: ['Par région', 'Par thème', 'Tableau', 'Sources', 'Années'],
  },
  {
    tag: 'es',
    name: 'Español',
    region: 'África subsahariana',
    share: 'más del 40 %',
    amount: 'más de 14,8 millones USD',
    exact: 'más de 14.840.306,80 USD',
    tabs: ['Por región', 'Por tema', 'Tabla', 'Fuentes', 'Años'],
  },
  {
    tag: 'ja',
    name: '日本語',
    region: 'サブサハラ・アフリカ',
    share: '40%超',
    amount: '1,480万米ドル超',
    exact: '14,840,306.80米ドル超',
    tabs: ['地域別', 'テーマ別', '表', '出典', '年別'],
  },
];

const VIEWS = ['region', 'theme', 'table', 'sources'];
const SSA = '[data-id="sub-saharan-africa"]';

/**
 * Layout problems inside the widget: boxes that stick out of the card (tables
 * may scroll inside their own box, by design), tabs or legend parts that
 * overlap, and donut hole lines wider than the hole.
 */
async function layoutProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const root = document.querySelector('.fb-root');
    const card = root.getBoundingClientRect();
    const name = (el) =>
      `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent || '').trim().slice(0, 30)}"`;
    for (const el of root.querySelectorAll('*')) {
      if (el.closest('.fb-sr-only, .fb-table-scroll, .fb-exact, option')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.left < card.left - 0.5 || box.right > card.right + 0.5) {
        problems.push(`${name(el)} sticks out of the card (${box.left}..${box.right} vs ${card.left}..${card.right})`);
      }
    }
    const overlaps = (els, what) => {
      const boxes = els.map((el) => [el, el.getBoundingClientRect()]);
      boxes.forEach(([a, ba], i) => {
        for (const [b, bb] of boxes.slice(i + 1)) {
          const x = Math.min(ba.right, bb.right) - Math.max(ba.left, bb.left);
          const y = Math.min(ba.bottom, bb.bottom) - Math.max(ba.top, bb.top);
          if (x > 0.5 && y > 0.5) problems.push(`${what}: ${name(a)} overlaps ${name(b)}`);
        }
      });
    };
    overlaps([...root.querySelectorAll('[role=tab]')], 'tabs');
    for (const button of root.querySelectorAll('.fb-legend-button')) {
      overlaps([...button.querySelectorAll('.fb-swatch, .fb-legend-name, .fb-legend-share, .fb-legend-amount')], 'legend');
    }
    overlaps([...root.querySelectorAll('.fb-facts > p')], 'facts');
    overlaps([...root.querySelectorAll('.fb-lang, .fb-title')], 'head');
    const donut = root.querySelector('svg.fb-donut');
    if (donut) {
      // The hole's diameter is 116 of the 200 viewBox units (chart::donut::INNER = 58).
      const hole = (donut.getBoundingClientRect().width * 116) / 200;
      const box = donut.getBoundingClientRect();
      const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
      for (const line of donut.querySelectorAll('.fb-hole text')) {
        const r = line.getBoundingClientRect();
        if (r.width > hole) problems.push(`hole line ${name(line)} is ${r.width}px wide, the hole ${hole}px`);
        // Inside the ring: the box's corners, less the space above and below the
        // glyphs that a line box has (a fifth of its height each way).
        const ink = r.height * 0.2;
        const corners = [[r.left, r.top + ink], [r.right, r.top + ink], [r.left, r.bottom - ink], [r.right, r.bottom - ink]];
        if (corners.some(([x, y]) => Math.hypot(x - cx, y - cy) > hole / 2)) {
          problems.push(`hole line ${name(line)} reaches the ring`);
        }
      }
      overlaps([...donut.querySelectorAll('.fb-hole text')], 'hole');
    }
    const sideways = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    if (sideways > 0) problems.push(`the page scrolls sideways by ${sideways}px`);
    return problems;
  });
}

for (const l of LANGUAGES) {
  test(`${l.name}: region, qualified amount and tabs in ${l.tag}; no axe violations; layout holds at 320 px`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 320, height: 900 });
    await open(page, `#lang=${l.tag}&view=region&sel=sub-saharan-africa`);
    await expect(page.locator('.fb-root')).toHaveAttribute('lang', l.tag);
    await expect(page.getByRole('tab')).toHaveText(l.tabs);
    const legend = page.locator(`.fb-legend button${SSA}`);
    await expect(legend.locator('.fb-legend-name')).toHaveText(l.region);
    await expect(legend.locator('.fb-legend-share')).toHaveText(l.share);
    await expect(legend.locator('.fb-legend-amount')).toHaveText(l.amount);
    const detail = page.locator('.fb-detail');
    await expect(detail.locator('.fb-detail-name')).toHaveText(l.region);
    await expect(detail.locator('.fb-detail-amount')).toHaveText(l.exact);
    await expect(page.locator('.fb-summary')).toContainText(l.region);
    // Nothing in the default data falls back to English.
    await expect(page.locator('.fb-head [lang], .fb-legend [lang], .fb-detail [lang]')).toHaveCount(0);
    await expect(page.locator('.fb-lang-select')).toHaveValue(l.tag);
    // The hole names the part selected, its lines within the hole (Japanese breaks without spaces).
    const unspaced = (t) => (l.tag === 'ja' ? t.replaceAll(' ', '') : t);
    expect((await hole(page)).map(unspaced)).toEqual([l.share, l.region]);
    await screenshot(page, `lang-${l.tag}-320`);
    for (const part of ['mena-europe', 'unattributed']) {
      await open(page, `#lang=${l.tag}&view=region&sel=${part}`);
      await expect(page.locator('.fb-hole-name').first()).toBeVisible();
      expect(await layoutProblems(page), `${l.tag} ${part} in the hole at 320px`).toEqual([]);
    }

    for (const view of VIEWS) {
      await open(page, `#lang=${l.tag}&view=${view}${view === 'region' ? '&sel=sub-saharan-africa' : ''}`);
      await expect(page.locator('.fb-root')).toHaveAttribute('lang', l.tag);
      await expectNoAxeViolations(page, `${l.tag} ${view} 320px`);
      expect(await layoutProblems(page), `${l.tag} ${view} at 320px`).toEqual([]);
      if (view !== 'region') await screenshot(page, `lang-${l.tag}-${view}-320`);
    }
  });
}

test('Japanese at 1200 px: layout holds and the total fits the donut hole', async ({ page }) => {
  await page.setViewportSize({ width: 1200, height: 900 });
  await open(page, '#lang=ja&view=region');
  await expect(page.locator('.fb-hole')).toContainText('3,710万米ドル');
  expect(await layoutProblems(page)).toEqual([]);
  await screenshot(page, 'lang-ja-1200');
});

test('the Japanese tabs fit on one line from a 360 px phone on', async ({ page }) => {
  const rows = () => page.locator('.fb-tab').evaluateAll((tabs) => new Set(tabs.map((t) => Math.round(t.getBoundingClientRect().top))).size);
  for (const width of [360, 375, 414]) {
    await page.setViewportSize({ width, height: 800 });
    await open(page, '#lang=ja');
    expect(await rows(), `Japanese tab rows at ${width} px`).toBe(1);
  }
  // Each tab is still a 44 px target.
  for (const box of await page.locator('.fb-tab').evaluateAll((tabs) => tabs.map((t) => t.getBoundingClientRect())))
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
});

test('the table needs no sideways scroll at any width, in any language', async ({ page }) => {
  // Above the cards' breakpoint the columns must fit: an embed is often
  // 560-760 px wide, and a clipped amount column gave no sign it scrolled.
  for (const { tag } of LANGUAGES) {
    await page.setViewportSize({ width: 900, height: 900 });
    await open(page, `#lang=${tag}&view=table`);
    for (let width = 900; width >= 320; width -= 20) {
      await page.setViewportSize({ width, height: 900 });
      const over = await page.evaluate(() => {
        const s = document.querySelector('.fb-table-scroll');
        return s.scrollWidth - s.clientWidth;
      });
      expect(over, `${tag} at ${width} px`).toBeLessThanOrEqual(0);
    }
  }
});

test('Japanese lines break between phrases, never inside an amount', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 900 });
  await open(page, '#lang=ja&view=years');
  const summary = page.locator('.fb-years-summary');
  await expect(summary).toContainText('万米ドル');
  // Each "3,630万米ドル" of the summary on one line: its boxes' tops (one
  // per font run) are less than half a line (27 px) apart. ("約", about,
  // may end the line before: a phrase boundary to BudouX.)
  const split = await summary.evaluate((p) => {
    const text = p.firstChild;
    const found = [];
    for (const m of text.data.matchAll(/[\d,]+万米ドル/g)) {
      const range = document.createRange();
      range.setStart(text, m.index);
      range.setEnd(text, m.index + m[0].length);
      const tops = [...range.getClientRects()].map((r) => r.top);
      if (Math.max(...tops) - Math.min(...tops) > 12) found.push(m[0]);
    }
    return { found, count: [...text.data.matchAll(/万米ドル/g)].length };
  });
  expect(split.count).toBeGreaterThan(5);
  expect(split.found).toEqual([]);
});

test('the title is read donor, connector, recipient, with no spaces in Japanese', async ({ page }) => {
  for (const [tag, connector] of [['en', 'to'], ['fr', 'vers'], ['ja', 'から']]) {
    await page.goto('about:blank');
    await open(page, `#lang=${tag}`);
    const title = page.locator('h1.fb-title');
    const donor = await title.locator('.fb-donor').textContent();
    const recipient = await title.locator('.fb-recipient').textContent();
    const gap = tag === 'ja' ? '' : ' ';
    // Japanese marks the recipient too: 日本政府から国際移住機関（IOM）へ.
    const name = `${donor}${gap}${connector}${gap}${recipient}${tag === 'ja' ? 'へ' : ''}`;
    await expect(title).toHaveAccessibleName(name);
    // What a screen reader gets: Chromium's own accessibility tree.
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const h1 = nodes.filter((n) => n.role?.value === 'heading' && n.properties?.some((p) => p.name === 'level' && p.value.value === 1));
    expect(h1.map((n) => n.name?.value)).toEqual([name]);
    await cdp.detach();
  }
});

test('#lang=ja in the URL wins over the browser language', async ({ page }) => {
  await open(page, '#lang=ja');
  await expect(page.locator('.fb-root')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('tab', { name: '地域別' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.fb-head')).toContainText('3,710万米ドル');
  await expect(page.locator('.fb-head')).toContainText('2021年3月12日発表');
});

test('the switch lists every language by its own name and changes the language and the URL', async ({
  page,
}) => {
  await open(page, '#view=table');
  const select = page.getByLabel('Language');
  await expect(select.locator('option')).toHaveText(['English', 'Français', 'Español', '日本語']);
  await select.selectOption('fr');
  await expect(page.locator('.fb-root')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('tab', { name: 'Tableau' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator(`table tr${SSA}`)).toContainText('plus de 14 840 306,80 USD');
  await expect(page).toHaveURL(/#.*lang=fr/);
  await expect(page).toHaveURL(/#.*view=table/);
  // The page's title too, for the tab and for screen readers.
  await expect(page).toHaveTitle(/^Répartition du financement.*Japon.*2021$/);
  await expect(page.locator('meta[name=description]')).toHaveAttribute('content', /^Donateur\u00a0: Gouvernement du Japon\./);
  // And the page's language, so that title is read as French.
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

  // The label is now French; the choice survives a reload.
  await page.getByLabel('Langue').selectOption({ label: '日本語' });
  await expect(page.locator('.fb-root')).toHaveAttribute('lang', 'ja');
  await expect(page).toHaveURL(/#.*lang=ja/);
  // The reload goes to the Japanese page, which is Japanese from its first paint.
  await page.reload();
  await expect(page).toHaveURL(/\/index\.ja\.html#view=table&lang=ja$/);
  await expect(page.locator('.fb-root')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('tab', { name: '表', exact: true })).toHaveAttribute('aria-selected', 'true');

  // Back to English: on the Japanese page, the URL says so.
  await page.getByLabel('言語').selectOption('en');
  await expect(page.locator('.fb-root')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveURL(/\/index\.ja\.html#view=table&lang=en$/);
  await expect(page).toHaveTitle('Funding breakdown: Government of Japan to IOM, 2021');
  await expect(page.locator('meta[name=description]')).toHaveAttribute('content', /^Donor: Government of Japan\./);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // On index.html, English is the default: the language leaves the URL, which
  // stays short, and the page has its own title, the same words (the build
  // writes it from the data, as it does each language's page's).
  await open(page, '#view=table&lang=en');
  await expect(page).toHaveURL(/\/#view=table$/);
  await expect(page.locator('.fb-root')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('Funding breakdown: Government of Japan to IOM, 2021');
  expect(await page.locator('meta[name=description]').getAttribute('content')).toMatch(/^Donor: Government of Japan\. Recipient: IOM\./);
});

test('arrows on the closed language list only browse it: Enter or leaving the list chooses', async ({ page }) => {
  // French cannot be had: it must not hold the reader above the languages below it.
  await page.route('**/i18n-fr-*.json', (route) => route.fulfill({ status: 500, body: '' }));
  page.removeAllListeners('console');
  await open(page);
  const select = page.getByLabel('Language');
  await select.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(select).toHaveValue('es');
  // Still English: reading the options changed nothing.
  await page.waitForTimeout(300);
  await expect(page.locator('.fb-root')).toHaveAttribute('lang', 'en');
  expect(await page.evaluate(() => location.hash)).not.toContain('lang=');
  await page.keyboard.press('Enter');
  await expect(page.locator('.fb-root')).toHaveAttribute('lang', 'es');
  await expect(page).toHaveURL(/#.*lang=es/);
  await expect(page.getByLabel('Idioma')).toBeFocused();
  // Escape puts the shown language back; leaving then changes nothing.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Idioma')).toHaveValue('es');
  await page.keyboard.press('Tab');
  await page.waitForTimeout(300);
  await expect(page.locator('.fb-root')).toHaveAttribute('lang', 'es');
  // Leaving the list after browsing takes what it shows.
  await page.getByLabel('Idioma').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await expect(page.locator('.fb-root')).toHaveAttribute('lang', 'ja');
});

/** Every request for a catalogue file, by path. */
/** Answers `path` on the widget's own origin with a host page of one element with `attributes`. */
function elementHost(page, path, attributes) {
  return page.route(`**/${path}`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
        <link rel="icon" href="data:,"><script type="module" src="embed.js"></script></head>
        <body><main><funding-breakdown ${attributes}></funding-breakdown></main></body></html>`,
    }),
  );
}

function catalogueRequests(page) {
  const paths = [];
  page.on('request', (r) => /\/i18n-[a-z]+-[0-9a-f]+\.json$/.test(r.url()) && paths.push(new URL(r.url()).pathname));
  return paths;
}

test('a language is downloaded when it is asked for, once; English is in the wasm', async ({ page }) => {
  const catalogues = catalogueRequests(page);
  await open(page);
  await page.getByRole('tab', { name: 'By theme' }).click();
  await page.waitForTimeout(300);
  expect(catalogues, 'English needs no file').toEqual([]);
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.locator('.fb-root')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('tab', { name: 'Par thème' })).toHaveAttribute('aria-selected', 'true');
  await page.getByLabel('Langue').selectOption('en');
  await expect(page.getByRole('tab', { name: 'By theme' })).toBeVisible();
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.getByRole('tab', { name: 'Par thème' })).toBeVisible();
  expect(catalogues).toEqual([expect.stringMatching(/^\/i18n-fr-[0-9a-f]{16}\.json$/)]);
});

test('opening the language list fetches the languages not loaded yet, so a choice need not wait', async ({ page }) => {
  const catalogues = catalogueRequests(page);
  // A slow network: the files are still on their way when the reader chooses.
  await page.route('**/i18n-*.json', async (route) => {
    await new Promise((go) => setTimeout(go, 400));
    await route.continue();
  });
  await open(page);
  await page.getByLabel('Language').focus();
  await page.waitForTimeout(300);
  expect(catalogues, 'focus alone fetches nothing').toEqual([]);
  await page.getByLabel('Language').click();
  await expect.poll(() => catalogues.length).toBe(3);
  await page.keyboard.press('Escape');
  // Chosen while its file is coming: the widget waits for that request, not a second one.
  await page.getByLabel('Language').selectOption('ja');
  await expect(page.locator('.fb-root')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('tab', { name: '地域別' })).toHaveAttribute('aria-selected', 'true');
  await page.getByLabel('言語').selectOption('es');
  await expect(page.getByRole('tab', { name: 'Por región' })).toBeVisible();
  expect(catalogues.map((p) => p.split('-')[1]).sort()).toEqual(['es', 'fr', 'ja']);
});

// Plain: the console error is expected.
plainTest('a language that fails after the reader chose another does not undo the later choice', async ({ page }) => {
  // French fails after a second; Spanish, chosen meanwhile, comes after two.
  await page.route('**/i18n-fr-*.json', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await route.abort();
  });
  await page.route('**/i18n-es-*.json', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await route.fallback();
  });
  await open(page, '#view=table');
  const list = page.getByLabel('Language');
  await list.selectOption('fr');
  await list.selectOption('es');
  await page.waitForTimeout(1500);
  // French's failure came while Spanish was still loading: nothing said of it.
  await expect(page.locator('.fb-lang-notice')).toHaveCount(0);
  await expect(page.locator('.fb-root')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('tab', { name: 'Tabla' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Idioma')).toHaveValue('es');
  await expect(page.locator('.fb-lang-notice')).toHaveCount(0);
});

test('a language that takes its time to load is said to be loading, from 0.3 s on, until it is shown', async ({ page }) => {
  const letFrench = await hold(page, '**/i18n-fr-*.json');
  await open(page);
  await page.getByLabel('Language').selectOption('fr');
  const loading = page.locator('.fb-lang-loading');
  // Out of the layout for its first 0.3 s, so a quick load shows and moves
  // nothing: looked at with its animation held at 0 s, then at 0.3 s.
  await expect(loading).toHaveCount(1);
  const at = (ms) =>
    loading.evaluate((e, ms) => {
      const [wait] = e.getAnimations();
      wait.pause();
      wait.currentTime = ms;
      return [getComputedStyle(e).display, e.getBoundingClientRect().height > 0];
    }, ms);
  expect(await at(0)).toEqual(['none', false]);
  expect(await at(299)).toEqual(['none', false]);
  expect(await at(300)).toEqual(['block', true]);
  await expect(loading).toBeVisible();
  await expect(loading).toHaveText('Loading the texts in Français…');
  await expect(loading).toHaveAttribute('role', 'status');
  await expect(loading.locator('span[lang=fr]')).toHaveText('Français');
  await expect(page.locator('.fb-root')).toHaveAttribute('lang', 'en');
  letFrench();
  await expect(page.locator('.fb-root')).toHaveAttribute('lang', 'fr');
  await expect(loading).toHaveCount(0);
});

// Plain: the console errors are expected.
plainTest('a language whose texts cannot be loaded leaves the widget as it was, and says so', async ({ page }) => {
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.route('**/i18n-fr-*.json', (route) => route.abort());
  await open(page, '#view=table');
  await page.getByLabel('Language').selectOption('fr');
  const notice = page.locator('.fb-lang-notice');
  await expect(notice).toHaveText('The texts in Français could not be loaded.');
  await expect(notice.locator('span[lang=fr]')).toHaveText('Français');
  await expect(notice).toHaveAttribute('role', 'status');
  // On its own line, under the list.
  const [list, said] = [await page.getByLabel('Language').boundingBox(), await notice.boundingBox()];
  expect(said.y).toBeGreaterThanOrEqual(list.y + list.height);
  // Still English, all of it, with the switch and the URL back on English.
  await expect(page.locator('.fb-root')).toHaveAttribute('lang', 'en');
  await expect(page.getByLabel('Language')).toHaveValue('en');
  await expect(page.getByRole('tab', { name: 'Table' })).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/\/#view=table$/);
  expect(errors.join('\n')).toMatch(/funding-breakdown: cannot load the catalogue .*i18n-fr-/);
  expect(errors.join('\n'), 'no panic').not.toMatch(/panicked|unreachable/);
  await expectNoAxeViolations(page, 'language unavailable');
  // Another language works, and the notice goes.
  await page.getByLabel('Language').selectOption('es');
  await expect(page.locator('.fb-root')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('tab', { name: 'Tabla' })).toHaveAttribute('aria-selected', 'true');
  await expect(notice).toHaveCount(0);
});

plainTest('an element whose language cannot be loaded opens in English', async ({ page }) => {
  await page.route('**/i18n-ja-*.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await elementHost(page, 'lang-host.html', 'id="ja-test" lang="ja"');
  await page.goto('/lang-host.html');
  await expect(page.locator('#ja-test')).toHaveAttribute('data-state', 'ready');
  const widget = page.locator('#ja-test .fb-root');
  await expect(widget).toHaveAttribute('lang', 'en');
  await expect(widget.getByRole('tab', { name: 'By region' })).toHaveAttribute('aria-selected', 'true');
  await expect(widget.locator('.fb-legend')).toContainText('Sub-Saharan Africa');
  // And says so, as when a language chosen later cannot be loaded.
  await expect(widget.locator('.fb-lang-notice')).toHaveText('The texts in 日本語 could not be loaded.');
  await expect(widget.locator('.fb-lang-notice')).toHaveAttribute('role', 'status');
  // The embedder asks for another language: it comes, and the notice goes.
  await page.locator('#ja-test').evaluate((e) => e.setAttribute('lang', 'fr'));
  await expect(widget).toHaveAttribute('lang', 'fr');
  await expect(widget.locator('.fb-lang-notice')).toHaveCount(0);
});

/**
 * On the French page, shown in French: English chosen is written into the
 * URL, which is not English's default there, so a reload keeps it.
 */
async function expectEnglishKeptOnReload(page) {
  await expect(page.locator('.fb-root')).toHaveAttribute('lang', 'fr');
  await page.getByLabel('Langue').selectOption('en');
  await expect(page).toHaveURL(/\/index\.fr\.html#view=region&lang=en$/);
  await page.reload();
  await expect(page.locator(PRERENDERED)).toHaveCount(0);
  await expect(page.locator('.fb-root')).toHaveAttribute('lang', 'en');
}

test('English chosen on the French page stays English when reloaded', async ({ page }) => {
  await page.goto('/index.fr.html');
  await wake(page);
  await expect(page.locator(PRERENDERED)).toHaveCount(0);
  await expectEnglishKeptOnReload(page);
  // And French again leaves the URL as the page's own.
  await page.getByLabel('Language').selectOption('fr');
  await expect(page).toHaveURL(/\/index\.fr\.html#view=region&lang=fr$/);
});

test.describe('a reader whose browser is set to French', () => {
  test.use({ locale: 'fr-FR' });

  test('gets French without choosing it', async ({ page }) => {
    await open(page);
    await expect(page.locator('.fb-root')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('tab', { name: 'Par région' })).toBeVisible();
    await expect(page.locator('.fb-legend')).toContainText('Afrique subsaharienne');
  });

  test('is sent to the French page, in French from its first paint, before the wasm is fetched', async ({ page }) => {
    const catalogues = catalogueRequests(page);
    // Every language the widget's root has had: never English, not even for a frame.
    await page.addInitScript(() => {
      window.__langs = new Set();
      new MutationObserver(() => {
        for (const root of document.querySelectorAll('.fb-root')) window.__langs.add(root.lang);
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['lang'] });
    });
    // And every language a frame of any page showed the widget in, index.html's included
    // (its window goes with it: the tab's sessionStorage stays).
    await page.addInitScript(() => {
      const tick = () => {
        const lang = document.documentElement.lang;
        const painted = JSON.parse(sessionStorage.getItem('painted') ?? '[]');
        if (document.querySelector('.fb-root') && !document.documentElement.hidden && !painted.includes(lang)) {
          sessionStorage.setItem('painted', JSON.stringify([...painted, lang]));
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    // boot.js a second late (a slow network): index.html has its stylesheet and could paint.
    await page.route('**/boot.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await route.fallback();
    });
    const wasm = [];
    page.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(new URL(r.url()).pathname));
    // Held until the static copy has been checked, however slow the machine.
    const { release } = await holdWasm(page);
    await page.goto('/#view=table');
    await expect(page).toHaveURL(/\/index\.fr\.html#view=table$/);
    // The static copy, while the wasm is on its way, is the French one.
    const copy = page.locator(PRERENDERED);
    await expect(copy).toHaveAttribute('lang', 'fr');
    await expect(copy).toContainText('Afrique subsaharienne');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    release();
    // index.html never started its download: the one request is the French page's.
    await expect(copy).toHaveCount(0, { timeout: 15000 });
    await expect(page.getByRole('tab', { name: 'Tableau' })).toHaveAttribute('aria-selected', 'true');
    expect(wasm).toHaveLength(1);
    // French's texts came with the wasm (boot.js preloads them), in one request.
    expect(catalogues).toEqual([expect.stringMatching(/^\/i18n-fr-/)]);
    expect(await page.evaluate(() => [...window.__langs])).toEqual(['fr']);
    expect(await page.evaluate(() => JSON.parse(sessionStorage.getItem('painted')))).toEqual(['fr']);
  });

  test('an element without lang opens in French, its texts fetched with the wasm (preloaded), once', async ({ page }) => {
    const catalogues = catalogueRequests(page);
    await elementHost(page, 'nolang-host.html', 'id="no-lang" view="sources"');
    const { release } = await holdWasm(page);
    await page.goto('/nolang-host.html');
    // While the wasm is on its way, its language's texts are already asked for.
    await expect.poll(() => page.evaluate(() => [...document.head.querySelectorAll('link[rel=preload]')].map((l) => new URL(l.href).pathname))).toEqual([
      expect.stringMatching(/^\/i18n-fr-/),
    ]);
    release();
    const widget = page.locator('#no-lang .fb-root');
    await expect(widget).toHaveAttribute('lang', 'fr');
    await expect(widget.getByRole('tab', { name: 'Sources' })).toHaveAttribute('aria-selected', 'true');
    expect(catalogues).toEqual([expect.stringMatching(/^\/i18n-fr-/)]);
  });

  test('still gets the language the link names', async ({ page }) => {
    await open(page, '#lang=es');
    await expect(page).toHaveURL(/\/index\.es\.html#/);
    await expect(page.locator('.fb-root')).toHaveAttribute('lang', 'es');
    await expect(page.getByRole('tab', { name: 'Por región' })).toBeVisible();
  });

  test('gets English where the link asks for it, and keeps English chosen when reloading', async ({ page }) => {
    await open(page, '#lang=en');
    await expect(page).toHaveURL(/\/#lang=en$|\/#view=region&lang=en$/);
    await expect(page.locator('.fb-root')).toHaveAttribute('lang', 'en');
    // Sent to the French page, where English chosen survives a reload.
    await open(page);
    await expectEnglishKeptOnReload(page);
    await expect(page.getByRole('tab', { name: 'By region' })).toBeVisible();
  });

  test('stays on a page its host renamed, which may have no French sibling', async ({ page }) => {
    const html = await (await page.request.get('/index.html')).text();
    await page.route('**/renamed.html', (route) => route.fulfill({ contentType: 'text/html', body: html }));
    await page.goto('/renamed.html');
    await expect(page.locator(PRERENDERED)).toHaveCount(0);
    // The wasm gives the reader French there, as before.
    await expect(page.locator('.fb-root')).toHaveAttribute('lang', 'fr');
    await expect(page).toHaveURL(/\/renamed\.html#/);
  });
});

test.describe('a reader whose browser language the widget lacks', () => {
  test.use({ locale: 'de-DE' });

  test('gets English', async ({ page }) => {
    await open(page);
    await expect(page).toHaveURL(/\/(#.*)?$/);
    await expect(page.locator('.fb-root')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('tab', { name: 'By region' })).toBeVisible();
  });
});

test('the lang attribute of the custom element chooses its language', async ({ page }) => {
  const catalogues = catalogueRequests(page);
  // A host page on the widget's own origin, answered by Playwright.
  await elementHost(page, 'lang-host.html', 'id="lang-test" lang="es" view="sources"');
  await page.goto('/lang-host.html');
  const widget = page.locator('#lang-test .fb-root');
  await expect(widget).toHaveAttribute('lang', 'es');
  await expect(widget.getByRole('tab', { name: 'Fuentes' })).toHaveAttribute('aria-selected', 'true');
  await expect(widget.locator('.fb-sources')).toContainText('publicado el 12 de marzo de 2021; en inglés');
  // Spanish's texts: preloaded by embed.js with the wasm, fetched once.
  expect(catalogues).toEqual([expect.stringMatching(/^\/i18n-es-/)]);

  // Changing the attribute changes the language.
  await page.evaluate(() => document.getElementById('lang-test').setAttribute('lang', 'ja'));
  await expect(widget).toHaveAttribute('lang', 'ja');
  await expect(widget.getByRole('tab', { name: '出典' })).toBeVisible();
});

plainTest('a language page whose texts cannot be loaded keeps its copy in that language and says, in it, that the widget could not start; Try again brings it', async ({ page }) => {
  let fail = true;
  await page.route('**/i18n-fr-*.json', (route) => (fail ? route.fulfill({ status: 500, body: '' }) : route.fallback()));
  page.removeAllListeners('console');
  await page.goto('/index.fr.html');
  const title = await page.title();
  await wake(page);
  const notice = page.locator('.fb-boot-failed');
  await expect(notice.getByRole('alert')).toHaveText(/^La version interactive de ce graphique/);
  // Not an English widget in place of the French page: the copy stays, and the
  // table and the sources, which its tabs cannot show, come below it.
  await expect(page.locator('.fb-root[data-prerendered]')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('.fb-noscript.fb-revealed')).toContainText('Sources');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
  expect(await page.title()).toBe(title);
  await expect(page.locator('.fb-lang-notice')).toHaveCount(0);
  fail = false;
  // It loads the page again (the URL is the same: wait for the new page's load).
  await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Réessayer' }).click()]);
  await wake(page);
  await expect(page.locator('.fb-root:not([data-prerendered])')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('tab', { name: 'Par région' })).toHaveAttribute('aria-selected', 'true');
});

plainTest('a language page asked by its hash for a language that cannot be loaded opens in its own, not English, and says so', async ({ page }) => {
  await page.route('**/i18n-fr-*.json', (route) => route.fulfill({ status: 500, body: '' }));
  page.removeAllListeners('console');
  // Every language the widget's root has had, after each change of the page.
  await page.addInitScript(() => {
    window.__langs = [];
    new MutationObserver(() => {
      const lang = document.querySelector('#funding-breakdown > .fb-root')?.getAttribute('lang');
      if (lang && window.__langs.at(-1) !== lang) window.__langs.push(lang);
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  await page.goto('/index.ja.html#view=table&lang=fr');
  await wake(page);
  await expect(page.locator(PRERENDERED)).toHaveCount(0);
  const root = page.locator('.fb-root');
  await expect(root).toHaveAttribute('lang', 'ja');
  // The view the hash asked for, in Japanese, and the language list on it.
  await expect(page.getByRole('tab', { name: '表', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('言語')).toHaveValue('ja');
  await expect(page.locator('.fb-lang-notice')).toHaveText('Françaisのテキストを読み込めませんでした。');
  await expect(page.locator('.fb-boot-failed')).toHaveCount(0);
  // Never English on the way, not even for a frame.
  expect(await page.evaluate(() => window.__langs)).toEqual(['ja']);
});

plainTest('a language page whose own texts fail too, asked by its hash for another that fails, keeps its copy', async ({ page }) => {
  await page.route(/\/i18n-(fr|ja)-[0-9a-f]+\.json$/, (route) => route.fulfill({ status: 500, body: '' }));
  page.removeAllListeners('console');
  await page.goto('/index.ja.html#lang=fr');
  await wake(page);
  await expect(page.locator('.fb-boot-failed').getByRole('alert')).toBeVisible();
  await expect(page.locator('.fb-root[data-prerendered]')).toHaveAttribute('lang', 'ja');
});

plainTest('a language that cannot be loaded is not kept: the list names the one shown, the URL no fallback', async ({ page }) => {
  await page.route('**/i18n-fr-*.json', (route) => route.fulfill({ status: 500, body: '' }));
  page.removeAllListeners('console');
  // Japanese chosen, then French, which fails: the list says Japanese, the URL too.
  await open(page);
  await page.getByLabel('Language').selectOption('ja');
  await expect(page.locator('.fb-root')).toHaveAttribute('lang', 'ja');
  await page.getByLabel('言語').selectOption('fr');
  await expect(page.locator('.fb-lang-notice')).toContainText('Français');
  await expect(page.locator('.fb-root')).toHaveAttribute('lang', 'ja');
  await expect(page.getByLabel('言語')).toHaveValue('ja');
  await page.waitForTimeout(400);
  expect(await page.evaluate(() => location.hash)).toContain('lang=ja');
  expect(await page.evaluate(() => location.hash)).not.toContain('lang=fr');
});
