import type { Language } from '../domain/settings';
import { en as coreEn } from './en';
import { zhCN as coreZhCN } from './zh-CN';
import { zhTW as coreZhTW } from './zh-TW';
import { charts } from './charts';
import { portfolio } from './portfolio';
import { rating } from './rating';

// Feature dictionaries (src/i18n/<feature>.ts, made with defineMessages) are spread in here.
const en = { ...coreEn, ...charts.en, ...rating.en, ...portfolio.en };

export type MessageKey = keyof typeof en;

export const DICTIONARIES: Record<Language, Record<MessageKey, string>> = {
  en,
  'zh-CN': { ...coreZhCN, ...charts['zh-CN'], ...rating['zh-CN'], ...portfolio['zh-CN'] },
  'zh-TW': { ...coreZhTW, ...charts['zh-TW'], ...rating['zh-TW'], ...portfolio['zh-TW'] },
};
