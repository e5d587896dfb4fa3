import { normalizeName } from './normalizeName.js';

/**
 * Whom an offence harms, in the FBI's NIBRS classification: a person, property, or society (the
 * offences that record where police looked — drugs, weapons, prostitution, gambling, liquor,
 * public order — more than where residents were harmed; Lum & Isaac 2016, Ensign et al. 2017).
 */
export type CrimeAgainst = 'persons' | 'property' | 'society';

const PERSONS = [
  // NIBRS Group A, crimes against persons (FBI NIBRS User Manual 2021, offence codes 09–40, 64).
  'assault offenses',
  'aggravated assault',
  'simple assault',
  'intimidation',
  'homicide offenses',
  'murder and nonnegligent manslaughter',
  'negligent manslaughter',
  'human trafficking offenses',
  'human trafficking commercial sex acts',
  'human trafficking involuntary servitude',
  'kidnapping abduction',
  'sex offenses',
  'rape',
  'sodomy',
  'sexual assault with an object',
  'fondling',
  'incest',
  'statutory rape',
  // City of Chicago IUCR primary types.
  'battery',
  'assault',
  'homicide',
  'crim sexual assault',
  'criminal sexual assault',
  'sex offense',
  'offense involving children',
  'stalking',
  'kidnapping',
  'human trafficking',
  // San Francisco's incident categories and other large portals' names.
  'offences against the family and children',
  'human trafficking a commercial sex acts',
  'human trafficking b involuntary servitude',
  'murder',
];

const PROPERTY = [
  // NIBRS Group A, crimes against property (codes 100–280) and bad checks (90A).
  'arson',
  'bribery',
  'burglary breaking and entering',
  'counterfeiting forgery',
  'destruction damage vandalism of property',
  'embezzlement',
  'extortion blackmail',
  'fraud offenses',
  'larceny theft offenses',
  'pocket picking',
  'purse snatching',
  'shoplifting',
  'theft from building',
  'theft from coin operated machine or device',
  'theft from motor vehicle',
  'theft of motor vehicle parts or accessories',
  'all other larceny',
  'motor vehicle theft',
  'robbery',
  'stolen property offenses',
  'bad checks',
  // Chicago IUCR.
  'theft',
  'criminal damage',
  'deceptive practice',
  'burglary',
  // San Francisco and others.
  'larceny theft',
  'malicious mischief',
  'vandalism',
  'fraud',
  'forgery and counterfeiting',
  'stolen property',
  'vehicle theft',
  'larceny',
];

const SOCIETY = [
  // NIBRS Group A, crimes against society (codes 35A–720), and Group B's (90B–90J).
  'animal cruelty',
  'drug narcotic offenses',
  'drug narcotic violations',
  'drug equipment violations',
  'gambling offenses',
  'pornography obscene material',
  'prostitution offenses',
  'weapon law violations',
  'curfew loitering vagrancy violations',
  'disorderly conduct',
  'driving under the influence',
  'drunkenness',
  'family offenses nonviolent',
  'liquor law violations',
  'peeping tom',
  'trespass of real property',
  // Chicago IUCR.
  'narcotics',
  'other narcotic violation',
  'weapons violation',
  'concealed carry license violation',
  'public peace violation',
  'interference with public officer',
  'prostitution',
  'liquor law violation',
  'gambling',
  'obscenity',
  'public indecency',
  'criminal trespass',
  // San Francisco and others.
  'drug offense',
  'drug violation',
  'weapons offense',
  'weapons carrying etc',
  'liquor laws',
  'commercial sex acts',
  'trespass',
  'loitering',
];

/** The built-in table, keyed by names normalised as {@link crimeAgainst} normalises them. */
const BUILT_IN: ReadonlyMap<string, CrimeAgainst> = new Map([
  ...SOCIETY.map((name) => [key(name), 'society'] as const),
  ...PROPERTY.map((name) => [key(name), 'property'] as const),
  ...PERSONS.map((name) => [key(name), 'persons'] as const),
]);

/** Case, punctuation and `&` for "and" do not matter. */
function key(name: string): string {
  return normalizeName(name.replace(/&/g, ' and '));
}

/**
 * Whom an incident category's offences harm (see {@link CrimeAgainst}), from a built-in table of
 * NIBRS offence names, City of Chicago IUCR primary types and San Francisco's incident categories,
 * matched case- and punctuation-insensitively, `&` read as "and" (`"Burglary/Breaking &
 * Entering"` is NIBRS's burglary); `extra` (from the configuration) comes first. Categories the table cannot classify
 * (`OTHER OFFENSE`, `NON-CRIMINAL`) give `undefined`: the caller counts and reports them.
 *
 * @param category - a category name as the incident file writes it
 * @param extra - more names and their classes, which override the built-in table
 * @returns the class, or undefined
 * @example
 * ```ts
 * crimeAgainst('CRIM SEXUAL ASSAULT'); // 'persons'
 * crimeAgainst('Larceny Theft'); // 'property'
 * crimeAgainst('NARCOTICS'); // 'society'
 * crimeAgainst('OTHER OFFENSE'); // undefined
 * ```
 */
export function crimeAgainst(
  category: string,
  extra?: ReadonlyMap<string, CrimeAgainst>,
): CrimeAgainst | undefined {
  const name = key(category);
  if (extra !== undefined) {
    for (const [given, against] of extra) if (key(given) === name) return against;
  }
  return BUILT_IN.get(name);
}
