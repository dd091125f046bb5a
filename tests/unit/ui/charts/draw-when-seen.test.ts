import { describe, expect, it } from 'vitest';
import {
  drawWhenSeen,
  isNearViewport,
  NEAR_PX,
  type SeenEnv,
} from '../../../../src/ui/charts/draw-when-seen';

/** A box at `top` (px from the viewport's top), `height` high; not displayed when `displayed` is false. */
function box(top: number, height = 300, displayed = true): Element {
  return {
    getClientRects: () => (displayed ? [{}] : []),
    getBoundingClientRect: () => ({ top, bottom: top + height }),
  } as unknown as Element;
}

/** An environment whose "scroll" the test triggers by calling `near()`. */
function env(viewport = 720) {
  const watched: { near: () => void; stopped: boolean }[] = [];
  const seen: SeenEnv = {
    viewportHeight: () => viewport,
    watch(_el, near) {
      const entry = { near, stopped: false };
      watched.push(entry);
      return () => (entry.stopped = true);
    },
  };
  return { seen, watched };
}

describe('isNearViewport', () => {
  it.each([
    [0, 300, true, true, 'on screen'],
    [719, 300, true, true, 'its top edge on screen'],
    [720 + NEAR_PX - 1, 300, true, true, 'just within the margin below'],
    [720 + NEAR_PX, 300, true, false, 'at the margin below'],
    [2000, 300, true, false, 'far below'],
    [-300 - NEAR_PX + 1, 300, true, true, 'just within the margin above'],
    [-300 - NEAR_PX, 300, true, false, 'scrolled past'],
    [0, 300, false, false, 'not displayed'],
  ])('top %i, height %i, displayed %s → %s (%s)', (top, height, displayed, expected) => {
    expect(isNearViewport(box(top, height, displayed), 720)).toBe(expected);
  });
});

describe('drawWhenSeen', () => {
  it('draws a chart on screen at once, without watching it', () => {
    const { seen, watched } = env();
    let draws = 0;
    drawWhenSeen(box(100), () => draws++, seen);
    expect(draws).toBe(1);
    expect(watched).toHaveLength(0);
  });

  it('draws a chart below the fold once, when it comes near, and stops watching', () => {
    const { seen, watched } = env();
    let draws = 0;
    drawWhenSeen(box(1500), () => draws++, seen);
    expect(draws).toBe(0);
    expect(watched).toHaveLength(1);
    watched[0]!.near();
    watched[0]!.near();
    expect(draws).toBe(1);
    expect(watched[0]!.stopped).toBe(true);
  });

  it('never draws a chart whose wait was cancelled (new figures or the dashboard closed)', () => {
    const { seen, watched } = env();
    let draws = 0;
    const cancel = drawWhenSeen(box(1500), () => draws++, seen);
    cancel();
    expect(watched[0]!.stopped).toBe(true);
    watched[0]!.near();
    expect(draws).toBe(0);
  });

  it('waits for a box that is not displayed (table view open) even when it is at the top', () => {
    const { seen, watched } = env();
    let draws = 0;
    drawWhenSeen(box(0, 300, false), () => draws++, seen);
    expect(draws).toBe(0);
    watched[0]!.near();
    expect(draws).toBe(1);
  });
});
