// @hexreach/core/io: readers of CSV and GeoJSON into columns, with record-level rejections. Named re-exports only.

export type { AttributeKind, RejectionReason } from '../types.js';
export {
  type CellCountBuilder,
  type CellCountBuilderOptions,
  createCellCountBuilder,
} from './createCellCountBuilder.js';
export { type CrimeAgainst, crimeAgainst } from './crimeAgainst.js';
export { dbfEncoding } from './dbfEncoding.js';
export {
  type DetectColumnsOptions,
  detectColumns,
  type IncidentColumnNames,
  type IncidentColumns,
} from './detectColumns.js';
export { detectPlaceNameProperty } from './detectPlaceNameProperty.js';
export { detectPopulationAttribute } from './detectPopulationAttribute.js';
export { formatFromBytes } from './formatFromBytes.js';
export { formatFromName } from './formatFromName.js';
export {
  createIncidentTableBuilder,
  type IncidentTableBuilder,
  type IncidentTableBuilderOptions,
  MISSING_CATEGORY,
} from './incidentTableBuilder.js';
export type { InputFormat } from './inputFormat.js';
export { PARQUET_COMPRESSORS } from './parquetCompressors.js';
export { parquetRowGroup } from './parquetRowGroup.js';
export { type ParquetTable, parquetTable } from './parquetTable.js';
export { parquetToFeatureCollection } from './parquetToFeatureCollection.js';
export { parquetValue } from './parquetValue.js';
export { parseDate } from './parseDate.js';
export { parseDecimal } from './parseDecimal.js';
export { MAX_JSON_DEPTH, parseJson } from './parseJson.js';
export { type PrjTransform, prjToWgs84 } from './prjToWgs84.js';
export {
  type AreaAttributeSpec,
  type ReadAreasGeoJsonOptions,
  readAreasGeoJson,
} from './readAreasGeoJson.js';
export {
  type CellCountColumnNames,
  type ReadCellCountsCsvOptions,
  readCellCountsCsv,
} from './readCellCountsCsv.js';
export {
  type EngagementTable,
  type ReadEngagementCsvOptions,
  readEngagementCsv,
} from './readEngagementCsv.js';
export { type ReadIncidentsCsvOptions, readIncidentsCsv } from './readIncidentsCsv.js';
export { type ReadIncidentsGeoJsonOptions, readIncidentsGeoJson } from './readIncidentsGeoJson.js';
export { type ReadIncidentsParquetOptions, readIncidentsParquet } from './readIncidentsParquet.js';
export {
  DEFAULT_ORGANIZATION_TYPE,
  type ReadOrganizationsGeoJsonOptions,
  readOrganizationsGeoJson,
} from './readOrganizations.js';
export { type ReadPlacesGeoJsonOptions, readPlacesGeoJson } from './readPlacesGeoJson.js';
export { type ReadSurveysCsvOptions, readSurveysCsv } from './readSurveysCsv.js';
export {
  type ShapefileParts,
  type ShapefileRead,
  shapefileToFeatureCollection,
} from './shapefileToFeatureCollection.js';
