/**
 * What each sheet shows: its editable fields in order, each with a type that decides how a typed or
 * pasted cell is parsed (src/domain/cell-values.ts), shown and edited; and, on the customers sheet, the
 * computed columns read from `customerMetrics`. The grid (src/ui/grid) turns these into column
 * definitions; paste and edits use them to parse. Choice labels come from every UI language, so a value
 * copied from a Chinese sheet pastes into an English one.
 */
import type { CellKind, ChoiceOption, LinkMatch } from '../domain/cell-values';
import {
  DEAL_STAGES,
  INTERACTION_CHANNELS,
  INTERACTION_TYPES,
  LOYALTY_TYPES,
  RELATIONSHIP_TYPES,
  type BaseTableName,
  type CustomerMetrics,
} from '../domain/types';
import { DICTIONARIES, type MessageKey } from '../i18n/dictionaries';

export type FieldType =
  | 'text'
  | 'longText'
  | 'money'
  | 'moneyOrNull'
  | 'rating'
  | 'percent'
  | 'date'
  | 'choice'
  | 'choiceList'
  | 'boolean'
  | 'customer'
  | 'productLine';

export interface FieldColumn {
  field: string;
  type: FieldType;
  header: MessageKey;
  /** For choices: the stored keys and the message-key prefix of their labels (`stage.` + key). */
  choices?: { keys: readonly string[]; prefix: string };
  width?: number;
  /** Needed to create a row (validation's `required`). */
  required?: true;
  /** The sheet's initial sort. */
  sort?: 'asc' | 'desc';
}

export type MetricFormat = 'money' | 'percent' | 'number' | 'text' | 'label';

export interface ComputedColumn {
  id: string;
  header: MessageKey;
  get: (m: CustomerMetrics) => string | number | null;
  format: MetricFormat;
  /** For 'label': message-key prefix of the value's label. */
  prefix?: string;
  /** Not shown until the user picks it in the Columns menu. */
  hidden?: true;
}

const f = (field: string, type: FieldType, header: MessageKey, extra: Partial<FieldColumn> = {}) =>
  ({ field, type, header, ...extra }) satisfies FieldColumn;

export const SHEET_COLUMNS: Record<BaseTableName, FieldColumn[]> = {
  customers: [
    f('code', 'text', 'field.code', { width: 110, sort: 'asc' }),
    f('name', 'text', 'field.name', { width: 240, required: true }),
    f('contactName', 'text', 'field.contactName'),
    f('phone', 'text', 'field.phone', { width: 140 }),
    f('email', 'text', 'field.email', { width: 180 }),
    f('taxId', 'text', 'field.taxId', { width: 200 }),
    f('region', 'text', 'field.region', { width: 110 }),
    f('industry', 'text', 'field.industry', { width: 120 }),
    f('owner', 'text', 'field.owner', { width: 100 }),
    f('relationshipType', 'choice', 'field.relationshipType', {
      choices: { keys: RELATIONSHIP_TYPES, prefix: 'rel.' },
    }),
    f('walletEstimate', 'moneyOrNull', 'field.walletEstimate'),
    f('doNotContact', 'boolean', 'field.doNotContact', { width: 110 }),
    f('loyaltyTypes', 'choiceList', 'field.loyaltyTypes', {
      choices: { keys: LOYALTY_TYPES, prefix: 'loyalty.' },
    }),
    f('strategicImportance', 'rating', 'field.strategicImportance', { width: 120 }),
    f('licenceNo', 'text', 'field.licenceNo', { width: 160 }),
    f('address', 'text', 'field.address', { width: 240 }),
    f('notes', 'longText', 'field.notes', { width: 240 }),
  ],
  deals: [
    f('code', 'text', 'deal.code', { width: 160, sort: 'desc' }),
    f('customerId', 'customer', 'col.customer', { width: 220, required: true }),
    f('productLineId', 'productLine', 'col.productLine', { width: 150 }),
    f('title', 'text', 'deal.title', { width: 200 }),
    f('stage', 'choice', 'deal.stage', { choices: { keys: DEAL_STAGES, prefix: 'stage.' } }),
    f('openDate', 'date', 'col.openDate'),
    f('closeDate', 'date', 'col.closeDate'),
    f('amount', 'money', 'deal.amount'),
    f('cost', 'money', 'col.cost'),
    f('serviceCost', 'money', 'col.serviceCost'),
    f('discount', 'money', 'col.discount'),
    f('paidAmount', 'money', 'deal.paidAmount'),
    f('dueDate', 'date', 'deal.dueDate'),
    f('deliveryDate', 'date', 'col.deliveryDate'),
    f('owner', 'text', 'field.owner', { width: 100 }),
    f('notes', 'longText', 'field.notes', { width: 240 }),
  ],
  interactions: [
    f('customerId', 'customer', 'col.customer', { width: 220, required: true }),
    f('date', 'date', 'interaction.date', { sort: 'desc' }),
    f('channel', 'choice', 'interaction.channel', {
      choices: { keys: INTERACTION_CHANNELS, prefix: 'channel.' },
    }),
    f('type', 'choice', 'interaction.type', { choices: { keys: INTERACTION_TYPES, prefix: 'itype.' } }),
    f('satisfaction', 'rating', 'interaction.satisfaction', { width: 110 }),
    f('summary', 'longText', 'interaction.summary', { width: 260 }),
    f('nextAction', 'longText', 'interaction.nextAction', { width: 200 }),
    f('nextActionDue', 'date', 'col.nextActionDue'),
    f('resolved', 'boolean', 'col.resolved', { width: 100 }),
    f('owner', 'text', 'field.owner', { width: 100 }),
  ],
  productLines: [
    f('code', 'text', 'col.lineCode', { width: 120, sort: 'asc' }),
    f('name', 'text', 'col.lineName', { width: 200 }),
    f('marketSize', 'moneyOrNull', 'col.marketSize', { width: 160 }),
    f('marketSizeBase', 'moneyOrNull', 'col.marketSizeBase', { width: 190 }),
    f('largestCompetitorSales', 'moneyOrNull', 'col.largestCompetitorSales', { width: 190 }),
    f('costRatio', 'percent', 'col.costRatio', { width: 170 }),
    f('notes', 'longText', 'field.notes', { width: 280 }),
  ],
};

/** Computed columns of the customers sheet, filled from `customerMetrics` (empty without metrics). */
export const CUSTOMER_METRIC_COLUMNS: ComputedColumn[] = [
  // A label: tier N reads "no purchase in the period", not a bare letter.
  { id: 'm.tier', header: 'metric.tier', get: (m) => m.tier, format: 'label', prefix: 'value.tier.' },
  { id: 'm.valueClass', header: 'metric.valueClass', get: (m) => m.valueClass, format: 'text', hidden: true },
  {
    id: 'm.contemporaryValue',
    header: 'metric.contemporaryValue',
    get: (m) => m.contemporaryValue,
    format: 'money',
    hidden: true,
  },
  { id: 'm.rfmCell', header: 'metric.rfmCell', get: (m) => m.rfmCell, format: 'text' },
  { id: 'm.pAlive', header: 'metric.pAlive', get: (m) => m.pAlive, format: 'percent' },
  { id: 'm.potentialValue', header: 'metric.potentialValue', get: (m) => m.potentialValue, format: 'money' },
  {
    id: 'm.shareOfWallet',
    header: 'metric.shareOfWallet',
    get: (m) => m.shareOfWallet,
    format: 'percent',
    hidden: true,
  },
  {
    id: 'm.loyaltyIndex',
    header: 'metric.loyaltyIndex',
    get: (m) => m.loyaltyIndex,
    format: 'number',
    hidden: true,
  },
  {
    id: 'm.lifecycle',
    header: 'metric.lifecycle',
    get: (m) => m.lifecycle,
    format: 'label',
    prefix: 'lifecycle.',
  },
  {
    id: 'm.grade',
    header: 'metric.grade',
    get: (m) => m.grade,
    format: 'label',
    prefix: 'grade.',
  },
];

/** The label of a choice key in every UI language, the current language's first. */
export function choiceOptions(column: FieldColumn, first: keyof typeof DICTIONARIES): ChoiceOption[] {
  const { keys = [], prefix = '' } = column.choices ?? {};
  const languages = [first, ...(['en', 'zh-CN', 'zh-TW'] as const).filter((l) => l !== first)];
  return keys.map((key) => ({
    key,
    labels: languages.map((l) => DICTIONARIES[l][`${prefix}${key}` as MessageKey] ?? key),
  }));
}

/** Resolves the text of a link cell (a name or a code) to a row id. */
export type LinkResolvers = Record<'customer' | 'productLine', (text: string) => LinkMatch>;

/** The domain parser's view of a column. */
export function cellKindOf(
  column: FieldColumn,
  language: keyof typeof DICTIONARIES,
  links: LinkResolvers,
): CellKind {
  switch (column.type) {
    case 'text':
    case 'longText':
      return { kind: 'text' };
    case 'money':
      return { kind: 'money', nullable: false };
    case 'moneyOrNull':
      return { kind: 'money', nullable: true };
    case 'rating':
      return { kind: 'rating' };
    case 'percent':
      return { kind: 'percent' };
    case 'date':
      return { kind: 'date' };
    case 'choice':
      return { kind: 'choice', choices: choiceOptions(column, language) };
    case 'choiceList':
      return { kind: 'choiceList', choices: choiceOptions(column, language) };
    case 'boolean': {
      const langs = [language, 'en', 'zh-CN', 'zh-TW'] as const;
      return {
        kind: 'boolean',
        trueLabels: langs.map((l) => DICTIONARIES[l]['common.yes']),
        falseLabels: langs.map((l) => DICTIONARIES[l]['common.no']),
      };
    }
    case 'customer':
      return { kind: 'link', resolve: links.customer };
    case 'productLine':
      return { kind: 'link', resolve: links.productLine };
  }
}
