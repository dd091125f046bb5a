import type { Language } from '../domain/settings';
import { en, type MessageKey } from './en';
import { zhCN } from './zh-CN';
import { zhTW } from './zh-TW';

export type { MessageKey };

export const DICTIONARIES: Record<Language, Record<MessageKey, string>> = {
  en,
  'zh-CN': zhCN,
  'zh-TW': zhTW,
};
