// Installs an old Chromium for the compatibility tests (make test-compat) and prints the path of
// its executable. No browser download: npm packages made for AWS Lambda ship a Chromium build
// inside their tarball (brotli-compressed); this installs one with the puppeteer-core of the same
// age (which drives it: newer ones speak a protocol it lacks), unpacks it and checks that it runs
// and is the version asked for. Idempotent: a finished install is marked and reused.
//   node tools/old-chromium.mjs MAJOR DIR     e.g. node tools/old-chromium.mjs 83 target/compat/chromium-83
// Launch it with puppeteer.launch({executablePath, headless: true,
//   args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-zygote']}).
import { execFileSync } from 'node:child_process';
import { brotliDecompressSync } from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';

/** Chromium major → the npm package that carries it and the puppeteer-core of its age. */
const BUILDS = {
  83: { pkg: 'chrome-aws-lambda@3.1.1', pptr: 'puppeteer-core@3.1.0', bin: 'chrome-aws-lambda/bin' },
  88: { pkg: 'chrome-aws-lambda@5.5.0', pptr: 'puppeteer-core@5.5.0', bin: 'chrome-aws-lambda/bin' },
  92: { pkg: 'chrome-aws-lambda@10.1.0', pptr: 'puppeteer-core@10.1.0', bin: 'chrome-aws-lambda/bin' },
  102: { pkg: '@sparticuz/chrome-aws-lambda@14.0.0', pptr: 'puppeteer-core@14.0.0', bin: '@sparticuz/chrome-aws-lambda/bin' },
  110: { pkg: '@sparticuz/chromium@110.0.1', pptr: 'puppeteer-core@19.7.5', bin: '@sparticuz/chromium/bin' },
};

function fail(message) {
  process.stderr.write(`old-chromium: ${message}\n`);
  process.exit(1);
}

const [major, dirArg] = process.argv.slice(2);
const build = BUILDS[major];
if (!build || !dirArg) fail(`usage: node tools/old-chromium.mjs MAJOR DIR (MAJOR one of ${Object.keys(BUILDS).join(', ')})`);
const dir = path.resolve(dirArg);
const chrome = path.join(dir, 'chrome');
const exe = path.join(chrome, 'chromium');
const stamp = path.join(dir, `installed-${major}`);

/** The major version the browser reports when it runs a script (the headless builds print no
 *  `--version`), or the reason it does not run. */
function runs(file) {
  const page = 'data:text/html,<script>document.write(navigator.userAgent)</script>';
  try {
    const out = execFileSync(file, ['--no-sandbox', '--headless', '--disable-gpu', '--no-zygote', '--disable-dev-shm-usage', '--dump-dom', page],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60000 });
    const m = /Chrome\/(\d+)\./.exec(out);
    return m ? { major: m[1] } : { error: `it showed no version: ${out.trim().slice(0, 200)}` };
  } catch (e) {
    let missing = '';
    try {
      missing = execFileSync('ldd', [file], { encoding: 'utf8' }).split('\n').filter((l) => l.includes('not found')).map((l) => l.trim()).join(', ');
    } catch { /* no ldd: say what the run said */ }
    return { error: missing ? `shared libraries missing: ${missing} (make browser-deps installs Debian's Chromium, which brings them)` : String(e.stderr || e.message).trim().slice(-500) };
  }
}

if (!fs.existsSync(stamp)) {
  fs.mkdirSync(dir, { recursive: true });
  if (!fs.existsSync(path.join(dir, 'package.json'))) fs.writeFileSync(path.join(dir, 'package.json'), '{"private":true}\n');
  const bin = path.join(dir, 'node_modules', build.bin);
  if (!fs.existsSync(bin)) {
    try {
      // --ignore-scripts: the packages' install scripts would try to download a browser.
      execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', build.pkg, build.pptr], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
    } catch {
      fail(`npm install ${build.pkg} ${build.pptr} failed in ${dir} (it needs the npm registry once; then it is cached there)`);
    }
  }
  // Unpacked beside the final folder, then renamed: an interrupted run leaves no half browser.
  const tmp = `${chrome}.partial`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.rmSync(chrome, { recursive: true, force: true });
  fs.mkdirSync(tmp);
  // aws.tar.br holds Amazon Linux's libraries; Debian's own (from its chromium package) serve.
  for (const f of fs.readdirSync(bin).filter((f) => f.endsWith('.br') && !f.startsWith('aws'))) {
    const raw = brotliDecompressSync(fs.readFileSync(path.join(bin, f)));
    if (f.endsWith('.tar.br')) {
      const tar = path.join(tmp, f.slice(0, -3));
      fs.writeFileSync(tar, raw);
      execFileSync('tar', ['-xf', tar, '-C', tmp]);
      fs.unlinkSync(tar);
    } else {
      fs.writeFileSync(path.join(tmp, f.slice(0, -3)), raw, { mode: 0o755 });
    }
  }
  fs.renameSync(tmp, chrome);
  if (!fs.existsSync(exe)) fail(`${build.pkg} holds no chromium executable (${fs.readdirSync(chrome).join(', ')})`);
  const seen = runs(exe);
  if (seen.error) fail(`${exe} does not run: ${seen.error}`);
  if (seen.major !== String(major)) fail(`${exe} is Chromium ${seen.major}, not ${major}`);
  fs.writeFileSync(stamp, `${build.pkg} ${build.pptr}\n`);
}
process.stdout.write(`${exe}\n`);
