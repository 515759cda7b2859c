// Writes the npm package into dist/npm/ (run by `make dist`, after `make web`): the element modules,
// their workers and the five wasm modules from www/, in the layout the element loads them by
// (relative to its own URL), the TypeScript declarations, package.json (version, description and
// license from Cargo.toml) and npm/README.md.
//   node npm/build.mjs [www dir] [out dir]
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const root = new URL('../', import.meta.url).pathname;
const www = process.argv[2] || join(root, 'www');
const out = process.argv[3] || join(root, 'dist/npm');

// Everything that ships, and nothing else (package.json `files`; npm adds package.json and README.md).
const FILES = [
  'fazhi-analyzer.js', 'fazhi-analyzer.d.ts', 'analyzer-worker.js', 'review-export.js',
  'fazhi-batch.js', 'fazhi-batch.d.ts', 'batch-worker.js', 'batch-engine.js', 'batch-charts.js',
  'pkg/fazhi.js', 'pkg/fazhi.d.ts', 'pkg/fazhi_bg.wasm',
  'pkg/readers/fazhi.js', 'pkg/readers/fazhi.d.ts', 'pkg/readers/fazhi_bg.wasm',
  'pkg/batch/fazhi.js', 'pkg/batch/fazhi.d.ts', 'pkg/batch/fazhi_bg.wasm',
  'pkg/xlsx/fazhi.js', 'pkg/xlsx/fazhi_bg.wasm',
  'pkg/review/fazhi.js', 'pkg/review/fazhi.d.ts', 'pkg/review/fazhi_bg.wasm',
];

/** `key = "value"` from Cargo.toml's [package] table. */
function cargoField(toml, key) {
  const pkg = toml.split(/^\[/m).find((t) => t.startsWith('package]'));
  const m = pkg.match(new RegExp(`^${key}\\s*=\\s*"([^"]*)"`, 'm'));
  if (!m) throw new Error(`Cargo.toml: [package] ${key} not found`);
  return m[1];
}

const toml = await readFile(join(root, 'Cargo.toml'), 'utf8');
const manifest = {
  name: cargoField(toml, 'name'),
  version: cargoField(toml, 'version'),
  description: cargoField(toml, 'description'),
  license: cargoField(toml, 'license'),
  // Cargo.toml says `publish = false`: the package is installed from a path or tarball, never
  // published to the registry by accident.
  private: true,
  keywords: ['法治政府', 'rule-of-law', 'report', 'analyzer', 'custom-element', 'web-component', 'webassembly'],
  type: 'module',
  // The element (the default), the batch element, and the wasm APIs (init is the default export):
  // the analyzer, the readers (bytes → text), the analyzer with the Batch.
  exports: {
    '.': { types: './fazhi-analyzer.d.ts', default: './fazhi-analyzer.js' },
    './batch': { types: './fazhi-batch.d.ts', default: './fazhi-batch.js' },
    './wasm': { types: './pkg/fazhi.d.ts', default: './pkg/fazhi.js' },
    './readers': { types: './pkg/readers/fazhi.d.ts', default: './pkg/readers/fazhi.js' },
    './batch-wasm': { types: './pkg/batch/fazhi.d.ts', default: './pkg/batch/fazhi.js' },
    './review': { types: './pkg/review/fazhi.d.ts', default: './pkg/review/fazhi.js' },
    './package.json': './package.json',
  },
  // For tools that predate `exports`.
  main: './fazhi-analyzer.js',
  types: './fazhi-analyzer.d.ts',
  // Importing the element modules defines the custom elements; the workers run on load.
  sideEffects: ['./fazhi-analyzer.js', './fazhi-batch.js', './analyzer-worker.js', './batch-worker.js'],
  files: FILES,
};
await rm(out, { recursive: true, force: true });
for (const f of FILES) {
  await mkdir(dirname(join(out, f)), { recursive: true });
  await copyFile(join(www, f), join(out, f));
}
await copyFile(join(root, 'npm/README.md'), join(out, 'README.md'));
await writeFile(join(out, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`npm: ${out} (${manifest.name}@${manifest.version}, ${FILES.length} files)`);
