// The batch's Web Worker: the analyzer-and-batch module and the engine, off the page's thread; the
// readers module (bytes → text) is loaded when the first .docx/.doc/PDF/OFD or zip comes.
import init, * as wasm from './pkg/batch/fazhi.js';
import { Engine } from './batch-engine.js';

let readers = null;
const readersModule = () => (readers = readers || import('./pkg/readers/fazhi.js').then(async (m) => { await m.default(); return m; }));

let engine = null;
const early = [];
self.onmessage = (e) => (engine ? engine.handle(e.data) : early.push(e.data));
init().then(() => {
  engine = new Engine(wasm, (m) => self.postMessage(m), true, readersModule);
  self.postMessage({ type: 'ready' });
  for (const m of early.splice(0)) engine.handle(m);
}, (e) => self.postMessage({ type: 'fatal', message: e.message }));
