// `npm run bench`: the time between two performance marks of a webview's page, read in that page.
import type { FrameLocator } from 'playwright-core';

/** Waits for the page's `end` mark and returns `start` → `end` and the `turns` the end mark's detail carries. */
export function markSpan(frame: FrameLocator, start: string, end: string): Promise<{ ms: number; turns: number }> {
  return frame.locator('body').evaluate(
    async (_body, names) => {
      // No named functions in here: the bench's compiler would wrap them in a helper the page lacks.
      let last = performance.getEntriesByName(names.end)[0];
      while (!last) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        last = performance.getEntriesByName(names.end)[0];
      }
      const first = performance.getEntriesByName(names.start)[0];
      return { ms: last.startTime - (first?.startTime ?? Number.NaN), turns: ((last as PerformanceMark).detail as { turns: number }).turns };
    },
    { start, end },
  );
}
