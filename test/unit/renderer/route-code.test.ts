/**
 * A session's analysis tab entered from outside (a link, a reload, the
 * app's start) asks for the views' chunk with the session page's own, not
 * once the page has arrived and mounted: one round of chunk requests instead
 * of two before the heatmap can draw (issue 13). The review and audit tabs,
 * which do not show the views, do not download them.
 */
import { describe, expect, it, vi } from 'vitest';

const loaded = vi.hoisted(() => ({ views: 0, page: 0 }));
vi.mock('../../../renderer/features/calibration/views', () => {
  loaded.views += 1;
  return {};
});
vi.mock('../../../renderer/features/calibration/calibration-view', () => {
  loaded.page += 1;
  return { CalibrationView: () => null };
});

import { parseHash } from '../../../renderer/app/routes';
import { preloadRoute } from '../../../renderer/app/sections';

describe("a route's code, asked for at route entry", () => {
  it('is the session page alone for the review, the audit trail and the new-session form', async () => {
    await preloadRoute(parseHash('#/calibration/s1'));
    await preloadRoute(parseHash('#/calibration/s1/audit'));
    await preloadRoute(parseHash('#/calibration/new'));
    await preloadRoute(parseHash('#/calibration/s1/not-a-tab'));
    expect(loaded).toEqual({ views: 0, page: 1 });
  });

  it("is the session page and the analysis views' chunk for an analysis tab", async () => {
    await preloadRoute(parseHash('#/calibration/s1/levels'));
    expect(loaded).toEqual({ views: 1, page: 1 });
  });
});
