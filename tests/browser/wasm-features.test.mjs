// The checker behind `make web` (tests/wasm-features.mjs) on hand-made modules: it must see
// multi-value and reference types, and pass the MVP. No browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../wasm-features.mjs';

const HEAD = [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0];
const section = (id, ...body) => [id, body.length, ...body];
/** A module with one type and one function of that type whose body is `code` (then `end`). */
const module = (type, code = [], locals = [0]) => new Uint8Array([...HEAD,
  ...section(1, 1, ...type), ...section(3, 1, 0), ...section(10, 1, locals.length + code.length + 1, ...locals, ...code, 0x0b)]);

test('an MVP module passes', () => {
  const m = module([0x60, 1, 0x7f, 1, 0x7f], [0x20, 0, 0x41, 1, 0x6a]); // (i32) -> i32: local.get 0, i32.const 1, i32.add
  assert.ok(new WebAssembly.Module(m));
  assert.deepEqual([...check(m).found.keys()], []);
});

test('two results are multi-value', () => {
  const m = module([0x60, 0, 2, 0x7f, 0x7f], [0x41, 1, 0x41, 2]);
  assert.ok(new WebAssembly.Module(m));
  assert.deepEqual([...check(m).found.keys()], ['multi-value']);
});

test('externref in a type, ref.null and ref.is_null are reference types', () => {
  assert.deepEqual([...check(module([0x60, 1, 0x6f, 0])).found.keys()], ['reference-types']);
  const m = module([0x60, 0, 1, 0x7f], [0xd0, 0x6f, 0xd1]); // ref.null extern, ref.is_null
  assert.ok(new WebAssembly.Module(m));
  assert.deepEqual([...check(m).found.keys()], ['reference-types']);
});

test('memory.copy is bulk memory; i64 params are reported for the JS boundary', () => {
  const m = new Uint8Array([...HEAD, ...section(1, 1, 0x60, 1, 0x7e, 0), ...section(2, 1, 1, 0x6d, 1, 0x66, 0, 0),
    ...section(3, 1, 0), ...section(5, 1, 0, 1), ...section(7, 1, 1, 0x67, 0, 1),
    ...section(10, 1, 12, 0, 0x41, 0, 0x41, 0, 0x41, 0, 0xfc, 10, 0, 0, 0x0b)]);
  assert.ok(new WebAssembly.Module(m));
  const r = check(m);
  assert.deepEqual([...r.found.keys()], ['bulk-memory']);
  assert.deepEqual(r.bigint, ['import f', 'export g']);
});
