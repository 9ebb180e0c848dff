// Navigation as MkDocs' instant loading or Docusaurus does it: links are
// intercepted and the content is swapped without a page load, so the
// checker's element is removed and inserted again.
const pages = {
  check: '<h1>Check a binary</h1><linklens-check sample="lookuphost" compact></linklens-check>',
  about: '<h1>About</h1><p>Static linking, explained.</p>',
};
const content = document.getElementById('content');
function show(page) {
  content.innerHTML = pages[page] ?? pages.check;
}
document.addEventListener('click', (e) => {
  const a = e.target.closest('a[data-page]');
  if (!a) return;
  e.preventDefault();
  history.pushState({}, '', a.href);
  show(a.dataset.page);
});
addEventListener('popstate', () => show(new URLSearchParams(location.search).get('page')));
show(new URLSearchParams(location.search).get('page'));
