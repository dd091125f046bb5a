/**
 * Chart.js configuration of the GE / McKinsey matrix: x = business strength (5 strong on the left →
 * 1 weak on the right), y = market attractiveness (1 … 5), the nine cells painted in their zone's
 * colour with the cut lines at 2.33 and 3.67, bubbles sized by market size (radius ∝ √size; a line
 * without a market size gets the smallest bubble), each labelled with its name (canvas text).
 */
import type { ChartConfiguration, Plugin, Scale } from 'chart.js';
import { GE_CUTS, geLevel, geZone, type GeZone } from '../../domain/portfolio/ge';
import { haloText, pointLabels } from '../charts/plugins';
import { bubbleRadius } from './bcg-chart';

export interface GePoint {
  name: string;
  attractiveness: number;
  strength: number;
  marketSize: number | null;
  zone: GeZone;
}

export interface GeText {
  x: string;
  y: string;
  zones: Record<GeZone, string>;
  tooltip: (p: GePoint) => string;
}

export const ZONE_FILL: Record<GeZone, string> = {
  invest: '#dcefe2',
  selectivity: '#fdf1c7',
  harvest: '#f8dedb',
};
export const ZONE_INK: Record<GeZone, string> = {
  invest: '#1e7a45',
  selectivity: '#8a5a00',
  harvest: '#b42318',
};

const BOUNDS = [1, GE_CUTS.low, GE_CUTS.high, 5];

function zonesFrame(text: GeText): Plugin<'bubble'> {
  return {
    id: 'kehuGeFrame',
    beforeDatasetsDraw(chart) {
      const { ctx, scales } = chart;
      const xs = scales.x as Scale;
      const ys = scales.y as Scale;
      ctx.save();
      for (let a = 0; a < 3; a++) {
        for (let s = 0; s < 3; s++) {
          const mid = (k: number) => ((BOUNDS[k] ?? 1) + (BOUNDS[k + 1] ?? 5)) / 2;
          const zone = geZone(geLevel(mid(a)), geLevel(mid(s)));
          const x1 = xs.getPixelForValue(BOUNDS[s] ?? 1);
          const x2 = xs.getPixelForValue(BOUNDS[s + 1] ?? 5);
          const y1 = ys.getPixelForValue(BOUNDS[a + 1] ?? 5);
          const y2 = ys.getPixelForValue(BOUNDS[a] ?? 1);
          ctx.fillStyle = ZONE_FILL[zone];
          ctx.fillRect(Math.min(x1, x2), y1, Math.abs(x2 - x1), y2 - y1);
          ctx.strokeStyle = '#ffffff';
          ctx.lineWidth = 2;
          ctx.strokeRect(Math.min(x1, x2), y1, Math.abs(x2 - x1), y2 - y1);
        }
      }
      ctx.restore();
      // Zone names in three corner cells: invest top-left, selectivity top-right, harvest bottom-right.
      const font = '700 13px sans-serif';
      const pad = 6;
      const top = ys.getPixelForValue(5) + pad;
      const bottom = ys.getPixelForValue(1) - pad;
      const left = xs.getPixelForValue(5) + pad;
      const right = xs.getPixelForValue(1) - pad;
      haloText(ctx, text.zones.invest, left, top, {
        font,
        color: ZONE_INK.invest,
        align: 'left',
        baseline: 'top',
      });
      haloText(ctx, text.zones.selectivity, right, top, {
        font,
        color: ZONE_INK.selectivity,
        align: 'right',
        baseline: 'top',
      });
      haloText(ctx, text.zones.harvest, right, bottom, {
        font,
        color: ZONE_INK.harvest,
        align: 'right',
        baseline: 'bottom',
      });
    },
  };
}

export function geChartConfig(points: readonly GePoint[], text: GeText): ChartConfiguration<'bubble'> {
  const largest = Math.max(0, ...points.map((p) => p.marketSize ?? 0));
  return {
    type: 'bubble',
    data: {
      datasets: [
        {
          label: text.y,
          data: points.map((p) => ({
            x: p.strength,
            y: p.attractiveness,
            r: p.marketSize === null ? 6 : bubbleRadius(p.marketSize, largest),
          })),
          backgroundColor: points.map((p) => `${ZONE_INK[p.zone]}55`),
          borderColor: points.map((p) => ZONE_INK[p.zone]),
          borderWidth: 2,
        },
      ],
    },
    options: {
      layout: { padding: { top: 8, right: 16, bottom: 4, left: 4 } },
      scales: {
        x: {
          type: 'linear',
          reverse: true,
          min: 1,
          max: 5,
          title: { display: true, text: text.x, font: { size: 13, weight: 'bold' } },
          afterBuildTicks: (scale) => {
            scale.ticks = [1, GE_CUTS.low, GE_CUTS.high, 5].map((value) => ({ value }));
          },
          ticks: { callback: (value) => String(Number(value)) },
          grid: { display: false },
        },
        y: {
          type: 'linear',
          min: 1,
          max: 5,
          title: { display: true, text: text.y, font: { size: 13, weight: 'bold' } },
          afterBuildTicks: (scale) => {
            scale.ticks = [1, GE_CUTS.low, GE_CUTS.high, 5].map((value) => ({ value }));
          },
          ticks: { callback: (value) => String(Number(value)) },
          grid: { display: false },
        },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item) => {
              const p = points[item.dataIndex];
              return p ? text.tooltip(p) : '';
            },
          },
        },
      },
    },
    plugins: [zonesFrame(text), pointLabels([points.map((p) => p.name)]) as Plugin<'bubble'>],
  };
}
