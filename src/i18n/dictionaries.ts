import type { Language } from '../domain/settings';
import { en as coreEn } from './en';
import { zhCN as coreZhCN } from './zh-CN';
import { zhTW as coreZhTW } from './zh-TW';
import { importExportMessages as io } from './import-export';

// Feature dictionaries (src/i18n/<feature>.ts, made with defineMessages) are spread in here.
const en = { ...coreEn, ...io.en };

export type MessageKey = keyof typeof en;

export const DICTIONARIES: Record<Language, Record<MessageKey, string>> = {
  en,
  'zh-CN': { ...coreZhCN, ...io['zh-CN'] },
  'zh-TW': { ...coreZhTW, ...io['zh-TW'] },
};
