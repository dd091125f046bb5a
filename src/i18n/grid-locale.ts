/**
 * AG Grid's own interface texts (filter menus, the empty-sheet overlay) in the Chinese UI languages,
 * keyed by AG Grid's locale keys. English is AG Grid's built-in default.
 */
import type { Language } from '../domain/settings';

const zhCN: Record<string, string> = {
  noRowsToShow: '没有行',
  loadingOoo: '加载中…',
  filterOoo: '筛选…',
  equals: '等于',
  notEqual: '不等于',
  blank: '为空',
  notBlank: '不为空',
  empty: '请选择',
  lessThan: '小于',
  greaterThan: '大于',
  lessThanOrEqual: '小于等于',
  greaterThanOrEqual: '大于等于',
  inRange: '介于',
  inRangeStart: '从',
  inRangeEnd: '到',
  contains: '包含',
  notContains: '不包含',
  startsWith: '开头是',
  endsWith: '结尾是',
  before: '早于',
  after: '晚于',
  andCondition: '且',
  orCondition: '或',
  applyFilter: '应用',
  resetFilter: '重置',
  clearFilter: '清除',
  cancelFilter: '取消',
  dateFormatOoo: 'yyyy-mm-dd',
  ariaFilterValue: '筛选值',
  ariaRowSelect: '按空格键选择此行',
  ariaRowDeselect: '按空格键取消选择此行',
  ariaRowSelectAll: '按空格键全选',
  selectAll: '全选',
};

const zhTW: Record<string, string> = {
  ...zhCN,
  noRowsToShow: '沒有列',
  loadingOoo: '載入中…',
  filterOoo: '篩選…',
  blank: '為空',
  notBlank: '不為空',
  empty: '請選擇',
  lessThanOrEqual: '小於等於',
  greaterThanOrEqual: '大於等於',
  lessThan: '小於',
  greaterThan: '大於',
  inRange: '介於',
  startsWith: '開頭是',
  endsWith: '結尾是',
  applyFilter: '套用',
  resetFilter: '重設',
  clearFilter: '清除',
  ariaFilterValue: '篩選值',
  ariaRowSelect: '按空白鍵選取此列',
  ariaRowDeselect: '按空白鍵取消選取此列',
  ariaRowSelectAll: '按空白鍵全選',
  selectAll: '全選',
};

export function gridLocaleText(language: Language): Record<string, string> | undefined {
  if (language === 'zh-CN') return zhCN;
  if (language === 'zh-TW') return zhTW;
  return undefined;
}
