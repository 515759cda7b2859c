// The first script of the page: classic, synchronous, ES5 (so that it runs in any browser).
// 1. The strictest script-src this browser allows. The page's static CSP allows WebAssembly with
//    both 'wasm-unsafe-eval' (Chromium 97+, Firefox 102+, Safari 16+) and 'unsafe-eval' (the only
//    way before them). Where 'wasm-unsafe-eval' is understood, this script adds a second policy
//    with the same script-src minus 'unsafe-eval': every policy must allow an action, so eval()
//    and new Function() are blocked there, and WebAssembly is not.
// 2. A message in the page instead of a blank one when the browser is too old: no WebAssembly,
//    or the page's module scripts did not define their elements (e.g. a syntax they cannot parse).
// docs/browsers.md says what was measured in which browser.
(function () {
  'use strict';
  var MESSAGE = '此浏览器版本过旧，无法运行分析程序（需要 Chrome / Edge / Chromium 83、Firefox 78 及以上版本；' +
    '360、QQ 等浏览器请切换到“极速模式”）。请升级浏览器后重新打开本页。';
  var EMPTY_WASM = [0, 97, 115, 109, 1, 0, 0, 0]; // "\0asm", version 1: the smallest valid module

  /** True when a policy of only script-src 'wasm-unsafe-eval' lets WebAssembly compile. Tried in a
   *  blank frame of this page, so this page's own policies are left as they are. */
  function knowsWasmUnsafeEval() {
    if (typeof WebAssembly !== 'object') return false;
    var frame = document.createElement('iframe');
    frame.style.display = 'none';
    document.documentElement.appendChild(frame);
    try {
      var doc = frame.contentDocument;
      var meta = doc.createElement('meta');
      meta.httpEquiv = 'Content-Security-Policy';
      meta.content = "script-src 'wasm-unsafe-eval'";
      (doc.head || doc.documentElement).appendChild(meta);
      new frame.contentWindow.WebAssembly.Module(new Uint8Array(EMPTY_WASM));
      return true;
    } catch (e) {
      return false; // CompileError: "Wasm code generation disallowed by embedder"
    } finally {
      frame.parentNode.removeChild(frame);
    }
  }

  function narrowScriptSrc() {
    var metas = document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]');
    for (var i = 0; i < metas.length; i++) {
      var m = /(?:^|;)\s*script-src\s([^;]*)/.exec(metas[i].content);
      if (!m || m[1].indexOf("'unsafe-eval'") < 0) continue;
      if (!knowsWasmUnsafeEval()) return;
      var sources = m[1].replace("'unsafe-eval'", ' ').replace(/\s+/g, ' ').replace(/^ | $/g, '');
      var strict = document.createElement('meta');
      strict.httpEquiv = 'Content-Security-Policy';
      strict.content = 'script-src ' + sources;
      // Right after the static policy: before any other script of the page.
      metas[i].parentNode.insertBefore(strict, metas[i].nextSibling);
      return;
    }
  }

  var shown = false;
  function tooOld(why) {
    if (shown) return;
    shown = true;
    var show = function () {
      var p = document.createElement('p');
      p.className = 'fazhi-too-old';
      p.setAttribute('role', 'alert');
      p.appendChild(document.createTextNode(MESSAGE));
      if (why) p.setAttribute('data-why', why);
      var s = p.style;
      s.margin = '12px'; s.padding = '12px 16px'; s.border = '2px solid #b42318'; s.borderRadius = '6px';
      s.background = '#fff4f2'; s.color = '#7a1a12'; s.fontSize = '16px'; s.lineHeight = '1.6';
      document.body.insertBefore(p, document.body.firstChild);
    };
    if (document.body) show(); else document.addEventListener('DOMContentLoaded', show);
  }

  try { narrowScriptSrc(); } catch (e) { /* the static policy stays: the page still works */ }

  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    tooOld('no WebAssembly');
    return;
  }
  // Module scripts run before the load event: by then the analyzer must be defined. The batch is
  // loaded when its tab is first shown (page.js), which reports a failed import here.
  window.addEventListener('load', function () {
    var name = 'fazhi-analyzer';
    if (document.querySelector(name) && !(window.customElements && window.customElements.get(name))) tooOld(name + ' not defined');
  });
  window.addEventListener('fazhi-too-old', function (e) { tooOld(String(e.detail)); });
})();
