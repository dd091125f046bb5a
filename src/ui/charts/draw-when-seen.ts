/**
 * When a chart is drawn. Creating a Chart.js chart costs tens of milliseconds of main-thread work, and
 * a dashboard holds several, most of them below the fold. So a chart on screen (or about to be) is
 * drawn at once, in the same task as the rest of the dashboard, and one further down is drawn when it
 * scrolls near the viewport: the person sees what is on screen drawn as soon as the data is there,
 * and a chart they never scroll to costs nothing. A chart whose box is not displayed (its table view
 * is open) waits until it is shown again.
 */

/** How far (px) outside the viewport a chart counts as about to be seen. */
export const NEAR_PX = 200;

/** What the scheduler needs from the browser; passed in so that a unit test can drive it. */
export interface SeenEnv {
  viewportHeight(): number;
  /** Calls `near` when `el` comes within NEAR_PX of the viewport; returns a function that stops watching. */
  watch(el: Element, near: () => void): () => void;
}

export const browserEnv: SeenEnv = {
  viewportHeight: () => window.innerHeight,
  watch(el, near) {
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) near();
      },
      { rootMargin: `${NEAR_PX}px 0px` },
    );
    observer.observe(el);
    return () => observer.disconnect();
  },
};

/** True when `el` is displayed and its box reaches within NEAR_PX of the viewport. */
export function isNearViewport(el: Element, viewportHeight: number): boolean {
  if (el.getClientRects().length === 0) return false;
  const { top, bottom } = el.getBoundingClientRect();
  return top < viewportHeight + NEAR_PX && bottom > -NEAR_PX;
}

/**
 * Runs `draw` now if `el` is near the viewport, otherwise once when it comes near. Returns a function
 * that cancels a draw still waiting.
 */
export function drawWhenSeen(el: Element, draw: () => void, env: SeenEnv = browserEnv): () => void {
  if (isNearViewport(el, env.viewportHeight())) {
    draw();
    return () => {};
  }
  let done = false;
  const stop = env.watch(el, () => {
    if (done) return;
    done = true;
    stop();
    draw();
  });
  return () => {
    done = true;
    stop();
  };
}
