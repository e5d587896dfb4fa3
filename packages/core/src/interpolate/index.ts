// @hexreach/core/interpolate: areal interpolation of polygons onto cells. Named re-exports only.

export { type AreaCellShares, areaCellOverlaps } from './areaCellOverlaps.js';
export {
  type ClipScratch,
  clippedRingArea,
  clipRingToBand,
  createClipScratch,
  ringAreaM2,
} from './clippedRingArea.js';
export {
  type AreaInterpolator,
  createAreaInterpolator,
  type RateGroups,
} from './createAreaInterpolator.js';
export {
  type AttributeSpec,
  type InterpolateAreasOptions,
  type InterpolatedAttributes,
  interpolateAreas,
} from './interpolateAreas.js';
export { studyAreaCover } from './studyAreaCover.js';
export { type StudyAreaCover, studyAreaCoverFrom } from './studyAreaCoverFrom.js';
