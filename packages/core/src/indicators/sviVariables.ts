/**
 * The CDC/ATSDR Social Vulnerability Index variables of each vintage, as the tract files name
 * them: the percent estimate `EP_*` ranked, its margin of error `MP_*` (90 %), the direction
 * and the theme. Sources: CDC/ATSDR SVI 2022 Documentation (5/21/2024) and SVI 2018
 * Documentation (1/31/2020), "Data Dictionary"; SVI 2020 has the 2022 variables and themes,
 * SVI 2014 and 2016 the 2018 ones.
 */

/** A family of SVI releases with the same ranked variables and themes. */
export type SviVintage = '2014-2018' | '2020-2022';

/** The four SVI themes, by the short names hexreach gives them (`need_theme_<theme>`). */
export type SviTheme = 'socioeconomic' | 'household' | 'minority' | 'housing';

/** One ranked SVI variable. */
export interface SviVariable {
  /** The percent (or, for per-capita income, dollar) estimate, `EP_*`. */
  readonly name: string;
  /** Its margin of error at 90 % confidence, `MP_*`. */
  readonly moe: string;
  /** `lower` for per-capita income alone: a higher income is less vulnerable. */
  readonly direction: 'higher' | 'lower';
  readonly theme: SviTheme;
  readonly label: string;
}

/** CDC's theme numbers (RPL_THEME1 … 4) in order. */
export const SVI_THEMES: readonly SviTheme[] = [
  'socioeconomic',
  'household',
  'minority',
  'housing',
];

/** CDC's name of each theme. */
export const SVI_THEME_LABELS: ReadonlyMap<SviTheme, string> = new Map([
  ['socioeconomic', 'Socioeconomic status'],
  ['household', 'Household characteristics (composition and disability)'],
  ['minority', 'Racial and ethnic minority status (and language, 2014–2018)'],
  ['housing', 'Housing type and transportation'],
]);

const variable = (
  code: string,
  theme: SviTheme,
  label: string,
  direction: 'higher' | 'lower' = 'higher',
): SviVariable => ({ name: `EP_${code}`, moe: `MP_${code}`, direction, theme, label });

const HOUSING: readonly SviVariable[] = [
  variable('MUNIT', 'housing', 'housing in structures with 10 or more units'),
  variable('MOBILE', 'housing', 'mobile homes'),
  variable('CROWD', 'housing', 'more people than rooms'),
  variable('NOVEH', 'housing', 'households with no vehicle'),
  variable('GROUPQ', 'housing', 'persons in group quarters'),
];

/** The 16 variables of SVI 2020 and 2022. */
const SVI_2020: readonly SviVariable[] = [
  variable('POV150', 'socioeconomic', 'below 150 % of the poverty level'),
  variable('UNEMP', 'socioeconomic', 'unemployed'),
  variable('HBURD', 'socioeconomic', 'housing cost burden'),
  variable('NOHSDP', 'socioeconomic', 'no high school diploma (25+)'),
  variable('UNINSUR', 'socioeconomic', 'no health insurance'),
  variable('AGE65', 'household', 'aged 65 and older'),
  variable('AGE17', 'household', 'aged 17 and younger'),
  variable('DISABL', 'household', 'civilians with a disability'),
  variable('SNGPNT', 'household', 'single-parent households'),
  variable('LIMENG', 'household', 'speak English "less than well" (5+)'),
  variable('MINRTY', 'minority', 'racial and ethnic minority'),
  ...HOUSING,
];

/** The 15 variables of SVI 2014, 2016 and 2018 (uninsured is an adjunct there, not ranked). */
const SVI_2018: readonly SviVariable[] = [
  variable('POV', 'socioeconomic', 'below the poverty level'),
  variable('UNEMP', 'socioeconomic', 'unemployed'),
  variable('PCI', 'socioeconomic', 'per-capita income', 'lower'),
  variable('NOHSDP', 'socioeconomic', 'no high school diploma (25+)'),
  variable('AGE65', 'household', 'aged 65 and older'),
  variable('AGE17', 'household', 'aged 17 and younger'),
  variable('DISABL', 'household', 'civilians with a disability'),
  variable('SNGPNT', 'household', 'single-parent households'),
  variable('MINRTY', 'minority', 'minority (all but white, non-Hispanic)'),
  variable('LIMENG', 'minority', 'speak English "less than well" (5+)'),
  ...HOUSING,
];

/**
 * The ranked variables of an SVI vintage, in CDC's order (theme 1 first).
 *
 * @param vintage - `2020-2022` or `2014-2018`
 * @returns the variables with their margins, directions and themes
 * @example
 * ```ts
 * sviVariables('2014-2018').find((v) => v.name === 'EP_PCI')?.direction; // 'lower'
 * sviVariables('2020-2022').length; // 16
 * ```
 */
export function sviVariables(vintage: SviVintage): readonly SviVariable[] {
  return vintage === '2020-2022' ? SVI_2020 : SVI_2018;
}
