/**
 * PNG download of a chart: the chart is drawn again on a detached canvas of a fixed size, so the file
 * looks the same whatever the window size, and works while the chart is hidden behind its table view.
 */
import type { Chart, ChartConfiguration, Plugin } from 'chart.js';
import { haloText } from './plugins';

export const PNG_SIZE = { width: 1200, height: 800 } as const;

/** Safe file name: keeps letters (any script), digits, dash and underscore. */
export function pngFileName(base: string): string {
  const clean = base.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '');
  return `${clean || 'chart'}.png`;
}

const TITLE_SPACE = 40;

/** The chart's title at the top of the image (a PNG travels without the page around it). */
function titlePlugin(title: string): Plugin {
  return {
    id: 'kehuPngTitle',
    afterDraw(chart: Chart) {
      haloText(chart.ctx, title, chart.width / 2, 12, {
        font: '700 18px sans-serif',
        color: '#1d2733',
        baseline: 'top',
      });
    },
  };
}

export async function downloadChartPng(
  ChartJs: typeof Chart,
  config: ChartConfiguration,
  fileName: string,
  title: string,
): Promise<void> {
  const canvas = document.createElement('canvas');
  canvas.width = PNG_SIZE.width;
  canvas.height = PNG_SIZE.height;
  const chart = new ChartJs(canvas, {
    ...config,
    options: {
      ...config.options,
      responsive: false,
      animation: false,
      devicePixelRatio: 1,
      layout: { padding: { top: TITLE_SPACE, right: 16, bottom: 8, left: 8 } },
    },
    plugins: [...(config.plugins ?? []), titlePlugin(title)],
  });
  try {
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The chart could not be turned into a PNG');
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = pngFileName(fileName);
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } finally {
    chart.destroy();
  }
}
