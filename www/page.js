// The tool's own page (index.html): the batch review (fazhi-batch.js, its element, table and
// charts) is loaded the first time its tab is shown (#batch), so that the single report, which
// the page opens on, does not download or parse it. An import that fails (a browser too old for
// the element's syntax) is reported to compat.js, which shows the upgrade message.
const load = () => {
  if (location.hash !== '#batch') return;
  removeEventListener('hashchange', load);
  import('./fazhi-batch.js').catch((e) => dispatchEvent(new CustomEvent('fazhi-too-old', { detail: 'fazhi-batch: ' + e.message })));
};
addEventListener('hashchange', load);
load();
