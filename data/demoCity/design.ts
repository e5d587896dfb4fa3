/** Seed of the committed city in data/demo/. */
export const DEFAULT_SEED = 2025;

/** Number of tracts that tile the land. */
export const TRACT_COUNT = 150;
/** Incidents inside the city, bad rows not counted. */
export const INCIDENTS_IN_CITY = 50_000;
/** Incidents placed just beyond the city boundary. */
export const OUTSIDE_INCIDENTS = 250;
/** Number of survey answers. */
export const SURVEY_RESPONSES = 1_200;

/** Milliseconds in a day; every date is UTC, so days never have 23 or 25 hours. */
export const DAY_MS = 86_400_000;
/** First day of incidents, 2023-01-01. */
export const START_MS = Date.UTC(2023, 0, 1);
/** Days of incidents: all of 2023 and 2024 (a leap year). */
export const DAYS = 731;
/** First day of the survey, 2024-04-01. */
export const SURVEY_START_MS = Date.UTC(2024, 3, 1);
/** Days the survey ran, through October 2024. */
export const SURVEY_DAYS = 214;
