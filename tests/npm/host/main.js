// The host page's own script, as a web developer writes it: bare specifiers ('fazhi', 'fazhi/batch',
// 'fazhi/wasm'), resolved by the page's import map. `?wasm`: only the wasm API; `?batch`: <fazhi-batch>;
// otherwise <fazhi-analyzer> with a `text` attribute. What happened is left in `window.host`.
const TEXT = '关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n二、存在的不足和原因\n三、下一年度工作安排\n';
const params = new URLSearchParams(location.search);
const host = (window.host = { events: [], violations: [], loaded: false, failure: null, wasmTitle: null });
document.addEventListener('securitypolicyviolation', (e) => host.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
for (const type of ['fazhi-ready', 'fazhi-analyzed', 'fazhi-error', 'fazhi-batch']) {
  document.addEventListener(type, (e) => {
    const d = e.detail;
    host.events.push({ type, detail: d === null ? null : typeof d, title: d?.meta?.title ?? null, format: d?.source?.format ?? null });
    if (type === 'fazhi-analyzed') document.getElementById('seen').textContent = d.meta.title;
  });
}

try {
  if (params.has('wasm')) {
    const { default: init, analyze } = await import('fazhi/wasm');
    await init();
    host.wasmTitle = analyze(TEXT, 'host.txt').meta.title;
  } else if (params.has('batch')) {
    await import('fazhi/batch');
    document.body.append(document.createElement('fazhi-batch'));
  } else {
    await import('fazhi');
    const el = document.createElement('fazhi-analyzer');
    el.id = 'analyzer';
    el.setAttribute('text', TEXT);
    document.body.append(el);
  }
  host.loaded = true;
} catch (e) {
  host.failure = String(e && e.stack || e);
}
