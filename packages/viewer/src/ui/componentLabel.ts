const LABELS: Readonly<Record<string, string>> = {
  hotspot: 'Hotspot',
  crime_rate: 'Crime rate',
  need: 'Need',
  trust_deficit: 'Trust deficit',
  partner_gap: 'Partner gap',
};

/**
 * The name people see for a priority component, from its weight key (`crimeRate`) or its column
 * suffix (`crime_rate`): known components by name, others spelt out.
 *
 * @example
 * ```ts
 * componentLabel('crimeRate'); // 'Crime rate'
 * componentLabel('partner_gap'); // 'Partner gap'
 * ```
 */
export function componentLabel(name: string): string {
  const snake = componentColumn(name).slice('score_'.length);
  const known = LABELS[snake];
  if (known !== undefined) return known;
  const words = snake.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The cells.geojson column holding a component's contribution: `score_` and the weight key in
 * snake case.
 *
 * @example
 * ```ts
 * componentColumn('trustDeficit'); // 'score_trust_deficit'
 * ```
 */
export function componentColumn(name: string): string {
  if (name.startsWith('score_')) return name;
  return `score_${name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
}
