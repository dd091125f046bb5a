/** The budgets of DESIGN.md §6, reported beside each figure (never asserted: timings are noisy). */
export interface Figure {
  figure: string;
  unit: 'ms' | 'ratio' | 'KB' | 'MB' | 'rows/s';
  median: number | null;
  min: number | null;
  max: number | null;
  runs: number;
  budget: string;
  within: boolean | null;
  note?: string;
}

export const BUDGETS = {
  importRatio: { text: '≤ 1.3× floor', ok: (v: number) => v <= 1.3 },
  warmRecomputeMs: { text: '≤ 2000 ms', ok: (v: number) => v <= 2000 },
  coldRecomputeRatio: { text: '≤ 1.3× (read + warm)', ok: (v: number) => v <= 1.3 },
  fitMs: { text: '≤ 3000 ms', ok: (v: number) => v <= 3000 },
  openMs: { text: '≤ 2000 ms', ok: (v: number) => v <= 2000 },
  filterMs: { text: '≤ 300 ms', ok: (v: number) => v <= 300 },
  // "Scrolling stays fluid" read as: 95 % of frames within 50 ms (20 frames a second or better).
  scrollFrameMs: { text: '≤ 50 ms', ok: (v: number) => v <= 50 },
  longTaskMs: { text: '≤ 200 ms', ok: (v: number) => v <= 200 },
  dashboardMs: { text: '≤ 300 ms main thread', ok: (v: number) => v <= 300 },
  initialJsKb: { text: '≤ 450 KB', ok: (v: number) => v <= 450 },
} as const;
