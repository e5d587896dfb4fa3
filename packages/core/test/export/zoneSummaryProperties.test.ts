import { describe, expect, it } from 'vitest';
import { zoneSummaryProperties } from '../../src/export/zoneSummaryProperties.js';
import { zonesToFeatureCollection } from '../../src/export/zonesToFeatureCollection.js';
import type { ZoneSummary } from '../../src/zones/summarizeZones.js';

const CELLS = ['882664c1a9fffff', '882664c1abfffff'];

const zone: ZoneSummary = {
  id: 'Z03',
  rank: 3,
  group: 5,
  cells: CELLS,
  cellCount: 2,
  meanScore: 0.82,
  maxScore: 0.91,
  areaKm2: 1.6,
  population: 2400,
  incidents: 37,
  topCategories: [
    { category: 'THEFT', incidents: 30 },
    { category: 'ARSON', incidents: 4 },
  ],
};

describe('zoneSummaryProperties', () => {
  it('gives the summary as zones.geojson writes it, without the group', () => {
    expect(zoneSummaryProperties(zone)).toEqual({
      id: 'Z03',
      rank: 3,
      cellCount: 2,
      meanScore: 0.82,
      maxScore: 0.91,
      areaKm2: 1.6,
      population: 2400,
      incidents: 37,
      topCategories: 'THEFT 30; ARSON 4',
      cells: CELLS,
    });
  });

  it('writes missing numbers as null', () => {
    const properties = zoneSummaryProperties({
      ...zone,
      meanScore: Number.NaN,
      maxScore: Number.NaN,
      areaKm2: Number.NaN,
      population: Number.NaN,
      incidents: Number.NaN,
    });
    expect(properties).toMatchObject({
      meanScore: null,
      maxScore: null,
      areaKm2: null,
      population: null,
      incidents: null,
    });
  });

  it('suppresses incident counts from 1 to k − 1 with minCount, in the total and by category', () => {
    const properties = zoneSummaryProperties({ ...zone, incidents: 7 }, { minCount: 11 });
    expect(properties.incidents).toBe('<11');
    expect(properties.topCategories).toBe('THEFT 30; ARSON <11');
  });

  it('copies the cells, so the summary is never changed through the properties', () => {
    const properties = zoneSummaryProperties(zone);
    properties.cells.push('8f2830828052d25');
    expect(zone.cells).toEqual(CELLS);
  });

  it('is the summary part of each zonesToFeatureCollection feature', () => {
    const [feature] = zonesToFeatureCollection([zone], { minCount: 11 }).features;
    expect(feature.properties).toEqual(zoneSummaryProperties(zone, { minCount: 11 }));
  });
});
