/**
 * The lifecycle funnel of the Loyalty dashboard: the number of selected customers in each lifecycle
 * stage (prospect → new → growing → mature → declining → lost, DESIGN.md §2), in that order.
 *
 * Example: stages new, mature, mature, lost → prospect 0, new 1, growing 0, mature 2, declining 0, lost 1.
 */
import { LIFECYCLE_STAGES, type LifecycleStage } from '../types';
import type { DashCustomer, Members } from './inputs';

export interface FunnelStage extends Members {
  stage: LifecycleStage;
  customers: number;
}

export function lifecycleFunnel(customers: readonly DashCustomer[], mask: Uint8Array): FunnelStage[] {
  const rows = LIFECYCLE_STAGES.map((stage): FunnelStage => ({
    stage,
    drill: `lifecycle:${stage}`,
    members: [],
    customers: 0,
  }));
  const at = new Map(rows.map((r) => [r.stage, r]));
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i]!;
    if (!mask[i] || c.lifecycle === '') continue;
    const row = at.get(c.lifecycle);
    if (!row) continue;
    row.members.push(i);
    row.customers += 1;
  }
  return rows;
}
