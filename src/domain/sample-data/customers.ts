/**
 * Customer rows of the sample data set, made from the plan's profiles: a company name from city +
 * trade name + business word + legal form (杭州瑞丰贸易有限公司), a contact with a Chinese name, an
 * 11-digit mobile, an e-mail, an address, a unified social credit code (most with a correct check
 * character, a few mistyped or missing) and the owner's manual ratings, which lean on the customer's
 * hidden size: big accounts tend to be partners of high strategic importance.
 */
import { LOYALTY_TYPES, type Customer, type LoyaltyType, type Money, type RelationshipType } from '../types';
import { makeUscc } from './credit-code';
import { officeTime } from './dates';
import {
  BRAND_CHARS,
  CITIES,
  GIVEN_CHARS,
  INDIVIDUAL_FORMS,
  LEGAL_FORMS,
  MAIL_DOMAINS,
  MOBILE_PREFIXES,
  ROAD_KINDS,
  ROADS,
  SALESPEOPLE,
  SURNAMES,
  TRADES,
  ZONES,
  type Syllable,
} from './names';
import { KIND, TRAIT, type SamplePlan } from './plan';
import { createRng, pickWeighted, weighted, type Rng } from './rng';

const CITY_TABLE = weighted(CITIES.map((c) => [c, c.weight] as const));
const SURNAME_TABLE = weighted(SURNAMES.map((s, i) => [s, 1 / Math.pow(i + 1, 0.8)] as const));
/** Trades a one-shop individual business (商行, 经营部) plausibly has. */
const SMALL_TRADES = TRADES.filter(([w]) =>
  ['贸易', '商贸', '五金', '电子', '建材', '食品', '服饰', '家居'].includes(w),
);
const BRANCHES = ['城东', '城西', '城南', '城北', '滨江', '新区', '开发区'] as const;
const NOTES = [
  '老客户，付款及时',
  '年底集中采购',
  '需开增值税专用发票',
  '月结客户',
  '老板亲自对接',
  '经展会认识',
  '由老客户转介绍',
] as const;

function brandName(rng: Rng): [han: string, pinyin: string] {
  const a = rng.pick(BRAND_CHARS);
  let b = rng.pick(BRAND_CHARS);
  while (b[0] === a[0]) b = rng.pick(BRAND_CHARS);
  return [a[0] + b[0], a[1] + b[1]];
}

function personName(rng: Rng): [han: string, surname: string, given: string] {
  const surname: Syllable = pickWeighted(rng, SURNAME_TABLE);
  const g1 = rng.pick(GIVEN_CHARS);
  const g2 = rng.chance(0.7) ? rng.pick(GIVEN_CHARS) : null;
  return [surname[0] + g1[0] + (g2?.[0] ?? ''), surname[1], g1[1] + (g2?.[1] ?? '')];
}

function email(rng: Rng, surname: string, given: string, brandPinyin: string): string {
  const r = rng.next();
  if (r < 0.03) return '';
  if (r < 0.45) return `${given}.${surname}@${brandPinyin}${rng.pick(['.com', '.com.cn', '.cn'])}`;
  if (r < 0.75) return `${rng.between(10_000_000, 3_999_999_999)}@qq.com`;
  return `${surname}${given}${rng.between(1, 999)}@${rng.pick(MAIL_DOMAINS)}`;
}

function relationshipType(rng: Rng, z: number, prospect: boolean): RelationshipType | '' {
  if (rng.chance(0.08)) return '';
  if (prospect) return 'basic';
  if (z > 1.5) return rng.chance(0.55) ? 'partner' : 'proactive';
  if (z > 0.5) return rng.pick(['responsible', 'proactive', 'responsible', 'passive'] as const);
  return rng.pick(['basic', 'passive', 'passive', 'responsible'] as const);
}

function loyaltyTypes(rng: Rng, priceSensitive: boolean): LoyaltyType[] {
  const types = new Set<LoyaltyType>();
  if (priceSensitive && rng.chance(0.7)) types.add('price');
  const r = rng.next();
  if (r < 0.45) types.add(rng.pick(LOYALTY_TYPES));
  if (r < 0.15) types.add(rng.pick(LOYALTY_TYPES));
  return LOYALTY_TYPES.filter((t) => types.has(t));
}

/**
 * Yields one customer row per planned customer, in plan order (codes C0001, C0002, …; at least four
 * digits, more when there are more customers). Company names are unique within a data set.
 */
export function* sampleCustomers(plan: SamplePlan): Generator<Customer, void, undefined> {
  const rng = createRng(plan.seed, 'customers');
  const p = plan.customers;
  const n = p.ids.length;
  const width = Math.max(4, String(n).length);
  const usedNames = new Set<string>();
  for (let i = 0; i < n; i++) {
    const z = p.size[i] ?? 0;
    const kind = p.kind[i] ?? KIND.active;
    const traits = p.traits[i] ?? 0;
    const prospect = kind === KIND.prospect;
    const city = pickWeighted(rng, CITY_TABLE);
    const individual = z < -0.6 && rng.chance(0.35);
    const [trade, industry] = rng.pick(individual ? SMALL_TRADES : TRADES);
    const form = individual
      ? rng.pick(INDIVIDUAL_FORMS)
      : z > 1.5 && rng.chance(0.3)
        ? LEGAL_FORMS[2]
        : rng.chance(0.85)
          ? LEGAL_FORMS[0]
          : LEGAL_FORMS[1];
    let brand = brandName(rng);
    let name = city.name + brand[0] + trade + form;
    for (let tries = 0; usedNames.has(name) && tries < 10; tries++) {
      brand = brandName(rng);
      name = city.name + brand[0] + trade + form;
    }
    while (usedNames.has(name)) name += rng.pick(BRANCHES) + '分公司';
    usedNames.add(name);

    const division = city.division + String(rng.between(2, 12)).padStart(2, '0');
    const t = rng.next();
    const taxId = t < 0.02 ? '' : makeUscc(rng, division, individual, t >= 0.05);
    const licenceNo =
      taxId !== '' && rng.chance(0.85)
        ? taxId
        : taxId === '' && rng.chance(0.5)
          ? ''
          : division + String(rng.int(1_000_000_000)).padStart(9, '0');
    const [contactName, surname, given] = personName(rng);
    const phone = rng.pick(MOBILE_PREFIXES) + String(rng.int(100_000_000)).padStart(8, '0');
    const address =
      `${city.name}市${rng.pick(ZONES)}${rng.pick(ROADS)}${rng.pick(ROAD_KINDS)}${rng.between(1, 999)}号` +
      (rng.chance(0.4)
        ? `${rng.between(1, 12)}幢${rng.between(1, 25)}${String(rng.between(1, 20)).padStart(2, '0')}室`
        : '');

    const firstContact = p.firstContact[i] ?? plan.todayDay;
    const first = p.firstPurchase[i] ?? plan.todayDay;
    const last = p.lastPurchase[i] ?? plan.todayDay;
    const yearlyRevenue = ((p.dealCount[i] ?? 0) * 365 * (p.meanAmount[i] ?? 0) * 0.85) / (last - first + 1);
    let walletEstimate: Money | null = null;
    if (rng.chance(prospect ? 0.15 : 0.35)) {
      const base = prospect ? (p.meanAmount[i] ?? 0) * 6 : yearlyRevenue;
      walletEstimate = Math.max(1_000_000, Math.round((base * rng.uniform(1.1, 4)) / 100_000) * 100_000);
    }
    const createdAt = officeTime(rng, firstContact);
    const touched = Math.min(plan.todayDay, (prospect ? firstContact : last) + rng.between(0, 45));
    const rated = rng.chance(0.55);
    const importance = Math.min(5, Math.max(1, Math.round(3 + 0.9 * z + 0.6 * rng.normal())));
    const notes = rng.chance(0.12)
      ? traits & TRAIT.priceSensitive
        ? '价格敏感，常要求折扣'
        : rng.pick(NOTES)
      : '';
    const row: Customer = {
      id: p.ids[i] ?? '',
      createdAt,
      updatedAt: Math.max(createdAt, officeTime(rng, touched)),
      deletedAt: null,
      batchId: plan.batchId,
      code: 'C' + String(i + 1).padStart(width, '0'),
      name,
      taxId,
      licenceNo,
      contactName,
      phone,
      email: email(rng, surname, given, brand[1]),
      address,
      region: city.region,
      industry,
      owner: SALESPEOPLE[p.owner[i] ?? 0]?.[0] ?? '',
      relationshipType: relationshipType(rng, z, prospect),
      walletEstimate,
      doNotContact: (traits & TRAIT.doNotContact) !== 0,
      loyaltyTypes: prospect ? [] : loyaltyTypes(rng, (traits & TRAIT.priceSensitive) !== 0),
      strategicImportance: rated ? importance : null,
      notes,
    };
    yield row;
  }
}
