/** The file formats hexreach reads. A `.zip` holds a shapefile. */
export type InputFormat = 'csv' | 'geojson' | 'parquet' | 'shapefile';
