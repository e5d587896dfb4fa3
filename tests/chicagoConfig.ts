import type { HexreachConfigInput } from '../packages/core/src/config/configSchema.js';

/**
 * The configuration the Chicago 2018 reference checks run with (../shared/data: CPD incidents
 * of 2018, the SDOH tracts, CPS schools as partners): resolution 8 by default, four SVI-style
 * need indicators, harm weights, FDR-corrected bins and zones of 3 cells or more at 0.85.
 */
export const CHICAGO_CONFIG = {
  population: 'Pop2014',
  attributes: [{ name: 'Blk14P', kind: 'rate' }],
  indicators: [
    { name: 'Pov14', direction: 'higher' },
    { name: 'EP_PCI', direction: 'lower' },
    { name: 'EP_NOHSDP', direction: 'higher' },
    { name: 'Unemp14', direction: 'higher' },
  ],
  incidents: { categoryWeights: { HOMICIDE: 10, ROBBERY: 3, BATTERY: 2, ASSAULT: 2 } },
  hotspots: { fdr: true },
  zones: { threshold: 0.85, minCells: 3 },
} as const satisfies HexreachConfigInput;
