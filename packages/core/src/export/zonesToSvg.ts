import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { assertArgument } from '../errors.js';
import { EARTH_RADIUS_METERS } from '../util/haversineMeters.js';
import { escapeHtml } from './escapeHtml.js';

/** Options of {@link zonesToSvg}. */
export interface ZonesToSvgOptions {
  /** Width of the drawing in CSS pixels (default 720). */
  readonly width?: number;
  /** The drawing is scaled down to at most this height (default 640). */
  readonly maxHeight?: number;
  /** The study area, drawn in grey under the zones. */
  readonly outline?: Polygon | MultiPolygon;
  /** Fill colour of each zone by id (`#rgb`, `#rrggbb` or a CSS colour name); `fill` for the rest. */
  readonly fillById?: Readonly<Record<string, string>>;
  /** Fill colour of zones without an entry in `fillById` (default `#d94801`). */
  readonly fill?: string;
  /** Colour swatches with labels, drawn in the top-left corner. */
  readonly legend?: readonly { readonly label: string; readonly color: string }[];
  /** Accessible title of the drawing (default `Map of the priority zones`). */
  readonly title?: string;
}

const PADDING = 16;
const COLOR = /^(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|[a-zA-Z]{3,20})$/;

/**
 * An overview map of zones as an inline SVG: each zone's polygon (holes kept) filled and
 * labelled with its id, over the study-area outline when given, with a scale bar and north up.
 * The projection is equirectangular with longitudes scaled by the cosine of the middle latitude,
 * which keeps shapes true to within a fraction of a percent over a city. The SVG references
 * nothing outside itself (no fonts, images or links) and every text is HTML-escaped, so it can
 * be placed straight into an HTML page.
 *
 * Each label sits at the centroid of the zone's largest part, or, where that falls outside the
 * zone (a ring or crescent), in the middle of the widest horizontal span through it.
 *
 * @param zones - zone outlines as GeoJSON features (`[lng, lat]`); `properties.id` labels them
 *   (else their 1-based position)
 * @param options - size, outline, colours, legend and title
 * @returns the SVG element as text
 * @throws HexreachError `E_ARGUMENT` when a geometry is not a Polygon or MultiPolygon or has a
 *   non-finite coordinate, a colour is not a hex colour or colour name, or a size is not > 0
 * @example
 * ```ts
 * const svg = zonesToSvg(zonesToFeatureCollection(result.zones).features, { outline });
 * html += svg;
 * ```
 */
export function zonesToSvg(
  zones: readonly Feature<Polygon | MultiPolygon>[],
  options: ZonesToSvgOptions = {},
): string {
  const { width, maxHeight, fill, fillById, legend } = resolveStyle(options);
  const shapes = zoneShapes(zones);
  const outline = options.outline === undefined ? [] : partsOf(options.outline);
  const all = [...outline, ...shapes.flatMap((s) => s.parts)];
  assertFiniteCoordinates(all);

  const title = `<title>${escapeHtml(options.title ?? 'Map of the priority zones')}</title>`;
  const box = boundingBox(all);
  if (!Number.isFinite(box.minLng)) {
    const height = 60;
    return `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img">${title}<text x="${width / 2}" y="34" text-anchor="middle" font-size="14" fill="#555">No zone to draw</text></svg>`;
  }
  const { scale, height, projected } = fitProjection(box, width, maxHeight);

  const out: string[] = [
    `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif">`,
    title,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  if (outline.length > 0)
    out.push(
      `<path d="${pathData(projected(outline))}" fill="#f0f0f0" stroke="#9e9e9e" stroke-width="0.8" fill-rule="evenodd"/>`,
    );
  out.push(...zoneMarkup(shapes, projected, fillById, fill), ...legendMarkup(legend));
  out.push(scaleBar(scale, width, height), '</svg>');
  return out.join('');
}

interface ZoneShape {
  readonly id: string;
  readonly parts: Position[][][];
}

interface BoundingBox {
  readonly minLng: number;
  readonly maxLng: number;
  readonly minLat: number;
  readonly maxLat: number;
}

type Projected = (parts: Position[][][]) => [number, number][][][];

/** The options with their defaults, checked. */
function resolveStyle(options: ZonesToSvgOptions): {
  width: number;
  maxHeight: number;
  fill: string;
  fillById: Readonly<Record<string, string>>;
  legend: NonNullable<ZonesToSvgOptions['legend']>;
} {
  const fn = 'zonesToSvg';
  const width = options.width ?? 720;
  const maxHeight = options.maxHeight ?? 640;
  const fill = options.fill ?? '#d94801';
  const fillById = options.fillById ?? {};
  const legend = options.legend ?? [];
  assertArgument(width > 0 && Number.isFinite(width), fn, `width must be > 0, got ${width}`, width);
  assertArgument(
    maxHeight > 0 && Number.isFinite(maxHeight),
    fn,
    `maxHeight must be > 0, got ${maxHeight}`,
    maxHeight,
  );
  for (const color of [fill, ...Object.values(fillById), ...legend.map((l) => l.color)])
    assertArgument(COLOR.test(color), fn, `not a hex colour or colour name: ${color}`, color);
  return { width, maxHeight, fill, fillById, legend };
}

/** Each zone's label and parts; a zone without an id is labelled by its 1-based position. */
function zoneShapes(zones: readonly Feature<Polygon | MultiPolygon>[]): ZoneShape[] {
  return zones.map((zone, i) => {
    const geometry = zone?.geometry;
    assertArgument(
      geometry?.type === 'Polygon' || geometry?.type === 'MultiPolygon',
      'zonesToSvg',
      `zone ${i} must have a Polygon or MultiPolygon geometry`,
      geometry?.type,
    );
    const id = zone.properties?.id;
    return {
      id: typeof id === 'string' || typeof id === 'number' ? String(id) : String(i + 1),
      parts: partsOf(geometry),
    };
  });
}

function assertFiniteCoordinates(all: readonly Position[][][]): void {
  for (const part of all)
    for (const ring of part)
      for (const p of ring)
        assertArgument(
          Number.isFinite(p[0]) && Number.isFinite(p[1]),
          'zonesToSvg',
          `coordinates must be finite, got [${p[0]}, ${p[1]}]`,
          p,
        );
}

/** The extent of the outer rings; infinite when there is nothing to draw. */
function boundingBox(all: readonly Position[][][]): BoundingBox {
  let minLng = Number.POSITIVE_INFINITY;
  let maxLng = Number.NEGATIVE_INFINITY;
  let minLat = Number.POSITIVE_INFINITY;
  let maxLat = Number.NEGATIVE_INFINITY;
  for (const part of all)
    for (const [lng, lat] of part[0] ?? []) {
      if (lng < minLng) minLng = lng;
      if (lng > maxLng) maxLng = lng;
      if (lat < minLat) minLat = lat;
      if (lat > maxLat) maxLat = lat;
    }
  return { minLng, maxLng, minLat, maxLat };
}

/** The scale and height that fit `box` in the drawing, and the projection into it. */
function fitProjection(
  box: BoundingBox,
  width: number,
  maxHeight: number,
): { scale: number; height: number; projected: Projected } {
  const { minLng, maxLng, minLat, maxLat } = box;
  // Equirectangular with cos(φ₀) on longitude (Snyder 1987, Map Projections, p. 90).
  const cosLat = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLng - minLng) * cosLat, 1e-9);
  const spanY = Math.max(maxLat - minLat, 1e-9);
  let scale = (width - 2 * PADDING) / spanX;
  if (spanY * scale + 2 * PADDING > maxHeight) scale = (maxHeight - 2 * PADDING) / spanY;
  const height = Math.round(spanY * scale + 2 * PADDING);
  const offsetX = (width - spanX * scale) / 2;
  const project = (p: Position): [number, number] => [
    offsetX + (p[0] - minLng) * cosLat * scale,
    PADDING + (maxLat - p[1]) * scale,
  ];
  const projected = (parts: Position[][][]) =>
    parts.map((rings) => rings.map((ring) => ring.map(project)));
  return { scale, height, projected };
}

/** The zones' filled paths, then their labels, so that no zone covers another's label. */
function zoneMarkup(
  shapes: readonly ZoneShape[],
  projected: Projected,
  fillById: Readonly<Record<string, string>>,
  fill: string,
): string[] {
  const paths: string[] = [];
  const labels: string[] = [];
  for (const shape of shapes) {
    const parts = projected(shape.parts);
    const color = fillById[shape.id] ?? fill;
    paths.push(
      `<path d="${pathData(parts)}" fill="${escapeHtml(color)}" fill-opacity="0.85" stroke="#3d3d3d" stroke-width="1" fill-rule="evenodd"><title>${escapeHtml(shape.id)}</title></path>`,
    );
    const [x, y] = labelPoint(parts);
    labels.push(
      `<text x="${fmt(x)}" y="${fmt(y)}" text-anchor="middle" dominant-baseline="central" font-size="13" font-weight="700" fill="#111111" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeHtml(shape.id)}</text>`,
    );
  }
  return [...paths, ...labels];
}

function legendMarkup(legend: NonNullable<ZonesToSvgOptions['legend']>): string[] {
  return legend.flatMap((entry, i) => {
    const y = PADDING + i * 20;
    return [
      `<rect x="${PADDING}" y="${y}" width="14" height="14" fill="${escapeHtml(entry.color)}" fill-opacity="0.85" stroke="#3d3d3d" stroke-width="0.8"/>`,
      `<text x="${PADDING + 20}" y="${y + 7}" dominant-baseline="central" font-size="12" fill="#222222" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeHtml(entry.label)}</text>`,
    ];
  });
}

/** The polygons of a geometry as a list of parts (rings). */
function partsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function fmt(v: number): string {
  return String(Math.round(v * 10) / 10);
}

function pathData(parts: [number, number][][][]): string {
  const d: string[] = [];
  for (const rings of parts)
    for (const ring of rings) {
      if (ring.length === 0) continue;
      d.push(`M${ring.map(([x, y]) => `${fmt(x)} ${fmt(y)}`).join('L')}Z`);
    }
  return d.join('');
}

/** A point inside the largest part: its centroid if inside, else the middle of the widest span. */
function labelPoint(parts: [number, number][][][]): [number, number] {
  let best = parts[0];
  let bestArea = -1;
  for (const rings of parts) {
    const area = Math.abs(ringArea(rings[0] ?? []));
    if (area > bestArea) {
      bestArea = area;
      best = rings;
    }
  }
  const outer = best[0] ?? [];
  if (outer.length === 0) return [0, 0];
  const c = ringCentroid(outer);
  const spans = horizontalSpans(best, c[1]);
  if (spans.some(([a, b]) => c[0] >= a && c[0] <= b)) return c;
  let widest: [number, number] | undefined;
  for (const span of spans)
    if (widest === undefined || span[1] - span[0] > widest[1] - widest[0]) widest = span;
  return widest === undefined ? outer[0] : [(widest[0] + widest[1]) / 2, c[1]];
}

/** Signed area of a ring (shoelace formula). */
function ringArea(ring: [number, number][]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    a += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return a / 2;
}

/** Area-weighted centroid of a ring; the vertex mean when the ring has no area. */
function ringCentroid(ring: [number, number][]): [number, number] {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const cross = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    a += cross;
    cx += (ring[j][0] + ring[i][0]) * cross;
    cy += (ring[j][1] + ring[i][1]) * cross;
  }
  if (Math.abs(a) < 1e-12) {
    const n = ring.length;
    return [ring.reduce((s, p) => s + p[0], 0) / n, ring.reduce((s, p) => s + p[1], 0) / n];
  }
  return [cx / (3 * a), cy / (3 * a)];
}

/** The intervals of the line y = const inside the rings (even–odd rule, so holes are outside). */
function horizontalSpans(rings: [number, number][][], y: number): [number, number][] {
  const xs: number[] = [];
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [x1, y1] = ring[j];
      const [x2, y2] = ring[i];
      // Half-open test so a vertex on the line counts once.
      if (y1 <= y !== y2 <= y) xs.push(x1 + ((y - y1) / (y2 - y1)) * (x2 - x1));
    }
  xs.sort((a, b) => a - b);
  const spans: [number, number][] = [];
  for (let i = 0; i + 1 < xs.length; i += 2) spans.push([xs[i], xs[i + 1]]);
  return spans;
}

/** A scale bar of a round length, about a fifth of the width, in the bottom-left corner. */
function scaleBar(pixelsPerDegree: number, width: number, height: number): string {
  const metersPerPixel = ((Math.PI / 180) * EARTH_RADIUS_METERS) / pixelsPerDegree;
  const target = (width / 5) * metersPerPixel;
  const magnitude = 10 ** Math.floor(Math.log10(target));
  const length = [5, 2, 1].map((m) => m * magnitude).find((l) => l <= target) ?? magnitude;
  const pixels = length / metersPerPixel;
  const x = PADDING;
  const y = height - 10;
  const label = length >= 1000 ? `${length / 1000} km` : `${length} m`;
  return [
    `<path d="M${fmt(x)} ${y - 5}V${y}H${fmt(x + pixels)}V${y - 5}" fill="none" stroke="#222222" stroke-width="1.5"/>`,
    `<text x="${fmt(x + pixels + 6)}" y="${y - 2}" font-size="11" fill="#222222">${label} · north up</text>`,
  ].join('');
}
