/**
 * Enumerated values in CSV files, both ways.
 *
 * Out: a choice is written as its label in the export's language — the label the sheet shows
 * (`stage.won` of src/i18n: 成交 / Won), so the file reads as the sheet does; booleans as 是 / 否 or
 * Yes / No; list members joined with 、 (Chinese) or `; ` (English). With key headers (`'keys'`) the
 * stored keys and TRUE / FALSE are written instead.
 *
 * In: a cell is read back whatever language it is written in — the stored key, the label in any of the
 * three UI languages, or a common synonym (赢单, 成交, Won, closed won… → `'won'`). Matching ignores case,
 * width and spaces. Booleans: 是/否, yes/no, y/n, true/false, 1/0, ✓. List cells (loyalty types) are
 * split on `;` `,` `、` `|` or a newline.
 */
import { en } from '../../i18n/en';
import { sheetColumnMessages } from '../../i18n/sheet-columns';
import { zhCN } from '../../i18n/zh-CN';
import { zhTW } from '../../i18n/zh-TW';
import type { HeaderLanguage } from './fields';
import {
  DEAL_STAGES,
  INTERACTION_CHANNELS,
  INTERACTION_TYPES,
  LOYALTY_TYPES,
  RELATIONSHIP_TYPES,
  type BaseTableName,
} from '../types';

const ALIASES: Record<string, readonly string[]> = {
  // Deal stages.
  need: ['需求', '发现需求', '需求发现', '發現需求', '线索', '線索', 'lead'],
  contacted: ['已接触', '接触', '已接觸', '接觸', '送样', '送樣', '样品', '樣品', 'contact', 'samples'],
  intent: ['意向', '有意向', '意向客户', 'interest', 'interested'],
  negotiation: ['谈判', '談判', '洽谈', '洽談', '商务谈判', 'negotiating'],
  won: ['赢单', '贏單', '成交', '已成交', '签约', '簽約', '已签约', 'closed won', 'closedwon', 'win'],
  lost: ['输单', '輸單', '丢单', '丟單', '失败', '失敗', '流失', 'closed lost', 'closedlost', 'loss'],
  // Interaction channels.
  phone: ['电话', '電話', 'call', 'telephone'],
  visit: ['拜访', '拜訪', '上门', '上門', '走访'],
  email: ['邮件', '郵件', '电子邮件', '電子郵件', 'e-mail', 'mail'],
  wechat: ['微信', 'weixin'],
  meeting: ['会议', '會議', '见面', '見面'],
  // Interaction types.
  inquiry: ['询价', '詢價', '咨询', '諮詢', 'enquiry'],
  'follow-up': ['跟进', '跟進', '回访', '回訪', 'followup', 'follow up'],
  complaint: ['投诉', '投訴'],
  'service-request': ['服务请求', '服務請求', '售后', '售後', 'service', 'service request'],
  care: ['关怀', '關懷', '问候', '問候'],
  // Relationship types (Kotler).
  basic: ['基本型', '基本'],
  passive: ['被动型', '被動型', '被动', '被動'],
  responsible: ['负责型', '負責型', '负责', '負責'],
  proactive: ['能动型', '能動型', '主动型', '主動型', '主动', '主動'],
  partner: ['伙伴型', '夥伴型', '伙伴', '夥伴', 'partnership'],
  // Loyalty types.
  price: ['价格', '價格', '价格型'],
  convenience: ['便利', '便利型'],
  habit: ['习惯', '習慣', '习惯型'],
  attitude: ['态度', '態度', '态度型'],
  functional: ['功能', '功能型'],
};

const CHOICES: Partial<Record<BaseTableName, Record<string, readonly string[]>>> = {
  customers: { relationshipType: RELATIONSHIP_TYPES, loyaltyTypes: LOYALTY_TYPES },
  deals: { stage: DEAL_STAGES },
  interactions: { channel: INTERACTION_CHANNELS, type: INTERACTION_TYPES },
};

/** Message-key prefix of the UI labels of each choice field (`stage.` + key → 成交). */
const LABEL_PREFIX: Readonly<Record<string, string>> = {
  'customers.relationshipType': 'rel.',
  'customers.loyaltyTypes': 'loyalty.',
  'deals.stage': 'stage.',
  'interactions.channel': 'channel.',
  'interactions.type': 'itype.',
};
const LANGUAGES: readonly HeaderLanguage[] = ['zh-CN', 'zh-TW', 'en'];
/**
 * The UI dictionaries that hold these labels (the core one and the sheet columns'), not the merged
 * DICTIONARIES: this module also runs in the import worker, which need not load every UI string.
 */
const LABELS: Record<HeaderLanguage, Readonly<Record<string, string>>> = {
  en: { ...en, ...sheetColumnMessages.en },
  'zh-CN': { ...zhCN, ...sheetColumnMessages['zh-CN'] },
  'zh-TW': { ...zhTW, ...sheetColumnMessages['zh-TW'] },
};

/**
 * The label of a stored choice key in a UI language, as the sheet shows it; the key itself when the
 * field has no labels. Example: `choiceLabel('deals', 'stage', 'won', 'zh-CN')` → `'成交'`.
 */
export function choiceLabel(
  table: BaseTableName,
  field: string,
  key: string,
  language: HeaderLanguage,
): string {
  const prefix = LABEL_PREFIX[`${table}.${field}`];
  if (prefix === undefined || key === '') return key;
  return LABELS[language][`${prefix}${key}`] ?? key;
}

/** 是 / 否, Yes / No in a UI language. Example: `boolLabel(false, 'zh-TW')` → `'否'`. */
export function boolLabel(value: boolean, language: HeaderLanguage): string {
  return LABELS[language][value ? 'common.yes' : 'common.no'] ?? String(value);
}

/** The separator of list members in a written cell: 、 in Chinese, `; ` in English. */
export function listSeparator(language: HeaderLanguage): string {
  return language === 'en' ? '; ' : '、';
}

const norm = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

const tables = new Map<string, Map<string, string>>();

function choiceTable(table: BaseTableName, field: string): Map<string, string> {
  const id = `${table}.${field}`;
  const cached = tables.get(id);
  if (cached) return cached;
  const map = new Map<string, string>();
  const keys = CHOICES[table]?.[field] ?? [];
  // Keys first, then the UI labels, then synonyms: a synonym never takes a label's place.
  for (const key of keys) map.set(norm(key), key);
  for (const language of LANGUAGES)
    for (const key of keys) {
      const label = norm(choiceLabel(table, field, key, language));
      if (!map.has(label)) map.set(label, key);
    }
  for (const key of keys)
    for (const alias of ALIASES[key] ?? []) if (!map.has(norm(alias))) map.set(norm(alias), key);
  tables.set(id, map);
  return map;
}

/** The stored key of a choice cell; `''` stays `''`; null when the text names no choice. */
export function parseChoice(table: BaseTableName, field: string, text: string): string | null {
  const n = norm(text);
  if (n === '') return '';
  return choiceTable(table, field).get(n) ?? null;
}

/** The stored keys of a list cell, or null when a member names no choice. */
export function parseChoiceList(table: BaseTableName, field: string, text: string): string[] | null {
  const parts = text
    .split(/[;,、|\n]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const out: string[] = [];
  for (const part of parts) {
    const key = parseChoice(table, field, part);
    if (key === null || key === '') return null;
    if (!out.includes(key)) out.push(key);
  }
  return out;
}

const TRUE = new Set(['是', 'yes', 'y', 'true', '1', '✓', '✔', '√', '对', '對', 'x']);
const FALSE = new Set(['否', 'no', 'n', 'false', '0', '', '✗', '×', '不']);

/** A boolean cell; null when it is neither a yes nor a no. */
export function parseBool(text: string): boolean | null {
  const n = norm(text);
  if (TRUE.has(n)) return true;
  if (FALSE.has(n)) return false;
  return null;
}
