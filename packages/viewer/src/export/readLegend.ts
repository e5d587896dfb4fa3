/** One legend section as drawn on the page: its title, rows and footnote. */
export interface LegendSnapshot {
  readonly title: string;
  readonly rows: readonly {
    readonly color: string;
    readonly label: string;
    readonly count: string;
    /** A round swatch (points) rather than a square (cells). */
    readonly round: boolean;
  }[];
  readonly note: string | undefined;
}

/**
 * Reads the legend the page shows (sections with an `h3`, rows carrying `data-color`, a label
 * and a count) so that an exported image carries exactly the legend the analyst sees, whatever
 * layers drew it.
 *
 * @param container - the element holding the legend sections
 * @returns one snapshot per section, top first
 * @example
 * ```ts
 * readLegend(document.getElementById('legend')!)[0].title; // 'Priority score'
 * ```
 */
export function readLegend(container: HTMLElement): LegendSnapshot[] {
  return Array.from(container.querySelectorAll<HTMLElement>('section.legend')).map((section) => ({
    title: section.querySelector('h3')?.textContent ?? '',
    rows: Array.from(section.querySelectorAll<HTMLElement>('.legend-row')).map((row) => ({
      color: row.dataset.color ?? '#000000',
      label: row.querySelector('.legend-label')?.textContent ?? '',
      count: row.querySelector('.legend-count')?.textContent ?? '',
      round: row.querySelector('.swatch-round') !== null,
    })),
    note: section.querySelector('.legend-total')?.textContent ?? undefined,
  }));
}
