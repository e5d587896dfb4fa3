import { createReadStream, writeFileSync } from 'node:fs';
import { lngLatToCell } from '../packages/core/src/hex/h3.js';
import { readIncidentsCsv } from '../packages/core/src/io/readIncidentsCsv.js';

/**
 * Writes the cell aggregates of an incident CSV as a warehouse query would (one row per cell,
 * category and month: `h3,count,category,period`), for `--cells`. Rows come in the order their
 * first incident does, so categories first appear in the same order as in the incidents.
 *
 * @returns the number of rows written
 */
export async function writeCellAggregates(
  incidentsCsv: string,
  columns: { lat: string; lng: string; date: string; category: string },
  resolution: number,
  out: string,
): Promise<number> {
  const read = await readIncidentsCsv(createReadStream(incidentsCsv), {
    source: incidentsCsv,
    columns,
  });
  const { lng, lat, time, category, categories } = read.data;
  const counts = new Map<string, number>();
  for (let i = 0; i < read.data.length; i++) {
    const cell = lngLatToCell(lng[i], lat[i], resolution);
    const month = Number.isNaN(time[i]) ? '' : new Date(time[i]).toISOString().slice(0, 7);
    const key = `${cell}\t${categories[category[i]]}\t${month === '' ? '' : `${month}-01`}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const lines = ['h3,count,category,period'];
  for (const [key, n] of counts) {
    const [cell, name, period] = key.split('\t');
    const quoted = /[",\n]/.test(name) ? `"${name.replaceAll('"', '""')}"` : name;
    lines.push(`${cell},${n},${quoted},${period}`);
  }
  writeFileSync(out, `${lines.join('\n')}\n`);
  return counts.size;
}
