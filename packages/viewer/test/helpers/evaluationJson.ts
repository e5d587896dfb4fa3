/** One zone of evaluation.json as `hexreach evaluate` writes it, changes as fractions. */
export function evaluatedZoneJson(id: string, change: number | null) {
  return {
    id,
    name: `${id} name`,
    cells: 19,
    start: '2024-01-01',
    window: { months: 12 },
    crime: {
      change,
      low: change === null ? null : change - 0.2,
      high: change === null ? null : change + 0.2,
      p: change === null ? null : 0.071,
      confidence: 0.9,
      placebos: 999,
    },
    displacement: {
      wdq: -0.49,
      reading: 'some displacement into the surrounding ring',
      bufferChange: 0.12,
      bufferLow: -0.1,
      bufferHigh: 0.4,
    },
    trust: {
      change: 0.43,
      low: 0.24,
      high: 0.61,
      before: 2.77,
      after: 3.22,
      answersBefore: 126,
      answersAfter: 129,
      fewAnswers: false,
    },
    engagement: {
      events: 9,
      attendance: 246,
      attendancePer1000: 23.785,
      partners: ['Quarry Row Library'],
      daysToFirstEvent: 74,
    },
    series: {
      months: ['2023-12-01', '2024-01-01'],
      startIndex: 1,
      zone: [2.1, 1.4],
      buffer: [1.8, null],
      comparison: [2.2, 2.0],
    },
    sentence: `Incidents in ${id} changed.`,
  };
}

/** A small evaluation.json of the given zones. */
export function evaluationJson(zones: readonly unknown[]) {
  return {
    hexreach: '0.1.0',
    command: 'evaluate',
    months: { from: '2023-12-01', to: '2024-01-31', count: 2 },
    privacy: { public: false },
    zones,
    all: {
      change: -0.19,
      low: -0.39,
      high: 0.08,
      p: 0.219,
      confidence: 0.9,
      placebos: 999,
    },
    engagement: null,
    notes: ['A note.'],
  };
}

/** A square outline of a zone, as evaluation-zones.geojson holds it. */
export function outlineFeature(id: string, west = 0) {
  return {
    type: 'Feature',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [west, 0],
          [west + 1, 0],
          [west + 1, 1],
          [west, 1],
          [west, 0],
        ],
      ],
    },
    properties: { id, change: 0 },
  };
}
