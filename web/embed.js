// <linklens-check>: the linklens checker as an element any documentation
// page can hold. Two lines on the host page:
//   <script type="module" src="https://your.site/linklens/embed.js"></script>
//   <linklens-check sample="lookuphost" compact></linklens-check>
// The checker lives in a shadow root with its own stylesheet, so the host's
// CSS does not reach it and its CSS does not reach the host. It starts when
// the element is inserted (single-page navigation in MkDocs or Docusaurus
// inserts it again) and stops when it is removed. Nothing is uploaded: the
// file is analysed in a worker loaded from this script's directory.
// Host CSP: script-src <this origin> 'wasm-unsafe-eval'; worker-src and
// connect-src <this origin> (or 'self' when linklens is served with the docs).
import init, { mount_checker } from './linklens-web.js';

const base = new URL('./', import.meta.url).href;
let ready;
function load() {
  ready ??= init({ module_or_path: new URL('linklens-web_bg.wasm', base) });
  return ready;
}

class LinklensCheck extends HTMLElement {
  static observedAttributes = ['sample', 'compact'];

  connectedCallback() {
    this.start();
  }

  disconnectedCallback() {
    this.stop();
  }

  attributeChangedCallback() {
    if (this.isConnected && this.handle) {
      this.stop();
      this.start();
    }
  }

  start() {
    if (this.handle || this.starting) return;
    this.starting = true;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    shadow.replaceChildren();
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = new URL('style.css', base).href;
    const root = document.createElement('div');
    shadow.append(style, root);
    load().then(() => {
      this.starting = false;
      if (!this.isConnected || this.handle) return;
      this.handle = mount_checker(root, base, this.getAttribute('sample') ?? '', this.hasAttribute('compact'));
      this.dispatchEvent(new CustomEvent('linklens-ready', { bubbles: true }));
    }, (e) => {
      this.starting = false;
      root.textContent = `linklens could not start: ${e}`;
    });
  }

  stop() {
    this.handle?.destroy();
    this.handle = undefined;
    this.shadowRoot?.replaceChildren();
  }
}

if (!customElements.get('linklens-check')) customElements.define('linklens-check', LinklensCheck);
