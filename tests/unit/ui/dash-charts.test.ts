import { describe, expect, it } from 'vitest';
import { alignedZeroMins, barConfig } from '../../../src/ui/dashboards/dash-charts';

/** The share of an axis [min, max] that lies below zero. */
const belowZero = (min: number, max: number) => -min / (max - min);

describe('alignedZeroMins', () => {
  it.each([
    ['both axes at or above zero', [40, 160], [3e6, 5e5], undefined, undefined],
    ['right axis below zero: the left one is stretched down', [40, 160], [3e6, -5e5], -160 / 6, undefined],
    ['left axis below zero: the right one is stretched down', [-10, 30], [0.2, 0.9], undefined, -0.3],
    ['both below zero by the same share', [-10, 30], [-1, 3], undefined, undefined],
    ['no data', [], [], undefined, undefined],
  ])('%s', (_name, left, right, expectedLeft, expectedRight) => {
    const mins = alignedZeroMins(left, right);
    if (expectedLeft === undefined) expect(mins.left).toBeUndefined();
    else expect(mins.left).toBeCloseTo(expectedLeft, 9);
    if (expectedRight === undefined) expect(mins.right).toBeUndefined();
    else expect(mins.right).toBeCloseTo(expectedRight, 9);
  });

  it('puts both zero lines at the same height', () => {
    const left = [45, 63, 158, 32];
    const right = [3_000_000, 600_000, -100_000, -283_000];
    const { left: min } = alignedZeroMins(left, right);
    expect(belowZero(min as number, 158)).toBeCloseTo(belowZero(-283_000, 3_000_000), 9);
  });
});

describe('barConfig with a second axis', () => {
  it('gives the count axis the minimum that meets the value axis at zero, and no negative count labels', () => {
    const config = barConfig(
      ['A', 'Z'],
      [
        { label: 'Customers', data: [40, 160], colour: '#000' },
        { label: 'Value', data: [3e6, -5e5], colour: '#111', axis: 'y2' },
      ],
      { x: 'Tier', y: 'Customers', y2: 'Value', format: String },
      () => undefined,
    );
    const scales = config.options?.scales as Record<
      string,
      { min?: number; ticks: { callback: (v: number) => string } }
    >;
    expect(scales.y?.min).toBeCloseTo(-160 / 6, 9);
    expect(scales.y2?.min).toBeUndefined();
    expect(scales.y?.ticks.callback(-20)).toBe('');
    expect(scales.y?.ticks.callback(40)).toBe('40');
    expect(scales.y2?.ticks.callback(-500_000)).toBe('-500000');
  });
});
