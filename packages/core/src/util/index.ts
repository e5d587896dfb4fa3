// @hexreach/core/util: seeded random numbers and small helpers. Named re-exports only.

export { EARTH_RADIUS_METERS, haversineMeters } from './haversineMeters.js';
export { LngLatIndex } from './lngLatIndex.js';
export { mulberry32 } from './random.js';
