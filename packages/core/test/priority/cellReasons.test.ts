import { describe, expect, it } from 'vitest';
import { type CellReasonsInput, cellReasons } from '../../src/priority/cellReasons.js';
import { priorityScore } from '../../src/priority/priorityScore.js';
import { codeOf } from '../helpers/errors.js';

/** One cell's component contributions and percentiles, in the order hotspot … partnerGap. */
interface Cell {
  readonly contribution: Readonly<Record<string, number>>;
  readonly percentile: Readonly<Record<string, number>>;
  readonly giBin?: number;
}

/** Builds the column input from per-cell fixtures (every cell names the same components). */
function columns(cells: readonly Cell[]): CellReasonsInput {
  const names = Object.keys(cells[0].contribution);
  const column = (pick: (cell: Cell) => number) => Float64Array.from(cells, pick);
  return {
    contributions: Object.fromEntries(names.map((k) => [k, column((c) => c.contribution[k])])),
    normalized: Object.fromEntries(names.map((k) => [k, column((c) => c.percentile[k])])),
    giBin: Int8Array.from(cells, (c) => c.giBin ?? 0),
  };
}

const strongCell: Cell = {
  contribution: { hotspot: 0.3, crimeRate: 0.2, need: 0.28, trustDeficit: 0.05, partnerGap: 0.03 },
  percentile: { hotspot: 0.99, crimeRate: 0.96, need: 0.944, trustDeficit: 0.7, partnerGap: 0.9 },
  giBin: 3,
};

const strongDetails = {
  needIndex: [0.944],
  needRanks: {
    poverty_rate: Float64Array.of(0.92),
    median_income: Float64Array.of(0.97),
    no_vehicle: Float64Array.of(0.5),
  },
  indicatorLabels: { poverty_rate: 'poverty rate', median_income: 'median household income' },
  trustMean: [2.14],
  trustResponses: [14],
  partners: {
    types: ['nonprofit', 'youth'],
    withinRadius: { nonprofit: Uint32Array.of(2), youth: Uint32Array.of(0) },
    radiusMeters: 1000,
  },
};

describe('cellReasons', () => {
  it('words the components largest contribution first, three by default', () => {
    const reasons = cellReasons({ ...columns([strongCell]), ...strongDetails });
    expect(reasons).toEqual([
      [
        'significant hotspot (99 % confidence)',
        '94th percentile need (median household income, poverty rate ≥ 90th percentile)',
        'top 4 % for crime rate',
      ],
    ]);
  });

  it('gives every reason with max, the trust numbers and the missing partner type', () => {
    const reasons = cellReasons({ ...columns([strongCell]), ...strongDetails }, { max: 5 });
    expect(reasons[0].slice(3)).toEqual([
      'low trust in police (2.1 of 5, 14 answers)',
      'no youth organization within 1 km',
    ]);
    expect(cellReasons({ ...columns([strongCell]), ...strongDetails }, { max: 1 })).toEqual([
      ['significant hotspot (99 % confidence)'],
    ]);
  });

  it('gives no reason for a cell without a score', () => {
    const none: Cell = {
      contribution: { hotspot: 0, crimeRate: 0, need: 0 },
      percentile: { hotspot: Number.NaN, crimeRate: Number.NaN, need: Number.NaN },
    };
    const one: Cell = {
      contribution: { hotspot: 0.5, crimeRate: 0.25, need: 0.25 },
      percentile: { hotspot: 0.5, crimeRate: 0.75, need: 0.75 },
    };
    expect(cellReasons(columns([none, one]))).toEqual([
      [],
      [
        '50th percentile for incident clustering, not a significant hotspot',
        '75th percentile for crime rate',
        '75th percentile need',
      ],
    ]);
  });

  it('calls a strong non-significant cluster what it is and leaves out components below the median', () => {
    const cell: Cell = {
      contribution: { hotspot: 0.25, crimeRate: 0.05, need: 0.15 },
      percentile: { hotspot: 0.93, crimeRate: 0.3, need: 0.62 },
      giBin: 0,
    };
    expect(cellReasons(columns([cell]), { max: 5 })).toEqual([
      ['top 7 % for incident clustering, not a significant hotspot', '62nd percentile need'],
    ]);
    expect(cellReasons(columns([cell]), { max: 5, minPercentile: 0 })[0]).toHaveLength(3);
  });

  it('names a significant hot spot whatever its percentile, and a cold spot never', () => {
    const hot: Cell = {
      contribution: { hotspot: 0.1, need: 0.05 },
      percentile: { hotspot: 0.45, need: 0.2 },
      giBin: 1,
    };
    const cold: Cell = { ...hot, giBin: -3 };
    expect(cellReasons(columns([hot, cold]))).toEqual([
      ['significant hotspot (90 % confidence)'],
      [],
    ]);
  });

  it('says "highest" at the top percentile and keeps the components’ order on equal contributions', () => {
    const cell: Cell = {
      contribution: { crimeRate: 0.4, need: 0.4, hotspot: 0.2 },
      percentile: { crimeRate: 1, need: 1, hotspot: 1 },
      giBin: 2,
    };
    expect(
      cellReasons({
        ...columns([cell]),
        needRanks: { poverty_rate: Float64Array.of(1) },
        indicatorLabels: { poverty_rate: 'poverty rate' },
      }),
    ).toEqual([
      [
        'highest crime rate in the study area',
        'highest need in the study area (poverty rate ≥ 90th percentile)',
        'significant hotspot (95 % confidence)',
      ],
    ]);
  });

  it('writes percentiles as ordinals, rounded down', () => {
    const ps = [0.01, 0.02, 0.03, 0.04, 0.11, 0.12, 0.13, 0.21, 0.22, 0.23, 0.29, 0.899];
    const input = columns(
      ps.map((p) => ({ contribution: { need: 0.1 }, percentile: { need: p } })),
    );
    expect(cellReasons(input, { minPercentile: 0 }).map((r) => r[0])).toEqual([
      '1st percentile need',
      '2nd percentile need',
      '3rd percentile need',
      '4th percentile need',
      '11th percentile need',
      '12th percentile need',
      '13th percentile need',
      '21st percentile need',
      '22nd percentile need',
      '23rd percentile need',
      '29th percentile need',
      '89th percentile need',
    ]);
  });

  it('rounds "top k %" up to a whole percent', () => {
    const ps = [0.9, 0.95, 0.955, 0.999];
    const input = columns(
      ps.map((p) => ({ contribution: { crimeRate: 0.1 }, percentile: { crimeRate: p } })),
    );
    expect(cellReasons(input).map((r) => r[0])).toEqual([
      'top 10 % for crime rate',
      'top 5 % for crime rate',
      'top 5 % for crime rate',
      'top 1 % for crime rate',
    ]);
  });

  it('names at most three flagged indicators, highest rank first, then counts the rest', () => {
    const cell: Cell = { contribution: { need: 0.5 }, percentile: { need: 0.98 } };
    const ranks = [0.91, 0.99, 0.95, 0.5, 0.97, 0.9];
    const reasons = cellReasons({
      ...columns([cell]),
      needIndex: [0.98],
      needRanks: Object.fromEntries(ranks.map((r, k) => [`i${k}`, Float64Array.of(r)])),
      flagAt: 0.9,
    });
    expect(reasons[0]).toEqual(['98th percentile need (i1, i4, i2 and 2 more ≥ 90th percentile)']);
    const stricter = cellReasons({
      ...columns([cell]),
      needRanks: Object.fromEntries(ranks.map((r, k) => [`i${k}`, Float64Array.of(r)])),
      flagAt: 0.95,
    });
    expect(stricter[0]).toEqual(['98th percentile need (i1, i4, i2 ≥ 95th percentile)']);
  });

  it('words trust with its subject, scale and answer count, or by rank without a mean', () => {
    const cell: Cell = { contribution: { trustDeficit: 0.3 }, percentile: { trustDeficit: 0.81 } };
    const two = columns([cell, cell]);
    expect(
      cellReasons({
        ...two,
        trustMean: [1.75, Number.NaN],
        trustResponses: [1, 0],
        trustScaleMax: 4,
        trustSubject: 'perceived safety',
      }),
    ).toEqual([
      ['low perceived safety (1.8 of 4, 1 answer)'],
      ['81st percentile for low perceived safety'],
    ]);
    expect(cellReasons({ ...two, trustMean: [3, 3] })).toEqual([
      ['low trust in police (3.0 of 5)'],
      ['low trust in police (3.0 of 5)'],
    ]);
  });

  it('names the partner types missing within the radius', () => {
    const cell: Cell = { contribution: { partnerGap: 0.3 }, percentile: { partnerGap: 0.8 } };
    const input = columns([cell, cell, cell, cell]);
    const partners = (radiusMeters: number) => ({
      types: ['school', 'youth', 'faith-based'],
      withinRadius: {
        school: Uint32Array.of(0, 0, 0, 1),
        youth: Uint32Array.of(0, 0, 3, 1),
        'faith-based': Uint32Array.of(1, 0, 3, 1),
      },
      radiusMeters,
    });
    expect(cellReasons({ ...input, partners: partners(1500) })).toEqual([
      ['no school or youth organization within 1.5 km'],
      ['no partner organization within 1.5 km'],
      ['no school within 1.5 km'],
      ['80th percentile for distance to partners'],
    ]);
    expect(
      cellReasons({
        ...input,
        partners: partners(800),
        partnerLabels: { school: 'public school', youth: 'youth club', 'faith-based': 'church' },
      })[0],
    ).toEqual(['no public school or youth club within 800 m']);
  });

  it('names other components by their label', () => {
    const cell: Cell = { contribution: { footTraffic: 0.5 }, percentile: { footTraffic: 0.66 } };
    expect(cellReasons(columns([cell]))).toEqual([['66th percentile for footTraffic']]);
    expect(
      cellReasons({ ...columns([cell]), componentLabels: { footTraffic: 'foot traffic' } }),
    ).toEqual([['66th percentile for foot traffic']]);
  });

  it('explains priorityScore output: the largest contribution leads', () => {
    const p = priorityScore([
      { name: 'hotspot', values: [0, 1, 2, 3, 4], weight: 1 },
      { name: 'crimeRate', values: [5, 4, 3, 2, 1], weight: 3 },
    ]);
    const reasons = cellReasons({
      contributions: p.contributions,
      normalized: p.normalized,
      giBin: Int8Array.of(0, 0, 0, 0, 3),
    });
    expect(reasons).toEqual([
      ['highest crime rate in the study area'],
      ['75th percentile for crime rate'],
      [
        '50th percentile for crime rate',
        '50th percentile for incident clustering, not a significant hotspot',
      ],
      ['75th percentile for incident clustering, not a significant hotspot'],
      ['significant hotspot (99 % confidence)'],
    ]);
  });

  it('rejects inconsistent columns and options with E_ARGUMENT', () => {
    const input = columns([strongCell]);
    expect(codeOf(() => cellReasons({ ...input, normalized: {} }))).toBe('E_ARGUMENT');
    expect(codeOf(() => cellReasons({ ...input, giBin: Int8Array.of(0, 0) }))).toBe('E_ARGUMENT');
    expect(
      codeOf(() =>
        cellReasons({
          ...input,
          normalized: { ...input.normalized, hotspot: Float64Array.of(2.4) },
        }),
      ),
    ).toBe('E_ARGUMENT');
    expect(codeOf(() => cellReasons({ ...input, trustMean: [1, 2] }))).toBe('E_ARGUMENT');
    expect(
      codeOf(() =>
        cellReasons({
          ...input,
          partners: { types: ['youth'], withinRadius: {}, radiusMeters: 1000 },
        }),
      ),
    ).toBe('E_ARGUMENT');
    expect(
      codeOf(() =>
        cellReasons({
          ...input,
          partners: { withinRadius: { youth: Uint32Array.of(0) }, radiusMeters: 0 },
        }),
      ),
    ).toBe('E_ARGUMENT');
    expect(codeOf(() => cellReasons(input, { max: -1 }))).toBe('E_ARGUMENT');
    expect(codeOf(() => cellReasons(input, { minPercentile: 1.5 }))).toBe('E_ARGUMENT');
    expect(codeOf(() => cellReasons({ ...input, flagAt: 0 }))).toBe('E_ARGUMENT');
  });
});
