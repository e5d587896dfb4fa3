// @hexreach/core/interpolate: areal interpolation of polygons onto cells. Named re-exports only.

export { type AreaCellShares, areaCellOverlaps } from './areaCellOverlaps.js';
export {
  type ClipScratch,
  clippedRingArea,
  createClipScratch,
  ringAreaM2,
} from './clippedRingArea.js';
export { type AreaInterpolator, createAreaInterpolator } from './createAreaInterpolator.js';
export {
  type AttributeSpec,
  type InterpolatedAttributes,
  interpolateAreas,
} from './interpolateAreas.js';
