import { HexreachError } from '../errors.js';
import { type SviVariable, type SviVintage, sviVariables } from './sviVariables.js';

/** What {@link detectSviVintage} found in a tract file's columns. */
export interface SviColumns {
  readonly vintage: SviVintage;
  /** The vintage's ranked variables, all present in the file. */
  readonly variables: readonly SviVariable[];
  /** The margin-of-error columns (`MP_*`) present, by the variable they belong to. */
  readonly margins: ReadonlyMap<string, string>;
}

/**
 * Which SVI vintage a tract file holds, from its column names: `EP_POV150` or `EP_HBURD` mark
 * SVI 2020/2022 (16 variables), `EP_POV` or `EP_PCI` the 2014–2018 releases (15 variables,
 * per-capita income reversed). Every ranked variable of the vintage must be present; margins
 * (`MP_*`) are used where present.
 *
 * @param names - the file's property names
 * @param source - the file name, for the error message
 * @param vintage - a vintage to use instead of detecting one
 * @returns the vintage, its variables and the margins present
 * @throws HexreachError `E_INPUT` when no SVI column is present or some of the vintage's
 *   variables are missing (naming them)
 * @example
 * ```ts
 * detectSviVintage(['FIPS', 'EP_POV150', 'EP_UNEMP', …], 'SVI2022_IL_tract.geojson').vintage; // '2020-2022'
 * ```
 */
export function detectSviVintage(
  names: readonly string[],
  source: string,
  vintage?: SviVintage,
): SviColumns {
  const present = new Set(names);
  const found =
    vintage ??
    (present.has('EP_POV150') || present.has('EP_HBURD')
      ? '2020-2022'
      : present.has('EP_POV') || present.has('EP_PCI')
        ? '2014-2018'
        : undefined);
  if (found === undefined) {
    throw new HexreachError(
      'E_INPUT',
      `${source}: need.preset "svi" found no CDC/ATSDR SVI column (EP_POV150 for SVI 2020/2022, EP_POV or EP_PCI for 2014–2018); the areas have: ${names.join(', ') || '(no properties)'}`,
      names,
    );
  }
  const variables = sviVariables(found);
  const absent = variables.filter((v) => !present.has(v.name)).map((v) => v.name);
  if (absent.length > 0) {
    throw new HexreachError(
      'E_INPUT',
      `${source}: need.preset "svi" (SVI ${found}) needs every ranked variable; missing: ${absent.join(', ')}`,
      absent,
    );
  }
  const margins = new Map(variables.filter((v) => present.has(v.moe)).map((v) => [v.name, v.moe]));
  return { vintage: found, variables, margins };
}
