import { scaleQuantile } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import {
  canvasHistogram,
  cellCentre,
  expectNoDialogOrError,
  legendRows,
  mapIdle,
  openViewer,
  pixelsNear,
  screenshot,
  type TestWindow,
  toPagePoint,
  viewerFixture,
} from './harness.js';

/** Class sizes when `x >= threshold` starts the next class (d3 scaleThreshold, MapLibre step). */
function classCounts(values: readonly number[], thresholds: readonly number[]): number[] {
  const counts = new Array<number>(thresholds.length + 1).fill(0);
  for (const v of values) {
    let c = 0;
    while (c < thresholds.length && v >= thresholds[c]) c++;
    counts[c]++;
  }
  return counts;
}

/**
 * Jenks natural breaks by the textbook O(k n²) dynamic programme (Jenks 1977): independent of the
 * viewer's faster implementation; class starts are the breaks.
 */
function naiveJenks(values: readonly number[], k: number): number[] {
  const x = [...values].sort((a, b) => a - b);
  const n = x.length;
  const s1 = [0];
  const s2 = [0];
  for (const v of x) {
    s1.push(s1[s1.length - 1] + v);
    s2.push(s2[s2.length - 1] + v * v);
  }
  const sse = (i: number, j: number) => {
    const m = j - i + 1;
    const s = s1[j + 1] - s1[i];
    return s2[j + 1] - s2[i] - (s * s) / m;
  };
  let cost = x.map((_, j) => sse(0, j));
  const starts: number[][] = [x.map(() => 0)];
  for (let c = 1; c < k; c++) {
    const next = x.map(() => Number.POSITIVE_INFINITY);
    const start = x.map(() => 0);
    for (let j = c; j < n; j++) {
      for (let i = c; i <= j; i++) {
        const total = cost[i - 1] + sse(i, j);
        if (total < next[j]) {
          next[j] = total;
          start[j] = i;
        }
      }
    }
    starts.push(start);
    cost = next;
  }
  const breaks: number[] = [];
  let end = n - 1;
  for (let c = k - 1; c >= 1; c--) {
    breaks.unshift(x[starts[c][end]]);
    end = starts[c][end] - 1;
  }
  return breaks;
}

/** The viewer's number format for values between 0 and 10 (3 significant digits). */
function threeDigits(value: number): string {
  return Number(value.toPrecision(3)).toString();
}

describe('the viewer on the demo results, in Chromium', () => {
  const viewer = viewerFixture(async (harness) => {
    const page = await harness.newPage();
    const scores = harness.cells.features
      .map((f) => f.properties.score)
      .filter((v): v is number => typeof v === 'number');
    return { page, scores };
  });

  it('opens ?results=results/ offline: cells, zones and organizations load with no remote request', async () => {
    const { harness, page } = await viewer();
    const remote: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (
        !['127.0.0.1', ''].includes(url.hostname) &&
        url.protocol !== 'data:' &&
        url.protocol !== 'blob:'
      )
        remote.push(request.url());
    });
    await openViewer(page, harness);
    await expect
      .poll(() => page.textContent('#status'))
      .toMatch(/1,426 cells, 2 zones, 60 organizations/);
    expect(await page.isHidden('#welcome')).toBe(true);
    expect(remote).toEqual([]);
    await screenshot(page, 'main-priority-score');
    expectNoDialogOrError(harness);
  });

  it('draws the cells in the colours of the legend, and the legend counts the cells of each class', async () => {
    const { harness, page, scores } = await viewer();
    // Opacity 1 so that map pixels are exactly the legend colours.
    await page.evaluate(() => {
      location.hash = location.hash.replace(/score=1,[0-9.]+,/, 'score=1,1,');
    });
    await expect
      .poll(() =>
        page.evaluate(
          () => (window as unknown as TestWindow).hexreachTest.view().layers.score.opacity,
        ),
      )
      .toBe(1);
    await mapIdle(page);

    const expected: Record<string, number[]> = {
      quantile: classCounts(
        scores,
        scaleQuantile<number>().domain(scores).range([0, 1, 2, 3, 4]).quantiles(),
      ),
      equal: (() => {
        const min = Math.min(...scores);
        const max = Math.max(...scores);
        return classCounts(
          scores,
          [1, 2, 3, 4].map((i) => min + ((max - min) * i) / 5),
        );
      })(),
      jenks: classCounts(scores, naiveJenks(scores, 5)),
    };
    for (const method of ['quantile', 'equal', 'jenks']) {
      await page.selectOption('#style-method', method);
      await mapIdle(page);
      const rows = await legendRows(page, 'score');
      expect(
        rows.map((r) => r.count),
        method,
      ).toEqual([...expected[method]].reverse());
      expect(rows.reduce((n, r) => n + r.count, 0)).toBe(harness.cells.features.length);
      const histogram = await canvasHistogram(page);
      for (const row of rows) {
        // A cell at this zoom covers hundreds of pixels; every class with cells must show.
        const pixels = pixelsNear(histogram, row.color);
        if (row.count >= 3)
          expect(pixels, `${method} ${row.label} ${row.color}`).toBeGreaterThan(100);
      }
      await screenshot(page, `legend-${method}`);
    }
    await page.selectOption('#style-method', 'quantile');
  });

  it('shows the Gi* bins hot red and cold blue, with the class counts of summary.json', async () => {
    const { harness, page } = await viewer();
    await page.check('#layer-gi_bin');
    await page.uncheck('#layer-score');
    await page.check(
      'input[aria-label="Edit style and legend of Hotspots (Gi* confidence, FDR-corrected)"]',
    );
    await mapIdle(page);
    const rows = await legendRows(page, 'gi_bin');
    expect(rows.map((r) => r.label)).toEqual([
      'Hot spot, 99 %',
      'Hot spot, 95 %',
      'Hot spot, 90 %',
      'Not significant',
      'Cold spot, 90 %',
      'Cold spot, 95 %',
      'Cold spot, 99 %',
    ]);
    expect(rows[0].color).toBe('#b2182b');
    expect(rows[6].color).toBe('#2166ac');
    const bins = harness.cells.features.map((f) => f.properties.gi_bin);
    expect(rows.map((r) => r.count)).toEqual(
      [3, 2, 1, 0, -1, -2, -3].map((b) => bins.filter((x) => x === b).length),
    );
    expect(await page.textContent('#style-controls')).toMatch(/Fixed classes/);
    await screenshot(page, 'gi-bins');
    await page.uncheck('#layer-gi_bin');
    await page.check('#layer-score');
    await page.check('input[aria-label="Edit style and legend of Priority score"]');
    await mapIdle(page);
  });

  it('shows a cell’s values in a tooltip on hover and its contributions in the side panel on click', async () => {
    const { harness, page } = await viewer();
    const organizations = (await page.evaluate(() =>
      (window as unknown as TestWindow).hexreachTest.map
        .querySourceFeatures('hexreach-organizations')
        .map((f) => (f.geometry as GeoJSON.Point).coordinates),
    )) as [number, number][];
    const legendBox = await page.locator('#legend').boundingBox();
    // A high-scoring cell away from organization symbols, zone labels and the legend.
    const candidates = [...harness.cells.features]
      .filter((f) => typeof f.properties.score === 'number' && f.properties.zone === null)
      .sort((a, b) => (b.properties.score as number) - (a.properties.score as number));
    let chosen: (typeof candidates)[number] | undefined;
    let point = { x: 0, y: 0 };
    for (const cell of candidates) {
      const centre = cellCentre(cell);
      if (
        organizations.some(
          ([lng, lat]) => Math.hypot(lng - centre[0], (lat - centre[1]) * 1.35) < 0.004,
        )
      )
        continue;
      point = await toPagePoint(page, centre);
      if (
        legendBox !== null &&
        point.x < legendBox.x + legendBox.width + 20 &&
        point.y < legendBox.y + legendBox.height + 20
      )
        continue;
      chosen = cell;
      break;
    }
    expect(chosen).toBeDefined();
    const cell = chosen!.properties;
    await page.mouse.move(point.x, point.y);
    const tooltip = page.locator('#tooltip');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    const text = await tooltip.innerText();
    expect(text).toContain(`Cell ${cell.h3}`);
    expect(text).toMatch(
      new RegExp(`Priority score\\s+${threeDigits(cell.score as number).replace('.', '\\.')}`),
    );
    expect(text).toMatch(
      new RegExp(`Need index\\s+${threeDigits(cell.need_index as number).replace('.', '\\.')}`),
    );
    expect(text).toMatch(new RegExp(`Incidents\\s+${cell.incidents}`));
    await screenshot(page, 'hover-tooltip');

    await page.mouse.click(point.x, point.y);
    const details = page.locator('#details .details[data-kind="cell"]');
    await expect.poll(() => details.getAttribute('data-h3')).toBe(cell.h3);
    const bars = await page.$$eval('#details .chart-bar', (rects) =>
      rects.map((r) => ({
        component: r.getAttribute('data-component'),
        width: Number(r.getAttribute('width')),
      })),
    );
    // One bar per component column the cells carry (score_hotspot, score_crime_rate, score_need …).
    const components = Object.keys(cell).filter((c) => c.startsWith('score_'));
    expect(bars).toHaveLength(components.length);
    expect(bars.slice(0, 3).map((b) => b.component)).toEqual(['Hotspot', 'Crime rate', 'Need']);
    // Bars share one 0…1 axis: their lengths are in the ratio of the contributions.
    const values = components.map((c) => (cell[c] as number | null) ?? 0);
    const unit = bars[0].width / values[0];
    for (let i = 0; i < values.length; i++) expect(bars[i].width).toBeCloseTo(values[i] * unit, 3);
    expect(await page.textContent('#details')).toContain(threeDigits(cell.score_need as number));
    await screenshot(page, 'cell-details');
    expectNoDialogOrError(harness);
  });

  it('shows the malicious organization name literally, in tooltip and panel, and runs nothing', async () => {
    const { harness, page } = await viewer();
    const name = 'Youth Center <img src=x onerror=alert(1)>';
    const position = (await page.evaluate((n) => {
      const map = (window as unknown as TestWindow).hexreachTest.map;
      const feature = map
        .querySourceFeatures('hexreach-organizations')
        .find((f) => f.properties.name === n);
      return feature === undefined ? undefined : (feature.geometry as GeoJSON.Point).coordinates;
    }, name)) as [number, number] | undefined;
    expect(position).toBeDefined();
    await page.evaluate((center) => {
      (window as unknown as TestWindow).hexreachTest.map.jumpTo({ center, zoom: 16 });
    }, position!);
    await mapIdle(page);
    const point = await toPagePoint(page, position!);
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => page.locator('#tooltip strong').textContent()).toBe(name);
    await screenshot(page, 'organization-tooltip');
    await page.mouse.click(point.x, point.y);
    await expect.poll(() => page.locator('#details .organization-name').textContent()).toBe(name);
    expect(await page.locator('#details').innerText()).toContain(name);
    // The markup stayed text: no element was created from it, and no handler ran.
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('#details img, #tooltip img').count()).toBe(0);
    await page.waitForTimeout(300);
    await screenshot(page, 'organization-details');
    expectNoDialogOrError(harness);
  });

  it('opens a zone clicked inside it on the map, and a cell there while a cell layer is shown', async () => {
    const { harness, page } = await viewer();
    const zoneCells = harness.cells.features.filter((f) => f.properties.zone === 'Z01');
    const centres = zoneCells.map(cellCentre);
    const middle = [0, 1].map((k) => centres.reduce((sum, c) => sum + c[k], 0) / centres.length);
    await page.evaluate(
      (center) =>
        (window as unknown as TestWindow).hexreachTest.map.jumpTo({
          center: center as [number, number],
          zoom: 13,
        }),
      middle,
    );
    await mapIdle(page);
    const legendBox = await page.locator('#legend').boundingBox();
    const mapBox = await page.locator('#map').boundingBox();
    const organizations = (await page.evaluate(() =>
      (window as unknown as TestWindow).hexreachTest.map
        .querySourceFeatures('hexreach-organizations')
        .map((f) => (f.geometry as GeoJSON.Point).coordinates),
    )) as [number, number][];
    // A cell of the top zone away from organization symbols, its rank label and the legend.
    const inZone = zoneCells.filter((f) => {
      const [lng, lat] = cellCentre(f);
      return !organizations.some(([x, y]) => Math.hypot(x - lng, (y - lat) * 1.35) < 0.004);
    });
    let point: { x: number; y: number } | undefined;
    let cell: (typeof inZone)[number] | undefined;
    const labelBox = await page.locator('.zone-label[data-zone="Z01"]').boundingBox();
    for (const candidate of inZone) {
      const p = await toPagePoint(page, cellCentre(candidate));
      const near = (box: { x: number; y: number; width: number; height: number } | null) =>
        box !== null &&
        p.x > box.x - 15 &&
        p.x < box.x + box.width + 15 &&
        p.y > box.y - 15 &&
        p.y < box.y + box.height + 15;
      const inMap =
        mapBox !== null &&
        p.x > mapBox.x + 60 &&
        p.x < mapBox.x + mapBox.width - 60 &&
        p.y > mapBox.y + 60 &&
        p.y < mapBox.y + mapBox.height - 60;
      if (!inMap || near(legendBox) || near(labelBox)) continue;
      point = p;
      cell = candidate;
      break;
    }
    expect(point).toBeDefined();
    await page.mouse.click(point!.x, point!.y);
    await expect
      .poll(() => page.getAttribute('#details .details', 'data-h3'))
      .toBe(cell!.properties.h3);
    await page.uncheck('#layer-score');
    await mapIdle(page);
    await page.mouse.click(point!.x, point!.y);
    await expect.poll(() => page.getAttribute('#details .details', 'data-zone')).toBe('Z01');
    await page.check('#layer-score');
    await mapIdle(page);
  });

  it('flies to a zone chosen in the ranked list and opens its details', async () => {
    const { harness, page } = await viewer();
    const zone = harness.zones.features[1];
    const id = zone.properties.id as string;
    const ring =
      zone.geometry.type === 'Polygon'
        ? zone.geometry.coordinates[0]
        : zone.geometry.coordinates[0][0];
    const lngs = ring.map((p) => p[0]);
    const lats = ring.map((p) => p[1]);
    await page.evaluate(() =>
      (window as unknown as TestWindow).hexreachTest.map.jumpTo({
        center: [-101.2, 42.45],
        zoom: 10,
      }),
    );
    await mapIdle(page);
    const moved = page.evaluate(
      () =>
        new Promise<void>((resolve) =>
          (window as unknown as TestWindow).hexreachTest.map.once('moveend', () => resolve()),
        ),
    );
    await page.click(`#zones button[data-zone="${id}"]`);
    await moved;
    const camera = await page.evaluate(() => {
      const map = (window as unknown as TestWindow).hexreachTest.map;
      return { ...map.getCenter(), zoom: map.getZoom() };
    });
    expect(camera.lng).toBeGreaterThan(Math.min(...lngs));
    expect(camera.lng).toBeLessThan(Math.max(...lngs));
    expect(camera.lat).toBeGreaterThan(Math.min(...lats));
    expect(camera.lat).toBeLessThan(Math.max(...lats));
    expect(camera.zoom).toBeGreaterThan(11);
    expect(await page.getAttribute(`#zones button[data-zone="${id}"]`, 'aria-pressed')).toBe(
      'true',
    );
    expect(await page.getAttribute('#details .details', 'data-zone')).toBe(id);
    expect(await page.textContent('#details')).toContain(`Zone ${id}`);
    // Named by the demo tracts: the heading has up to three, the table every place.
    const places = zone.properties?.places as string[];
    expect(await page.textContent('#details h3')).toBe(`Zone ${zone.properties?.name}`);
    expect(await page.textContent('#details')).toContain(
      `Places (largest share first)${places.join(', ')}`,
    );
    // The panel explains the zone with the fields zones.geojson carries, text shown as text.
    const props = zone.properties as {
      reasons: string[];
      partners: { name: string; type: string }[];
      incidentsByStep: { start: string; incidents: number }[];
      trend: string;
      jointClass: string;
      robustness: { label: string };
    };
    expect(props.partners.map((p) => p.name)).toContain(
      'Youth Center <img src=x onerror=alert(1)>',
    );
    expect(
      await page.$$eval('#details .zone-reasons li', (lis) => lis.map((l) => l.textContent)),
    ).toEqual(props.reasons);
    expect(
      await page.$$eval('#details .partner-table tbody tr', (rows) =>
        rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)),
      ),
    ).toEqual(
      props.partners.map((p) => [p.name, p.type, expect.stringMatching(/^\d+ m$|^\d+\.\d km$/)]),
    );
    expect(await page.$$('#details .partner-table img')).toHaveLength(0);
    const chart = await page.$eval('#details svg.incident-chart', (svg) => ({
      bars: [...svg.querySelectorAll('rect.incident-bar')].map((r) => r.getAttribute('data-start')),
      title: svg.querySelector(':scope > title')?.textContent ?? '',
      label: svg.getAttribute('aria-label') ?? '',
      text: [...svg.querySelectorAll(':scope > text')].map((t) => t.textContent),
    }));
    expect(chart.bars).toEqual(props.incidentsByStep.map((s) => s.start));
    const first = props.incidentsByStep[0].start;
    const last = props.incidentsByStep[props.incidentsByStep.length - 1].start;
    expect(chart.text).toContain(first);
    expect(chart.text).toContain(last);
    expect(chart.title).toContain(`zone ${id}`);
    expect(chart.label).toBe(chart.title);
    expect(await page.textContent('#details .zone-trend')).toBe(props.trend);
    const details = await page.textContent('#details');
    expect(details).toContain(props.jointClass);
    expect(details).toContain(props.robustness.label);
    // In reading order: reasons, robustness and classes, partners, the chart and its trend.
    const order = await page.$$eval('#details .details > *', (children) =>
      children.map((c) => c.getAttribute('class') ?? ''),
    );
    const positions = [
      'zone-reasons',
      'details-table',
      'partner-table',
      'incident-chart-box',
      'zone-trend',
    ].map((c) => order.indexOf(c));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#map=\d+\.\d{2}\//);
    await mapIdle(page);
    await screenshot(page, 'zone-selected');
    await page.$eval('#details .zone-trend', (p) => p.scrollIntoView({ block: 'end' }));
    await screenshot(page, 'zone-selected-chart');
    expectNoDialogOrError(harness);
  });

  it('restores the active layer, classification, opacity and map position from the URL hash', async () => {
    const { harness } = await viewer();
    const fresh = await harness.newPage();
    await openViewer(
      fresh,
      harness,
      '#map=13.00/42.33000/-101.36000&active=need_index&need_index=1,0.6,jenks,4,magma&score=0,0.85,quantile,5,viridis',
    );
    const state = await fresh.evaluate(() => {
      const hooks = (window as unknown as TestWindow).hexreachTest;
      return { view: hooks.view(), zoom: hooks.map.getZoom(), center: hooks.map.getCenter() };
    });
    expect(state.view.active).toBe('need_index');
    expect(state.view.layers.need_index).toMatchObject({ visible: true, opacity: 0.6 });
    expect(state.view.layers.score.visible).toBe(false);
    expect(state.zoom).toBeCloseTo(13, 5);
    expect(state.center.lat).toBeCloseTo(42.33, 4);
    expect(await fresh.inputValue('#style-method')).toBe('jenks');
    expect(await fresh.inputValue('#style-classes')).toBe('4');
    expect(await fresh.inputValue('#style-scheme')).toBe('magma');
    const rows = await legendRows(fresh, 'need_index');
    const missing = harness.cells.features.filter((f) => f.properties.need_index === null).length;
    expect(rows.map((r) => r.label).slice(0, 4)).not.toContain('No value');
    expect(rows).toHaveLength(missing > 0 ? 5 : 4);
    if (missing > 0) expect(rows[4]).toMatchObject({ label: 'No value', count: missing });
    await fresh.selectOption('#style-classes', '6');
    await expect
      .poll(() => fresh.evaluate(() => location.hash))
      .toContain('need_index=1,0.6,jenks,6,magma');
    await fresh.close();
  });

  it('is usable from the keyboard: every control is labelled, the zone list answers Enter', async () => {
    const { page } = await viewer();
    const unlabelled = await page.$$eval('input, select, button', (controls) =>
      controls
        .filter((c) => {
          const element = c as HTMLInputElement;
          if (element.type === 'file') return false;
          const label =
            element.getAttribute('aria-label') ??
            element.labels?.[0]?.textContent ??
            element.textContent;
          return (label ?? '').trim() === '';
        })
        .map((c) => c.outerHTML.slice(0, 80)),
    );
    expect(unlabelled).toEqual([]);
    await page.focus('#zones button[data-zone="Z01"]');
    const moved = page.evaluate(
      () =>
        new Promise<void>((resolve) =>
          (window as unknown as TestWindow).hexreachTest.map.once('moveend', () => resolve()),
        ),
    );
    await page.keyboard.press('Enter');
    await moved;
    expect(await page.getAttribute('#details .details', 'data-zone')).toBe('Z01');
    // Focus survives the list being redrawn, and is visible.
    const focused = await page.evaluate(() => {
      const active = document.activeElement as HTMLElement;
      return { zone: active.dataset.zone, outline: getComputedStyle(active).outlineStyle };
    });
    expect(focused.zone).toBe('Z01');
    expect(focused.outline).not.toBe('none');
  });

  it('fits a narrow window: map first, panels below, no sideways scrolling', async () => {
    const { harness } = await viewer();
    const narrow = await harness.newPage({ width: 400, height: 800 });
    await openViewer(narrow, harness);
    const layout = await narrow.evaluate(() => {
      const map = document.getElementById('map')!.getBoundingClientRect();
      const zones = document.getElementById('zones')!.getBoundingClientRect();
      return {
        mapHeight: map.height,
        mapWidth: map.width,
        zonesBelowMap: zones.top >= map.bottom,
        overflow: document.documentElement.scrollWidth - window.innerWidth,
      };
    });
    expect(layout.mapHeight).toBeGreaterThan(300);
    expect(layout.mapWidth).toBeGreaterThan(380);
    expect(layout.zonesBelowMap).toBe(true);
    expect(layout.overflow).toBeLessThanOrEqual(0);
    await screenshot(narrow, 'narrow-window', true);
    await narrow.close();
    expectNoDialogOrError(harness);
  });
});
