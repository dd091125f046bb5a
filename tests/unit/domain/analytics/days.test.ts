import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analysisWindow, dayOf, isoOf, isoOrEmpty, NO_DAY } from '../../../../src/domain/analytics/days';

describe('dayOf / isoOf', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-02-29', 11_016],
    ['2025-06-30', 20_269],
  ])('%s is day %i and back', (iso, day) => {
    expect(dayOf(iso)).toBe(day);
    expect(isoOf(day)).toBe(iso);
  });

  it('agrees with Date.UTC over four centuries', () => {
    for (let day = -150_000; day < 150_000; day += 37) {
      expect(dayOf(isoOf(day))).toBe(day);
    }
  });

  it.each(['', '2025-6-30', '2025/06/30', '2025-13-01', '2025-00-10', 'abcd-ef-gh'])('%j is no day', (iso) =>
    expect(dayOf(iso)).toBe(NO_DAY),
  );
});

describe('analysisWindow', () => {
  it.each([
    ['2025-06-30', 12, '2024-07-01'],
    ['2025-01-15', 12, '2024-01-16'],
    ['2024-02-29', 12, '2023-03-01'],
    ['2025-03-31', 1, '2025-03-01'],
    ['2025-03-31', 6, '2024-10-01'],
  ])('today %s, %i months → starts %s', (today, months, start) => {
    const w = analysisWindow(today, months);
    expect(w.start).toBe(start);
    expect(w.end).toBe(today);
    expect(w.startDay).toBe(dayOf(start));
  });

  it('rejects a bad date', () => {
    expect(() => analysisWindow('30/06/2025', 12)).toThrow(RangeError);
  });
});

describe('isoOrEmpty', () => {
  it('reads back every stored date from its day number, and no date as no date', () => {
    expect(isoOrEmpty(dayOf(''))).toBe('');
    expect(isoOrEmpty(NO_DAY)).toBe('');
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0100-01-01T00:00:00Z'),
          max: new Date('9999-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          expect(isoOrEmpty(dayOf(iso))).toBe(iso);
        },
      ),
    );
  });
});
