/**
 * Chart.js configurations of the dashboards: bars and lines over categories (months, stages, tiers,
 * bands), the Pareto curve with its tier bands and cut line, and the RFM grid as a bubble heat map.
 * Labels and tooltips are plain strings drawn on the canvas (never HTML). A click on a bar, point or
 * cell calls `onPick(index, dataset)`.
 */
import type { ActiveElement, ChartConfiguration, ChartEvent, Plugin, Scale } from 'chart.js';
import { haloText } from '../charts/plugins';

export const COLOURS = ['#1f5f8b', '#d97706', '#059669', '#b91c1c', '#7c3aed', '#6b7280'] as const;

export interface Series {
  label: string;
  data: number[];
  colour: string;
  type?: 'bar' | 'line';
  /** 'y2' puts the series on a second axis on the right (e.g. a rate beside counts). */
  axis?: 'y' | 'y2';
}

export interface BarText {
  x: string;
  y: string;
  y2?: string;
  /** Formats a value of a series for the tooltip and the axis. */
  format: (value: number, series: number) => string;
  formatAxis?: (value: number) => string;
  formatAxis2?: (value: number) => string;
}

function picker(onPick: (index: number, series: number) => void) {
  return (_event: ChartEvent, elements: ActiveElement[]) => {
    const hit = elements[0];
    if (hit) onPick(hit.index, hit.datasetIndex);
  };
}

/**
 * Where two value axes must start so that their zero lines meet, when one of them goes below zero
 * (e.g. customers per tier beside the tiers' value, which is negative for tier Z). Each axis spans
 * [lo, hi] with lo = min(0, data) and hi = max(0, data); the share of it below zero is f = −lo / (hi − lo).
 * The axis with the smaller share is extended down to min = −F / (1 − F) · hi, F the larger share.
 * Returns no minimum for an axis that needs none (both at or above zero: both start at zero). Chart.js
 * still rounds the other axis's ends to round ticks, so the two zeros meet to within a few pixels.
 *
 * @example alignedZeroMins([40, 160], [3e6, -5e5]) // { left: -160 / 6, right: undefined }
 */
export function alignedZeroMins(
  left: readonly number[],
  right: readonly number[],
): { left: number | undefined; right: number | undefined } {
  const span = (data: readonly number[]) => {
    const lo = Math.min(0, ...data);
    const hi = Math.max(0, ...data);
    return { lo, hi, below: hi - lo > 0 ? -lo / (hi - lo) : 0 };
  };
  const l = span(left);
  const r = span(right);
  const share = Math.max(l.below, r.below);
  if (share === 0 || share >= 1) return { left: undefined, right: undefined };
  const minOf = (a: { below: number; hi: number }) =>
    a.below < share && a.hi > 0 ? (-share / (1 - share)) * a.hi : undefined;
  return { left: minOf(l), right: minOf(r) };
}

/** Bars (and optional lines) over category labels. */
export function barConfig(
  labels: string[],
  series: Series[],
  text: BarText,
  onPick: (index: number, series: number) => void,
  options: { horizontal?: boolean; stacked?: boolean } = {},
): ChartConfiguration {
  const valueAxis = options.horizontal ? 'x' : 'y';
  const hasY2 = series.some((s) => s.axis === 'y2');
  // Two vertical axes share one zero line; an axis stretched below zero labels no negative ticks it
  // has no data for.
  const mins = hasY2
    ? alignedZeroMins(
        series.filter((s) => s.axis !== 'y2').flatMap((s) => s.data),
        series.filter((s) => s.axis === 'y2').flatMap((s) => s.data),
      )
    : { left: undefined, right: undefined };
  const tick = (format: (v: number) => string, stretched: boolean) => (v: number | string) =>
    stretched && Number(v) < 0 ? '' : format(Number(v));
  return {
    type: 'bar',
    data: {
      labels,
      datasets: series.map((s) => ({
        type: s.type ?? 'bar',
        label: s.label,
        data: s.data,
        backgroundColor: s.type === 'line' ? s.colour : `${s.colour}cc`,
        borderColor: s.colour,
        borderWidth: s.type === 'line' ? 2 : 1,
        yAxisID: s.axis === 'y2' ? 'y2' : valueAxis === 'y' ? 'y' : undefined,
        xAxisID: valueAxis === 'x' ? 'x' : undefined,
        pointRadius: 3,
      })),
    } as ChartConfiguration['data'],
    options: {
      indexAxis: options.horizontal ? 'y' : 'x',
      onClick: picker(onPick),
      plugins: {
        legend: { display: series.length > 1 },
        tooltip: {
          callbacks: {
            label: (ctx) => `${ctx.dataset.label ?? ''}: ${text.format(Number(ctx.raw), ctx.datasetIndex)}`,
          },
        },
      },
      scales: {
        [valueAxis === 'y' ? 'x' : 'y']: { title: { display: true, text: text.x }, stacked: options.stacked },
        [valueAxis]: {
          beginAtZero: true,
          min: mins.left,
          stacked: options.stacked,
          title: { display: true, text: text.y },
          ticks: { callback: tick(text.formatAxis ?? String, mins.left !== undefined) },
        },
        ...(hasY2
          ? {
              y2: {
                position: 'right',
                beginAtZero: true,
                min: mins.right,
                grid: { drawOnChartArea: false },
                title: { display: true, text: text.y2 ?? '' },
                ticks: { callback: tick(text.formatAxis2 ?? String, mins.right !== undefined) },
              },
            }
          : {}),
      },
    },
  } as ChartConfiguration;
}

export interface ParetoText {
  x: string;
  y: string;
  curve: string;
  line: string;
  bandLabel: (tier: string) => string;
  percent: (fraction: number) => string;
}

export interface ParetoBandView {
  tier: string;
  from: number;
  to: number;
}

const BAND_FILL: Record<string, string> = {
  A: 'rgba(31, 95, 139, 0.14)',
  B: 'rgba(217, 119, 6, 0.12)',
  C: 'rgba(107, 114, 128, 0.10)',
};

function paretoFrame(bands: readonly ParetoBandView[], cut: number, text: ParetoText): Plugin<'line'> {
  return {
    id: 'kehuParetoFrame',
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea: area, scales } = chart;
      const x = scales.x as Scale;
      const y = scales.y as Scale;
      ctx.save();
      for (const b of bands) {
        const left = x.getPixelForValue(b.from * 100);
        const right = x.getPixelForValue(b.to * 100);
        ctx.fillStyle = BAND_FILL[b.tier] ?? 'transparent';
        ctx.fillRect(left, area.top, right - left, area.bottom - area.top);
        if (right - left > 24) {
          haloText(ctx, text.bandLabel(b.tier), (left + right) / 2, area.bottom - 6, {
            font: '600 12px sans-serif',
            color: '#1d2733',
          });
        }
      }
      const yCut = y.getPixelForValue(cut * 100);
      ctx.strokeStyle = '#b91c1c';
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      ctx.moveTo(area.left, yCut);
      ctx.lineTo(area.right, yCut);
      ctx.stroke();
      ctx.setLineDash([]);
      haloText(ctx, text.line, area.right - 4, yCut - 4, {
        font: '600 12px sans-serif',
        color: '#b91c1c',
        align: 'right',
      });
      ctx.restore();
    },
  };
}

/** The Pareto curve: points in shares (0…1), drawn in % on linear axes. */
export function paretoConfig(
  points: readonly { customerShare: number; valueShare: number }[],
  bands: readonly ParetoBandView[],
  cut: number,
  text: ParetoText,
  onPick: (index: number) => void,
): ChartConfiguration {
  return {
    type: 'line',
    data: {
      datasets: [
        {
          label: text.curve,
          data: points.map((p) => ({ x: p.customerShare * 100, y: p.valueShare * 100 })),
          borderColor: '#1f5f8b',
          backgroundColor: '#1f5f8b',
          pointRadius: 3,
        },
      ],
    },
    options: {
      onClick: picker((i) => onPick(i)),
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (ctx) => {
              const p = ctx.raw as { x: number; y: number };
              return `${text.x}: ${text.percent(p.x / 100)} · ${text.y}: ${text.percent(p.y / 100)}`;
            },
          },
        },
      },
      scales: {
        x: {
          type: 'linear',
          min: 0,
          max: 100,
          title: { display: true, text: text.x },
          ticks: { callback: (v) => `${v} %` },
        },
        y: {
          type: 'linear',
          min: 0,
          max: 100,
          title: { display: true, text: text.y },
          ticks: { callback: (v) => `${v} %` },
        },
      },
    },
    plugins: [paretoFrame(bands, cut, text) as Plugin],
  } as ChartConfiguration;
}

/** Half the side of a square of the RFM grid, in px: fits a cell of the smallest chart drawn (340 px high). */
const CELL_RADIUS = 26;
const integerTicks = {
  stepSize: 1,
  callback: (v: number | string) => (Number.isInteger(Number(v)) ? String(v) : ''),
};

export interface GridCellView {
  r: number;
  f: number;
  weight: number;
  /** Drawn in the middle of the cell. */
  label: string;
  tooltip: string;
}

/** The RFM grid as a heat map: a square per cell, shaded by its weight (count or value). */
export function rfmGridConfig(
  cells: readonly GridCellView[],
  text: { x: string; y: string },
  onPick: (index: number) => void,
): ChartConfiguration {
  const max = Math.max(1, ...cells.map((c) => Math.abs(c.weight)));
  return {
    type: 'bubble',
    data: {
      datasets: [
        {
          label: text.y,
          data: cells.map((c) => ({ x: c.f, y: c.r, r: CELL_RADIUS })),
          pointStyle: 'rect',
          backgroundColor: cells.map(
            (c) => `rgba(31, 95, 139, ${0.08 + 0.85 * (Math.max(0, c.weight) / max)})`,
          ),
          borderColor: '#ffffff',
        },
      ],
    },
    options: {
      onClick: picker((i) => onPick(i)),
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (ctx) => cells[ctx.dataIndex]?.tooltip ?? '' } },
      },
      scales: {
        x: {
          min: 0.5,
          max: 5.5,
          ticks: integerTicks,
          title: { display: true, text: text.x },
          grid: { display: false },
        },
        y: {
          min: 0.5,
          max: 5.5,
          ticks: integerTicks,
          title: { display: true, text: text.y },
          grid: { display: false },
        },
      },
    },
    plugins: [cellLabels(cells) as Plugin],
  } as ChartConfiguration;
}

function cellLabels(cells: readonly GridCellView[]): Plugin<'bubble'> {
  return {
    id: 'kehuCellLabels',
    afterDatasetsDraw(chart) {
      chart.getDatasetMeta(0).data.forEach((element, i) => {
        const text = cells[i]?.label;
        if (!text) return;
        const { x, y } = element.getProps(['x', 'y'], true) as { x: number; y: number };
        haloText(chart.ctx, text, x, y, {
          font: '600 13px sans-serif',
          color: '#1d2733',
          baseline: 'middle',
        });
      });
    },
  };
}
