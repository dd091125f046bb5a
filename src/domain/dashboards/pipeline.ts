/**
 * The pipeline by stage of the Sales & money dashboard: the open deals (need found, contacted,
 * intent, negotiation) of the selected customers opened in the period, per stage:
 *
 *   count, amount = Σ amount, weighted amount = Σ amount × probability of the stage
 *
 * Deals store no probability of their own (src/domain/types.ts: a stage only), so each stage has a
 * fixed probability of being won, `STAGE_PROBABILITY`, shown beside the figures.
 *
 * Example: two intent deals of ¥1 000 and ¥500 → intent: 2 deals, ¥1 500, weighted ¥1 500 × 0.4 = ¥600.
 */
import type { DealStage } from '../types';
import { inPeriod, type Period } from './filters';
import { STAGE_INDEX, type DealColumns, type Members } from './inputs';

export const OPEN_STAGES = [
  'need',
  'contacted',
  'intent',
  'negotiation',
] as const satisfies readonly DealStage[];
export type OpenStage = (typeof OPEN_STAGES)[number];

/** The probability that a deal at this stage is won. */
export const STAGE_PROBABILITY: Readonly<Record<OpenStage, number>> = {
  need: 0.1,
  contacted: 0.2,
  intent: 0.4,
  negotiation: 0.7,
};

export interface PipelineStage extends Members {
  stage: OpenStage;
  probability: number;
  deals: number;
  amount: number;
  weighted: number;
}

export function pipelineByStage(deals: DealColumns, mask: Uint8Array, period: Period): PipelineStage[] {
  const rows = OPEN_STAGES.map((stage) => ({
    stage,
    probability: STAGE_PROBABILITY[stage],
    drill: `pipeline:${stage}`,
    deals: 0,
    amount: 0,
    weighted: 0,
    seen: new Set<number>(),
  }));
  const byIndex = new Map(rows.map((r) => [STAGE_INDEX[r.stage], r]));
  for (let i = 0; i < deals.count; i++) {
    const row = byIndex.get(deals.stage[i]!);
    const c = deals.customer[i]!;
    if (!row || c < 0 || !mask[c] || !inPeriod(deals.openDay[i]!, period)) continue;
    row.deals += 1;
    row.amount += deals.amount[i]!;
    row.seen.add(c);
  }
  return rows.map(({ seen, ...r }) => ({
    ...r,
    weighted: Math.round(r.amount * r.probability),
    members: [...seen],
  }));
}
