import { describe, it } from 'vitest';
import { demoRunDir } from './helpers.js';
import { expectRecordedHashes } from './outputHashes.js';

// Every output of the demo runs, byte for byte (summary.json but its durations): a refactor that
// changes any of them changes behaviour. REGEN=1 records new hashes (tests/fixtures/outputHashes.json).
describe('the outputs of the demo runs', () => {
  it('are byte-identical to the recorded ones: the example configuration', () => {
    expectRecordedHashes('demo', demoRunDir('private'));
  });

  it('are byte-identical to the recorded ones: the same with --public', () => {
    expectRecordedHashes('demo --public', demoRunDir('public'));
  });
});
