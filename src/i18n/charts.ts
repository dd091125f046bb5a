/** Strings of the chart panel (src/ui/charts), shared by every chart. */
import { defineMessages } from './define';

export const charts = defineMessages(
  {
    'chart.viewChart': 'Chart',
    'chart.viewTable': 'Table',
    'chart.downloadPng': 'Download PNG',
    'chart.loading': 'Loading the chart…',
    'chart.loadFailed': 'The chart could not be loaded. The table view has the same numbers.',
  },
  {
    'chart.viewChart': '图表',
    'chart.viewTable': '表格',
    'chart.downloadPng': '下载 PNG',
    'chart.loading': '正在加载图表…',
    'chart.loadFailed': '图表无法加载。表格视图中有相同的数字。',
  },
  {
    'chart.viewChart': '圖表',
    'chart.viewTable': '表格',
    'chart.downloadPng': '下載 PNG',
    'chart.loading': '正在載入圖表…',
    'chart.loadFailed': '圖表無法載入。表格檢視中有相同的數字。',
  },
);
