// The batch engine: reads files one by one into a wasm `Batch` (the batch module: text and web
// pages itself; a .docx, .doc, PDF or OFD read to text by the readers module, loaded when the first
// one comes), expands zips of reports, reports progress, and answers requests (a report, the exports).
// No DOM: it runs in the Web Worker (batch-worker.js), or on the page's thread in the single file
// (file:// allows no worker), where it yields between files so the page stays responsive.

const tick = () => new Promise((r) => setTimeout(r, 0));

export class Engine {
  /**
   * `wasm`: the batch module's exports (`Batch`, `needsReaders`), initialized; `post`: sends a
   * message back; `readers`: resolves to the readers module's exports (`readFile`, `zipEntries`),
   * initialized.
   */
  constructor(wasm, post, inWorker, readers) {
    this.wasm = wasm;
    this.readers = readers;
    this.inWorker = inWorker;
    this.post = post;
    this.batch = new wasm.Batch();
    this.queue = [];
    this.running = false;
    this.cancelled = false;
    this.done = 0;
    this.total = 0;
    this.failed = {};
    this.test = null;
    this.origins = []; // per row: { file, entry } — the File it came from, the zip entry's index or null
  }

  handle(msg) {
    switch (msg.type) {
      case 'add':
        // `failed`: files that trapped or hung a previous worker (replayed as failures);
        // `test` (test-only): { name, kind: 'trap' | 'hang' }, that file fails so.
        Object.assign(this.failed, msg.failed || {});
        if (msg.test) this.test = msg.test;
        this.queue.push(...msg.files);
        this.total += msg.files.length;
        this.progress(null);
        if (!this.running) this.run();
        break;
      case 'cancel':
        if (this.running) this.cancelled = true;
        break;
      case 'clear':
        this.queue = [];
        this.cancelled = this.running;
        this.batch.free();
        this.batch = new this.wasm.Batch();
        this.origins = [];
        this.done = this.total = 0;
        this.failed = {};
        if (!this.running) this.post({ type: 'result', result: this.batch.result(), cancelled: false });
        break;
      case 'report':
        this.post({ type: 'reply', id: msg.id, data: this.batch.report(msg.index) ?? null });
        break;
      case 'source':
        // A row's file as read (a zip's entry taken out again) and its text, for the review exports.
        this.source(msg.index).then((data) => this.post({ type: 'reply', id: msg.id, data }),
          (e) => this.post({ type: 'reply', id: msg.id, data: { error: e.message } }));
        break;
      case 'export': {
        const b = this.batch;
        const data = msg.kind === 'csv' ? b.csv() : msg.kind === 'jsonl' ? b.jsonl() : b.sheets();
        this.post({ type: 'reply', id: msg.id, data });
        break;
      }
      default:
    }
  }

  progress(row) {
    this.post({ type: 'progress', done: this.done, total: this.total, row });
  }

  /**
   * Adds one file's bytes (or a failure row, for a file that trapped or hung a worker before).
   * Says which file it reads first, so that the page knows which one a trap or hang was.
   */
  addBytes(bytes, name, readers) {
    if (this.failed[name]) return this.batch.addFailure(name, this.failed[name]);
    this.post({ type: 'reading', name });
    if (this.test && this.test.name === name) {
      const kind = this.test.kind;
      this.test = null;
      if (kind === 'hang') for (;;);
      throw new WebAssembly.RuntimeError('unreachable');
    }
    if (!readers || !this.wasm.needsReaders(bytes)) return this.batch.add(bytes, name);
    let read;
    try {
      read = readers.readFile(bytes, name);
    } catch (e) {
      // A file that cannot be read is a row with the reason; a trap (no reason) is thrown on.
      if (e && typeof e.reason === 'string') return this.batch.addFailure(name, e.reason);
      throw e;
    }
    return this.batch.addRead(read.text, name, read.format, read.encoding);
  }

  /** Row `index`'s bytes and text: { bytes, text, name }, or null for a file that was not read. */
  async source(index) {
    const o = this.origins[index];
    const report = this.batch.report(index);
    if (!o || !report) return null;
    let bytes = new Uint8Array(await o.file.arrayBuffer());
    if (o.entry !== null) bytes = (await this.readers()).zipEntries(bytes)[o.entry].bytes;
    return { bytes, text: report.text, name: report.source.name };
  }

  /** Adds one file's bytes, or every file of a zip of reports; returns when done. */
  async addOne(file, name) {
    this.origins[this.batch.len] = { file, entry: null };
    if (this.failed[name]) { this.done++; this.progress(this.batch.addFailure(name, this.failed[name])); return; }
    let bytes;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (e) {
      this.done++;
      this.progress(this.batch.addFailure(name, '无法读取文件：' + e.message));
      return;
    }
    this.post({ type: 'reading', name });
    // A .docx, .doc, PDF, OFD or zip: the readers module reads it (loaded by the first one).
    const readers = this.wasm.needsReaders(bytes) ? await this.readers() : null;
    const entries = readers && readers.zipEntries(bytes);
    if (!entries) {
      this.done++;
      this.progress(this.addBytes(bytes, name, readers));
      return;
    }
    this.total += entries.length - 1;
    if (!entries.length) { this.done++; this.progress(this.batch.addFailure(name, '压缩包中没有文件')); return; }
    for (let k = 0; k < entries.length; k++) {
      if (this.cancelled) return;
      const e = entries[k];
      const path = name + '/' + e.name;
      this.origins[this.batch.len] = { file, entry: k };
      this.done++;
      this.progress(e.bytes ? this.addBytes(e.bytes, path, readers) : this.batch.addFailure(path, e.error));
      if (k % 4 === 3) await tick(); // lets a cancel in
    }
  }

  async run() {
    this.running = true;
    this.cancelled = false;
    while (this.queue.length && !this.cancelled) {
      const { file, name } = this.queue.shift();
      try {
        await this.addOne(file, name);
      } catch (e) {
        // A trap (RuntimeError: unreachable, out of memory): this wasm instance cannot be trusted.
        // In a worker the page replaces it; on the page's thread the file gets a failure row.
        if (!this.inWorker) { this.done++; this.progress(this.batch.addFailure(name, `分析程序出错（${e.message}）`)); continue; }
        this.post({ type: 'trap', name, message: e && e.message ? e.message : String(e) });
        this.running = false;
        return;
      }
      await tick();
    }
    const cancelled = this.cancelled;
    this.queue = [];
    this.total = this.done;
    this.running = false;
    this.cancelled = false;
    this.post({ type: 'result', result: this.batch.result(), cancelled });
  }
}
