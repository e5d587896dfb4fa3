import { clamp, gaussian, round1, sigmoid } from './numbers.js';
import { CBD } from './plan.js';
import type { XY } from './plane.js';
import { normal, type Random } from './random.js';
import type { TractPlan } from './tractShapes.js';

/** What the design fixes about a populated tract before its attributes are drawn. */
export interface TractSetting {
  readonly plan: TractPlan;
  /** Pull of each district on the tract's centroid (see `districtWeights`). */
  readonly g: readonly number[];
  /** 0…1; how disadvantaged the tract is by design. */
  readonly need: number;
  readonly affluence: number;
  /** Whether median income is suppressed, as the ACS does for small samples. */
  readonly missingIncome: boolean;
}

/** ACS-like attributes of a populated tract, in the order tracts.geojson writes them. */
export interface TractAttributes {
  readonly population: number;
  readonly households: number;
  readonly median_income: number | null;
  readonly median_income_moe: number | null;
  readonly poverty_rate: number;
  readonly poverty_rate_moe: number;
  readonly no_hs_diploma: number;
  readonly unemployment_rate: number;
  readonly pct_white: number;
  readonly pct_black: number;
  readonly pct_hispanic: number;
  readonly pct_asian: number;
  readonly pct_other: number;
  readonly pct_under_18: number;
  readonly pct_over_65: number;
  readonly limited_english: number;
  readonly no_vehicle: number;
}

function splitHundred(logits: readonly number[]): number[] {
  const exps = logits.map((v) => Math.exp(v));
  const total = exps.reduce((a, b) => a + b, 0);
  const pct = exps.map((v) => round1((100 * v) / total));
  // Put the rounding remainder on the largest group so the five shares add to exactly 100.0.
  const largest = pct.indexOf(Math.max(...pct));
  pct[largest] = round1(pct[largest] + 100 - pct.reduce((a, b) => a + b, 0));
  return pct;
}

function drawHomes(s: TractSetting, r: number, random: Random) {
  // Density falls off from the centre (Clark 1951's negative-exponential city, here Gaussian).
  const density = (1500 + 8000 * gaussian(r, 0, 3.2)) * Math.exp(0.25 * normal(random));
  const population = Math.round(clamp(s.plan.areaKm2 * density, 500, 9000));
  const householdSize = clamp(2.3 + 0.5 * s.need + 0.12 * normal(random), 1.6, 3.6);
  return { population, households: Math.round(population / householdSize) };
}

function drawIncome(s: TractSetting, population: number, random: Random) {
  const income = Math.round(
    Math.exp(Math.log(80_000) - 1.25 * s.need + 0.3 * s.affluence + 0.1 * normal(random)),
  );
  // ACS margins of error (90 %) grow as the sample shrinks with the population.
  const incomeMoe = Math.round(
    income * (0.06 + 3.5 / Math.sqrt(population)) * (0.8 + 0.45 * random()),
  );
  return { income, incomeMoe };
}

function drawPoverty(s: TractSetting, population: number, random: Random) {
  const poverty = round1(100 * sigmoid(-2.5 + 3.3 * s.need - s.affluence + 0.2 * normal(random)));
  // 90 % normal-approximation MOE of a proportion, 1.645·√(p(1−p)/n), on an effective sample
  // of population / 30 (the ACS samples a few percent of homes, with a design effect).
  const povertyMoe = round1(
    Math.max(
      0.8,
      1.645 * 100 * Math.sqrt(((poverty / 100) * (1 - poverty / 100)) / (population / 30)) +
        0.5 * random(),
    ),
  );
  return { poverty, povertyMoe };
}

function drawRace(c: XY, g: readonly number[], r: number, random: Random): number[] {
  const northness = clamp(c[1] / 6, -1, 1);
  return splitHundred([
    1.3 + 0.4 * northness - 3.2 * g[0] - 1.6 * g[1] - 0.4 * g[2] + 0.4 * normal(random),
    -1.2 + 4.2 * g[0] + 0.6 * g[1] + 0.4 * normal(random),
    -0.9 + 0.5 * g[0] + 3.6 * g[1] + 1.6 * g[2] + 0.4 * normal(random),
    -1.7 + 0.7 * Math.max(0, northness) + 0.5 * gaussian(r, 0, 2) + 0.4 * normal(random),
    -2.7 + 0.2 * normal(random),
  ]);
}

/** The attributes of a populated tract; the draws happen in the order the properties are listed. */
export function drawAttributes(s: TractSetting, random: Random): TractAttributes {
  const c = s.plan.centroid;
  const r = Math.hypot(c[0] - CBD[0], c[1] - CBD[1]);
  const { population, households } = drawHomes(s, r, random);
  const { income, incomeMoe } = drawIncome(s, population, random);
  const { poverty, povertyMoe } = drawPoverty(s, population, random);
  const [white, black, hispanic, asian, other] = drawRace(c, s.g, r, random);
  const need = s.need;
  const noHs = round1(100 * sigmoid(-2.9 + 3.0 * need + 0.012 * hispanic + 0.3 * normal(random)));
  const unemployment = round1(
    100 * sigmoid(-3.1 + 2.8 * need - 0.6 * s.affluence + 0.25 * normal(random)),
  );
  const under18 = round1(clamp(15 + 13 * need + 2.5 * normal(random), 3, 45));
  const over65 = round1(clamp(15 - 6 * need + 9 * s.g[2] + 3 * normal(random), 2, 40));
  const limitedEnglish = round1(clamp(0.3 * hispanic + 0.25 * asian + 1.5 * normal(random), 0, 60));
  const noVehicle = round1(
    clamp(4 + 32 * need + 18 * gaussian(r, 0, 1.5) + 3 * normal(random), 0, 85),
  );
  return {
    population,
    households,
    median_income: s.missingIncome ? null : income,
    median_income_moe: s.missingIncome ? null : incomeMoe,
    poverty_rate: poverty,
    poverty_rate_moe: povertyMoe,
    no_hs_diploma: noHs,
    unemployment_rate: unemployment,
    pct_white: white,
    pct_black: black,
    pct_hispanic: hispanic,
    pct_asian: asian,
    pct_other: other,
    pct_under_18: under18,
    pct_over_65: over65,
    limited_english: limitedEnglish,
    no_vehicle: noVehicle,
  };
}
