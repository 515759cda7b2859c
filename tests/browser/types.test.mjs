// The TypeScript declarations shipped in www/pkg/fazhi.d.ts name every field the model really has.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';

const root = new URL('../../', import.meta.url).pathname;

function interfaceBody(dts, name) {
  const m = dts.match(new RegExp(`export interface ${name} \\{([\\s\\S]*?)\\n\\}|export interface ${name} \\{([^}]*)\\}`));
  assert.ok(m, `interface ${name} declared`);
  return m[1] ?? m[2];
}

test('every field of a real report is declared', async () => {
  const dts = await readFile(root + 'www/pkg/fazhi.d.ts', 'utf8');
  const json = execFileSync('cargo', ['run', '-q', '--release', '--', 'analyze', 'tests/fixtures/seeds/003_118af91b63010f52.txt'], { cwd: root });
  const r = JSON.parse(json);
  const check = (obj, name) => {
    const body = interfaceBody(dts, name);
    for (const key of Object.keys(obj)) assert.match(body, new RegExp(`\\b${key}[?]?:`), `${name}.${key}`);
  };
  check(r, 'Report');
  check(r.meta, 'Meta');
  check(r.source, 'Source');
  check(r.outline[0], 'Heading');
  check(r.parts[0], 'Part');
  check(r.parts[0].headings[0], 'PartHeading');
  check(r.outline[3].items[0], 'Item');
  // The analyses' arrays are checked wherever the seed gives them something (all of them once filled).
  const first = (xs) => xs.find(Boolean);
  const seen = { Figure: first(r.figures), Indicator: first(r.indicators), Citation: first(r.citations),
    Finding: first(r.findings), Scorecard: r.score, ScoreItem: r.score?.items[0] };
  for (const [name, obj] of Object.entries(seen)) {
    interfaceBody(dts, name); // declared, filled or not
    if (obj) check(obj, name);
  }
  // Enums are declared with the strings serde writes.
  for (const [name, value] of [['Finding', r.findings[0]?.severity], ['Citation', r.citations[0]?.kind], ['Figure', r.figures[0]?.approx]]) {
    if (value) assert.ok(dts.includes(`"${value}"`), `${name}: "${value}" declared`);
  }
  for (const s of ['"error"', '"warning"', '"info"', 'nearMiss: boolean', '"atLeast"', '"partyRule"']) assert.ok(dts.includes(s), s);
  assert.match(interfaceBody(dts, 'Report'), /findings: Finding\[\]; score: Scorecard \| null;/);
  assert.match(dts, /export function analyze\(text: string, name\?: string \| null\): Report;/);
});
