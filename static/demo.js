// The iframe height listener from README ("As an iframe"), as a file so the
// demo page needs no inline script.
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
