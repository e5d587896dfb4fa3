// @hexreach/core/grid: H3 cells, binning and the study-area grid. Named re-exports only.

export { CellLocator } from './cellLocator.js';
export { cellsToPlaces } from './cellsToPlaces.js';
export { type GridCentroids, gridCentroids } from './gridCentroids.js';
export { gridFromCells } from './gridFromCells.js';
export {
  areNeighborCells,
  averageCellAreaKm2,
  averageEdgeLengthKm,
  cellAreaKm2,
  cellHalvesToRing,
  cellsToMultiPolygonCoordinates,
  cellToChildren,
  cellToLngLat,
  cellToParent,
  cellToRing,
  getIcosahedronFaces,
  getResolution,
  gridDisk,
  gridDiskDistances,
  isValidCell,
  lngLatToCell,
  MAX_RESOLUTION,
  MIN_RESOLUTION,
  polygonToCellsByCenter,
  polygonToCellsByCenterExperimental,
  polygonToCellsOverlapping,
} from './h3.js';
export { type BinnedIncidents, type PointsToCellsOptions, pointsToCells } from './pointsToCells.js';
export { studyAreaCells } from './studyAreaCells.js';
