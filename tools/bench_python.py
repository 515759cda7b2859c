"""Reports per second through Python, three ways, on the same N files (make bench-python):

1. fazhi.table(files): the batch table in one process (the extension module);
2. the CLI's `fazhi analyze --format jsonl FILES` piped into json.loads, line by line;
3. markitdown + regex, as a researcher without fazhi would do it: each file to Markdown, then
   headings (一、 （一）), figures (件 次 % 人次) and the title by regular expressions.

The files are copies of tests/fixtures (the seeds as text, web page and PDF: formats
markitdown reads too), cycled to N. Each way runs --repeat times; the median is printed.
"""

import argparse
import json
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import fazhi

ROOT = pathlib.Path(__file__).resolve().parents[1]
# .docx is left out: markitdown (mammoth) refuses the fixtures' .docx ("Could not find the body
# element"), so it would not be the same files for all three.
KINDS = ("seeds/{}.txt", "formats/{}.html", "formats/{}.pdf")


def corpus(n, into):
    stems = sorted(p.stem for p in (ROOT / "tests/fixtures/seeds").glob("*.txt"))
    sources = [ROOT / "tests/fixtures" / k.format(s) for s in stems for k in KINDS]
    files = []
    for i in range(n):
        src = sources[i % len(sources)]
        dst = into / f"{i:05d}{src.suffix}"
        shutil.copyfile(src, dst)
        files.append(str(dst))
    return files


def via_table(files):
    rows = fazhi.table(files)
    assert len(rows) == len(files)


def via_threads(files):
    import os
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=os.cpu_count()) as pool:
        rows = list(pool.map(fazhi.record, files))
    assert len(rows) == len(files)


def via_cli(cli):
    def run(files):
        p = subprocess.Popen([cli, "analyze", "--format", "jsonl", *files], stdout=subprocess.PIPE)
        n = sum(1 for line in p.stdout if json.loads(line))
        p.wait()
        assert n == len(files), n
    return run


HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])\s*(.+)$", re.M)
FIGURE = re.compile(r"(\d+(?:\.\d+)?)\s*(件|次|人次|%|％)")
TITLE = re.compile(r"^.*(?:法治政府建设|依法行政).*(?:报告|情况)\s*$", re.M)


def via_markitdown(files):
    from markitdown import MarkItDown

    md = MarkItDown()
    for f in files:
        text = md.convert(f).text_content
        _ = (TITLE.search(text), HEADING.findall(text), FIGURE.findall(text))


def timed(fn, files, repeat):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(files)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=str(ROOT / "target/release/fazhi"))
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip-markitdown", action="store_true")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        files = corpus(a.n, pathlib.Path(d))
        import os

        ways = [
            ("fazhi.table (one process)", via_table),
            (f"fazhi.record, {os.cpu_count()} threads", via_threads),
            ("CLI jsonl + json.loads", via_cli(a.cli)),
        ]
        if not a.skip_markitdown:
            ways.append(("markitdown + regex", via_markitdown))
        print(f"{a.n} reports (text, web page, PDF copies of the fixtures), median of {a.repeat}:")
        base = None
        for name, fn in ways:
            t = timed(fn, files, a.repeat if fn is not via_markitdown else 1)
            base = base or t
            print(f"  {name:30s} {t:8.2f} s  {a.n / t:8.0f} reports/s  ({t / base:.1f}x fazhi.table)")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
