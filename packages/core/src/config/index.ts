// @hexreach/core/config: the configuration schema and parser. Named re-exports only.

export { areaAttributesOf } from './areaAttributesOf.js';
export { configSchema, type HexreachConfig, type HexreachConfigInput } from './configSchema.js';
export { type EvaluationSettings, evaluationSettings } from './evaluationSettings.js';
export { parseConfig } from './parseConfig.js';
export { resolveNeedPreset, SVI_NO_DATA, sviPresetNote } from './resolveNeedPreset.js';
