// @hexreach/core/weights: spatial weights as CSR typed arrays. Named re-exports only.

export type { SpatialWeights } from '../types.js';
export { type DistanceBandWeightsOptions, distanceBandWeights } from './distanceBandWeights.js';
export { type DistanceNeighbors, distanceNeighbors } from './distanceNeighbors.js';
export {
  type InverseDistanceWeightsOptions,
  inverseDistanceWeights,
} from './inverseDistanceWeights.js';
export { type KRingWeightsOptions, kRingWeights } from './kRingWeights.js';
export { subsetWeights } from './subsetWeights.js';
export { type WeightsFromNeighborsOptions, weightsFromNeighbors } from './weightsFromNeighbors.js';
export { withoutSelfRowStandardised } from './withoutSelfRowStandardised.js';
export { withSelfIncluded } from './withSelfIncluded.js';
