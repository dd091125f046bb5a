/**
 * Chart.js configuration of the BCG growth–share bubble chart: x = relative market share on a reversed
 * log axis (10× left → 0.1× right), y = market growth in %, split lines, quadrant names, bubble area
 * proportional to our sales (radius ∝ √sales), each bubble labelled with its product line's name
 * (drawn as canvas text).
 */
import type { ChartConfiguration, Plugin, Scale } from 'chart.js';
import { BCG_SHARE_RANGE, clampShare, type BcgQuadrant, type BcgSplits } from '../../domain/portfolio/bcg';
import { haloText, pointLabels } from '../charts/plugins';

export interface BcgPoint {
  name: string;
  relativeShare: number;
  /** Growth as a fraction (0.18 = 18 %). */
  growth: number;
  ourSales: number;
  quadrant: BcgQuadrant;
}

export interface BcgText {
  x: string;
  y: string;
  quadrants: Record<BcgQuadrant, string>;
  tooltip: (p: BcgPoint) => string;
}

export const QUADRANT_COLOURS: Record<BcgQuadrant, string> = {
  star: '#d97706',
  questionMark: '#7c3aed',
  cashCow: '#1f5f8b',
  dog: '#6b7280',
};

const QUADRANTS: readonly BcgQuadrant[] = ['star', 'questionMark', 'cashCow', 'dog'];
const MAX_RADIUS = 40;
const MIN_RADIUS = 5;
const SHARE_TICKS = [0.1, 0.2, 0.5, 1, 2, 5, 10];

/** Bubble radius in px: area ∝ sales, the largest line at MAX_RADIUS (tiny lines at least MIN_RADIUS). */
export function bubbleRadius(value: number, largest: number): number {
  if (!(largest > 0) || !(value > 0)) return MIN_RADIUS;
  return Math.max(MIN_RADIUS, MAX_RADIUS * Math.sqrt(value / largest));
}

/** The y range in %: the points and the split, padded and rounded out to tens. */
function growthRange(points: readonly BcgPoint[], split: number): { min: number; max: number } {
  const values = [...points.map((p) => p.growth * 100), split * 100];
  const min = Math.floor((Math.min(...values) - 8) / 10) * 10;
  const max = Math.ceil((Math.max(...values) + 8) / 10) * 10;
  return { min, max };
}

function splitsAndQuadrants(splits: BcgSplits, text: BcgText): Plugin<'bubble'> {
  return {
    id: 'kehuBcgFrame',
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea: area, scales } = chart;
      const x = (scales.x as Scale).getPixelForValue(splits.shareSplit);
      const y = (scales.y as Scale).getPixelForValue(splits.growthSplit * 100);
      ctx.save();
      ctx.strokeStyle = '#5b6775';
      ctx.lineWidth = 1.5;
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      ctx.moveTo(x, area.top);
      ctx.lineTo(x, area.bottom);
      ctx.moveTo(area.left, y);
      ctx.lineTo(area.right, y);
      ctx.stroke();
      ctx.restore();
      const font = '700 14px sans-serif';
      const pad = 8;
      // High share is on the left (reversed axis): stars top-left, question marks top-right.
      const corners: [BcgQuadrant, number, number, CanvasTextAlign, CanvasTextBaseline][] = [
        ['star', area.left + pad, area.top + pad, 'left', 'top'],
        ['questionMark', area.right - pad, area.top + pad, 'right', 'top'],
        ['cashCow', area.left + pad, area.bottom - pad, 'left', 'bottom'],
        ['dog', area.right - pad, area.bottom - pad, 'right', 'bottom'],
      ];
      for (const [q, cx, cy, align, baseline] of corners) {
        haloText(ctx, text.quadrants[q], cx, cy, { font, color: QUADRANT_COLOURS[q], align, baseline });
      }
    },
  };
}

export function bcgChartConfig(
  points: readonly BcgPoint[],
  splits: BcgSplits,
  text: BcgText,
): ChartConfiguration<'bubble'> {
  const largest = Math.max(0, ...points.map((p) => p.ourSales));
  const byQuadrant = QUADRANTS.map((q) => points.filter((p) => p.quadrant === q));
  const range = growthRange(points, splits.growthSplit);
  return {
    type: 'bubble',
    data: {
      datasets: QUADRANTS.map((q, d) => ({
        label: text.quadrants[q],
        data: (byQuadrant[d] ?? []).map((p) => ({
          x: clampShare(p.relativeShare),
          y: p.growth * 100,
          r: bubbleRadius(p.ourSales, largest),
        })),
        backgroundColor: `${QUADRANT_COLOURS[q]}66`,
        borderColor: QUADRANT_COLOURS[q],
        borderWidth: 2,
      })),
    },
    options: {
      layout: { padding: { top: 8, right: 16, bottom: 4, left: 4 } },
      scales: {
        x: {
          type: 'logarithmic',
          reverse: true,
          min: BCG_SHARE_RANGE.min,
          max: BCG_SHARE_RANGE.max,
          title: { display: true, text: text.x, font: { size: 13, weight: 'bold' } },
          afterBuildTicks: (scale) => {
            scale.ticks = SHARE_TICKS.map((value) => ({ value }));
          },
          ticks: { callback: (value) => `${Number(value)}×` },
          grid: { color: '#e5e9ef' },
        },
        y: {
          type: 'linear',
          min: range.min,
          max: range.max,
          title: { display: true, text: text.y, font: { size: 13, weight: 'bold' } },
          ticks: { callback: (value) => `${Number(value)} %` },
          grid: { color: '#e5e9ef' },
        },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item) => {
              const p = byQuadrant[item.datasetIndex]?.[item.dataIndex];
              return p ? text.tooltip(p) : '';
            },
          },
        },
      },
    },
    plugins: [
      splitsAndQuadrants(splits, text),
      pointLabels(byQuadrant.map((list) => list.map((p) => p.name))) as Plugin<'bubble'>,
    ],
  };
}
