import {
  schemeBlues,
  schemeBuPu,
  schemePurples,
  schemeRdBu,
  schemeRdPu,
  schemeYlGnBu,
  schemeYlOrRd,
} from 'd3-scale-chromatic';
import { categoricalColors, missingColor } from './colorSchemes.js';

/** One category of a text column and the colour it is drawn in. */
export interface CategoryColor {
  /** The value exactly as `cells.geojson` writes it. */
  readonly value: string;
  readonly color: string;
}

/**
 * The light grey of the "nothing found" categories (not significant, no pattern, neither,
 * none): lighter than the map's background, so the study area stays visible, and darker than
 * white, the colour no scheme here uses for data.
 */
export const quietColor = '#eeeeee';

/**
 * The grey of a value a palette does not list (a newer hexreach, an edited file): neutral, and
 * distinct from the missing-value grey (`missingColor`) and from {@link quietColor}.
 */
export const otherCategoryColor = '#8c8c8c';

const [rdBuRed, rdBuPink, rdBuLightBlue, rdBuBlue] = schemeRdBu[4];

/**
 * Local Moran's I clusters in the usual LISA-map colours, from ColorBrewer's 4-class RdBu
 * (colour-blind safe): High-High red, Low-Low blue, High-Low pink, Low-High light blue, and
 * grey for the cells that are not significant.
 */
export const lisaColors: readonly CategoryColor[] = [
  { value: 'High-High', color: rdBuRed },
  { value: 'Low-Low', color: rdBuBlue },
  { value: 'High-Low', color: rdBuPink },
  { value: 'Low-High', color: rdBuLightBlue },
  { value: 'Not significant', color: quietColor },
];

/**
 * The 17 patterns of ArcGIS Pro's Emerging Hot Spot Analysis in ArcGIS's order, hot in warm
 * colours and cold in cool ones as ArcGIS draws them, from ColorBrewer ramps (colour-blind safe).
 * The patterns of a cell significant up to the final step go dark to light by how long it has
 * been so — intensifying, persistent, consecutive, new — on YlOrRd (hot) and Blues (cold); the
 * interrupted or fading ones — oscillating, diminishing, sporadic — on RdPu (hot) and BuPu,
 * YlGnBu and Purples (cold); historical ones are the palest. Eight shades of one hue would be
 * too close to tell apart; the second hue keeps every pair distinct under simulated
 * colour-vision deficiency (see the palette tests). No pattern detected is grey.
 */
export const emergingColors: readonly CategoryColor[] = [
  { value: 'New Hot Spot', color: schemeYlOrRd[9][2] },
  { value: 'Consecutive Hot Spot', color: schemeYlOrRd[9][4] },
  { value: 'Intensifying Hot Spot', color: schemeYlOrRd[9][8] },
  { value: 'Persistent Hot Spot', color: schemeYlOrRd[9][6] },
  { value: 'Diminishing Hot Spot', color: schemeRdPu[9][4] },
  { value: 'Sporadic Hot Spot', color: schemeRdPu[9][2] },
  { value: 'Oscillating Hot Spot', color: schemeRdPu[9][6] },
  { value: 'Historical Hot Spot', color: schemeYlOrRd[9][0] },
  { value: 'New Cold Spot', color: schemeBlues[9][2] },
  { value: 'Consecutive Cold Spot', color: schemeBlues[9][4] },
  { value: 'Intensifying Cold Spot', color: schemeBlues[9][8] },
  { value: 'Persistent Cold Spot', color: schemeBlues[9][6] },
  { value: 'Diminishing Cold Spot', color: schemeYlGnBu[9][4] },
  { value: 'Sporadic Cold Spot', color: schemePurples[9][3] },
  { value: 'Oscillating Cold Spot', color: schemeBuPu[9][6] },
  { value: 'Historical Cold Spot', color: schemeBlues[9][1] },
  { value: 'No Pattern Detected', color: quietColor },
];

const [orange, , bluishGreen, , blue, vermillion, reddishPurple] = categoricalColors;

/**
 * The joint classes of hotspot and need in Okabe–Ito colours (colour-blind safe): both
 * vermillion, hotspot alone orange, high need alone blue, neither grey, and need unknown in the
 * grey of missing values.
 */
export const jointClassColors: readonly CategoryColor[] = [
  { value: 'hotspot and high need', color: vermillion },
  { value: 'hotspot without high need', color: orange },
  { value: 'high need without hotspot', color: blue },
  { value: 'neither', color: quietColor },
  { value: 'need unknown', color: missingColor },
];

/**
 * The partner classes of high-need cells in Okabe–Ito colours: a gap (no organization within
 * the radius) reddish purple, leverage (organizations nearby) bluish green, none grey.
 */
export const partnerClassColors: readonly CategoryColor[] = [
  { value: 'gap', color: reddishPurple },
  { value: 'leverage', color: bluishGreen },
  { value: 'none', color: quietColor },
];
