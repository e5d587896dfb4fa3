import { describe, expect, it } from 'vitest';
import { classify } from '../../src/map/classify.js';
import { fillColorExpression } from '../../src/map/fillColorExpression.js';

describe('fillColorExpression', () => {
  it('steps through exactly the breaks and colours of the scale that draws the legend', () => {
    const { scale } = classify([1, 2, 3, 4, 5, 6, 7, 8, 9], { classes: 3, method: 'equal' });
    const expression = fillColorExpression('score', scale);
    expect(expression).toEqual([
      'case',
      ['==', ['typeof', ['get', 'score']], 'number'],
      [
        'step',
        ['to-number', ['get', 'score']],
        scale.range()[0],
        scale.domain()[0],
        scale.range()[1],
        scale.domain()[1],
        scale.range()[2],
      ],
      scale.unknown(),
    ]);
  });

  it('paints a single class without a step, and missing values in the unknown colour', () => {
    const { scale } = classify([4, 4], { classes: 5 });
    expect(fillColorExpression('x', scale)).toEqual([
      'case',
      ['==', ['typeof', ['get', 'x']], 'number'],
      scale.range()[0],
      scale.unknown(),
    ]);
  });

  it('reads a feature state instead of the property when asked', () => {
    const { scale } = classify([4, 4], { classes: 5 });
    expect(fillColorExpression('step_bin', scale, 'state')).toEqual([
      'case',
      ['==', ['typeof', ['feature-state', 'step_bin']], 'number'],
      scale.range()[0],
      scale.unknown(),
    ]);
  });
});
