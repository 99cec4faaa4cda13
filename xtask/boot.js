// Written by `cargo xtask post-build` from xtask/boot.js (xtask/src/postbuild.rs says why).
const ours = (tag) => { const l = tag?.split(/[-_]/)[0].toLowerCase(); return [__FB_LANGS__].includes(l) && l; };
const asked = ours(/[#&]lang=([^&]*)/.exec(location.hash)?.[1]);
const browser = [...navigator.languages, navigator.language].map(ours).find(Boolean);
// The page has its stylesheet and its head script (lang.js) inline, so that
// the first paint waits for no other request. A policy without their hashes
// (csp.txt) blocks them: their files come now, the page unseen until then (a
// frame without styles may have been painted already); lang.js after the
// stylesheet, so that in an iframe the first height it posts is the styled page's.
const load = (tag, props) => new Promise((go) => document.head.append(Object.assign(document.createElement(tag), props, { onload: go, onerror: go })));
const style = document.querySelector('style[data-href]');
const check = document.querySelector('script[data-src]');
const blocked = style && !style.sheet;
const { style: look } = document.documentElement;
if (blocked) {
  look.visibility = 'hidden';
  await load('link', { rel: 'stylesheet', href: style.dataset.href });
}
if (check) await load('script', { src: check.dataset.src });
if (blocked) look.removeProperty('visibility');
// lang.js is sending the reader to another language's page.
if (document.documentElement.hidden) await new Promise(() => {});
const host = document.getElementById('funding-breakdown');
// Focus may have come before this module ran.
let last = document.activeElement;
// Focus that left an element still in the page (not the removed copy) is the reader's move.
const track = (e) => { const { type, target, relatedTarget } = e; if (type == 'focusin') last = target; else queueMicrotask(() => { if (target.isConnected) last = relatedTarget; }); };
addEventListener('focusin', track);
addEventListener('focusout', track);
const copy = host?.querySelector('[data-prerendered]');
// Printed before the live widget runs, the copy adds the table and the sources that the wasm's
// print section would, from the <noscript> that holds them for readers without JavaScript.
const noscript = copy && host.querySelector('noscript');
const printed = () => host.querySelector('.fb-printed');
const figures = () => {
  if (printed()) return;
  const t = document.createElement('template');
  t.innerHTML = noscript.textContent;
  t.content.firstElementChild?.classList.add('fb-printed');
  noscript.after(t.content);
};
if (noscript) addEventListener('beforeprint', () => copy.isConnected && figures());
// The live widget's element for one of the copy's: same id, else a download by its
// kind, the Embed button by its state, else same first class and data-id.
const find = async (el) => {
  const { id, export: kind } = el.dataset;
  const part = el.id ? `[id="${el.id}"]` : kind ? `[data-export="${kind}"]` : el.hasAttribute('aria-expanded') ? '.fb-actions [aria-expanded]' : `.${el.classList[0]}${id ? `[data-id="${id}"]` : ''}`;
  const selector = `#funding-breakdown ${part}`;
  // It may come a task or two after init, or (another language) once its
  // catalogue has come; until then the copy, with the same ids, is still there.
  for (let i = 0; i < 300; i++) {
    const live = [...document.querySelectorAll(selector)].find((e) => !copy?.contains(e));
    if (live) return live;
    await new Promise((go) => setTimeout(go, 16));
  }
};
const icu = () => { new Intl.NumberFormat(); new Intl.DateTimeFormat(); };
// The widget will not come (or not soon): the notice says so, and the copy's
// controls, which cannot act, are disabled and no longer busy; focus on one
// goes to the notice's Try again rather than to the page. Where the notice
// stays in view (the stylesheet makes it sticky on a screen tall for its text),
// a tap's page stays where the reader is, and Tab scrolls what it focuses
// below it; elsewhere the page goes to it, or a tap would seem to do nothing.
// When it failed (not a download still on its way), the table and the
// sources, which only the live widget's tabs show, come below the copy from
// the <noscript>.
const dead = (failed) => {
  const notice = document.querySelector('#funding-breakdown > .fb-boot-failed');
  const retry = notice?.querySelector('button');
  notice?.removeAttribute('hidden');
  addEventListener('resize', pad);
  stalled = !failed;
  // Keys from before the failure are not acted on after Try again.
  moves.length = 0;
  if (!copy) return;
  copy.ariaBusy = null;
  const had = copy.contains(document.activeElement);
  const keyboard = document.activeElement?.matches(':focus-visible');
  for (const button of copy.querySelectorAll('button')) button.disabled = true;
  if (failed && noscript) { figures(); printed()?.classList.add('fb-revealed'); }
  if (had && retry) retry.focus({ preventScroll: !keyboard && getComputedStyle(notice).position == 'sticky' });
  pad();
};
// The page's scroll-padding: the sticky notice's height while it shows.
const pad = () => {
  const notice = document.querySelector('#funding-breakdown > .fb-boot-failed:not([hidden])');
  const padding = notice && getComputedStyle(notice).position == 'sticky' ? `${notice.offsetHeight + 8}px` : '';
  // Only a change is written: a start that never failed touches no style.
  if (look.scrollPaddingTop != padding) look.scrollPaddingTop = padding;
};
let clicked, pressed, spaced;
const MOVES = ['ArrowLeft', 'ArrowRight', 'Home', 'End'], moves = [];
const SLOW_MS = 60_000;
const run = async (now) => {
  // The catalogue of the language the widget opens in (App's rule), fetched with the wasm.
  const lang = asked || host?.dataset.lang || browser;
  if (lang && lang != 'en') document.head.append(Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href: new URL(`./i18n-${lang}-__FB_I18N_KEY__.json`, import.meta.url).href }));
  const wasm = fetch(new URL('./__FB_WASM__', import.meta.url)__FB_WASM_OPTIONS__);
  wasm.catch(() => {});
  // The glue, checked against its hash: import() takes the module this link fetched.
  const glue = Object.assign(document.createElement('link'), { rel: 'modulepreload', href: new URL(`./__FB_GLUE__${attempt ? `?${attempt}` : ''}`, import.meta.url).href__FB_GLUE_OPTIONS__ });
  const fetched = new Promise((ok, fail) => { glue.onload = ok; glue.onerror = () => fail(new Error(`cannot load ${glue.href}`)); });
  document.head.append(glue);
  let slow;
  try {
    if (now) {
      await new Promise((go) => {
        requestAnimationFrame(() => setTimeout(go));
        setTimeout(go, 100);
      });
    } else copy.ariaBusy = 'true';
    // A download that stalls would leave the copy busy for good: after a
    // minute the reader is told, and the notice goes if it comes after all.
    const notice = document.querySelector('#funding-breakdown > .fb-boot-failed');
    slow = setTimeout(dead, SLOW_MS);
    await fetched;
    const { default: init } = await import(glue.href);
    const started = init({ module_or_path: wasm });
    setTimeout(icu);
    await started;
    clearTimeout(slow);
    notice?.setAttribute('hidden', '');
    pad();
    // Another language's widget replaces the copy only once its catalogue has
    // come: focus (and the click) must wait for that, or focus on the copy
    // is lost with it.
    // Its language's texts fail within a dataset's time (10 s): the wasm then marks
    // the page's root, and the copy, in that language, stays; Try again loads the page again.
    for (let i = 0; i < 1500 && copy?.isConnected && !host?.hasAttribute('data-failed'); i++) await new Promise((go) => setTimeout(go, 16));
    if (host?.hasAttribute('data-failed')) {
      dead(true);
      stalled = true;
      return;
    }
    removeEventListener('focusin', track);
    removeEventListener('focusout', track);
    printed()?.remove();
    for (const type of WAKE) removeEventListener(type, wake, true);
    const lost = () => !document.activeElement?.isConnected || document.activeElement === document.body;
    if (last && !last.isConnected && lost()) {
      const live = await find(last);
      if (lost()) live?.focus({ preventScroll: true });
    }
    const replay = (live) => {
      // A click focuses its button; the copy's was disabled (a tap before boot.js) or has gone.
      if (live?.matches('button')) live.focus({ preventScroll: true });
      live?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
      // The copy's marks are an image, so its click focused the panel: the live mark takes focus, as a click on it would.
      if (live?.matches('.fb-mark')) live.focus({ preventScroll: true });
    };
    // After the task of a release, the click the browser did not give `live` (if it gave none).
    const unlessClicked = (live) => {
      let native;
      const seen = (e) => (native ||= live.contains(e.target));
      addEventListener('click', seen, true);
      setTimeout(() => {
        removeEventListener('click', seen, true);
        if (!native) replay(live);
      });
    };
    if (clicked) replay(await find(clicked));
    else if (pressed) {
      // A press on the copy still held: a mouse's release gets no click on the live control
      // (the browser clicks an ancestor of both it and the pressed element, which has gone);
      // a finger's does, a task later (a tap clicks what is under it). A mouse's release over
      // the same control is given one, unless the browser's came.
      const live = await find(pressed);
      const end = (e) => {
        for (const type of ENDS) removeEventListener(type, end, true);
        if (e.type == 'pointerup' && e.pointerType != 'touch' && live?.contains(document.elementFromPoint(e.clientX, e.clientY))) unlessClicked(live);
      };
      for (const type of ENDS) addEventListener(type, end, true);
    } else if (spaced) {
      // The Space key held on a control of the copy comes up on the live one (focus went
      // there), which the browser does not click: its keydown was on the copy's.
      const live = await find(spaced);
      addEventListener('keyup', (e) => live && e.key == ' ' && document.activeElement == live && unlessClicked(live), { capture: true, once: true });
    }
    // In order, on the live selected tab in focus, each a frame after the widget has
    // shown the one before (under load, a key given sooner was undone or acted from
    // the tab before); no more once the reader acts.
    const keys = moves.splice(0);
    const acted = (e) => e.isTrusted && (keys.length = 0);
    for (const type of ['keydown', 'pointerdown']) addEventListener(type, acted, true);
    for (const key of keys) {
      await new Promise((go) => requestAnimationFrame(() => setTimeout(go)));
      const tab = document.activeElement;
      if (!tab?.matches('#funding-breakdown [role=tab][aria-selected=true]') || copy?.contains(tab)) break;
      tab.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      for (let i = 0; i < 300 && document.activeElement?.ariaSelected == 'false'; i++) await new Promise((go) => setTimeout(go, 16));
    }
    for (const type of ['keydown', 'pointerdown']) removeEventListener(type, acted, true);
  } catch (error) {
    // Or, a minute on, it would say this start stalled while another one runs.
    clearTimeout(slow);
    console.error('funding-breakdown: the widget could not start', error);
    dead(true);
  }
};
let started;
const start = (now) => { started ??= run(now); };
// Try again: the copy as it was, busy, and another start. A module that failed to
// load stays failed in the page's module map, so the glue comes under another URL.
// A download still on its way (`stalled`) cannot be stopped, nor a wasm that started
// without its texts be started again: the page is loaded again.
let attempt = 0, stalled;
document.querySelector('#funding-breakdown > .fb-boot-failed button')?.addEventListener('click', (e) => {
  if (stalled) return location.reload();
  e.currentTarget.parentElement.hidden = true;
  pad();
  printed()?.remove();
  for (const button of copy?.querySelectorAll('button') ?? []) button.disabled = false;
  copy?.querySelector('.fb-tab')?.focus({ preventScroll: true });
  attempt++;
  started = run(false);
});
// The reader's first move toward the widget starts it; a click on one of the copy's controls is replayed on the live one.
const ENDS = ['pointerup', 'pointercancel'];
const WAKE = ['pointerover', 'pointerdown', ...ENDS, 'focusin', 'click', 'hashchange'];
const control = (e) => { const c = e.target.closest?.('button, [data-id]'); return copy.contains(c) ? c : undefined; };
const wake = (e) => {
  // The control under a press until it ends: one still held at the takeover ends on the live widget.
  if (e.type == 'pointerdown') pressed = control(e);
  else if (e.type == 'pointerup' || e.type == 'pointercancel') pressed = undefined;
  if (e.type == 'pointercancel') return;
  // A finger on the page may be scrolling past it: touch starts the wasm with its tap, a click,
  // or a lifted finger that did not scroll (the disabled language list gets no click).
  if (e.pointerType == 'touch' && (e.type == 'pointerover' || e.type == 'pointerdown')) return;
  // The language list, disabled until the widget runs, gets no click nor focus: the
  // live one gets the focus, so the next tap or key opens it.
  if (e.type == 'pointerup' && e.target.matches?.('select:disabled') && copy?.contains(e.target)) last = e.target;
  // A reader saving data pays for the wasm only when using the widget, not for a mouse passing over it.
  if (e.type == 'pointerover' && navigator.connection?.saveData) return;
  // A button, or a chart mark (by its data-id: a legend swatch is drawn with the class of a mark).
  if (e.type == 'click') {
    // Marked, so it shows it is on its way (the stylesheet's fb-pending).
    clicked?.removeAttribute('data-waiting');
    clicked = control(e) ?? clicked;
    clicked?.setAttribute('data-waiting', '');
    // A click sets a view or a selection: keys pressed before it moved from what it replaces.
    moves.length = 0;
  }
  start();
};
// The control under a Space key until it comes up (a button acts on its keyup).
copy?.addEventListener('keydown', (e) => e.key == ' ' && (spaced = control(e)));
// Keys that move along the tabs, which do nothing in the copy: the live tab in focus gets
// them. Only on the selected tab (the copy's others are Tab stops the live tabs do not
// have), not held down, and kept from scrolling the page as the live tabs do.
copy?.addEventListener('keydown', (e) => {
  if (!MOVES.includes(e.key) || !control(e)?.matches('[role=tab][aria-selected=true]')) return;
  e.preventDefault();
  if (!e.repeat) moves.push(e.key);
});
copy?.addEventListener('keyup', (e) => e.key == ' ' && (spaced = undefined));
const params = location.hash.slice(1).split('&');
const shown = host?.dataset.lang || 'en';
// A tap that came before this module (lang.js kept its target) is the reader's first move,
// though it may have focused the copy's panel: the widget waits for it as for any.
const early = copy && self.fbTap;
if (!copy || (asked || host.dataset.lang || browser || 'en') != shown || !params.every((p) => !p || p == 'view=region' || p.startsWith('lang=')) || (copy.contains(last) && !early)) {
  start(true);
} else {
  for (const button of copy.querySelectorAll('button[disabled]')) button.disabled = false;
  for (const type of WAKE) addEventListener(type, wake, { capture: true, passive: true });
  // ICU's data, which the first render needs, loads at idle rather than after the reader's click.
  (window.requestIdleCallback ?? setTimeout)(icu);
  if (early) for (const type of ['pointerup', 'click']) wake({ type, target: early });
}
