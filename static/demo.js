// The iframe height listener from README ("As an iframe"), as a file so the
// demo page needs no inline script.
window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'funding-breakdown:height' || data.version !== 1) return;
  for (const frame of document.querySelectorAll('iframe.funding-breakdown')) {
    if (event.source === frame.contentWindow) frame.style.height = `${Math.ceil(data.height)}px`;
  }
});
