// <fazhi-batch> (fazhi-batch.js, `import 'fazhi/batch'`): batch review of many reports — the charts,
// the table, 照搬照抄, 逐年对照, exports (the reviews too), each report's full view. Importing it also defines <fazhi-analyzer>.
// Attribute: dropzone="page" (opt-in: files dropped anywhere on the page that nothing else took go
// to the batch while its table is shown; default: only files dropped on the element).
// The batch's types are wasm-bindgen's (pkg/fazhi.d.ts), re-exported here.

import type { BatchResult } from './pkg/fazhi.js';
import './fazhi-analyzer.js';

export type {
  BatchResult, BatchRow, IndicatorColumn, Passage, Place, IndicatorPair, Evidence, PlanFollowUp, YearOverYear,
} from './pkg/fazhi.js';

/** The element's event: a CustomEvent that bubbles and crosses shadow roots (composed). */
export interface FazhiBatchEventMap {
  /** The batch was read (or cancelled part way): the table, shared passages, year over year. */
  'fazhi-batch': CustomEvent<BatchResult>;
}

declare class FazhiBatch extends HTMLElement {
  /** The last batch read, or null before the first one. */
  readonly result: BatchResult | null;
  /** Downloads row `index`'s 批注版 (`docx`, a .docx row with comments added to its own file) or
   *  审阅意见 (`sheet` .docx, `md`), the findings set aside in it left out; resolves to the Blob. */
  exportRow(index: number, format?: 'docx' | 'sheet' | 'md'): Promise<Blob>;
  /** Downloads every readable row's 批注版 or 审阅意见 in one .zip; resolves to the Blob. */
  exportAllReviews(format?: 'docx' | 'sheet' | 'md'): Promise<Blob>;

  addEventListener<K extends keyof HTMLElementEventMap>(type: K,
    listener: (this: FazhiBatch, ev: HTMLElementEventMap[K]) => any, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(type: K,
    listener: (this: FazhiBatch, ev: HTMLElementEventMap[K]) => any, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

// Not exported by fazhi-batch.js (it is `customElements.get('fazhi-batch')`): a type only.
export type { FazhiBatch };

declare global {
  interface HTMLElementTagNameMap { 'fazhi-batch': FazhiBatch; }
  interface HTMLElementEventMap extends FazhiBatchEventMap {}
  interface DocumentEventMap extends FazhiBatchEventMap {}
  interface WindowEventMap extends FazhiBatchEventMap {}
}
