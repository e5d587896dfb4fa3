// @hexreach/core/zones: selecting, grouping, summarising and describing priority zones. Named re-exports only.

export { combineRobustness } from './combineRobustness.js';
export { describeZones, type ZoneCellColumns, type ZoneDetail } from './describeZones.js';
export {
  type GroupContiguousCellsOptions,
  groupContiguousCells,
  type ZoneGroup,
  type ZoneGroups,
} from './groupContiguousCells.js';
export { isInZone } from './isInZone.js';
export { resolutionAgreement } from './resolutionAgreement.js';
export { type SelectCellsOptions, selectCells } from './selectCells.js';
export { type SelectZonesByBudgetOptions, selectZonesByBudget } from './selectZonesByBudget.js';
export {
  type SuggestedPartner,
  type SuggestPartnersOptions,
  suggestPartners,
} from './suggestPartners.js';
export {
  type CategoryCount,
  type SummarizeZonesOptions,
  summarizeZones,
  type ZoneColumns,
  type ZoneSummary,
} from './summarizeZones.js';
export { type CellPlaces, ZONE_NAME_PLACES, zoneName, zonePlaces } from './zonePlaces.js';
export {
  type RobustnessLabel,
  type ZoneRobustness,
  type ZoneRobustnessOptions,
  zoneRobustness,
} from './zoneRobustness.js';
export { zoneToPolygon } from './zoneToPolygon.js';
export {
  type ZoneTrend,
  type ZoneTrendsOptions,
  zoneTrends,
  zoneTrendsOfCube,
} from './zoneTrends.js';
