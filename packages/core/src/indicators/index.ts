// @hexreach/core/indicators: per-cell indicators: rates, need, trust, partner access, equity. Named re-exports only.

export { detectSviVintage, type SviColumns } from './detectSviVintage.js';
export {
  type EmpiricalBayesRateOptions,
  type EmpiricalBayesRateResult,
  empiricalBayesRate,
} from './empiricalBayesRate.js';
export {
  type EquityAttribute,
  type EquityProfile,
  type EquityRow,
  equityProfile,
} from './equityProfile.js';
export { incidentRate } from './incidentRate.js';
export {
  type AreaIndicator,
  type NeedIntervals,
  type NeedIntervalsOptions,
  needIntervals,
} from './needIntervals.js';
export { type PartnerAccess, type PartnerAccessOptions, partnerAccess } from './partnerAccess.js';
export { type PercentRankIncOptions, percentRankInc } from './percentRankInc.js';
export { type SviRanks, type SviRanksOptions, type SviThemeRanks, sviRanks } from './sviRanks.js';
export {
  SVI_THEME_LABELS,
  SVI_THEMES,
  type SviTheme,
  type SviVariable,
  type SviVintage,
  sviVariables,
} from './sviVariables.js';
export { type TrustByCellOptions, type TrustResult, trustByCell } from './trustByCell.js';
export { type TrustFromAreasOptions, trustFromAreas } from './trustFromAreas.js';
export {
  type NeedIndicator,
  type RankedIndicator,
  type ThemeResult,
  type VulnerabilityOptions,
  type VulnerabilityResult,
  vulnerabilityFromRanks,
  vulnerabilityIndex,
} from './vulnerabilityIndex.js';
