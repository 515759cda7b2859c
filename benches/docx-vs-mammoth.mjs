// docx → full model, fazhi (native CLI over 100 files; the page's wasm in node) against mammoth.js
// extractRawText (text only) on the same 100 files (make bench-docx). Prints medians and ratios;
// asserts nothing. The 100 files are the ten .docx/.autonum.docx fixtures, ten copies each.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { initSync, analyzeFile } from '../www/pkg/readers/fazhi.js';

const ROOT = new URL('..', import.meta.url).pathname;
const FIXTURES = join(ROOT, 'tests/fixtures/formats');
const CLI = join(ROOT, 'target/release/fazhi');
const ROUNDS = 7;

const sources = readdirSync(FIXTURES).filter((f) => f.endsWith('.docx')).sort();
const dir = mkdtempSync(join(tmpdir(), 'fazhi-bench-'));
const files = [];
for (let copy = 0; copy < 10; copy++) {
  for (const f of sources) {
    const path = join(dir, `${copy}_${f}`);
    writeFileSync(path, readFileSync(join(FIXTURES, f)));
    files.push(path);
  }
}
const buffers = files.map((p) => readFileSync(p));

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
async function time(label, once) {
  await once(); // warm-up: JIT, regex compilation, page cache
  const t = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    await once();
    t.push(performance.now() - t0);
  }
  const ms = median(t);
  console.log(`${label.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms / ${files.length} files = ${(ms / files.length).toFixed(3)} ms each`);
  return ms;
}

initSync({ module: readFileSync(join(ROOT, 'www/pkg/readers/fazhi_bg.wasm')) });

const native = await time('fazhi CLI (native), full model as JSONL', () => {
  execFileSync(CLI, ['analyze', '--format', 'jsonl', ...files], { maxBuffer: 1 << 30 });
});
const wasm = await time('fazhi wasm in node, full model', () => {
  for (let i = 0; i < files.length; i++) analyzeFile(buffers[i], files[i]);
});
const mam = await time('mammoth.js extractRawText (text only)', async () => {
  for (const buffer of buffers) await mammoth.extractRawText({ buffer });
});
console.log(`ratio mammoth / fazhi native: ${(mam / native).toFixed(1)}x`);
console.log(`ratio mammoth / fazhi wasm:   ${(mam / wasm).toFixed(1)}x`);
rmSync(dir, { recursive: true, force: true });
