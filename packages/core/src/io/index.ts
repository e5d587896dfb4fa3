// @hexreach/core/io: readers of CSV and GeoJSON into columns, with record-level rejections. Named re-exports only.

export type { AttributeKind, RejectionReason } from '../types.js';
export { type CrimeAgainst, crimeAgainst } from './crimeAgainst.js';
export {
  type DetectColumnsOptions,
  detectColumns,
  type IncidentColumnNames,
  type IncidentColumns,
} from './detectColumns.js';
export { detectPopulationAttribute } from './detectPopulationAttribute.js';
export {
  type ColumnArray,
  type ColumnKind,
  createColumn,
  growColumn,
  trimColumn,
} from './growableColumn.js';
export {
  createIncidentTableBuilder,
  type IncidentTableBuilder,
  type IncidentTableBuilderOptions,
  MISSING_CATEGORY,
} from './incidentTableBuilder.js';
export { parseDate } from './parseDate.js';
export { parseDecimal } from './parseDecimal.js';
export { MAX_JSON_DEPTH, parseJson } from './parseJson.js';
export {
  type AreaAttributeSpec,
  type ReadAreasGeoJsonOptions,
  readAreasGeoJson,
} from './readAreasGeoJson.js';
export { type ReadIncidentsCsvOptions, readIncidentsCsv } from './readIncidentsCsv.js';
export { type ReadIncidentsGeoJsonOptions, readIncidentsGeoJson } from './readIncidentsGeoJson.js';
export {
  DEFAULT_ORGANIZATION_TYPE,
  type ReadOrganizationsGeoJsonOptions,
  readOrganizationsGeoJson,
} from './readOrganizations.js';
export { readPlainRecords } from './readPlainRecords.js';
export { type ReadSurveysCsvOptions, readSurveysCsv } from './readSurveysCsv.js';
