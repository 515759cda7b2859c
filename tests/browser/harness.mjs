// What every browser test and bench needs: www/ served on loopback, and Debian's Chromium started
// the way this machine allows (no background networking, no sandbox as root).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

export const WWW = new URL('../../www/', import.meta.url).pathname;
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8' };

/** Serves `root` (www/ by default) on a free loopback port; resolves to { server, base }.
 *  `extra`: more files, { '/path': [contentType, body] }. */
export async function serve(root = WWW, extra = {}) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    if (extra[path]) { res.writeHead(200, { 'content-type': extra[path][0] }); res.end(extra[path][1]); return; }
    const file = join(root, path.endsWith('/') ? path + 'index.html' : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404); res.end();
    }
  }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { server, base: `http://127.0.0.1:${server.address().port}/` };
}

/** Debian's Chromium, headless. */
export function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Starts recording animation frames in the page, counted from the moment the file input
 * `input` inside `host`'s shadow root hands the page its files: before its `change` event,
 * Chromium builds the File objects (a 55–80 ms task of its own for 200 paths on this 2-core
 * machine, measured with the CPU profiler, no page code in it), which is the browser's and the
 * harness's time, not the page's.
 */
export const startHeartbeat = (page, host, input) => page.evaluate(([host, input]) => {
  window.__frames = [];
  window.__beat = true;
  window.__from = null;
  const el = document.querySelector(host).shadowRoot.querySelector(input);
  el.addEventListener('change', () => { window.__from = performance.now(); }, { capture: true, once: true });
  const beat = (t) => { window.__frames.push(t); if (window.__beat) requestAnimationFrame(beat); };
  requestAnimationFrame(beat);
}, [host, input]);

/**
 * Stops recording: the longest gap between frames (ms) since the files came, how many frames
 * were drawn, and when (performance.now()) the files came.
 */
export const stopHeartbeat = (page) => page.evaluate(() => {
  window.__beat = false;
  const from = window.__from;
  if (from === null) throw new Error('the file input never fired change');
  const f = window.__frames.filter((t) => t >= from);
  let longest = f.length ? f[0] - from : Infinity;
  for (let i = 1; i < f.length; i++) longest = Math.max(longest, f[i] - f[i - 1]);
  return { longest, frames: f.length, from };
});
