// Written by `cargo xtask post-build` from xtask/lang.js (xtask/src/postbuild.rs says why).
// A classic script inline in the head of index.html and its language versions: it runs
// before the page is parsed and painted. On index.html it also sends a reader to their language.
{
  // Ran: boot.js need not run the file (data-src) in its place.
  document.currentScript?.removeAttribute('data-src');
  // A tap or a click before boot.js has run (on a slow network the page shows
  // well before it comes): boot.js gives it to the widget. The copy's buttons
  // are disabled until then, and a disabled button gets no click, only its pointerup.
  for (const type of ['pointerup', 'click']) addEventListener(type, (e) => { self.fbTap = e.target; }, true);
  // In an iframe, the parent sizes it to the height posted here (README, "Embed"),
  // from the first layout. Chromium does not render an off-screen frame of another
  // origin, so its ResizeObserver is quiet until the reader scrolls to it: at load too.
  // Nothing while the page is hidden to go to another language's.
  if (parent !== self) {
    let sent;
    const post = () => {
      const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (height && height != sent) parent.postMessage({ type: 'funding-breakdown:height', version: 1, height: (sent = height) }, '*');
    };
    addEventListener('load', post);
    new ResizeObserver(post).observe(document.documentElement);
    // Off screen it is not even told of a view the wasm draws there (a link's
    // #view=theme): measured again after the page's changes, once parsed.
    let later;
    const changed = () => { clearTimeout(later); later = setTimeout(post, 50); };
    // (Run late by boot.js under a policy without this script's hash: then after DOMContentLoaded.)
    const watch = () => new MutationObserver(changed).observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
    if (document.readyState == 'loading') addEventListener('DOMContentLoaded', watch);
    else watch();
    // Nor of a new width (a phone turned while the reader is further down).
    addEventListener('resize', changed);
    // The parent's listener came after the first height (frame.js loads async): again.
    addEventListener('message', (e) => { if (e.source == parent && e.data?.type == 'funding-breakdown:measure') { sent = 0; post(); } });
  }
  const ours = (tag) => { const l = tag?.split(/[-_]/)[0].toLowerCase(); return [__FB_LANGS__].includes(l) && l; };
  const want = ours(/[#&]lang=([^&]*)/.exec(location.hash)?.[1]) || [...navigator.languages, navigator.language].map(ours).find(Boolean);
  if (want && want != 'en' && /\/(index\.html)?$/.test(location.pathname)) {
    // Nothing of the English page is shown meanwhile; boot.js sees this and does nothing.
    document.documentElement.hidden = true;
    location.replace(`index.${want}.html${location.search}${location.hash}`);
  }
}
