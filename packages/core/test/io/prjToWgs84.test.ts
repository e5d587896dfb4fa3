import { describe, expect, it } from 'vitest';
import { NEBRASKA_FEET_PRJ, toNebraskaFeet } from '../../../../data/demoCity/statePlane.js';
import { prjToWgs84 } from '../../src/io/prjToWgs84.js';
import { thrownBy } from '../helpers/errors.js';
import { expectClose } from '../helpers/tolerance.js';

const NAD83 =
  'GEOGCS["GCS_North_American_1983",DATUM["D_North_American_1983",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

describe('prjToWgs84', () => {
  it('converts state-plane feet back to longitude/latitude (round trip within 1e-9°)', () => {
    const { crs, toWgs84 } = prjToWgs84(NEBRASKA_FEET_PRJ, 'tracts.prj');
    expect(crs).toBe('NAD_1983_StatePlane_Nebraska_FIPS_2600_Feet');
    const [x, y] = toNebraskaFeet([-101.4, 42.39]);
    // Feet, not metres: 500,000 m of false easting is 1,640,416.67 ft.
    expect(x).toBeGreaterThan(1_000_000);
    const [lng, lat] = toWgs84(x, y);
    expectClose(lng, -101.4, 1e-9, 'lng');
    expectClose(lat, 42.39, 1e-9, 'lat');
  });

  it('reads geographic NAD83 (TIGER/Line) as degrees', () => {
    const { crs, toWgs84 } = prjToWgs84(NAD83, 'tl_2023_31_tract.prj');
    expect(crs).toBe('GCS_North_American_1983');
    const [lng, lat] = toWgs84(-96.7, 40.8);
    expectClose(lng, -96.7, 1e-9, 'lng');
    expectClose(lat, 40.8, 1e-9, 'lat');
  });

  it('refuses text that is not WKT, naming the file and what it starts with', () => {
    const error = thrownBy(() => prjToWgs84('EPSG:2236', 'tracts.zip: tracts.prj'));
    expect(error.code).toBe('E_INPUT');
    expect(error.message).toMatch(
      /^tracts\.zip: tracts\.prj: not a coordinate system .*"EPSG:2236"/,
    );
  });

  it('refuses a projection proj4 does not know, naming the coordinate system', () => {
    const wkt = `PROJCS["Made_Up",${NAD83},PROJECTION["No_Such_Projection"],UNIT["Meter",1.0]]`;
    const error = thrownBy(() => prjToWgs84(wkt, 'areas.prj'));
    expect(error.code).toBe('E_INPUT');
    expect(error.message).toMatch(/^areas\.prj: coordinate system "Made_Up" cannot be read/);
  });
});
