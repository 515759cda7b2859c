// The batch's Web Worker: the readers module (every format) and the engine, off the page's thread.
import init, * as wasm from './pkg/readers/fazhi.js';
import { Engine } from './batch-engine.js';

let engine = null;
const early = [];
self.onmessage = (e) => (engine ? engine.handle(e.data) : early.push(e.data));
init().then(() => {
  engine = new Engine(wasm, (m) => self.postMessage(m), true);
  self.postMessage({ type: 'ready' });
  for (const m of early.splice(0)) engine.handle(m);
}, (e) => self.postMessage({ type: 'fatal', message: e.message }));
