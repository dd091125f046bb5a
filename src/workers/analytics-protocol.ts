/**
 * Messages between the UI thread and the analytics worker (plain postMessage: one request type, a
 * stream of progress and one final answer per request).
 */
import type { IsoDate, PotentialMethod } from '../domain/types';
import type { StorageErrorKind } from '../storage/errors';

export type AnalyticsPhase = 'reading' | 'computing' | 'writing';

export interface RecomputeRequest {
  type: 'recompute';
  requestId: number;
  /** The owner's local date: the end of an analysis period that ends "today". */
  today: IsoDate;
}

export type AnalyticsWorkerMessage =
  | { type: 'progress'; requestId: number; phase: AnalyticsPhase; done: number; total: number }
  | {
      type: 'done';
      requestId: number;
      computedAt: number;
      customers: number;
      potentialMethods: Partial<Record<PotentialMethod, number>>;
      /** Milliseconds spent reading, computing and writing. */
      timings: Record<AnalyticsPhase, number>;
    }
  | { type: 'error'; requestId: number; kind: StorageErrorKind; message: string };

export function isAnalyticsWorkerMessage(value: unknown): value is AnalyticsWorkerMessage {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { type?: unknown; requestId?: unknown };
  return (
    (v.type === 'progress' || v.type === 'done' || v.type === 'error') && typeof v.requestId === 'number'
  );
}
