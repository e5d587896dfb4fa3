import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hexreach, tempDir } from './helpers.js';

/** What a tiny city is made of; every part has a default. */
interface TinyCity {
  /** Area features' properties, one square of `sizeDegrees` each, side by side. */
  readonly tracts?: readonly Record<string, unknown>[];
  readonly sizeDegrees?: number;
  /** Incident categories, one incident each, cycled over 48 incidents a month apart. */
  readonly categories?: readonly string[];
  /** Organization types, one organization each. */
  readonly organizationTypes?: readonly string[];
}

/**
 * Writes a city of a few square tracts near Chicago and incidents inside them into a new
 * temporary folder: tracts.geojson, incidents.csv and, with organization types,
 * organizations.geojson. Returns the folder.
 */
function tinyCity(city: TinyCity = {}): string {
  const dir = tempDir('hexreach-bad-input-');
  const size = city.sizeDegrees ?? 0.01;
  const tracts = city.tracts ?? [{ population: 1200 }, { population: 900 }, { population: 400 }];
  const square = (x: number, y: number) => [
    [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
      [x, y],
    ],
  ];
  const features = tracts.map((properties, i) => ({
    type: 'Feature',
    properties,
    geometry: { type: 'Polygon', coordinates: square(-87.7 + i * size, 41.8) },
  }));
  writeFileSync(
    join(dir, 'tracts.geojson'),
    JSON.stringify({ type: 'FeatureCollection', features }),
  );
  const categories = city.categories ?? ['THEFT', 'BATTERY'];
  const rows = ['date,category,latitude,longitude'];
  const width = size * tracts.length;
  for (let k = 0; k < 48; k++) {
    const month = String(1 + (k % 12)).padStart(2, '0');
    const lat = 41.8 + size * (0.1 + 0.8 * ((k * 7) % 10) * 0.1);
    const lng = -87.7 + width * (0.05 + 0.9 * ((k * 3) % 11) * 0.09);
    rows.push(`${2023 + (k % 2)}-${month}-15,${categories[k % categories.length]},${lat},${lng}`);
  }
  writeFileSync(join(dir, 'incidents.csv'), `${rows.join('\n')}\n`);
  if (city.organizationTypes !== undefined) {
    const organizations = city.organizationTypes.map((type, i) => ({
      type: 'Feature',
      properties: { name: `Organization ${i}`, type },
      geometry: { type: 'Point', coordinates: [-87.7 + size * (0.3 + i * 0.5), 41.8 + size / 2] },
    }));
    writeFileSync(
      join(dir, 'organizations.geojson'),
      JSON.stringify({ type: 'FeatureCollection', features: organizations }),
    );
  }
  return dir;
}

/** `hexreach analyze` on a tiny city's files, with more arguments. */
function analyzeCity(dir: string, more: readonly string[] = []) {
  return hexreach([
    'analyze',
    '--areas',
    join(dir, 'tracts.geojson'),
    '--incidents',
    join(dir, 'incidents.csv'),
    '--out',
    join(dir, 'out'),
    '--quiet',
    ...more,
  ]);
}

describe('hexreach analyze on inputs named after Object.prototype members', () => {
  it('analyses categories toString, constructor and __proto__ with --stat emerging (exit 0)', () => {
    const dir = tinyCity({ categories: ['toString', 'constructor', '__proto__'] });
    const run = analyzeCity(dir, ['--stat', 'emerging']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('48 read = 48 accepted');
    const summary = JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8'));
    expect(summary.command).toBe('analyze');
  });

  it('analyses organizations of the types __proto__, toString and constructor (exit 0)', () => {
    const dir = tinyCity({ organizationTypes: ['__proto__', 'toString', 'constructor'] });
    const run = analyzeCity(dir, ['--organizations', join(dir, 'organizations.geojson')]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('3 read, 3 accepted');
  });

  it('exits 1 on a configuration key __proto__, refused as unknown instead of applied', () => {
    const dir = tinyCity();
    const config = join(dir, 'hexreach.config.json');
    writeFileSync(config, '{"__proto__": {"resolution": 6}}');
    const run = analyzeCity(dir, ['--config', config]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `hexreach: ${config}: invalid configuration:\n  (top level): Unrecognized key: "__proto__"\n`,
    );
  });
});

describe('hexreach analyze on JSON nested 100,000 levels deep', () => {
  const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;

  it('exits 1 naming the areas file, line, column and feature, not "Maximum call stack size exceeded"', () => {
    const dir = tinyCity();
    const areas = join(dir, 'tracts.geojson');
    const text = `{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": ${deep}}, "geometry": null}]}`;
    writeFileSync(areas, text);
    const run = analyzeCity(dir);
    expect(run.status).toBe(1);
    // Levels 1–4 are the collection, its features, a feature and its properties: the 257th
    // level is the 253rd bracket of the run of 100,000.
    const column = text.indexOf('[[') + 253;
    expect(run.stderr).toBe(
      `hexreach: ${areas}: nested too deeply at line 1, column ${column} (feature 0): more than 256 levels of arrays and objects\n`,
    );
  });

  it('exits 1 naming the configuration file', () => {
    const dir = tinyCity();
    const config = join(dir, 'hexreach.config.json');
    writeFileSync(config, `{"//": ${deep}}`);
    const run = analyzeCity(dir, ['--config', config]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `hexreach: ${config}: nested too deeply at line 1, column 263: more than 256 levels of arrays and objects\n`,
    );
  });
});

describe('hexreach analyze on CSV fields over 1 MB', () => {
  it('exits 1 naming the file and the row of a 16 MB line', () => {
    const dir = tinyCity();
    const incidents = join(dir, 'incidents.csv');
    const rows = readFileSync(incidents, 'utf8').split('\n');
    rows.splice(3, 0, `2024-01-01,${'x'.repeat(16 * 2 ** 20)},41.805,-87.695`);
    writeFileSync(incidents, rows.join('\n'));
    const run = analyzeCity(dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `hexreach: ${incidents}: a field in row 3 is longer than 1 MB (1,048,576 characters), the most a field may hold\n`,
    );
  });

  it('exits 1 on a stray quote near the top, naming its row', () => {
    const dir = tinyCity();
    const incidents = join(dir, 'incidents.csv');
    const rows = readFileSync(incidents, 'utf8').split('\n');
    rows[2] = rows[2].replace(',', ',"');
    writeFileSync(incidents, rows.join('\n') + rows.slice(1).join('\n').repeat(30_000));
    const run = analyzeCity(dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `hexreach: ${incidents}: a quoted field in row 2 runs on past 1 MB (1,048,576 characters), the most a field may hold: a stray " character?\n`,
    );
  });
});

describe('hexreach analyze on UTF-16 files and numbers that are not decimal', () => {
  const utf16 = (text: string) =>
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

  it('exits 1 on UTF-16 incidents, naming the file instead of printing NUL bytes', () => {
    const dir = tinyCity();
    const incidents = join(dir, 'incidents.csv');
    writeFileSync(incidents, utf16(readFileSync(incidents, 'utf8')));
    const run = analyzeCity(dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`hexreach: ${incidents}: UTF-16 text; save the file as UTF-8\n`);
  });

  it('exits 1 on UTF-16 areas', () => {
    const dir = tinyCity();
    const areas = join(dir, 'tracts.geojson');
    writeFileSync(areas, utf16(readFileSync(areas, 'utf8')));
    const run = analyzeCity(dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`hexreach: ${areas}: UTF-16 text; save the file as UTF-8\n`);
  });

  it('rejects a row with a hexadecimal coordinate and a GeoJSON point given as text (exit 0)', () => {
    const dir = tinyCity();
    const incidents = join(dir, 'incidents.csv');
    const rows = readFileSync(incidents, 'utf8').split('\n');
    rows[1] = rows[1].replace(/,41\.\d+,/, ',0x29,');
    writeFileSync(incidents, rows.join('\n'));
    const run = analyzeCity(dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`${incidents} row 1: latitude "0x29" is not a number`);

    const points = join(dir, 'incidents.geojson');
    const point = (coordinates: unknown) => ({
      type: 'Feature',
      properties: {},
      geometry: { type: 'Point', coordinates },
    });
    writeFileSync(
      points,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [point([-87.695, 41.805]), point(['-87.695', '41.805'])],
      }),
    );
    const geojson = analyzeCity(dir, ['--incidents', points]);
    expect(geojson.status).toBe(0);
    expect(geojson.stdout).toContain(
      `${points} feature 1: longitude "-87.695" is text, not a number: GeoJSON coordinates are numbers`,
    );
  });

  it('exits 2 on --seed 0x10, a flag that takes decimal digits only', () => {
    const run = analyzeCity(tinyCity(), ['--seed', '0x10']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      "error: option '--seed <n>' argument '0x10' is invalid. seed must be an integer from 0 to 2147483647.",
    );
  });
});

describe('hexreach analyze on a study area of a few cells', () => {
  /** One tract of `size` degrees and 30 incidents inside it. */
  const tinyArea = (size: number) => {
    const dir = tinyCity({ tracts: [{ population: 500 }], sizeDegrees: size });
    const rows = ['date,category,latitude,longitude'];
    for (let k = 0; k < 30; k++) {
      const month = String(1 + (k % 12)).padStart(2, '0');
      rows.push(
        `2024-${month}-10,THEFT,${41.8 + size * (0.1 + 0.15 * (k % 5))},${-87.7 + size * (0.1 + 0.3 * (k % 3))}`,
      );
    }
    writeFileSync(join(dir, 'incidents.csv'), `${rows.join('\n')}\n`);
    return dir;
  };

  it('leaves out global Moran and LISA under 4 cells with a note, as spdep would refuse (exit 0)', () => {
    const run = analyzeCity(tinyArea(0.002), ['--resolution', '9', '--stat', 'lisa']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('cells      3 H3 cells at resolution 9');
    expect(run.stdout).toContain(
      "note       Global Moran's I and the LISA clusters were left out: the study area covers 3 cells, and Moran's I needs at least 4.",
    );
    expect(run.stdout).toContain(
      'note       The zones were not compared at resolution 8: the study area covers a single cell there.',
    );
    expect(run.stdout).not.toMatch(/^moran/m);
  });

  it('exits 1 naming the areas file when the study area is a single cell', () => {
    const dir = tinyArea(0.002);
    const run = analyzeCity(dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `hexreach: ${join(dir, 'tracts.geojson')}: the study area covers 1 H3 cell at resolution 8; hot spots compare cells with their neighbours and need at least 2: use a finer resolution\n`,
    );
  });
});

describe('hexreach analyze on areas without a population attribute', () => {
  it('runs without rates, with a note, instead of "digits names an unknown column: population" (exit 0)', () => {
    const dir = tinyCity({
      tracts: [
        { residents_total: 1200, income: 41000 },
        { residents_total: 900, income: 52000 },
      ],
    });
    const config = join(dir, 'hexreach.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        attributes: [{ name: 'income', kind: 'rate' }],
        indicators: [{ name: 'income', direction: 'lower' }],
        equity: { attributes: [{ name: 'income', kind: 'level', label: 'Income' }] },
      }),
    );
    const run = analyzeCity(dir, ['--config', config, '--stat', 'kde']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('population: none');
    for (const note of [
      'No population attribute was found or named: rates and the need ranking cover all cells.',
      'The crime-rate component was left out: there is no population.',
      'The equity profile was left out: there is no population to weigh it by.',
    ])
      expect(run.stdout).toContain(`note       ${note}`);
    const cells = JSON.parse(readFileSync(join(dir, 'out', 'cells.geojson'), 'utf8'));
    const columns = Object.keys(cells.features[0].properties);
    expect(columns).toContain('gi_z');
    expect(columns.filter((c) => c === 'population' || c.startsWith('rate_'))).toEqual([]);
  });

  it('exits 1 naming the areas file and its attributes when the population named is missing', () => {
    const dir = tinyCity({ tracts: [{ residents_total: 1200 }, { residents_total: 900 }] });
    const run = analyzeCity(dir, ['--population', 'population']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `hexreach: ${join(dir, 'tracts.geojson')}: no feature has the property "population"; the features have: residents_total\n`,
    );
  });
});

describe('hexreach analyze on weights and populations whose sums overflow', () => {
  it('exits 1 naming the category weight of 1e308', () => {
    const dir = tinyCity();
    const config = join(dir, 'hexreach.config.json');
    writeFileSync(config, '{"incidents": {"categoryWeights": {"THEFT": 1e308}}}');
    const run = analyzeCity(dir, ['--config', config]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `hexreach: incidents.categoryWeights.THEFT = 1e+308 is too large: the weighted incident counts overflow (their sum of squares, which Gi* takes, passes ${Number.MAX_VALUE})\n`,
    );
  });

  it('exits 1 naming the record weight of 1e308 and its row', () => {
    const dir = tinyCity();
    const incidents = join(dir, 'incidents.csv');
    const rows = readFileSync(incidents, 'utf8').trim().split('\n');
    const weighted = rows.map((row, i) => `${row},${i === 0 ? 'w' : i === 2 ? '1e308' : '1'}`);
    writeFileSync(incidents, `${weighted.join('\n')}\n`);
    const config = join(dir, 'hexreach.config.json');
    writeFileSync(
      config,
      JSON.stringify({ inputs: { incidents: { path: incidents, columns: { weight: 'w' } } } }),
    );
    const run = analyzeCity(dir, ['--config', config]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `hexreach: ${incidents}: the weight of row 2, 1e+308, is too large: the weighted incident counts overflow (their sum of squares, which Gi* takes, passes ${Number.MAX_VALUE})\n`,
    );
  });

  it('exits 1 naming the areas file, the population attribute and the feature', () => {
    const dir = tinyCity({
      tracts: [{ population: 1e308 }, { population: 1e308 }, { population: 5 }],
    });
    const run = analyzeCity(dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `hexreach: ${join(dir, 'tracts.geojson')}: the attribute "population" is too large: its total over the areas overflows (feature 0 has 1e+308)\n`,
    );
  });
});

describe('hexreach analyze on study areas too large for the resolution', () => {
  const area = (coordinates: number[][]) => ({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { population: 1000 },
        geometry: { type: 'Polygon', coordinates: [coordinates] },
      },
    ],
  });

  it('exits 1 before making any cell for the contiguous US at resolution 8, naming the count', () => {
    const dir = tinyCity();
    const areas = join(dir, 'tracts.geojson');
    const us = [
      [-124.7, 48.4],
      [-124.2, 42],
      [-117.1, 32.5],
      [-97.1, 25.9],
      [-80.1, 25.8],
      [-75.5, 35.2],
      [-67, 44.8],
      [-95.2, 49],
      [-124.7, 48.4],
    ];
    writeFileSync(areas, JSON.stringify(area(us)));
    const run = analyzeCity(dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^hexreach: .*tracts\.geojson: the study area \([\d,]+ km²\) would need about [\d,]+ H3 cells at resolution 8, more than the maximum of 2,000,000 \(--max-cells, or maxCells in the configuration\): use a coarser resolution, fewer areas, or a larger maximum\n$/,
    );
    const needed = Number(/about ([\d,]+) H3/.exec(run.stderr)?.[1].replaceAll(',', ''));
    expect(needed).toBeGreaterThan(9_000_000);
  });

  it('exits 1 for a polar cap from 80° north', () => {
    const dir = tinyCity();
    const areas = join(dir, 'tracts.geojson');
    writeFileSync(
      areas,
      JSON.stringify(
        area([
          [-180, 80],
          [0, 80],
          [180, 80],
          [180, 90],
          [-180, 90],
          [-180, 80],
        ]),
      ),
    );
    const run = analyzeCity(dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /would need about 5,2\d\d,\d{3} H3 cells at resolution 8, more than the maximum of 2,000,000/,
    );
  });

  it('takes the maximum from --max-cells and from maxCells in the configuration', () => {
    const dir = tinyCity();
    const areas = join(dir, 'tracts.geojson');
    const expected =
      /would need about \d+ H3 cells at resolution 8, more than the maximum of 2 \(--max-cells/;
    const flag = analyzeCity(dir, ['--max-cells', '2']);
    expect(flag.status).toBe(1);
    expect(flag.stderr).toMatch(expected);
    expect(flag.stderr).toContain(`hexreach: ${areas}: the study area (`);
    const config = join(dir, 'hexreach.config.json');
    writeFileSync(config, '{"maxCells": 2}');
    const fromConfig = analyzeCity(dir, ['--config', config]);
    expect(fromConfig.status).toBe(1);
    expect(fromConfig.stderr).toMatch(expected);
    expect(analyzeCity(dir, ['--config', config, '--max-cells', '1000']).status).toBe(0);
  });
});

describe('hexreach analyze across the antimeridian', () => {
  it('cuts the cells and zones on ±180 in two, as RFC 7946 §3.1.9 asks (exit 0)', () => {
    const dir = tempDir('hexreach-antimeridian-');
    const square = (west: number, east: number) => [
      [
        [west, -17.8],
        [east, -17.8],
        [east, -17.78],
        [west, -17.78],
        [west, -17.8],
      ],
    ];
    // Two tracts of Fiji meeting at the antimeridian, as GeoJSON has them: one on each side.
    const tracts = [square(179.98, 180), square(-180, -179.98)].map((coordinates, i) => ({
      type: 'Feature',
      properties: { population: 800 - 100 * i },
      geometry: { type: 'Polygon', coordinates },
    }));
    writeFileSync(
      join(dir, 'tracts.geojson'),
      JSON.stringify({ type: 'FeatureCollection', features: tracts }),
    );
    const rows = ['date,category,latitude,longitude'];
    for (let k = 0; k < 60; k++) {
      const lng = k % 2 === 1 ? 179.981 + (k % 7) * 0.0025 : -179.999 + (k % 5) * 0.004;
      rows.push(
        `2024-${String(1 + (k % 12)).padStart(2, '0')}-10,THEFT,${-17.799 + (k % 9) * 0.002},${lng}`,
      );
    }
    writeFileSync(join(dir, 'incidents.csv'), `${rows.join('\n')}\n`);
    const run = analyzeCity(dir, ['--resolution', '9']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    for (const file of ['cells.geojson', 'zones.geojson']) {
      const collection = JSON.parse(readFileSync(join(dir, 'out', file), 'utf8'));
      let cut = 0;
      for (const feature of collection.features) {
        const { type, coordinates } = feature.geometry;
        const polygons: number[][][][] = type === 'Polygon' ? [coordinates] : coordinates;
        for (const ring of polygons.flat()) {
          for (let i = 1; i < ring.length; i++)
            expect(Math.abs(ring[i][0] - ring[i - 1][0]), file).toBeLessThanOrEqual(180);
        }
        const sides = new Set(polygons.map((rings) => Math.sign(rings[0][0][0])));
        if (sides.size === 2) cut++;
      }
      expect(cut, `${file}: features in two parts`).toBeGreaterThan(0);
    }
  });
});

describe('hexreach analyze --places', () => {
  const places = (dir: string, features: readonly Record<string, unknown>[]) => {
    const path = join(dir, 'wards.geojson');
    const box = [
      [
        [-87.7, 41.8],
        [-87.68, 41.8],
        [-87.68, 41.81],
        [-87.7, 41.81],
        [-87.7, 41.8],
      ],
    ];
    writeFileSync(
      path,
      JSON.stringify({
        type: 'FeatureCollection',
        features: features.map((properties) => ({
          type: 'Feature',
          properties,
          geometry: { type: 'Polygon', coordinates: box },
        })),
      }),
    );
    return path;
  };

  it('exits 1 naming the file and its properties when none holds a name', () => {
    const dir = tinyCity();
    const path = places(dir, [{ ward_no: 3 }]);
    const run = analyzeCity(dir, ['--places', path]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `hexreach: ${path}: no property looks like a place name (name, neighborhood, community, label, …): name it with places.name; the features have: ward_no\n`,
    );
  });

  it('lists a place without a name in rejected.csv with its feature, and names the zones by the rest', () => {
    const dir = tinyCity();
    const path = places(dir, [{ ward: 'Ward 3' }, { ward: '' }]);
    const config = join(dir, 'hexreach.config.json');
    writeFileSync(config, JSON.stringify({ places: { name: 'ward' } }));
    const run = analyzeCity(dir, ['--config', config, '--places', path]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`places     ${path}: 2 read, 1 accepted, 1 rejected; names: ward`);
    expect(readFileSync(join(dir, 'out', 'rejected.csv'), 'utf8')).toContain(
      `${path},feature,1,missing-attribute,`,
    );
  });

  it('names the places file without its folders in a public summary', () => {
    const dir = tinyCity();
    const path = places(dir, [{ name: 'Ward 3' }]);
    const run = analyzeCity(dir, ['--places', path, '--public']);
    expect(run.stderr).toBe('');
    const summary = JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8'));
    expect(summary.parameters.places.path).toBe('wards.geojson');
    expect(summary.inputs.places.path).toBe('wards.geojson');
    expect(
      summary.zones.ranked.every((z: { id: string; name: string }) => z.name.startsWith(z.id)),
    ).toBe(true);
  });
});
