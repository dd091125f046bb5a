/** Strings of a sheet column's filter by value (the list of its values with boxes to tick). */
import { defineMessages } from './define';

export const valueFilterMessages = defineMessages(
  {
    'valueFilter.search': 'Search values',
    'valueFilter.searchPlaceholder': 'Search…',
    'valueFilter.selectAll': '(Select all)',
    'valueFilter.selectAllFound': '(Select all found)',
    'valueFilter.blank': '(Blanks)',
    'valueFilter.none': 'No value matches.',
    'valueFilter.list': 'Values of {column}',
    'valueFilter.more': '{count} more values: type to narrow the list.',
    'valueFilter.count': '{count} rows',
  },
  {
    'valueFilter.search': '搜索值',
    'valueFilter.searchPlaceholder': '搜索…',
    'valueFilter.selectAll': '（全选）',
    'valueFilter.selectAllFound': '（选择全部搜索结果）',
    'valueFilter.blank': '（空白）',
    'valueFilter.none': '没有匹配的值。',
    'valueFilter.list': '{column}的值',
    'valueFilter.more': '还有 {count} 个值：输入文字缩小范围。',
    'valueFilter.count': '{count} 行',
  },
  {
    'valueFilter.search': '搜尋值',
    'valueFilter.searchPlaceholder': '搜尋…',
    'valueFilter.selectAll': '（全選）',
    'valueFilter.selectAllFound': '（選取全部搜尋結果）',
    'valueFilter.blank': '（空白）',
    'valueFilter.none': '沒有相符的值。',
    'valueFilter.list': '{column}的值',
    'valueFilter.more': '還有 {count} 個值：輸入文字縮小範圍。',
    'valueFilter.count': '{count} 列',
  },
);
