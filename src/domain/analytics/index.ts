/**
 * The value engine (DESIGN.md §2): contemporary value, tiers, share of wallet, RFM, loyalty,
 * lifecycle and relationship type, with potential value through the clv seam (potential.ts).
 */
export {
  computeAnalytics,
  computeCustomerMetrics,
  type AnalyticsInput,
  type AnalyticsResult,
  type CustomerFact,
  type InteractionFact,
} from './compute';
export { contemporaryValueOf, type ContemporaryValueBreakdown, type DealFact } from './contemporary-value';
export {
  explainCustomer,
  EXPLAINED_FIGURES,
  type ExplainedFigure,
  type ExplainInput,
  type FigureExplanation,
} from './explain';
export { LIFECYCLE_ACTIONS } from './lifecycle';
export { RFM_SEGMENTS, type RfmSegment } from './rfm';
export { isAnalyticsSummary, type AnalyticsSummary } from './summary';
