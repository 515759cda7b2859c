// Fails when a built .wasm needs a WebAssembly feature that the oldest supported browsers lack
// (Chromium 83, Firefox 78; docs/browsers.md). It decodes every section and every instruction,
// so anything outside the allowed set fails, including features nobody thought of yet:
//   node tests/wasm-features.mjs www/pkg/fazhi_bg.wasm www/pkg/readers/fazhi_bg.wasm …
// The usual culprits are reference types (externref, a second table, table.grow, ref.*: Chromium
// 96, Firefox 79) and multi-value (functions or blocks with several results: Chromium 85), which
// the default wasm32-unknown-unknown target of Rust ≥ 1.82 enables (make web builds with
// -Ctarget-cpu=mvp and a rebuilt std instead).
import { readFileSync } from 'node:fs';

// Post-MVP features every supported browser has: [feature, Chromium, Firefox].
const ALLOWED = new Map([
  ['sign-ext', 'Chromium 74, Firefox 62'],
  ['nontrapping-fptoint', 'Chromium 75, Firefox 64'],
  ['mutable-globals', 'Chromium 74, Firefox 61'],
]);
// Everything else found is reported with what needs it.
const NEEDS = {
  'multi-value': 'Chromium 85, Firefox 78',
  'reference-types': 'Chromium 96, Firefox 79',
  'bulk-memory': 'Chromium 75, Firefox 79',
  simd: 'Chromium 91, Firefox 89',
  threads: 'Chromium 74 with cross-origin isolation',
  'exception-handling': 'Chromium 95, Firefox 100',
  'tail-call': 'Chromium 112, Firefox 121',
  'multi-memory': 'Chromium 120, Firefox 125',
  'memory64': 'Chromium 133, Firefox 134',
  gc: 'Chromium 119, Firefox 120',
};

export function check(bytes) {
  const found = new Map(); // feature → first place seen
  const need = (feature, where) => { if (!ALLOWED.has(feature) && !found.has(feature)) found.set(feature, where); };
  let p = 0;
  const byte = () => { if (p >= bytes.length) throw new Error('truncated module'); return bytes[p++]; };
  const uleb = () => { let r = 0, s = 0, b; do { b = byte(); r += (b & 0x7f) * 2 ** s; s += 7; } while (b & 0x80); return r; };
  const sleb = () => { let b; do { b = byte(); } while (b & 0x80); }; // value not needed
  const name = () => { const n = uleb(); p += n; };
  const VAL = { 0x7f: 'i32', 0x7e: 'i64', 0x7d: 'f32', 0x7c: 'f64' };
  const valtype = (where) => {
    const t = byte();
    if (VAL[t]) return VAL[t];
    if (t === 0x7b) need('simd', `v128 in ${where}`);
    else if (t === 0x70 || t === 0x6f) need('reference-types', `${t === 0x6f ? 'externref' : 'funcref'} value in ${where}`);
    else need('gc', `value type 0x${t.toString(16)} in ${where}`);
    return `0x${t.toString(16)}`;
  };
  const limits = (where) => {
    const f = byte();
    if (f & 2) need('threads', `shared memory (${where})`);
    if (f & 4) need('memory64', `64-bit limits (${where})`);
    uleb(); if (f & 1) uleb();
  };
  let tables = 0;
  const tabletype = (where) => {
    const t = byte();
    if (t !== 0x70) need('reference-types', `table of 0x${t.toString(16)} (${where})`);
    if (++tables > 1) need('reference-types', `a second table (${where})`);
    limits(where);
  };
  const memidx0 = (where) => { if (byte() !== 0) need('multi-memory', where); };
  const blocktype = (where) => {
    const t = bytes[p];
    if (t === 0x40 || VAL[t]) { p++; return; }
    if (t === 0x7b || t === 0x70 || t === 0x6f) { valtype(where); return; }
    need('multi-value', `block with a type index (${where})`); sleb();
  };
  const types = [];
  // Constant expressions and function bodies: every instruction decoded, immediates skipped.
  const expr = (where) => {
    let depth = 1;
    while (depth > 0) {
      const at = `${where} at byte ${p}`;
      const op = byte();
      if (op === 0x02 || op === 0x03 || op === 0x04) { blocktype(at); depth++; }
      else if (op === 0x0b) depth--;
      else if (op <= 0x01 || op === 0x05 || op === 0x0f || op === 0x1a || op === 0x1b || (op >= 0x45 && op <= 0xbf)) { /* no immediate */ }
      else if (op >= 0xc0 && op <= 0xc4) need('sign-ext', at);
      else if (op === 0x0c || op === 0x0d || op === 0x10 || (op >= 0x20 && op <= 0x24)) uleb();
      else if (op === 0x0e) { const n = uleb(); for (let i = 0; i <= n; i++) uleb(); }
      else if (op === 0x11) { uleb(); const t = byte(); if (t !== 0) need('reference-types', `call_indirect with table byte 0x${t.toString(16)} (${at})`); }
      else if (op >= 0x28 && op <= 0x3e) { const align = uleb(); if (align & 0x40) { need('multi-memory', at); uleb(); } uleb(); }
      else if (op === 0x3f || op === 0x40) memidx0(at);
      else if (op === 0x41 || op === 0x42) sleb();
      else if (op === 0x43) p += 4;
      else if (op === 0x44) p += 8;
      else if (op === 0x1c) { need('reference-types', `typed select (${at})`); const n = uleb(); for (let i = 0; i < n; i++) valtype(at); }
      else if (op === 0x25 || op === 0x26) { need('reference-types', `table.get/set (${at})`); uleb(); }
      else if (op === 0xd0) { need('reference-types', `ref.null (${at})`); byte(); }
      else if (op === 0xd1) need('reference-types', `ref.is_null (${at})`);
      else if (op === 0xd2) { need('reference-types', `ref.func (${at})`); uleb(); }
      else if (op === 0xfc) {
        const sub = uleb();
        if (sub <= 7) need('nontrapping-fptoint', at);
        else if (sub === 8) { need('bulk-memory', `memory.init (${at})`); uleb(); memidx0(at); }
        else if (sub === 9) { need('bulk-memory', `data.drop (${at})`); uleb(); }
        else if (sub === 10) { need('bulk-memory', `memory.copy (${at})`); memidx0(at); memidx0(at); }
        else if (sub === 11) { need('bulk-memory', `memory.fill (${at})`); memidx0(at); }
        else if (sub === 12) { need('bulk-memory', `table.init (${at})`); uleb(); uleb(); }
        else if (sub === 13) { need('bulk-memory', `elem.drop (${at})`); uleb(); }
        else if (sub === 14) { need('bulk-memory', `table.copy (${at})`); uleb(); uleb(); }
        else if (sub >= 15 && sub <= 17) { need('reference-types', `table.grow/size/fill (${at})`); uleb(); }
        else throw new Error(`unknown instruction 0xfc ${sub} (${at})`);
      }
      else if (op === 0xfd) { need('simd', at); return false; } // SIMD immediates vary: stop decoding this body
      else if (op === 0xfe) { need('threads', at); return false; }
      else if (op >= 0x06 && op <= 0x0a || op === 0x18 || op === 0x19 || op === 0x1f) { need('exception-handling', at); return false; }
      else if (op === 0x12 || op === 0x13) { need('tail-call', at); return false; }
      else { need('gc', `opcode 0x${op.toString(16)} (${at})`); return false; }
    }
    return true;
  };
  if (bytes.length < 8 || bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) throw new Error('not a wasm module');
  p = 8;
  const imports = [], exports = [], funcTypes = [];
  while (p < bytes.length) {
    const id = byte(), size = uleb(), end = p + size;
    let early = false;
    const vec = (f) => { const n = uleb(); for (let i = 0; i < n && !early; i++) f(i); };
    switch (id) {
      case 1: vec((i) => {
        const form = byte();
        if (form !== 0x60) { need('gc', `type form 0x${form.toString(16)}`); early = true; p = end; return; }
        const params = [], results = [];
        vec(() => params.push(valtype(`type ${i}`)));
        vec(() => results.push(valtype(`type ${i}`)));
        if (results.length > 1) need('multi-value', `type ${i} (${params}) -> (${results})`);
        types.push({ params, results });
      }); break;
      case 2: vec(() => {
        const n0 = p; name(); const mod = new TextDecoder().decode(bytes.subarray(n0 + 1, p));
        const n1 = p; name(); const field = new TextDecoder().decode(bytes.subarray(n1 + 1, p));
        const kind = byte(), where = `import ${mod}.${field}`;
        if (kind === 0) { const t = uleb(); imports.push({ field, type: t }); funcTypes.push(t); }
        else if (kind === 1) tabletype(where);
        else if (kind === 2) limits(where);
        else if (kind === 3) { valtype(where); if (byte() & 1) need('mutable-globals', where); }
        else need('exception-handling', where);
      }); break;
      case 3: vec(() => funcTypes.push(uleb())); break;
      case 4: vec((i) => tabletype(`table ${i}`)); break;
      case 5: vec((i) => limits(`memory ${i}`)); break;
      case 6: vec((i) => { valtype(`global ${i}`); byte(); expr(`global ${i}`); }); break;
      case 7: vec(() => {
        const n0 = p; name(); const field = new TextDecoder().decode(bytes.subarray(n0 + 1, p));
        const kind = byte(), idx = uleb();
        if (kind === 0) exports.push({ field, func: idx });
      }); break;
      case 8: uleb(); break;
      case 9: vec((i) => {
        const flags = uleb();
        if (flags !== 0) { need(flags === 2 ? 'bulk-memory' : 'reference-types', `element segment ${i} with flags ${flags}`); early = true; p = end; return; }
        expr(`element ${i}`); vec(() => uleb());
      }); break;
      case 10: vec((i) => {
        const size = uleb(), bodyEnd = p + size;
        vec(() => { uleb(); valtype(`locals of code ${i}`); });
        // The decoder and the module agree on where the body ends (unless decoding stopped early).
        if (expr(`code ${i}`) && p !== bodyEnd) throw new Error(`code ${i}: decoded to ${p}, body ends at ${bodyEnd}`);
        p = bodyEnd;
      }); break;
      case 11: vec((i) => {
        const flags = uleb();
        if (flags === 1) { need('bulk-memory', `passive data segment ${i}`); }
        else { if (flags === 2) memidx0(`data ${i}`); expr(`data ${i}`); }
        const n = uleb(); p += n;
      }); break;
      case 12: need('bulk-memory', 'data count section'); break;
      case 13: need('exception-handling', 'tag section'); break;
      case 0: break;
      default: throw new Error(`unknown section ${id}`);
    }
    // The decoder and the module agree on where each section ends.
    if (id !== 0 && id !== 12 && !early && p !== end) throw new Error(`section ${id}: decoded to ${p}, it ends at ${end}`);
    p = end;
  }
  // i64 across the JS boundary needs BigInt integration (Chromium 85, Firefox 78): before it, a
  // call through such an import or export throws a TypeError (instantiation still succeeds).
  const i64 = (t) => types[t] && [...types[t].params, ...types[t].results].includes('i64');
  const bigint = [
    ...imports.filter((im) => i64(im.type)).map((im) => `import ${im.field}`),
    ...exports.filter((ex) => i64(funcTypes[ex.func])).map((ex) => `export ${ex.field}`),
  ];
  return { found, bigint };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let bad = false;
  for (const file of process.argv.slice(2)) {
    const { found, bigint } = check(readFileSync(file));
    for (const [feature, where] of found) {
      console.error(`${file}: needs ${feature} (${NEEDS[feature] || '?'}): first at ${where}`);
      bad = true;
    }
    const note = bigint.length ? `; i64 at the JS boundary (throws when called before Chromium 85): ${bigint.join(', ')}` : '';
    if (!found.size) console.log(`${file}: no feature beyond ${[...ALLOWED.keys()].join(', ')}${note}`);
  }
  if (!process.argv[2]) { console.error('usage: node tests/wasm-features.mjs FILE.wasm…'); bad = true; }
  process.exit(bad ? 1 : 0);
}
