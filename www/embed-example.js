// The host page listens to the element's event: the report is in `detail`.
document.addEventListener('fazhi-analyzed', (e) => {
  document.getElementById('seen').textContent = e.detail.meta.title ?? '（无标题）';
});
