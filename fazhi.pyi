"""fazhi: the analyzer of Chinese annual rule-of-law government reports (法治政府建设情况报告).

The model is that of docs/model.md (camelCase keys), with one difference: a ``Span`` is a pair
of **code-point** offsets into ``text``, so ``text[start:end]`` is the spanned text.
"""

import os
from typing import Any, Literal, Optional, TypedDict, Union

__version__: str
SCHEMA_VERSION: int

Span = tuple[int, int]
"""``(start, end)``, half open, in code points of ``Report["text"]``: ``text[start:end]``."""

Source = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview]
"""A path, or the file's bytes."""

MandatedPart = Literal["measures", "shortcomings", "firstResponsible", "plans", "other"]

class ReadError(Exception):
    """A file fazhi cannot read (damaged, encrypted, too large, not a report format, missing)."""

    file: str
    """The file as given (a path, a name, or ``<bytes>``)."""
    zh: str
    """Why, in Chinese (as the page says it)."""
    en: str
    """Why, in English."""

class SourceInfo(TypedDict):
    name: str
    format: str
    encoding: Optional[str]
    chars: int

class Meta(TypedDict):
    title: Optional[str]
    titleSpan: Optional[Span]
    issuers: list[str]
    issuersFrom: Optional[str]
    recipients: list[str]
    recipientSpan: Optional[Span]
    year: Optional[int]
    level: str
    signedBy: Optional[str]
    date: Optional[str]
    closing: Optional[str]

class Item(TypedDict):
    marker: str
    style: str
    ordinal: int
    span: Span

class Heading(TypedDict):
    id: int
    level: int
    marker: str
    style: str
    ordinal: int
    title: str
    span: Span
    bodySpan: Span
    part: Optional[MandatedPart]
    partCue: Optional[str]
    items: list[Item]
    children: list["Heading"]

class Part(TypedDict):
    part: MandatedPart
    label: str
    present: bool
    headings: list[dict[str, Any]]

class Figure(TypedDict):
    value: float
    unit: str
    approx: str
    lower: Optional[float]
    upper: Optional[float]
    subject: Optional[str]
    text: str
    span: Span

class Citation(TypedDict):
    title: str
    kind: str
    known: Optional[str]
    nearMiss: bool
    span: Span

class Finding(TypedDict):
    rule: str
    severity: Literal["error", "warning", "info"]
    message: str
    span: Optional[Span]
    suggestion: Optional[str]

class Report(TypedDict):
    schemaVersion: int
    source: SourceInfo
    text: str
    meta: Meta
    outline: list[Heading]
    parts: list[Part]
    noise: list[Span]
    figures: list[Figure]
    indicators: list[dict[str, Any]]
    citations: list[Citation]
    findings: list[Finding]
    score: Optional[dict[str, Any]]

class Read(TypedDict):
    text: str
    format: str
    encoding: Optional[str]

class BatchResult(TypedDict):
    schemaVersion: int
    indicatorColumns: list[dict[str, str]]
    rows: list[dict[str, Any]]
    reuse: list[dict[str, Any]]
    years: list[dict[str, Any]]

def analyze(source: Source, name: Optional[str] = None) -> Report:
    """Reads a file (path or bytes, any format: text, .docx, .doc, .wps, web page, PDF, OFD)
    and analyzes it. ``name`` labels the report (default: the path, or ``<bytes>``).
    Raises ReadError naming the file when it cannot be read. Releases the GIL."""

def analyze_text(text: str, name: str = "text") -> Report:
    """Analyzes text already decoded."""

def read(source: Source) -> Read:
    """The text a file holds, its format and encoding, without analysis."""

def batch(paths: list[Union[str, "os.PathLike[str]"]]) -> BatchResult:
    """Every file the paths name (folders expanded in path order, .zip archives opened) as one
    batch (docs/batch.md): the table's rows, passages two issuers share (照搬照抄), the same
    issuer year over year. A path that does not exist raises ReadError before any work; a file
    that cannot be read is a row with its ``error``."""

def table(paths: list[Union[str, "os.PathLike[str]"]]) -> list[dict[str, Any]]:
    """The batch table, one flat dict per file (keys: ``columns()``), for pandas.DataFrame."""

def record(source: Source, name: Optional[str] = None) -> dict[str, Any]:
    """One file's table record on its own (no batch to compare with: ``reusedShare`` is 0);
    a file that cannot be read is a record with its ``error``, never an exception. What a
    cluster maps over files one at a time (examples/spark_batch.py)."""

def columns() -> dict[str, str]:
    """The table's column ids and their Chinese labels, in order."""
