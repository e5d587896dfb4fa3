import {
  interpolateBlues,
  interpolateCividis,
  interpolateMagma,
  interpolatePurples,
  interpolateViridis,
  interpolateYlOrRd,
  schemeRdBu,
} from 'd3-scale-chromatic';

/** The sequential schemes offered: all readable with the common colour-vision deficiencies. */
export const sequentialSchemes = {
  viridis: { label: 'Viridis', interpolate: interpolateViridis },
  cividis: { label: 'Cividis', interpolate: interpolateCividis },
  magma: { label: 'Magma', interpolate: interpolateMagma },
  ylorrd: { label: 'Yellow–orange–red', interpolate: interpolateYlOrRd },
  blues: { label: 'Blues', interpolate: interpolateBlues },
  purples: { label: 'Purples', interpolate: interpolatePurples },
} as const;

/** The name of a sequential colour scheme. */
export type SchemeName = keyof typeof sequentialSchemes;

/**
 * Is `name` one of {@link sequentialSchemes}?
 *
 * @example
 * ```ts
 * isSchemeName('cividis'); // true
 * ```
 */
export function isSchemeName(name: string): name is SchemeName {
  return Object.hasOwn(sequentialSchemes, name);
}

/**
 * The seven colours of the Gi* confidence bins −3…3: ColorBrewer RdBu (colour-blind safe),
 * reversed so that cold spots are blue and hot spots red; bin 0 is the neutral middle.
 */
export const giBinColors: readonly string[] = [...schemeRdBu[7]].reverse();

/**
 * Okabe & Ito (2008, "Color Universal Design") palette: eight colours distinguishable with every
 * common colour-vision deficiency; used for categories such as organization types.
 */
export const categoricalColors: readonly string[] = [
  '#e69f00',
  '#56b4e9',
  '#009e73',
  '#f0e442',
  '#0072b2',
  '#d55e00',
  '#cc79a7',
  '#000000',
];

/** The colour of cells without a value: a grey none of the schemes above contains. */
export const missingColor = '#c8c8c8';
