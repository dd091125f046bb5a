/**
 * The data model of DESIGN.md §3, as plain types shared by every layer.
 *
 * Conventions:
 * - Ids are string UUIDs generated in the browser; `code` fields are the user-facing keys.
 * - Money is an integer number of minor units (cents, 分), so every sum is exact to the cent.
 * - Calendar dates are ISO `YYYY-MM-DD` strings; `''` means "not set".
 * - Timestamps (`createdAt`, `updatedAt`, `deletedAt`) are epoch milliseconds.
 * - Rows are never destroyed by the user: `deletedAt !== null` puts a row in the trash.
 * - `batchId` says where a row came from: `''` typed by hand, `'sample'` the sample data set,
 *   otherwise the id of the import that created it (so an import can be undone as a whole).
 */

/** Integer minor units of the currency (cents, 分). */
export type Money = number;
/** ISO calendar date `YYYY-MM-DD`, or `''` when not set. */
export type IsoDate = string;
/** Epoch milliseconds. */
export type Timestamp = number;

export interface RowMeta {
  id: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  /** Set when the row is in the trash; `null` for a live row. */
  deletedAt: Timestamp | null;
  batchId: string;
}

export const RELATIONSHIP_TYPES = ['basic', 'passive', 'responsible', 'proactive', 'partner'] as const;
/** Kotler's five levels of relationship. */
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export const LOYALTY_TYPES = ['price', 'convenience', 'habit', 'attitude', 'functional'] as const;
export type LoyaltyType = (typeof LOYALTY_TYPES)[number];

export interface Customer extends RowMeta {
  /** User-facing customer code, the de-duplication key on import. */
  code: string;
  /** Required, non-empty. */
  name: string;
  /** Unified social credit code (统一社会信用代码) or other tax ID. */
  taxId: string;
  /** Business licence number (营业执照号). */
  licenceNo: string;
  contactName: string;
  phone: string;
  email: string;
  address: string;
  region: string;
  industry: string;
  /** The salesperson who owns the relationship. */
  owner: string;
  relationshipType: RelationshipType | '';
  /** The owner's estimate of the customer's yearly spend in our category, or null when unknown. */
  walletEstimate: Money | null;
  /** Never include this customer in a campaign or a care list. */
  doNotContact: boolean;
  loyaltyTypes: LoyaltyType[];
  /** Manual rating criterion, 1–5, or null when not rated. */
  strategicImportance: number | null;
  notes: string;
}

export const DEAL_STAGES = ['need', 'contacted', 'intent', 'negotiation', 'won', 'lost'] as const;
/** The sales process: need found → contacted (samples) → intent → negotiation → won or lost. */
export type DealStage = (typeof DEAL_STAGES)[number];

export interface Deal extends RowMeta {
  /** Order / deal number, the de-duplication key on import. */
  code: string;
  customerId: string;
  /** Product line id, or `''`. */
  productLineId: string;
  title: string;
  stage: DealStage;
  /** When the need was found (the deal was opened). */
  openDate: IsoDate;
  /** When the deal was won or lost (the order date for a won deal). */
  closeDate: IsoDate;
  /**
   * Revenue (net of discount). Below zero for a return / credit note: it lowers the customer's net
   * revenue in the period it falls in and is never a purchase (DESIGN.md §2).
   */
  amount: Money;
  /** Cost of goods; below zero on a return for the cost of the goods that came back. 0 = not given. */
  cost: Money;
  /** Per-deal service / freight cost, ≥ 0. */
  serviceCost: Money;
  /** Discount given off the list price, ≥ 0 (list price = amount + discount). */
  discount: Money;
  /** Collected so far, ≥ 0. */
  paidAmount: Money;
  /** Payment due date of a won deal. */
  dueDate: IsoDate;
  /** Delivery date of a won deal. */
  deliveryDate: IsoDate;
  owner: string;
  notes: string;
}

export const INTERACTION_CHANNELS = ['phone', 'visit', 'email', 'wechat', 'meeting'] as const;
export type InteractionChannel = (typeof INTERACTION_CHANNELS)[number];

export const INTERACTION_TYPES = ['inquiry', 'follow-up', 'complaint', 'service-request', 'care'] as const;
export type InteractionType = (typeof INTERACTION_TYPES)[number];

export interface Interaction extends RowMeta {
  customerId: string;
  date: IsoDate;
  channel: InteractionChannel;
  type: InteractionType;
  /** 1 (very unhappy) … 5 (very happy), or null when not asked. */
  satisfaction: number | null;
  summary: string;
  /** What to do next, or `''`. */
  nextAction: string;
  nextActionDue: IsoDate;
  /** A complaint or service request that has been dealt with; a next action that was done. */
  resolved: boolean;
  owner: string;
}

/** GE / McKinsey market-attractiveness factors (DESIGN.md §2). */
export const GE_ATTRACTIVENESS_FACTORS = [
  'marketSize',
  'marketGrowth',
  'profitability',
  'competitiveIntensity',
  'cyclicality',
  'seasonality',
  'economiesOfScale',
] as const;
/** GE / McKinsey business-strength factors (DESIGN.md §2). */
export const GE_STRENGTH_FACTORS = [
  'relativeMarketShare',
  'priceCompetitiveness',
  'productQuality',
  'customerAwareness',
  'sellingEfficiency',
  'geographicStrength',
] as const;
export type GeFactor = (typeof GE_ATTRACTIVENESS_FACTORS)[number] | (typeof GE_STRENGTH_FACTORS)[number];

export interface ProductLine extends RowMeta {
  code: string;
  name: string;
  /** This period's total market sales, or null when not known. */
  marketSize: Money | null;
  /** The base period's total market sales, or null when not known. */
  marketSizeBase: Money | null;
  /** This period's sales of the largest competitor, or null when not known. */
  largestCompetitorSales: Money | null;
  /** GE factor scores, each 1–5; a missing factor is not scored. */
  geScores: Partial<Record<GeFactor, number>>;
  /**
   * Default cost of goods of this line's deals that carry no cost, in percent of revenue (0–100), or
   * null to use the one in Settings. A percent, not a fraction, so that 55 stays 55 when shown and
   * edited. Rows written before this field existed lack it: read them as null (`lineCostRatio`).
   */
  costRatio?: number | null;
  notes: string;
}

/** The base tables: edited by the user, soft-deleted, tracked in the history. */
export interface BaseTables {
  customers: Customer;
  deals: Deal;
  interactions: Interaction;
  productLines: ProductLine;
}
export type BaseTableName = keyof BaseTables;
export const BASE_TABLE_NAMES = ['customers', 'deals', 'interactions', 'productLines'] as const;

/** The editable fields of a row of table T (everything but the row metadata). */
export type Fields<T extends BaseTableName> = Omit<BaseTables[T], keyof RowMeta>;

export type HistoryOp = 'create' | 'update' | 'delete' | 'restore';

/** One field-level change, written by the repositories in the same transaction as the change. */
export interface HistoryEntry {
  id: string;
  table: BaseTableName;
  rowId: string;
  op: HistoryOp;
  /** The changed field for 'update'; `''` for create / delete / restore. */
  field: string;
  oldValue: unknown;
  newValue: unknown;
  at: Timestamp;
  /** Who made the change (the device user's name, or 'import' / 'sample'). */
  actor: string;
}

/** A stored setting: one record per key. */
export interface SettingRecord {
  key: string;
  value: unknown;
}

/**
 * ABC tier by cumulative share of positive contemporary value, among the customers whose value in the
 * period is positive; `'N'` = no positive value in the period (no purchase, or exactly 0: not C);
 * `'Z'` = below zero (a BZ customer).
 */
export type AbcTier = 'A' | 'B' | 'C' | 'N' | 'Z';
/** Most valuable, most growable, below zero (DESIGN.md §2); `''` = none of them. */
export type ValueClass = 'MVC' | 'MGC' | 'BZ' | '';
export const LIFECYCLE_STAGES = ['prospect', 'new', 'growing', 'mature', 'declining', 'lost'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];
/**
 * How potential value was estimated: the BG/NBD + Gamma-Gamma fit, the same with BG/NBD at its fixed-p
 * limit (one dropout probability for every customer: what the data support when they show no spread
 * in it), or the run-rate fallback.
 */
export type PotentialMethod = 'bgnbd-gg' | 'bgnbd-fixed-p-gg' | 'run-rate';
export type RatingGrade = 'core' | 'key' | 'ordinary' | 'potential';

/**
 * Derived per-customer figures, recomputed on each device from the base tables and never edited
 * or synced. Money in minor units; `null` means "cannot be computed for this customer" (for
 * example no purchase yet), never a placeholder. How each figure is computed: src/domain/analytics/.
 */
export interface CustomerMetrics {
  customerId: string;
  computedAt: Timestamp;
  /** Analysis window the figures refer to, inclusive ISO dates. */
  windowStart: IsoDate;
  windowEnd: IsoDate;
  // Contemporary value over the window (revenue is net: purchases less returns).
  revenue: Money;
  costOfGoods: Money;
  transactionCost: Money;
  financialCost: Money;
  contemporaryValue: Money;
  tier: AbcTier;
  valueClass: ValueClass;
  // Share of wallet.
  shareOfWallet: number | null;
  headroom: Money | null;
  // RFM over purchases (won deals with a positive amount; returns are never purchases): recency in
  // days since the last purchase; frequency = purchases in the window, by order; monetary = their sum.
  recencyDays: number | null;
  frequency: number;
  monetary: Money;
  rfmR: number | null;
  rfmF: number | null;
  rfmM: number | null;
  /** e.g. `'545'`, or `''` when the customer has no purchase. */
  rfmCell: string;
  /** Segment key, e.g. `'champions'`, `'at-risk'`; `''` when not scored. */
  rfmSegment: string;
  // Loyalty.
  repeatPurchases: number;
  interPurchaseMeanDays: number | null;
  /** Coefficient of variation of inter-purchase times (lower = more regular). */
  interPurchaseCv: number | null;
  tenureDays: number | null;
  /** Average discount ÷ list price over won deals (price sensitivity). */
  discountDepth: number | null;
  avgSatisfaction: number | null;
  complaints: number;
  /** Combined loyalty index, 0–100. */
  loyaltyIndex: number | null;
  // Potential value.
  pAlive: number | null;
  expectedPurchases: number | null;
  expectedProfitPerPurchase: Money | null;
  potentialValue: Money | null;
  potentialMethod: PotentialMethod | null;
  // Lifecycle and relationship.
  lifecycle: LifecycleStage;
  suggestedRelationship: RelationshipType | '';
  // Customer rating (filled by the rating engine; null until it runs).
  ratingScore: number | null;
  grade: RatingGrade | null;
}
