import { detectPlaceNameProperty, parseJson } from '@hexreach/core/io';
import type { FeatureCollection } from 'geojson';
import { featureArray } from './parseCells.js';

/** A reference layer: any GeoJSON drawn as outlines with its names (wards, beats, parks). */
export interface ReferenceLayer {
  /** The file's name without its folders and extension (`wards`): what the link keeps. */
  readonly name: string;
  /** The features, as read (geometries of any type; those without one are not drawn). */
  readonly data: FeatureCollection;
  /** The property the labels show (`name`, `ward`, …; see `detectPlaceNameProperty`), if any. */
  readonly nameProperty: string | undefined;
}

/**
 * Reads a GeoJSON file dropped as a reference layer (a shapefile zip: {@link referenceLayerOf}): what the viewer's file reading yields as
 * GeoJSON text, checked to be a FeatureCollection, with the property its labels show detected
 * as `@hexreach/core` detects a place name.
 *
 * @param text - the file's text
 * @param file - its name (a path's folders are dropped)
 * @returns the layer
 * @throws HexreachError `E_INPUT` naming the file: invalid JSON (with line and column) or not a
 *   FeatureCollection
 * @example
 * ```ts
 * const wards = parseReferenceLayer(await file.text(), 'wards.geojson');
 * wards.name; // 'wards'
 * wards.nameProperty; // 'ward_name'
 * ```
 */
export function parseReferenceLayer(text: string, file: string): ReferenceLayer {
  return referenceLayerOf(parseJson(text, file), file);
}

/**
 * A reference layer from features already read (GeoJSON parsed, or a shapefile zip read by
 * `readFeatureSource` and reprojected to WGS84), named by its file without the extension.
 *
 * @param value - the features
 * @param file - the file's name (a path's folders are dropped)
 * @returns the layer
 * @throws HexreachError `E_INPUT` naming the file when it is not a FeatureCollection
 * @example
 * ```ts
 * const beats = referenceLayerOf((await readFeatureSource(blobSource('beats.zip', file))).data, 'beats.zip');
 * beats.name; // 'beats'
 * ```
 */
export function referenceLayerOf(value: unknown, file: string): ReferenceLayer {
  const features = featureArray(value, file);
  const base = file.split(/[\\/]/).pop() ?? file;
  return {
    name: base.replace(/\.((geo)?json|zip)$/i, ''),
    data: value as FeatureCollection,
    nameProperty: detectPlaceNameProperty(features),
  };
}
