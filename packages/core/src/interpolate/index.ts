// @hexreach/core/interpolate: areal interpolation of polygons onto cells. Named re-exports only.

export { type AreaInterpolator, createAreaInterpolator } from './createAreaInterpolator.js';
export {
  type AttributeSpec,
  type InterpolateAreasOptions,
  type InterpolatedAttributes,
  interpolateAreas,
} from './interpolateAreas.js';
