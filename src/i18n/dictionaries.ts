import type { Language } from '../domain/settings';
import { analyticsMessages } from './analytics';
import { analyticsExplainMessages } from './analytics-explain';
import { charts } from './charts';
import { dashboards } from './dashboards';
import { duplicatesMessages } from './duplicates';
import { en as coreEn, type CoreMessageKey } from './en';
import { followUpMessages } from './follow-up';
import { importExportMessages } from './import-export';
import { importProblemMessages } from './import-problems';
import { periodMessages } from './period';
import { portfolio } from './portfolio';
import { rating } from './rating';
import { settingsFormMessages } from './settings-form';
import { sheetColumnMessages } from './sheet-columns';
import { sheetsMessages } from './sheets';
import { valueFilterMessages } from './value-filter';
import { zhCN as coreZhCN } from './zh-CN';
import { zhTW as coreZhTW } from './zh-TW';

/** Feature dictionaries (src/i18n/<feature>.ts, made with defineMessages): one line each. */
const FEATURES = [
  analyticsMessages,
  analyticsExplainMessages,
  settingsFormMessages,
  charts,
  rating,
  portfolio,
  sheetsMessages,
  sheetColumnMessages,
  importExportMessages,
  importProblemMessages,
  followUpMessages,
  dashboards,
  valueFilterMessages,
  periodMessages,
  duplicatesMessages,
] as const;

type KeysOf<T> = T extends unknown ? keyof T : never;
export type MessageKey = CoreMessageKey | Extract<KeysOf<(typeof FEATURES)[number]['en']>, string>;

function merged(language: Language, core: Record<CoreMessageKey, string>): Record<MessageKey, string> {
  return Object.assign({}, core, ...FEATURES.map((feature) => feature[language])) as Record<
    MessageKey,
    string
  >;
}

export const DICTIONARIES: Record<Language, Record<MessageKey, string>> = {
  en: merged('en', coreEn),
  'zh-CN': merged('zh-CN', coreZhCN),
  'zh-TW': merged('zh-TW', coreZhTW),
};
