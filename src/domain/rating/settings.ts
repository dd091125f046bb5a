/**
 * The owner's rating setup, stored as one record (`key: 'rating'`) in the settings table. Anything read
 * back passes `normaliseRatingSettings`: each valid part is kept, each invalid one takes its default.
 */
import { isSaatyValue, type Judgement } from './ahp-matrix';
import { CRITERIA, CRITERION_KEYS, DEFAULT_CRITERIA, isCriterionKey, type CriterionKey } from './criteria';
import { DEFAULT_RHO } from './gra';
import { DEFAULT_GRADE_CUTS, validGradeCuts, type GradeCuts } from './grades';
import type { CriterionDirection } from './normalise';
import { isRandomIndexTable, type RandomIndexTable } from './random-index';

/** How the criteria are combined: weighted sum with AHP or direct weights, GRA, or fuzzy evaluation. */
export const RATING_METHODS = ['ahp', 'direct', 'gra', 'fuzzy'] as const;
export type RatingMethod = (typeof RATING_METHODS)[number];
/** Where GRA and fuzzy evaluation take their weights from. */
export type WeightSource = 'ahp' | 'direct';

export interface CriterionSetting {
  key: CriterionKey;
  enabled: boolean;
  /** The owner's name for it; '' shows the built-in name. */
  name: string;
  direction: CriterionDirection;
  /** Weight typed in directly (any non-negative number; scaled to sum 1). */
  directWeight: number;
}

export interface RatingSettings {
  /** Every known criterion once, in display order. */
  criteria: CriterionSetting[];
  judgements: Judgement[];
  method: RatingMethod;
  weightSource: WeightSource;
  randomIndex: RandomIndexTable;
  rho: number;
  cuts: GradeCuts;
}

/**
 * Default judgements (CR ≈ 0.007 with the 2005 table): contemporary value matters most, then potential
 * value and loyalty, then payment behaviour, then strategic importance.
 */
const DEFAULT_JUDGEMENTS: Judgement[] = [
  { a: 'contemporaryValue', b: 'potentialValue', value: 2 },
  { a: 'contemporaryValue', b: 'loyaltyIndex', value: 2 },
  { a: 'contemporaryValue', b: 'paymentBehaviour', value: 3 },
  { a: 'contemporaryValue', b: 'strategicImportance', value: 4 },
  { a: 'potentialValue', b: 'loyaltyIndex', value: 1 },
  { a: 'potentialValue', b: 'paymentBehaviour', value: 2 },
  { a: 'potentialValue', b: 'strategicImportance', value: 3 },
  { a: 'loyaltyIndex', b: 'paymentBehaviour', value: 2 },
  { a: 'loyaltyIndex', b: 'strategicImportance', value: 2 },
  { a: 'paymentBehaviour', b: 'strategicImportance', value: 1 },
];

export function defaultRatingSettings(): RatingSettings {
  return {
    criteria: CRITERION_KEYS.map((key) => ({
      key,
      enabled: DEFAULT_CRITERIA.includes(key),
      name: '',
      direction: CRITERIA[key].direction,
      directWeight: 1,
    })),
    judgements: DEFAULT_JUDGEMENTS.map((j) => ({ ...j })),
    method: 'ahp',
    weightSource: 'ahp',
    randomIndex: 'saaty2005',
    rho: DEFAULT_RHO,
    cuts: { ...DEFAULT_GRADE_CUTS },
  };
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function criteriaFrom(stored: unknown, defaults: CriterionSetting[]): CriterionSetting[] {
  if (!Array.isArray(stored)) return defaults;
  const seen = new Set<CriterionKey>();
  const kept: CriterionSetting[] = [];
  for (const item of stored) {
    const c = record(item);
    if (!isCriterionKey(c.key) || seen.has(c.key)) continue;
    seen.add(c.key);
    const fallback = defaults.find((d) => d.key === c.key);
    kept.push({
      key: c.key,
      enabled: typeof c.enabled === 'boolean' ? c.enabled : (fallback?.enabled ?? false),
      name: typeof c.name === 'string' ? c.name.slice(0, 60) : '',
      direction:
        c.direction === 'benefit' || c.direction === 'cost' ? c.direction : CRITERIA[c.key].direction,
      directWeight:
        typeof c.directWeight === 'number' && Number.isFinite(c.directWeight) && c.directWeight >= 0
          ? c.directWeight
          : 1,
    });
  }
  // A criterion added in a later version joins at the end, disabled.
  for (const d of defaults) if (!seen.has(d.key)) kept.push({ ...d, enabled: false });
  return kept;
}

function judgementsFrom(stored: unknown, defaults: Judgement[]): Judgement[] {
  if (!Array.isArray(stored)) return defaults;
  return stored.flatMap((item) => {
    const j = record(item);
    return isCriterionKey(j.a) && isCriterionKey(j.b) && j.a !== j.b && isSaatyValue(j.value)
      ? [{ a: j.a, b: j.b, value: j.value }]
      : [];
  });
}

/** Valid rating settings from whatever was stored; never throws. */
export function normaliseRatingSettings(stored: unknown): RatingSettings {
  const s = record(stored);
  const d = defaultRatingSettings();
  const cuts = record(s.cuts);
  const storedCuts = { core: cuts.core, key: cuts.key, ordinary: cuts.ordinary };
  const cutsOk =
    typeof storedCuts.core === 'number' &&
    typeof storedCuts.key === 'number' &&
    typeof storedCuts.ordinary === 'number' &&
    validGradeCuts(storedCuts as GradeCuts);
  return {
    criteria: criteriaFrom(s.criteria, d.criteria),
    judgements: judgementsFrom(s.judgements, d.judgements),
    method: (RATING_METHODS as readonly unknown[]).includes(s.method) ? (s.method as RatingMethod) : d.method,
    weightSource: s.weightSource === 'direct' ? 'direct' : 'ahp',
    randomIndex: isRandomIndexTable(s.randomIndex) ? s.randomIndex : d.randomIndex,
    rho: typeof s.rho === 'number' && s.rho > 0 && s.rho <= 1 ? s.rho : d.rho,
    cuts: cutsOk ? (storedCuts as GradeCuts) : d.cuts,
  };
}
