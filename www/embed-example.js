// The host page talks to the element through its contract (docs/embed.md): events, `analyze()`.
const el = document.getElementById('example');
el.addEventListener('fazhi-analyzed', (e) => {
  document.getElementById('seen').textContent = e.detail.meta.title ?? '（无标题）';
});
el.addEventListener('fazhi-error', (e) => {
  document.getElementById('error').textContent = `${e.detail.file}：${e.detail.message}`;
});
document.getElementById('again').addEventListener('click', async () => {
  const report = await el.analyze('关于2025年度法治政府建设情况的报告\n一、主要举措和成效\n二、存在的不足和原因\n');
  document.getElementById('again').textContent = `已分析：${report.outline.length} 个一级标题`;
});
