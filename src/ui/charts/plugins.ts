/**
 * Chart.js plugins shared by every chart. Text is drawn on the canvas with `fillText`, so a product or
 * customer name is always shown as text, never parsed as HTML (DESIGN.md §7).
 */
import type { Chart, Plugin } from 'chart.js';

/** Paints the canvas white under the chart, so a downloaded PNG is not transparent. */
export const whiteBackground: Plugin = {
  id: 'kehuWhiteBackground',
  beforeDraw(chart: Chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** Draws text with a white halo so it stays readable over lines and bubbles. */
export function haloText(
  ctx: CanvasRenderingContext2D,
  text: string,
  x: number,
  y: number,
  options: { font: string; color: string; align?: CanvasTextAlign; baseline?: CanvasTextBaseline },
): void {
  ctx.save();
  ctx.font = options.font;
  ctx.textAlign = options.align ?? 'center';
  ctx.textBaseline = options.baseline ?? 'bottom';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 4;
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
  ctx.strokeText(text, x, y);
  ctx.fillStyle = options.color;
  ctx.fillText(text, x, y);
  ctx.restore();
}

/**
 * Labels each point of each dataset with `labels[dataset][index]`, above the point (below it when
 * there is no room at the top of the chart area).
 */
export function pointLabels(labels: readonly (readonly string[])[], font = '600 12px sans-serif'): Plugin {
  return {
    id: 'kehuPointLabels',
    afterDatasetsDraw(chart: Chart) {
      const { ctx, chartArea } = chart;
      labels.forEach((names, d) => {
        const meta = chart.getDatasetMeta(d);
        if (meta.hidden) return;
        meta.data.forEach((element, i) => {
          const text = names[i];
          if (!text) return;
          const { x, y } = element.getProps(['x', 'y'], true) as { x: number; y: number };
          const r = (element.options as { radius?: number } | undefined)?.radius ?? 4;
          const above = y - r - 4 > chartArea.top + 14;
          haloText(ctx, text, x, above ? y - r - 4 : y + r + 4, {
            font,
            color: '#1d2733',
            baseline: above ? 'bottom' : 'top',
          });
        });
      });
    },
  };
}
