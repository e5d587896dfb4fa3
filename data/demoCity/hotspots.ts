/** When a hotspot is active: both years, only in 2024 and growing, or gone by April 2024. */
export type Activity = 'steady' | 'emerging' | 'fading';

/** A Gaussian blob of incidents; `share` is its fraction of all in-city incidents. */
export interface Hotspot {
  readonly name: string;
  /** Whether it lies in a disadvantaged district. */
  readonly withNeed: boolean;
  readonly x: number;
  readonly y: number;
  readonly sigmaXKm: number;
  readonly sigmaYKm: number;
  readonly rotationDeg: number;
  readonly share: number;
  readonly activity: Activity;
  /** Relative weight of each category. */
  readonly mix: Readonly<Record<string, number>>;
}

/** The planted hotspots: two with need, two without, one emerging and one fading. */
export const HOTSPOTS: readonly Hotspot[] = [
  {
    name: 'Downtown',
    withNeed: false,
    x: 0.9,
    y: -0.7,
    sigmaXKm: 0.55,
    sigmaYKm: 0.4,
    rotationDeg: 20,
    share: 0.1,
    activity: 'steady',
    mix: {
      THEFT: 45,
      'DECEPTIVE PRACTICE': 14,
      BATTERY: 12,
      ROBBERY: 8,
      'CRIMINAL DAMAGE': 7,
      ASSAULT: 6,
      'CRIMINAL TRESPASS': 5,
      'MOTOR VEHICLE THEFT': 3,
    },
  },
  {
    name: 'Quarry Row',
    withNeed: true,
    x: -2.0,
    y: -3.6,
    sigmaXKm: 0.75,
    sigmaYKm: 0.6,
    rotationDeg: -15,
    share: 0.09,
    activity: 'steady',
    mix: {
      BATTERY: 28,
      NARCOTICS: 20,
      ASSAULT: 13,
      'CRIMINAL DAMAGE': 12,
      ROBBERY: 9,
      THEFT: 7,
      'WEAPONS VIOLATION': 6,
      BURGLARY: 5,
    },
  },
  {
    name: 'East Riverside',
    withNeed: true,
    x: 3.4,
    y: -0.3,
    sigmaXKm: 0.45,
    sigmaYKm: 0.35,
    rotationDeg: 0,
    share: 0.06,
    activity: 'steady',
    mix: {
      BATTERY: 24,
      ASSAULT: 15,
      ROBBERY: 14,
      NARCOTICS: 12,
      'CRIMINAL DAMAGE': 12,
      THEFT: 10,
      'MOTOR VEHICLE THEFT': 8,
      'WEAPONS VIOLATION': 5,
    },
  },
  {
    name: 'Northgate Mall',
    withNeed: false,
    x: 4.0,
    y: 3.9,
    sigmaXKm: 0.35,
    sigmaYKm: 0.3,
    rotationDeg: 35,
    share: 0.05,
    activity: 'steady',
    mix: {
      THEFT: 55,
      'DECEPTIVE PRACTICE': 15,
      'MOTOR VEHICLE THEFT': 12,
      'CRIMINAL DAMAGE': 8,
      ROBBERY: 5,
      BATTERY: 5,
    },
  },
  {
    name: 'West Yards',
    withNeed: false,
    x: -4.6,
    y: -1.6,
    sigmaXKm: 0.4,
    sigmaYKm: 0.4,
    rotationDeg: 0,
    share: 0.04,
    activity: 'emerging',
    mix: {
      'MOTOR VEHICLE THEFT': 30,
      BURGLARY: 25,
      ROBBERY: 20,
      'CRIMINAL DAMAGE': 15,
      THEFT: 10,
    },
  },
  {
    name: 'Old Market',
    withNeed: false,
    x: -0.7,
    y: 3.1,
    sigmaXKm: 0.4,
    sigmaYKm: 0.35,
    rotationDeg: -30,
    share: 0.04,
    activity: 'fading',
    mix: {
      NARCOTICS: 35,
      BATTERY: 20,
      'CRIMINAL TRESPASS': 15,
      'CRIMINAL DAMAGE': 15,
      ASSAULT: 15,
    },
  },
];
