// The public contract of <fazhi-analyzer> (fazhi-analyzer.js), shipped next to it in the npm
// package (`import 'fazhi'`). The report's types are wasm-bindgen's (pkg/fazhi.d.ts, written from
// the custom sections in src/wasm.rs); they are re-exported here so that users get them from 'fazhi'.
//
// Attributes:
//   text            the report text to analyze when the element connects
//   src             a URL to fetch and analyze when the element connects (any format it reads)
//   draft           opt-in: keeps what the user types in localStorage, keyed by the element's id
//   dropzone="page" opt-in: files dropped anywhere on the page are the element's (default: only
//                   files dropped on the element itself)
//   viewer          shows the reports it is given (no draft, no initial text)
// CSS custom properties: --fazhi-accent, --fazhi-font, --fazhi-bg, --fazhi-pane-bg, --fazhi-border,
//   --fazhi-text, --fazhi-muted. Parts (::part()): input, dropzone, analysis, text, editor, meta, parts,
//   outline, findings, indicators, score. The full contract: docs/embed.md.

import type { Report } from './pkg/fazhi.js';

export type {
  Report, Meta, Source, Heading, Item, Part, PartHeading, MandatedPart, MarkerStyle, Figure, Indicator,
  Citation, CitationKind, Finding, Severity, Scorecard, ScoreItem, Span,
} from './pkg/fazhi.js';

/** `detail` of `fazhi-error`: the file (or text source) that failed and why, in Chinese. */
export interface FazhiErrorDetail { file: string; message: string; }

/** The element's events: CustomEvents that bubble and cross shadow roots (composed). */
export interface FazhiAnalyzerEventMap {
  /** The analyzer (its wasm) is loaded; `ready` resolves at the same time. */
  'fazhi-ready': CustomEvent<null>;
  /** A new analysis (not fired again for a report shown a second time). */
  'fazhi-analyzed': CustomEvent<Report>;
  /** A file or text could not be read or analyzed. */
  'fazhi-error': CustomEvent<FazhiErrorDetail>;
}

/** <fazhi-analyzer>: the whole analyzer as one custom element (defined when 'fazhi' is imported). */
declare class FazhiAnalyzer extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The report text; setting it analyzes it. */
  text: string;
  /** The last analysis, or null before the first one. */
  readonly report: Report | null;
  /** Resolves once the analyzer is loaded (when `fazhi-ready` fires). */
  readonly ready: Promise<void>;
  /** Analyzes `text` (shown in the element) under the source name `name`. */
  analyze(text: string, name?: string): Promise<Report>;
  /** Reads and analyzes files (.txt, .docx, .doc/.wps, HTML, PDF, OFD), one report each. */
  open(files: FileList | Iterable<File | Blob>): Promise<Report[]>;
  /** Shows a report analyzed elsewhere (e.g. by the wasm API or a batch); fires no event. */
  show(report: Report): void;
  /** Marks a span (`[start, end)` of the current report's text) and scrolls to it. */
  reveal(span: [number, number]): void;
  /** The shown report's review, downloaded and resolved as a Blob: `docx` the 批注版 (findings as
   *  Word comments), `sheet` / `md` the 审阅意见 as .docx / Markdown (docs/review.md); the
   *  findings set aside (忽略) left out. */
  exportReview(format?: "docx" | "sheet" | "md"): Promise<Blob>;
  /** The findings set aside (忽略, with a reason) in a text, as stored in this browser's
   *  localStorage: left out of the count and of every review export. */
  static dismissedFor(text: string): { rule: string; start: number | null; message: string; reason: string }[];

  addEventListener<K extends keyof FazhiAnalyzerEventMap>(type: K,
    listener: (this: FazhiAnalyzer, ev: FazhiAnalyzerEventMap[K]) => any, options?: boolean | AddEventListenerOptions): void;
  addEventListener<K extends keyof HTMLElementEventMap>(type: K,
    listener: (this: FazhiAnalyzer, ev: HTMLElementEventMap[K]) => any, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof FazhiAnalyzerEventMap>(type: K,
    listener: (this: FazhiAnalyzer, ev: FazhiAnalyzerEventMap[K]) => any, options?: boolean | EventListenerOptions): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(type: K,
    listener: (this: FazhiAnalyzer, ev: HTMLElementEventMap[K]) => any, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

// The class is not exported by fazhi-analyzer.js (it is `customElements.get('fazhi-analyzer')`):
// exported here as a type only.
export type { FazhiAnalyzer };

declare global {
  interface HTMLElementTagNameMap { 'fazhi-analyzer': FazhiAnalyzer; }
  // The events bubble and are composed: they reach every ancestor, the document and the window.
  interface HTMLElementEventMap extends FazhiAnalyzerEventMap {}
  interface DocumentEventMap extends FazhiAnalyzerEventMap {}
  interface WindowEventMap extends FazhiAnalyzerEventMap {}
}
