// <funding-breakdown> custom element: the widget in its own shadow root, so
// the host page's CSS cannot reach in and ours cannot leak out.
//
//   <funding-breakdown src="data.json" view="table" lang="fr" sel="asia"></funding-breakdown>
//   <funding-breakdown year="2018"></funding-breakdown>
//   <script type="module" src="https://example.org/funding-breakdown/embed.js"></script>
//
// This file is a template: `cargo xtask post-build` fills in the hashed asset
// names and writes it to the build output as embed.js.
import init, { mount } from './__FB_GLUE__';

const here = import.meta.url;
const cssUrl = new URL('./__FB_CSS__', here).href;
let wasm = null;
const preloaded = new Set();
// Elements whose wasm failed to load: when any element gets it, they start too.
const failed = new Set();
// The default data's views made static at build time, one file per language
// and view (`prerender::element_copy`): shown while the wasm downloads.
const COPIES = __FB_COPIES__;
const copyTexts = new Map();

/** The text of the static copy `name`: one request per page, however many elements show it. */
function copyText(name) {
  if (!copyTexts.has(name)) {
    const text = fetch(new URL(`./${name}`, here)).then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.text();
    });
    // A failure is not kept: the next element asks anew.
    copyTexts.set(name, text.catch((error) => {
      copyTexts.delete(name);
      throw error;
    }));
  }
  return copyTexts.get(name);
}

/**
 * Starts fetching the catalogue of a `lang` other than English, which the
 * wasm loads before the widget shows that language (one request per page).
 */
function preloadCatalogue(tag) {
  const lang = tag?.trim().split(/[-_]/)[0].toLowerCase();
  // English is compiled into the wasm.
  if (lang === 'en' || ![__FB_LANGS__].includes(lang) || preloaded.has(lang)) return;
  preloaded.add(lang);
  const link = Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous' });
  link.href = new URL(`./i18n-${lang}-__FB_I18N_KEY__.json`, here).href;
  document.head.append(link);
}

/** How long a wasm download may take before the reader is told (it goes on). */
const SLOW_MS = 60_000;
// Keys that move along the tabs (the live widget's `Tabs`).
const MOVES = ['ArrowLeft', 'ArrowRight', 'Home', 'End'];
class Stall extends Error {}

/** Loads the wasm once for every element on the page. */
function loadWasm() {
  if (!wasm) {
    // A failure is not kept: the next element, or Try again, asks anew
    // (the glue's init keeps nothing from a failed attempt).
    wasm = init({ module_or_path: new URL('./__FB_WASM__', here) }).catch((error) => {
      wasm = null;
      throw error;
    });
    // The first use of Intl in a page loads the browser's ICU data (~50 ms of
    // main thread): done while the wasm downloads, not in the first render.
    setTimeout(() => {
      new Intl.NumberFormat();
      new Intl.DateTimeFormat();
    });
  }
  return wasm;
}

// What the element says before the wasm, which holds every other text, has
// run: [loading, could not start, try again, could not start above the static
// copy (which stays)], by language.
const TEXTS = {
  en: ['Loading the funding breakdown…', 'The funding breakdown could not be loaded. Check your connection and try again.', 'Try again', 'The interactive version of this chart could not be loaded. The figures below are complete but do not respond to clicks. Check your connection and try again.'],
  fr: ['Chargement de la répartition du financement…', 'La répartition du financement n’a pas pu être chargée. Vérifiez votre connexion et réessayez.', 'Réessayer', 'La version interactive de ce graphique n’a pas pu être chargée. Les chiffres ci-dessous sont complets mais ne réagissent pas aux clics. Vérifiez votre connexion et réessayez.'],
  es: ['Cargando el desglose de la financiación…', 'No se pudo cargar el desglose de la financiación. Compruebe su conexión y vuelva a intentarlo.', 'Reintentar', 'No se pudo cargar la versión interactiva de este gráfico. Las cifras de abajo están completas, pero no responden a los clics. Compruebe su conexión y vuelva a intentarlo.'],
  ja: ['資金の内訳を読み込んでいます…', '資金の内訳を読み込めませんでした。接続を確認して、もう一度お試しください。', '再試行', 'このグラフのインタラクティブ版を読み込めませんでした。以下の数値はすべてそろっていますが、クリックには反応しません。接続を確認して、もう一度お試しください。'],
};

/**
 * The static copy's buttons take clicks while the widget may still come (a
 * disabled one would drop a click unseen), and none once it cannot: they
 * would look usable and do nothing.
 */
function controls(copy, usable) {
  for (const button of copy.querySelectorAll('button')) button.disabled = !usable;
}

/**
 * Holds `at` at least as tall as it is now; returns what lets it go, or
 * null when it has no height or is held already.
 */
function holdAt(at) {
  const height = at.getBoundingClientRect().height;
  if (!height || at.style.minHeight) return null;
  // The height measured includes any padding and border.
  at.style.boxSizing = 'border-box';
  at.style.minHeight = `${height}px`;
  return () => (at.style.minHeight = at.style.boxSizing = '');
}

/** The language of `element`'s texts, by the widget's rule: its `lang`, else the browser's, else English. */
function langOf(element) {
  return (
    [element.getAttribute('lang'), ...navigator.languages]
      .map((tag) => tag?.trim().split(/[-_]/)[0].toLowerCase())
      .find((lang) => lang in TEXTS) ?? 'en'
  );
}

/**
 * The file of the static copy of what `element` will show as it opens, when
 * that is one of the bundled data's views (no `src`, `sel` or `year`; not the
 * Years view): by the widget's own rules, a `view` it does not know is the
 * region view. Null otherwise: the element keeps its loading box.
 */
function copyName(element) {
  const asks = (name) => (element.getAttribute(name) ?? '').trim();
  // The copies are rendered with an h2 title: another level waits for the widget.
  const heading = asks('heading');
  if (element.hasAttribute('src') || asks('sel') || asks('year') || asks('view') === 'years' || (heading && heading !== '2')) return null;
  const views = COPIES[langOf(element)] ?? {};
  const view = Object.hasOwn(views, asks('view')) ? asks('view') : 'region';
  return views[view] ?? null;
}

/**
 * The selector, in the live widget, of `el`, a control of the static copy
 * (whose ids are its own): a tab by its view, a download by its kind, a mark
 * or legend entry by its class and data-id, the Embed button by its state.
 */
function liveSelector(el) {
  const { view, id } = el.dataset;
  if (view) return `[role=tab][data-view="${CSS.escape(view)}"]`;
  if (el.dataset.export) return `[data-export="${CSS.escape(el.dataset.export)}"]`;
  if (el.hasAttribute('aria-expanded')) return '.fb-actions [aria-expanded]';
  const first = el.classList[0];
  if (!first) return null;
  return id ? `.${first}[data-id="${CSS.escape(id)}"]` : `.${first}`;
}

/** The static copy `name` as an element, or null when it cannot be had (the loading box stays). */
async function fetchCopy(name) {
  try {
    const html = await copyText(name);
    // Markup of our own build, no script in it; a host that enforces Trusted
    // Types refuses it here, and gets the loading box.
    const template = document.createElement('template');
    template.innerHTML = html;
    const copy = template.content.querySelector('[data-prerendered]');
    if (!copy) throw new Error('not a static copy');
    copy.dataset.copy = name;
    // What it shows is about to change: the live widget takes its place.
    copy.setAttribute('aria-busy', 'true');
    return copy;
  } catch (error) {
    console.warn(`funding-breakdown: no static copy (${error}); the chart comes with the wasm`);
    return null;
  }
}

/** A box in the widget's own style (`fb-root`), in the element's language. */
function box(element, className, ...children) {
  const root = Object.assign(document.createElement('div'), { className: `fb-root ${className}`, lang: langOf(element) });
  root.append(...children);
  return root;
}

/** Resolves when the stylesheet inside the shadow root has loaded (or failed). */
function styled(link) {
  return new Promise((resolve) => {
    // Whichever fires first removes both, so no listener outlives the load.
    const done = () => {
      link.removeEventListener('load', done);
      link.removeEventListener('error', done);
      resolve();
    };
    link.addEventListener('load', done);
    link.addEventListener('error', done);
  });
}

class FundingBreakdown extends HTMLElement {
  static observedAttributes = ['src', 'view', 'lang', 'sel', 'year', 'ysel', 'heading'];

  #widget = null;
  #stylesheet = null;
  // With loading="lazy": what tells it the reader is near.
  #near = null;
  // Bumped on every connect and unmount, so a slow start that finishes
  // after the element was removed does not mount into a detached element.
  #generation = 0;
  // Waits for the live widget's first content, to drop the static copy then.
  #rendered = null;
  // Set once a start is past its lazy wait: a static copy may be fetched.
  #fetching = false;
  // The selector of the copy's control a reader clicked last, for the live widget.
  #clicked = null;
  // Set by a keyboard reader's Try again, whose button goes: focus stays in the element.
  #refocus = false;
  // Keys pressed on the copy's tabs, which cannot act on them: for the live tab in focus.
  #moves = [];

  connectedCallback() {
    // Moved (removed and inserted in the same task, as frameworks and
    // carousels do): the live widget, and what the reader chose in it, stay.
    if (this.#widget) return;
    const generation = ++this.#generation;
    if (!this.shadowRoot) {
      const shadow = this.attachShadow({ mode: 'open' });
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = cssUrl;
      const root = document.createElement('div');
      root.className = 'fb-mount';
      shadow.append(link, root);
      this.#stylesheet = styled(link);
    }
    this.#start(generation);
  }

  /** The static copy shown in the element, if any. */
  #copy() {
    return this.shadowRoot.querySelector('.fb-mount > [data-prerendered]');
  }

  /** The box saying the widget is loading, about its height, in its language. */
  #placeholder() {
    const note = box(this, 'fb-loading fb-placeholder', Object.assign(document.createElement('p'), { textContent: TEXTS[langOf(this)][0] }));
    note.setAttribute('role', 'status');
    // Its height before the stylesheet comes too (on a slow network, a second
    // or more), so the page does not jump then. Set through the CSSOM, which a
    // host's strict CSP allows, unlike a style attribute.
    note.style.minHeight = '640px';
    return note;
  }

  /**
   * Shows the static copy of what the element will show, when there is one,
   * once it and the stylesheet have come; unless the widget, an error,
   * another start or an attribute that asks for something else came first.
   */
  async #showCopy(generation) {
    const name = copyName(this);
    if (!name) return;
    const [copy] = await Promise.all([fetchCopy(name), this.#stylesheet]);
    const state = this.dataset.state;
    if (!copy || generation !== this.#generation || this.#widget || (state !== 'loading' && state !== 'error')) return;
    if (copyName(this) !== name) return;
    // The copy's controls take clicks and the live widget gets the last one
    // when it comes, as boot.js does on the page; not after a failure.
    controls(copy, state !== 'error');
    const control = (e) => {
      const target = e.target.closest?.('button, .fb-mark[data-id]');
      return (target && liveSelector(target)) ?? null;
    };
    copy.addEventListener('click', (e) => {
      const selector = control(e);
      if (!selector) return;
      this.#clicked = selector;
      // A click sets a view or a selection: keys pressed before it moved from what it replaces.
      this.#moves = [];
      // Marked, so it shows it is on its way (the stylesheet's fb-pending).
      copy.querySelector('[data-waiting]')?.removeAttribute('data-waiting');
      e.target.closest('button, .fb-mark[data-id]').setAttribute('data-waiting', '');
    });
    // The Space key held on a control of the copy comes up on the live one (focus went
    // there), which the browser does not click: its keydown was on the copy's.
    copy.addEventListener('keydown', (e) => {
      const spaced = e.key == ' ' && !e.repeat && control(e);
      if (!spaced) return;
      const up = (u) => {
        if (u.key != ' ') return;
        removeEventListener('keyup', up, true);
        const live = this.shadowRoot.querySelector(`.fb-mount ${spaced}`);
        if (!copy.isConnected && live && this.shadowRoot.activeElement === live) this.#replayUnlessClicked(live, spaced);
      };
      addEventListener('keyup', up, true);
    });
    // Keys that move along the copy's selected tab (the others are Tab stops the live tabs
    // do not have), not held down, kept from scrolling the page as the live tabs do.
    this.#moves = [];
    copy.addEventListener('keydown', (e) => {
      if (!MOVES.includes(e.key) || !e.target.closest?.('[role=tab][aria-selected=true]')) return;
      e.preventDefault();
      if (!e.repeat) this.#moves.push(e.key);
    });
    // A press still held when the live widget comes is released on it: a mouse's release
    // with no click on the live control (the browser clicks an ancestor of both it and the
    // pressed element, which has gone), a finger's with one, a task later (a tap clicks what
    // is under it). A mouse's release over the same control is given one, unless the
    // browser's came.
    copy.addEventListener('pointerdown', (e) => {
      const pressed = control(e);
      if (!pressed) return;
      const end = (up) => {
        for (const type of ['pointerup', 'pointercancel']) removeEventListener(type, end, true);
        const live = this.shadowRoot.querySelector(`.fb-mount ${pressed}`);
        if (up.type == 'pointerup' && up.pointerType != 'touch' && !copy.isConnected && live?.contains(this.shadowRoot.elementFromPoint(up.clientX, up.clientY))) {
          this.#replayUnlessClicked(live, pressed);
        }
      };
      for (const type of ['pointerup', 'pointercancel']) addEventListener(type, end, true);
    });
    // After a failed wasm (which may fail before the copy comes), under the alert: its
    // figures are complete, which the alert now says.
    const mountPoint = this.shadowRoot.querySelector('.fb-mount');
    if (state === 'error') {
      copy.removeAttribute('aria-busy');
      mountPoint.append(copy);
      const said = mountPoint.querySelector('.fb-error [role=alert]');
      if (said) said.textContent = TEXTS[langOf(this)][3];
    } else mountPoint.replaceChildren(copy);
  }

  /**
   * An attribute changed before the widget came: the copy shown must still
   * be what the widget will show (another language, view or dataset), else
   * the loading box takes its place until the right one comes.
   */
  #refreshCopy() {
    if (this.#widget || !this.#fetching || this.dataset.state !== 'loading') return;
    const shown = this.#copy();
    const wanted = copyName(this);
    if ((shown?.dataset.copy ?? null) === wanted) return;
    if (shown) this.shadowRoot.querySelector('.fb-mount').replaceChildren(this.#placeholder());
    this.#showCopy(this.#generation);
  }

  /**
   * Drops the static copy in the same task as the live widget's first content
   * (Yew renders in a microtask, and an element in another language first
   * loads its catalogue), so no frame shows neither or both. Focus on the
   * copy (its total, its panel) moves to the same part of the widget.
   */
  #dropCopyWhenRendered(mountPoint, copy) {
    // The widget's root, its loading note or its error: each is an `.fb-root`
    // (an element waiting for its language renders an empty box first).
    const rendered = () => [...mountPoint.children].some((child) => child !== copy && child.querySelector('.fb-root'));
    const drop = () => {
      this.#rendered?.disconnect();
      this.#rendered = null;
      const focused = this.shadowRoot.activeElement;
      const part = focused && copy.contains(focused) ? liveSelector(focused) : null;
      // The browser's scroll anchoring, anchored in the copy, scrolled the page by the
      // widget's height when the copy went (a phone reader on its legend or buttons):
      // the element is no anchor until the page has been laid out without the copy.
      const anchor = this.style.overflowAnchor;
      this.style.overflowAnchor = 'none';
      requestAnimationFrame(() => setTimeout(() => (this.style.overflowAnchor = anchor)));
      copy.remove();
      if (part) mountPoint.querySelector(part)?.focus({ preventScroll: true });
      const clicked = this.#clicked;
      this.#clicked = null;
      if (clicked) this.#replay(clicked, 25);
      if (this.#moves.length) this.#replayMoves(this.#moves.splice(0), 25);
    };
    if (rendered()) return drop();
    this.#rendered = new MutationObserver(() => rendered() && drop());
    this.#rendered.observe(mountPoint, { childList: true, subtree: true });
  }

  /**
   * Clicks the live widget's control `selector` once the widget says it is
   * ready (its first effects have run, which would undo an earlier
   * selection), within `tries` × 20 ms.
   */
  #replay(selector, tries) {
    if (this.dataset.state !== 'ready') return tries > 0 && setTimeout(() => this.#replay(selector, tries - 1), 20);
    const live = this.shadowRoot.querySelector(`.fb-mount ${selector}`);
    live?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, view: window }));
    // The copy's marks are an image, so its click focused the panel: the live mark takes focus, as a click on it would.
    if (live?.matches('.fb-mark')) live.focus({ preventScroll: true });
  }

  /** `keys` (`MOVES`) in order to the live tab in focus, each once the widget has moved the focus for the one before. */
  async #replayMoves(keys, tries) {
    if (this.dataset.state !== 'ready') return tries > 0 && setTimeout(() => this.#replayMoves(keys, tries - 1), 20);
    // On the selected tab in focus, each a frame after the widget has shown the one
    // before; no more once the reader acts.
    const acted = (e) => e.isTrusted && (keys.length = 0);
    for (const type of ['keydown', 'pointerdown']) addEventListener(type, acted, true);
    for (const key of keys) {
      await new Promise((go) => requestAnimationFrame(() => setTimeout(go)));
      const tab = this.shadowRoot.activeElement;
      if (!tab?.matches('[role=tab][aria-selected=true]') || tab.closest('[data-prerendered]') || !this.isConnected) break;
      tab.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
      for (let i = 0; i < 300 && this.shadowRoot.activeElement?.ariaSelected == 'false'; i++) await new Promise((go) => setTimeout(go, 16));
    }
    for (const type of ['keydown', 'pointerdown']) removeEventListener(type, acted, true);
  }

  /**
   * After the task of a release on the live control `live`, the click
   * (`#replay` of `selector`) the browser did not give it, if it gave none.
   */
  #replayUnlessClicked(live, selector) {
    let native;
    const seen = (c) => (native ||= live.contains(c.composedPath()[0]));
    addEventListener('click', seen, true);
    setTimeout(() => {
      removeEventListener('click', seen, true);
      if (!native) this.#replay(selector, 25);
    });
  }

  /**
   * Keeps `at` at least as tall as it is now until the element is in error,
   * or ready with nothing left loading in it (the Years view's series comes
   * after `ready`).
   */
  #holdHeight(at) {
    const letGo = holdAt(at);
    if (!letGo) return;
    const types = ['funding-breakdown:ready', 'funding-breakdown:error'];
    let watch;
    const release = (event) => {
      if (event?.type === types[0] && at.querySelector('.fb-loading')) {
        watch ??= new MutationObserver(() => release(event));
        watch.observe(at, { childList: true, subtree: true });
        return;
      }
      watch?.disconnect();
      letGo();
      for (const type of types) this.removeEventListener(type, release);
    };
    for (const type of types) this.addEventListener(type, release);
  }

  /**
   * Another dataset or year asked of the live widget: `at` keeps its height
   * while the widget shows a loading note in place of what it showed (it
   * shrank to the note and grew back), and not a frame longer.
   */
  #holdWhileLoading(at) {
    const letGo = holdAt(at);
    if (!letGo) return;
    // Let go once a loading note has come and gone, or two frames on if none came.
    let seen = false;
    let held = true;
    const check = (late) => {
      if (!held) return;
      if (at.querySelector('.fb-loading')) return (seen = true);
      if (!seen && !late) return;
      held = false;
      watch.disconnect();
      letGo();
    };
    const watch = new MutationObserver(() => check(false));
    watch.observe(at, { childList: true, subtree: true });
    requestAnimationFrame(() => requestAnimationFrame(() => check(true)));
  }

  /** Focuses the live widget's panel (or its error's button) once it has rendered, within `tries` × 16 ms. */
  #focusWhenRendered(mountPoint, tries) {
    const at = mountPoint.querySelector('[role=tabpanel], .fb-error .fb-button');
    if (at) at.focus();
    else if (tries > 0) setTimeout(() => this.#focusWhenRendered(mountPoint, tries - 1), 16);
  }

  async #start(generation) {
    this.dataset.state = 'loading';
    if (!this.#widget) {
      const mountPoint = this.shadowRoot.querySelector('.fb-mount');
      const copy = this.#copy();
      // A box of about the widget's height, so the page does not jump when it
      // comes; or, after a failure, the static copy without the alert (moved
      // only if it has company, so focus on it stays).
      if (!copy) mountPoint.replaceChildren(this.#placeholder());
      else for (const child of [...mountPoint.children]) if (child !== copy) child.remove();
      // Focus on Try again goes to what takes its place: the copy's panel or the loading box.
      if (this.#refocus) {
        const at = copy?.querySelector('[role=tabpanel]') ?? mountPoint.firstElementChild;
        if (at && !copy) at.tabIndex = -1;
        at?.focus();
      }
    }
    // loading="lazy", as on an iframe: nothing is fetched or rendered until the
    // element comes within a screen's height of the viewport.
    if (this.getAttribute('loading') === 'lazy' && window.IntersectionObserver) {
      await new Promise((near) => {
        this.#near = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && near(), {
          rootMargin: '100% 0px',
        });
        this.#near.observe(this);
      });
      this.#near.disconnect();
      if (generation !== this.#generation) return;
    }
    // The language it opens in, the browser's where it has no `lang`.
    preloadCatalogue(langOf(this));
    this.#fetching = true;
    if (!this.#widget && !this.#copy()) this.#showCopy(generation);
    const shown = this.#copy();
    if (shown) {
      shown.setAttribute('aria-busy', 'true');
      controls(shown, true);
    }
    failed.delete(this);
    // A download that stalls would keep the loading box or the busy copy for
    // good: after a minute the reader gets the alert and Try again, and the
    // widget still comes if the download ends after all.
    const loaded = Promise.all([loadWasm(), this.#stylesheet]);
    let timer;
    const stall = new Promise((_, fail) => {
      timer = setTimeout(() => fail(new Stall(`no wasm within ${SLOW_MS / 1000} s`)), SLOW_MS);
    });
    try {
      await Promise.race([loaded, stall]);
    } catch (error) {
      if (generation !== this.#generation) return;
      if (error instanceof Stall) loaded.then(() => generation === this.#generation && this.#start(generation), () => {});
      failed.add(this);
      this.dataset.state = 'error';
      // Keys from before the failure are not acted on after it.
      this.#moves = [];
      // The static copy, if shown, stays under the alert: its figures are
      // complete, and no longer about to change; its controls cannot act.
      const copy = this.#copy();
      const [, failure, retry, copyFailure] = TEXTS[langOf(this)];
      const sentence = copy ? copyFailure : failure;
      const button = Object.assign(document.createElement('button'), { type: 'button', className: 'fb-button', textContent: retry });
      button.addEventListener('click', () => {
        this.#refocus = this.shadowRoot.activeElement === button;
        this.#start(this.#generation);
      });
      // The button beside the alert, not in it: it was read as the end of its sentence.
      const said = Object.assign(document.createElement('p'), { textContent: sentence });
      said.setAttribute('role', 'alert');
      const alert = Object.assign(document.createElement('div'), { className: 'fb-error' });
      alert.append(said, button);
      // Focus on a control of the copy, which is disabled now, goes to Try again.
      const had = copy?.contains(this.shadowRoot.activeElement);
      if (copy) {
        copy.removeAttribute('aria-busy');
        controls(copy, false);
      }
      this.shadowRoot.querySelector('.fb-mount').replaceChildren(box(this, '', alert), ...(copy ? [copy] : []));
      if (this.#refocus || had) button.focus();
      this.#refocus = false;
      const message = `The funding breakdown could not start: ${error}`;
      // The cause for the host's developer (a CSP without 'wasm-unsafe-eval', a 404, …).
      console.error(`funding-breakdown: ${message}`, error);
      this.dispatchEvent(new CustomEvent('funding-breakdown:error', { detail: { message }, bubbles: true, composed: true }));
      return;
    } finally {
      clearTimeout(timer);
    }
    // The network is back: the page's other failed elements need not wait for a click.
    for (const other of failed) if (other.isConnected) other.#start(other.#generation);
    if (generation !== this.#generation || !this.isConnected || this.#widget) return;
    const mountPoint = this.shadowRoot.querySelector('.fb-mount');
    // Whatever was shown while it loaded gives way to the widget; the static
    // copy only once the widget has rendered (left in place, so focus on it
    // stays until it moves to the widget).
    const copy = this.#copy();
    // The loading box's height is kept until the widget is ready: its own
    // notes while its data or its year loads are smaller, and the page below
    // jumped up and back down (640 → 120 → 695 px with `src`).
    if (!copy) this.#holdHeight(mountPoint);
    for (const child of [...mountPoint.children]) if (child !== copy) child.remove();
    this.#widget = mount(mountPoint, this, new URL('./', here).href);
    if (copy) this.#dropCopyWhenRendered(mountPoint, copy);
    else if (this.#refocus) this.#focusWhenRendered(mountPoint, 300);
    this.#refocus = false;
  }

  disconnectedCallback() {
    failed.delete(this);
    this.#near?.disconnect();
    // A live widget waits for the end of the task: inserted again by then, it was moved.
    if (this.#widget) return queueMicrotask(() => this.isConnected || this.#unmount());
    this.#unmount();
  }

  #unmount() {
    this.#generation += 1;
    this.#fetching = false;
    this.#rendered?.disconnect();
    this.#rendered = null;
    if (this.#widget) {
      // Unmounting drops every listener and timer the widget holds.
      this.#widget.unmount();
      this.#widget.free();
      this.#widget = null;
    }
  }

  attributeChangedCallback(name, before, after) {
    if (before === after) return;
    if (this.#widget && (name === 'src' || name === 'year')) this.#holdWhileLoading(this.shadowRoot.querySelector('.fb-mount'));
    this.#widget?.update();
    this.#refreshCopy();
  }
}

if (!customElements.get('funding-breakdown')) {
  customElements.define('funding-breakdown', FundingBreakdown);
}
