// The only script the iframe mode needs on the host: size the frame to the
// checker (it posts its height).
addEventListener('message', (e) => {
  if (e.data?.type !== 'linklens:height') return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow === e.source) frame.style.height = `${e.data.height}px`;
  }
});
