/**
 * Chart.js with only the parts the app's charts use, registered once. Imported only through
 * `loadChartJs` (a dynamic import), so Chart.js stays out of the initial bundle. A new chart type
 * registers its controller and elements here.
 */
import {
  BarController,
  BarElement,
  BubbleController,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  Tooltip,
} from 'chart.js';
import { whiteBackground } from './plugins';

Chart.register(
  BubbleController,
  BarController,
  LineController,
  PointElement,
  BarElement,
  LineElement,
  LinearScale,
  CategoryScale,
  LogarithmicScale,
  Tooltip,
  Legend,
  whiteBackground,
);
Chart.defaults.font.family =
  "system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";
Chart.defaults.color = '#1d2733';

export { Chart };
