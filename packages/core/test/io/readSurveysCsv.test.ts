import { describe, expect, it } from 'vitest';
import { readSurveysCsv } from '../../src/io/readSurveysCsv.js';

const csv = [
  'id,date,latitude,longitude,trust_police,feel_safe',
  '1,2024-04-01,42.35,-101.35,4,5', // row 1: both answered
  '2,2024-04-02,42.36,-101.34,,2', // row 2: trust not answered
  '3,2024-04-03,42.36,-101.34,9,3', // row 3: 9 is off the scale: a warning, left unanswered
  '4,2024-04-04,42.36,-101.34,,', // row 4: no answer at all: rejected
  '5,2024-04-05,,-101.34,3,3', // row 5: no latitude: rejected
  '6,someday,42.36,-101.34,3,3', // row 6: bad date: rejected
  '',
].join('\n');

describe('readSurveysCsv', () => {
  it('reads locations and answers, NaN where a question was not answered', async () => {
    const { data, read } = await readSurveysCsv(csv, {
      source: 'surveys.csv',
      answers: ['trust_police', 'feel_safe'],
    });
    expect(read).toBe(6);
    expect(data.length).toBe(3);
    expect([...data.record]).toEqual([1, 2, 3]);
    expect([...data.answers.trust_police]).toEqual([4, Number.NaN, Number.NaN]);
    expect([...data.answers.feel_safe]).toEqual([5, 2, 3]);
    expect(data.time[0]).toBe(Date.UTC(2024, 3, 1));
  });

  it('warns about answers off the scale and rejects rows it cannot use, naming the row', async () => {
    const { data, read, rejections, warnings } = await readSurveysCsv(csv, {
      source: 'surveys.csv',
      answers: ['trust_police', 'feel_safe'],
    });
    expect(warnings.map((w) => [w.record, w.reason])).toEqual([[3, 'invalid-attribute']]);
    expect(rejections.map((r) => [r.source, r.record, r.reason])).toEqual([
      ['surveys.csv', 4, 'missing-attribute'],
      ['surveys.csv', 5, 'missing-coordinates'],
      ['surveys.csv', 6, 'invalid-date'],
    ]);
    expect(data.length + rejections.length).toBe(read);
  });

  it('takes another scale', async () => {
    const { data, warnings } = await readSurveysCsv('lat,lon,q\n42,-101,9\n', {
      source: 's.csv',
      answers: ['q'],
      scale: { min: 0, max: 10 },
    });
    expect([...data.answers.q]).toEqual([9]);
    expect(warnings).toEqual([]);
  });

  it('names a missing answer column and the columns the file has', async () => {
    await expect(
      readSurveysCsv(csv, { source: 'surveys.csv', answers: ['trust'] }),
    ).rejects.toMatchObject({
      code: 'E_NOT_FOUND',
    });
  });

  it('takes no hexadecimal answer or coordinate', async () => {
    const { data, rejections, warnings } = await readSurveysCsv(
      'lat,lon,q\n42,-101,0x3\n0x2a,-101,3\n42,-101,3\n',
      { source: 's.csv', answers: ['q'] },
    );
    expect([...data.answers.q]).toEqual([3]);
    expect(warnings.map((w) => w.record)).toEqual([1]);
    expect(rejections.map((r) => [r.record, r.reason])).toEqual([
      [1, 'missing-attribute'],
      [2, 'invalid-coordinates'],
    ]);
  });
});
