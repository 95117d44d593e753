import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumOrSkip } from './support/chromium.ts';
import { useE2e } from './support/fixture.ts';
import { artefactsDir, signIn } from './support/e2e-server.ts';
import { syntheticGraph } from './support/synthetic-graph.ts';

const { path: chromiumPath, available: hasChromium } = chromiumOrSkip();

/** The chain graph of a large outbreak in the browser: drawing, panning, zooming, the table view, both languages. */
describe.runIf(hasChromium)('end-to-end in Chromium: the chain graph of 10,000 cases', () => {
  const e2e = useE2e(chromiumPath);
  const signInAs = (page: Page, username: string, password: string) =>
    signIn(page, e2e.server.url, { username, password });

  it('draws a 10,000-case graph on the canvas, pans and zooms it, lists it as a table, in English too', async () => {
    const graph = syntheticGraph(10_000);
    const admin = await e2e.server.createUser('admin.chains', 'system_admin', '12');
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    // The server's chains answer is replaced by a synthetic one: this is about the client's drawing.
    await page.route(/\/api\/chains(\?|$)/, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(graph) }),
    );
    await signInAs(page, admin.username, admin.password);
    await page.getByTestId('nav-chains').click();
    const canvas = page.getByTestId('chain-canvas');
    await canvas.waitFor();
    expect(await canvas.getAttribute('data-node-count')).toBe('10000');
    expect(await canvas.getAttribute('data-edge-count')).toBe(String(graph.edges.length));

    // Zoom with the button and the wheel, then pan; the time the canvas took to draw the frame
    // after each action is recorded (not asserted: tests never depend on timing).
    const frameAfter = async (act: () => Promise<void>) => {
      await act();
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      return Number(await canvas.getAttribute('data-draw-ms'));
    };
    const box = (await canvas.boundingBox())!;
    const timings = {
      zoomButton: await frameAfter(() => page.getByTestId('chain-zoom-in').click()),
      wheel: await frameAfter(async () => {
        await page.mouse.move(box.x + box.width / 3, box.y + box.height / 3);
        await page.mouse.wheel(0, -400);
      }),
      drag: await frameAfter(async () => {
        await page.mouse.down();
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 10 });
        await page.mouse.up();
      }),
    };
    fs.writeFileSync(path.join(artefactsDir, 'chain-10000-timings.json'), JSON.stringify(timings, null, 2));
    await page.screenshot({ path: path.join(artefactsDir, 'chain-10000-zoomed.png') });
    await page.getByTestId('chain-fit').click();
    await page.getByTestId('chain-colour-classification').click();
    await page.screenshot({ path: path.join(artefactsDir, 'chain-10000-fit.png') });

    // The table shows 500 rows at a time.
    await page.getByTestId('chain-view-table').click();
    await expect.poll(() => page.getByTestId('chain-row-case').count()).toBe(500);
    expect(await page.getByTestId('chain-table').textContent()).toContain('SYN-00000');
    await page.getByTestId('chain-table-more').click();
    await expect.poll(() => page.getByTestId('chain-row-case').count()).toBe(1000);

    // English: labels, legend and stats follow the switch.
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Transmission chains');
    expect(await page.getByTestId('chain-legend').textContent()).toContain('Imported');
    expect(await page.getByTestId('chain-stat-cases').textContent()).toContain('10,000');
    await page.getByTestId('chain-view-graph').click();
    await page.screenshot({ path: path.join(artefactsDir, 'chain-10000-en.png') });
    await context.close();
  });
});
