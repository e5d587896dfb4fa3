import { HexreachError } from '@hexreach/core';
import { describe, expect, it } from 'vitest';
import { parseEvaluation } from '../../src/data/parseEvaluation.js';
import { evaluatedZoneJson, evaluationJson } from '../helpers/evaluationJson.js';

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(HexreachError);
    return (error as HexreachError).message;
  }
  throw new Error('did not throw');
}

describe('parseEvaluation', () => {
  it('keeps each zone with its estimate, displacement, trust, engagement, series and sentence', () => {
    const parsed = parseEvaluation(
      evaluationJson([evaluatedZoneJson('Z01', -0.31), evaluatedZoneJson('Z02', 0.08)]),
      'evaluation.json',
    );
    expect(parsed.zones.map((z) => z.id)).toEqual(['Z01', 'Z02']);
    const [z] = parsed.zones;
    expect(z.name).toBe('Z01 name');
    expect(z.crime).toEqual({
      change: -0.31,
      low: -0.31 - 0.2,
      high: -0.31 + 0.2,
      confidence: 0.9,
      p: 0.071,
      placebos: 999,
    });
    expect(z.displacement.wdq).toBe(-0.49);
    expect(z.trust?.answersAfter).toBe(129);
    expect(z.engagement?.partners).toEqual(['Quarry Row Library']);
    expect(z.series.startIndex).toBe(1);
    expect(z.sentence).toBe('Incidents in Z01 changed.');
    expect(parsed.all.change).toBe(-0.19);
    expect(parsed.months).toEqual({ from: '2023-12-01', to: '2024-01-31' });
    expect(parsed.isPublic).toBe(false);
    expect(parsed.notes).toEqual(['A note.']);
  });

  it('reads null numbers as NaN and null trust or engagement as absent', () => {
    const zone = { ...evaluatedZoneJson('Z01', null), trust: null, engagement: null };
    const [z] = parseEvaluation(evaluationJson([zone]), 'evaluation.json').zones;
    expect(z.crime.change).toBeNaN();
    expect(z.crime.p).toBeNaN();
    expect(z.series.buffer[1]).toBeNaN();
    expect(z.trust).toBeUndefined();
    expect(z.engagement).toBeUndefined();
  });

  it('names a zone without a name by its id', () => {
    const zone = { ...evaluatedZoneJson('Z01', 0), name: '' };
    expect(parseEvaluation(evaluationJson([zone]), 'evaluation.json').zones[0].name).toBe('Z01');
  });

  it('names the file, the field and what was expected when a field is wrong', () => {
    const zone = evaluatedZoneJson('Z01', 0);
    const bad = { ...zone, crime: { ...zone.crime, change: '−31 %' } };
    expect(messageOf(() => parseEvaluation(evaluationJson([bad]), 'evaluation.json'))).toBe(
      'evaluation.json: zones[0].crime.change is "−31 %", expected a number or null',
    );
    const short = { ...zone, series: { ...zone.series, zone: [1] } };
    expect(messageOf(() => parseEvaluation(evaluationJson([short]), 'e.json'))).toBe(
      'e.json: zones[0].series.zone is [1], expected one value per month (2)',
    );
  });

  it('refuses a file that is not an evaluation, and two zones with one id', () => {
    expect(messageOf(() => parseEvaluation({ type: 'FeatureCollection' }, 'x.json'))).toMatch(
      /^x\.json: command is missing, expected "evaluate"/,
    );
    expect(messageOf(() => parseEvaluation([], 'x.json'))).toBe(
      'x.json: expected a JSON object, found []',
    );
    const twice = evaluationJson([evaluatedZoneJson('Z01', 0), evaluatedZoneJson('Z01', 0)]);
    expect(messageOf(() => parseEvaluation(twice, 'evaluation.json'))).toBe(
      'evaluation.json: two zones have the id "Z01"',
    );
  });

  it('does not take a field from Object.prototype', () => {
    const zone: Record<string, unknown> = { ...evaluatedZoneJson('Z01', 0) };
    delete zone.sentence;
    expect(messageOf(() => parseEvaluation(evaluationJson([zone as never]), 'e.json'))).toBe(
      'e.json: zones[0].sentence is missing, expected a string',
    );
  });
});
