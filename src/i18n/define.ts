/**
 * A feature's UI strings in the three languages. English fixes the key set; the Chinese
 * dictionaries must have exactly the same keys (the type checker enforces it).
 * Each feature keeps its strings in its own file (`src/i18n/<feature>.ts`), merged in
 * `dictionaries.ts`, so features can grow without editing one shared file.
 */
export interface FeatureMessages<E extends Record<string, string>> {
  en: E;
  'zh-CN': Record<keyof E, string>;
  'zh-TW': Record<keyof E, string>;
}

export function defineMessages<const E extends Record<string, string>>(
  en: E,
  zhCN: Record<keyof E, string>,
  zhTW: Record<keyof E, string>,
): FeatureMessages<E> {
  return { en, 'zh-CN': zhCN, 'zh-TW': zhTW };
}
