import type { XY } from './plane.js';

/** Incidents spread across a street segment. */
export interface Corridor {
  readonly name: string;
  readonly from: XY;
  readonly to: XY;
  readonly spreadKm: number;
  readonly share: number;
  readonly mix: Readonly<Record<string, number>>;
}

/** The planted corridors: three streets with incidents along them. */
export const CORRIDORS: readonly Corridor[] = [
  {
    name: 'Western Avenue',
    from: [-1.0, -5.2],
    to: [-0.5, 5.2],
    spreadKm: 0.1,
    share: 0.08,
    mix: {
      THEFT: 30,
      ROBBERY: 15,
      BATTERY: 15,
      'CRIMINAL DAMAGE': 12,
      ASSAULT: 10,
      'MOTOR VEHICLE THEFT': 10,
      'DECEPTIVE PRACTICE': 8,
    },
  },
  {
    name: 'Lake Road',
    from: [-6.3, -2.6],
    to: [4.6, -3.0],
    spreadKm: 0.1,
    share: 0.07,
    mix: {
      THEFT: 25,
      BATTERY: 20,
      'CRIMINAL DAMAGE': 15,
      ROBBERY: 12,
      ASSAULT: 10,
      'MOTOR VEHICLE THEFT': 10,
      NARCOTICS: 8,
    },
  },
  {
    name: 'Harbor Drive',
    from: [1.0, 1.2],
    to: [4.8, 4.6],
    spreadKm: 0.09,
    share: 0.05,
    mix: {
      THEFT: 35,
      'MOTOR VEHICLE THEFT': 20,
      'CRIMINAL DAMAGE': 15,
      BURGLARY: 12,
      'DECEPTIVE PRACTICE': 10,
      BATTERY: 8,
    },
  },
];
