// Written by `cargo xtask post-build` from xtask/lang.js (xtask/src/postbuild.rs says why).
// A classic script in index.html's head, inline: it runs before the page is parsed and painted.
{
  // Ran: boot.js need not run the file (data-src) in its place.
  document.currentScript?.removeAttribute('data-src');
  const ours = (tag) => { const l = tag?.split(/[-_]/)[0].toLowerCase(); return [__FB_LANGS__].includes(l) && l; };
  const want = ours(/[#&]lang=([^&]*)/.exec(location.hash)?.[1]) || [...navigator.languages, navigator.language].map(ours).find(Boolean);
  if (want && want != 'en' && /\/(index\.html)?$/.test(location.pathname)) {
    // Nothing of the English page is shown meanwhile; boot.js sees this and does nothing.
    document.documentElement.hidden = true;
    location.replace(`index.${want}.html${location.search}${location.hash}`);
  }
}
