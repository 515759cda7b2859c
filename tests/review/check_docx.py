#!/usr/bin/env python3
"""The reviewer's round trip, checked outside fazhi (#18): for every fixture, `fazhi review` writes
a .docx that python-docx opens, and LibreOffice's conversion of it (headless, to ODT) lists every
finding's comment at the paragraph the model places it in. For a .docx input every part but the
four that carry comments is byte-identical to the input, and comments already there are kept.

    python3 tests/review/check_docx.py FAZHI FIXTURES_DIR WORK_DIR
"""
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import docx  # python-docx

AUTHOR = '法治报告审阅'
NS = {
    'text': 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
    'office': 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
    'draw': 'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0',
    'dc': 'http://purl.org/dc/elements/1.1/',
}
T = '{%s}' % NS['text']
ANNOTATION = '{%s}annotation' % NS['office']
FRAME = '{%s}frame' % NS['draw']
SEVERITY = {'error': '错误', 'warning': '警告', 'info': '提示'}
# The parts a review may change; every other one must come back byte for byte.
CHANGED = {'word/document.xml', 'word/comments.xml', 'word/_rels/document.xml.rels', '[Content_Types].xml'}


def norm(s):
    return re.sub(r'\s+', '', s)


def own_text(el):
    """A paragraph's text, without its annotations and frames; ODF's space and tab elements too."""
    out = [el.text or '']
    for child in el:
        if child.tag in (ANNOTATION, FRAME):
            pass
        elif child.tag == T + 's':
            out.append(' ' * int(child.get(T + 'c', '1')))
        elif child.tag in (T + 'tab', T + 'line-break'):
            out.append(' ')
        else:
            out.append(own_text(child))
        out.append(child.tail or '')
    return ''.join(out)


def annotations(el):
    """The annotations anchored in this paragraph (not in a text box inside it)."""
    found = []
    for child in el:
        if child.tag == ANNOTATION:
            found.append(child)
        elif child.tag != FRAME:
            found.extend(annotations(child))
    return found


def odt_comments(odt):
    """(paragraph text, creator, comment text) for every comment, in document order."""
    root = ET.fromstring(zipfile.ZipFile(odt).read('content.xml'))
    out = []
    for p in root.iter():
        if p.tag not in (T + 'p', T + 'h'):
            continue
        for a in annotations(p):
            creator = a.findtext('dc:creator', default='', namespaces=NS)
            body = '\n'.join(''.join(q.itertext()) for q in a.findall('text:p', NS))
            out.append((own_text(p), creator, body))
    return out


def line_at(text, utf16):
    """The line of the model's text holding a UTF-16 offset."""
    units = text.encode('utf-16-le')
    before = units[: 2 * utf16].decode('utf-16-le', errors='ignore')
    start = before.rfind('\n') + 1
    end = text.find('\n', len(before))
    return text[start: end if end >= 0 else len(text)]


def check_one(fazhi, src, out, odt, failures):
    model = json.loads(subprocess.run([fazhi, 'analyze', '--format', 'json', str(src)],
                                      check=True, capture_output=True).stdout)
    # python-docx opens it and sees our comments, by our author.
    d = docx.Document(str(out))
    ours = [c for c in d.comments if c.author == AUTHOR]
    if not ours:
        failures.append(f'{out.name}: python-docx finds no comment by {AUTHOR}')
    comments = [c for c in odt_comments(odt) if c[1] == AUTHOR]
    if len(comments) != len(ours):
        failures.append(f'{out.name}: LibreOffice lists {len(comments)} comments, python-docx {len(ours)}')
    if not comments or not comments[0][2].startswith('审阅摘要：'):
        failures.append(f'{out.name}: the first comment is not the summary: {comments[:1]}')
    for f in model['findings']:
        said = f"【{SEVERITY[f['severity']]}】{f['message']}"
        where = [c for c in comments if said in c[2]]
        if not where:
            failures.append(f'{out.name}: no comment says {said!r}')
            continue
        if f.get('span') is None:
            continue
        line = norm(line_at(model['text'], f['span'][0]))
        # An auto-numbered paragraph's label is Word's, not its text: the text ends the line.
        if not any(norm(p) and line.endswith(norm(p)) for p, _, _ in where):
            failures.append(f'{out.name}: {said!r} is on {[p[:30] for p, _, _ in where]}, '
                            f'not on the line {line[:30]!r}')
    return len(comments)


def same_parts(src, out, failures):
    a, b = zipfile.ZipFile(src), zipfile.ZipFile(out)
    names_b = set(b.namelist())
    for name in a.namelist():
        if name not in names_b:
            failures.append(f'{out.name}: part {name} is gone')
        elif name not in CHANGED and a.read(name) != b.read(name):
            failures.append(f'{out.name}: part {name} changed')


def main():
    fazhi, fixtures, work = Path(sys.argv[1]).resolve(), Path(sys.argv[2]), Path(sys.argv[3])
    shutil.rmtree(work, ignore_errors=True)
    (work / 'odt').mkdir(parents=True)
    inputs = sorted(p for p in fixtures.iterdir()
                    if re.search(r'\.(docx|doc|pdf|ofd|html|gbk\.txt|utf16\.txt)$', p.name))
    # A document that already has a comment (added by python-docx) keeps it.
    seeded = work / 'with-comment.docx'
    first_docx = next(p for p in inputs if p.name.endswith('.docx'))
    d = docx.Document(str(first_docx))
    para = next(p for p in d.paragraphs if p.runs)
    d.add_comment(para.runs, text='原有批注：请核对标题', author='张三', initials='张')
    d.save(str(seeded))
    inputs.append(seeded)

    outs = []
    for src in inputs:
        out = work / (src.name + '.review.docx')
        subprocess.run([fazhi, 'review', '-o', str(out), str(src)], check=True)
        outs.append((src, out))
    # One LibreOffice process converts them all.
    subprocess.run(['soffice', '--headless', '--norestore', '--convert-to', 'odt', '--outdir',
                    str(work / 'odt')] + [str(o) for _, o in outs],
                   check=True, capture_output=True, timeout=600)
    failures, total = [], 0
    for src, out in outs:
        odt = work / 'odt' / (out.stem + '.odt')
        if not odt.exists():
            failures.append(f'{out.name}: LibreOffice did not convert it')
            continue
        total += check_one(fazhi, src, out, odt, failures)
        if src.suffix == '.docx':
            same_parts(src, out, failures)
    kept = [c for c in odt_comments(work / 'odt' / (seeded.name + '.review.odt')) if c[1] == '张三']
    if [c[2] for c in kept] != ['原有批注：请核对标题']:
        failures.append(f'with-comment.docx: the existing comment is not kept as it was: {kept}')
    for f in failures:
        print('FAIL', f)
    print(f'review round trip: {len(outs)} files, {total} comments read back by LibreOffice, '
          f'{len(failures)} failures')
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
