/** The places of a run's cells: what {@link zonePlaces} counts. */
export interface CellPlaces {
  /** The file the places came from (the areas' file when they are named by a property). */
  readonly source: string;
  /** The property holding the names. */
  readonly nameProperty: string;
  /** Each place's name; several places may share one (a ward in two pieces). */
  readonly names: readonly string[];
  /** Each grid cell's place, an index into `names`, or −1 (see `cellsToPlaces`). */
  readonly placeOfCell: Int32Array;
}

/**
 * The places a zone lies in, by the share of its cells whose centre each holds, largest first
 * (ties by name, in code-point order); places sharing a name are counted together, and cells in
 * no place are not counted.
 *
 * @param cells - the zone's H3 indexes
 * @param indexOf - each grid cell's index (`grid.indexOf`)
 * @param places - the place of each cell and the places' names
 * @returns the names, each once
 * @example
 * ```ts
 * zonePlaces(result.zones[0].cells, result.grid.indexOf, result.places);
 * // ['Humboldt Park', 'West Garfield Park']
 * ```
 */
export function zonePlaces(
  cells: readonly string[],
  indexOf: ReadonlyMap<string, number>,
  places: Pick<CellPlaces, 'names' | 'placeOfCell'>,
): string[] {
  const counts = new Map<string, number>();
  for (const cell of cells) {
    const i = indexOf.get(cell);
    const p = i === undefined ? -1 : places.placeOfCell[i];
    if (p < 0) continue;
    const name = places.names[p];
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([name]) => name);
}

/** The most places a zone's name lists; `places` lists them all. */
export const ZONE_NAME_PLACES = 3;

/**
 * A zone's name for people: its id, then up to three of its places, largest share first
 * (`Z03 · Humboldt Park, West Garfield Park`); the id alone when it lies in no place.
 *
 * @param id - the zone's id (`Z03`)
 * @param places - its places, largest share first (`zonePlaces`)
 * @returns the name
 * @example
 * ```ts
 * zoneName('Z03', ['Humboldt Park', 'West Garfield Park']); // 'Z03 · Humboldt Park, West Garfield Park'
 * zoneName('Z04', []); // 'Z04'
 * ```
 */
export function zoneName(id: string, places: readonly string[]): string {
  const shown = places.slice(0, ZONE_NAME_PLACES);
  return shown.length === 0 ? id : `${id} · ${shown.join(', ')}`;
}
