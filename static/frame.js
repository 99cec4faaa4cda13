// Sizes every widget iframe on the page to the height its page posts (README,
// "As an iframe"): the script the Embed panel gives with the iframe, and the
// demo page's. README gives the same listener to paste inline instead.
window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'funding-breakdown:height' || data.version !== 1) return;
  for (const frame of document.querySelectorAll('iframe.funding-breakdown')) {
    if (event.source !== frame.contentWindow) continue;
    // A border would take its width from the height under box-sizing: border-box.
    frame.style.border = '0';
    frame.style.height = `${Math.ceil(data.height)}px`;
  }
});
// A frame whose page posted its height before this script came (it loads
// async) is asked again; one still loading posts once it has.
for (const frame of document.querySelectorAll('iframe.funding-breakdown')) {
  frame.contentWindow?.postMessage({ type: 'funding-breakdown:measure', version: 1 }, '*');
}
