import type { Language } from '../domain/settings';
import { analyticsMessages as value } from './analytics';
import { analyticsExplainMessages as valueWhy } from './analytics-explain';
import { en as coreEn } from './en';
import { zhCN as coreZhCN } from './zh-CN';
import { zhTW as coreZhTW } from './zh-TW';

// Feature dictionaries (src/i18n/<feature>.ts, made with defineMessages) are spread in here.
const en = { ...coreEn, ...value.en, ...valueWhy.en };

export type MessageKey = keyof typeof en;

export const DICTIONARIES: Record<Language, Record<MessageKey, string>> = {
  en,
  'zh-CN': { ...coreZhCN, ...value['zh-CN'], ...valueWhy['zh-CN'] },
  'zh-TW': { ...coreZhTW, ...value['zh-TW'], ...valueWhy['zh-TW'] },
};
