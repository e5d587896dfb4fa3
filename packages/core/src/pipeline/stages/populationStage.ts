import { assertArgument } from '../../errors.js';
import { detectPopulationAttribute } from '../../io/detectPopulationAttribute.js';
import { getOwn } from '../../util/getOwn.js';
import type { RunContext } from '../runContext.js';

/**
 * The area attribute counted as residents (configured, else detected), after checking that the
 * areas were read with every attribute the configuration names.
 *
 * @example
 * ```ts
 * const { populationAttribute } = populationStage(run); // 'population'
 * ```
 */
export function populationStage(run: RunContext): {
  readonly populationAttribute: string | undefined;
} {
  const { config } = run;
  const { areas } = run.inputs;
  const populationAttribute = config.population ?? detectPopulationAttribute(areas.attributes);
  const needed = [
    ...(populationAttribute === undefined ? [] : [populationAttribute]),
    ...config.attributes.map((a) => a.name),
    ...config.indicators.map((i) => i.name),
    ...(config.trust.areaMean === undefined ? [] : [config.trust.areaMean]),
    ...(config.trust.areaResponses === undefined ? [] : [config.trust.areaResponses]),
  ];
  for (const name of needed) {
    assertArgument(
      getOwn(areas.attributes, name) !== undefined,
      'analyze',
      `the areas were read without the attribute "${name}" that the configuration uses`,
      name,
    );
  }
  if (populationAttribute === undefined) {
    run.notes.push(
      'No population attribute was found or named: rates and the need ranking cover all cells.',
    );
  }
  return { populationAttribute };
}
