/**
 * The three dashboards as data: each runs its aggregations over the same filtered customers and deals.
 * Every bucket carries its members (customer indices) for the drill-down; `drillRows` turns members
 * into the rows of a list, highest contemporary value first unless the order is given.
 */
import type { AbcTier, LifecycleStage } from '../types';
import { atRiskList, type AtRiskList } from './at-risk-list';
import { customerMask, periodOf, type DashboardFilters } from './filters';
import type { DashboardInputs, DashCustomer } from './inputs';
import { lifecycleFunnel, type FunnelStage } from './lifecycle-funnel';
import { paretoCurve, type ParetoCurve } from './pareto';
import { pipelineByStage, type PipelineStage } from './pipeline';
import { receivablesAgeing, type AgeingRow } from './receivables';
import { repeatRate, type RepeatRate } from './repeat-rate';
import { rfmGrid, type RfmGrid } from './rfm-grid';
import { tierSummary, type TierRow } from './tier-summary';
import { valueClassLists, type ValueClassList } from './value-classes';
import { valueTrend, type TrendMonth } from './value-trend';
import { wonLostByMonth, type WonLostMonth } from './won-lost';
import { compareText } from '../text/order';

export const DASHBOARDS = ['value', 'loyalty', 'sales'] as const;
export type DashboardSection = (typeof DASHBOARDS)[number];

export interface ValueDashboard {
  section: 'value';
  selectedCustomers: number;
  pareto: ParetoCurve;
  tiers: TierRow[];
  classes: ValueClassList[];
  trend: TrendMonth[];
}

export interface LoyaltyDashboard {
  section: 'loyalty';
  selectedCustomers: number;
  rfm: RfmGrid;
  repeat: RepeatRate;
  funnel: FunnelStage[];
  atRisk: AtRiskList;
}

export interface SalesDashboard {
  section: 'sales';
  selectedCustomers: number;
  pipeline: PipelineStage[];
  wonLost: WonLostMonth[];
  ageing: AgeingRow[];
}

export type Dashboard = ValueDashboard | LoyaltyDashboard | SalesDashboard;

export function computeDashboard(
  section: DashboardSection,
  inputs: DashboardInputs,
  filters: DashboardFilters,
): Dashboard {
  const { customers, deals } = inputs;
  const mask = customerMask(customers, filters);
  const period = periodOf(filters);
  let selectedCustomers = 0;
  for (const m of mask) selectedCustomers += m;
  switch (section) {
    case 'value':
      return {
        section,
        selectedCustomers,
        pareto: paretoCurve(customers, mask, inputs.tierCutA),
        tiers: tierSummary(customers, mask),
        classes: valueClassLists(customers, mask),
        trend: valueTrend(deals, mask, period),
      };
    case 'loyalty':
      return {
        section,
        selectedCustomers,
        rfm: rfmGrid(customers, mask),
        repeat: repeatRate(deals, mask, period, customers.length),
        funnel: lifecycleFunnel(customers, mask),
        atRisk: atRiskList(customers, mask),
      };
    case 'sales':
      return {
        section,
        selectedCustomers,
        pipeline: pipelineByStage(deals, mask, period),
        wonLost: wonLostByMonth(deals, mask, period),
        ageing: receivablesAgeing(deals, mask, period, inputs.today),
      };
  }
}

/** One customer of a drill-down list. */
export interface DrillRow {
  id: string;
  code: string;
  name: string;
  tier: AbcTier | '';
  lifecycle: LifecycleStage | '';
  contemporaryValue: number;
  /** A reason key of the list (the at-risk reason), or `''`. */
  reason: string;
}

export interface DrillList {
  total: number;
  rows: DrillRow[];
}

/**
 * The first `limit` customers of a bucket. Members are sorted by contemporary value (highest first)
 * unless `keepOrder` (a list that is already ranked, like the at-risk list with its `reasons`).
 */
export function drillRows(
  customers: readonly DashCustomer[],
  members: readonly number[],
  limit: number,
  options: { keepOrder?: boolean; reasons?: readonly string[] } = {},
): DrillList {
  const order = members.map((i, k) => ({ i, reason: options.reasons?.[k] ?? '' }));
  if (!options.keepOrder) {
    order.sort((a, b) => {
      const ca = customers[a.i]!;
      const cb = customers[b.i]!;
      const d = cb.contemporaryValue - ca.contemporaryValue;
      return d !== 0 ? d : compareText(ca.name, cb.name);
    });
  }
  return {
    total: members.length,
    rows: order.slice(0, limit).map(({ i, reason }) => {
      const c = customers[i]!;
      return {
        id: c.id,
        code: c.code,
        name: c.name,
        tier: c.tier,
        lifecycle: c.lifecycle,
        contemporaryValue: c.contemporaryValue,
        reason,
      };
    }),
  };
}
