import type { Language } from '../domain/settings';
import { en as coreEn } from './en';
import { sheetColumnMessages } from './sheet-columns';
import { sheetsMessages } from './sheets';
import { zhCN as coreZhCN } from './zh-CN';
import { zhTW as coreZhTW } from './zh-TW';

// Feature dictionaries (src/i18n/<feature>.ts, made with defineMessages) are spread in here.
const en = { ...coreEn, ...sheetsMessages.en, ...sheetColumnMessages.en };

export type MessageKey = keyof typeof en;

export const DICTIONARIES: Record<Language, Record<MessageKey, string>> = {
  en,
  'zh-CN': { ...coreZhCN, ...sheetsMessages['zh-CN'], ...sheetColumnMessages['zh-CN'] },
  'zh-TW': { ...coreZhTW, ...sheetsMessages['zh-TW'], ...sheetColumnMessages['zh-TW'] },
};
