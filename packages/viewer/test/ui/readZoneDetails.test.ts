import { describe, expect, it } from 'vitest';
import { readZoneDetails } from '../../src/ui/readZoneDetails.js';

/** A zone as `hexreach analyze` writes it (demo zone Z02, shortened). */
const fullZone = {
  id: 'Z02',
  rank: 2,
  reasons: ['significant hotspot (99 % confidence)', 'top 8 % for crime rate'],
  jointClass: 'hotspot without high need',
  need: 0.8697812113038221,
  trust: 2.780888751441423,
  trustResponses: 43,
  suggestedPartners: 'Youth Center <img src=x onerror=alert(1)> (youth, 345 m)',
  trend: 'no significant trend (Mann–Kendall τ = 0.14, p = 0.346, 24 steps)',
  incidentsByStep: [
    { start: '2023-01-01', incidents: 165 },
    { start: '2023-02-01', incidents: 163 },
  ],
  partners: [
    { name: 'Quarry Row Arts Collective', type: 'cultural', distanceMeters: 0 },
    { name: 'Youth Center <img src=x onerror=alert(1)>', type: 'youth', distanceMeters: 345 },
  ],
  robustness: { label: 'robust', meanProbability: 0.898, stableShare: 0.958 },
};

describe('readZoneDetails', () => {
  it('reads every descriptive field of a zone written by hexreach analyze', () => {
    expect(readZoneDetails(fullZone)).toEqual({
      reasons: ['significant hotspot (99 % confidence)', 'top 8 % for crime rate'],
      robustness: { label: 'robust', meanProbability: 0.898, stableShare: 0.958 },
      jointClass: 'hotspot without high need',
      need: 0.8697812113038221,
      trust: 2.780888751441423,
      trustResponses: 43,
      partners: [
        { name: 'Quarry Row Arts Collective', type: 'cultural', distanceMeters: 0 },
        {
          name: 'Youth Center <img src=x onerror=alert(1)>',
          type: 'youth',
          distanceMeters: 345,
        },
      ],
      incidentsByStep: [
        { start: '2023-01-01', incidents: 165 },
        { start: '2023-02-01', incidents: 163 },
      ],
      trend: 'no significant trend (Mann–Kendall τ = 0.14, p = 0.346, 24 steps)',
    });
  });

  it('leaves every field undefined for a zone of an older run that has only id and rank', () => {
    const fields = readZoneDetails({ id: 'Z01', rank: 1, meanScore: 0.8 });
    expect(Object.values(fields).every((v) => v === undefined)).toBe(true);
  });

  it('leaves out the incidents over time of a public export but keeps the other fields', () => {
    const { incidentsByStep: _omitted, ...publicZone } = fullZone;
    const fields = readZoneDetails(publicZone);
    expect(fields.incidentsByStep).toBeUndefined();
    expect(fields.trend).toBe(fullZone.trend);
    expect(fields.partners).toHaveLength(2);
  });

  it('keeps null need and trust (unknown) apart from absent ones, and a trust given in words', () => {
    expect(readZoneDetails({ id: 'Z', rank: 1, need: null, trust: null })).toMatchObject({
      need: null,
      trust: null,
    });
    expect(readZoneDetails({ id: 'Z', rank: 1, trust: 'too few responses' }).trust).toBe(
      'too few responses',
    );
  });

  it('treats malformed fields as absent instead of showing them half-read', () => {
    const fields = readZoneDetails({
      id: 'Z',
      rank: 1,
      reasons: ['a reason', 3],
      partners: [{ name: 'A', type: 'school', distanceMeters: '12' }],
      incidentsByStep: [{ start: '2023-01-01', incidents: Number.NaN }],
      robustness: { label: '', meanProbability: 0.5 },
      need: 'high',
      trust: { mean: 3 },
      jointClass: '  ',
      trend: 4,
    });
    expect(Object.values(fields).every((v) => v === undefined)).toBe(true);
  });

  it('treats an empty reasons or steps list as absent but keeps an empty partner list', () => {
    const fields = readZoneDetails({
      id: 'Z',
      rank: 1,
      reasons: [],
      incidentsByStep: [],
      partners: [],
    });
    expect(fields.reasons).toBeUndefined();
    expect(fields.incidentsByStep).toBeUndefined();
    expect(fields.partners).toEqual([]);
  });

  it('reads a robustness without stableShare', () => {
    expect(
      readZoneDetails({ id: 'Z', rank: 1, robustness: { label: 'fragile', meanProbability: 0.31 } })
        .robustness,
    ).toEqual({ label: 'fragile', meanProbability: 0.31, stableShare: undefined });
  });
});
