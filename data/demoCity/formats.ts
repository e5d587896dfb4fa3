function pad2(v: number): string {
  return String(v).padStart(2, '0');
}

/** `MM/DD/YYYY hh:mm:ss AM`, as US open-data portals export timestamps. */
export function formatPortalDate(ms: number): string {
  const d = new Date(ms);
  const h = d.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${pad2(d.getUTCMonth() + 1)}/${pad2(d.getUTCDate())}/${d.getUTCFullYear()} ${pad2(h12)}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

/** `YYYY-MM-DD` of a UTC time. */
export function formatIsoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A GeoJSON FeatureCollection as written: named, one feature per line. */
export function featureCollectionText(name: string, features: readonly unknown[]): string {
  // One feature per line keeps diffs of regenerated data readable.
  return `{"type":"FeatureCollection","name":${JSON.stringify(name)},"features":[\n${features
    .map((f) => JSON.stringify(f))
    .join(',\n')}\n]}\n`;
}

/** A CSV file as written: comma-separated, no quoting (no field holds a comma), final newline. */
export function csvText(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `${[header, ...rows].map((row) => row.join(',')).join('\n')}\n`;
}
