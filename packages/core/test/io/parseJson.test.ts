import { describe, expect, it, vi } from 'vitest';
import { parseJson } from '../../src/io/parseJson.js';
import { thrownBy } from '../helpers/errors.js';

describe('parseJson', () => {
  it('parses valid JSON, ignoring a leading byte-order mark', () => {
    expect(parseJson('{"type": "FeatureCollection", "features": []}', 'a.json')).toEqual({
      type: 'FeatureCollection',
      features: [],
    });
    expect(parseJson('\ufeff[1, 2]', 'bom.json')).toEqual([1, 2]);
  });

  it('throws E_INPUT naming the source, line and column of the fault', () => {
    const cases: [string, number, number][] = [
      ['{', 1, 2],
      ['{"a":}', 1, 6],
      ['', 1, 1],
      ['[1,2,', 1, 6],
      ['{"a":1}\n}', 2, 1],
      ['{\n  "a": tru\n}', 2, 11],
      ['[1, 2 3]', 1, 7],
      ['{"a" 1}', 1, 6],
      ['[1,]', 1, 4],
      ['{"a":1,}', 1, 8],
      ['{"a":01}', 1, 7],
      ['[-]', 1, 3],
      ['\ufeff{"a": x}', 1, 7],
      ['{"a": [1, {"b": 2}],\r\n"c": "\\q"}', 2, 8],
      ['{\r"a": 1,\r"b": ]', 3, 6],
    ];
    for (const [text, line, column] of cases) {
      const error = thrownBy(() => parseJson(text, 'data/x.geojson'));
      expect(error.code, JSON.stringify(text)).toBe('E_INPUT');
      expect(error.message, JSON.stringify(text)).toMatch(
        new RegExp(`^data/x\\.geojson: invalid JSON at line ${line}, column ${column}: \\S`),
      );
      expect(error.value).toEqual({ line, column });
    }
  });

  it('keeps the engine reason without quoting the text back', () => {
    const big = `{"features": [${'1,'.repeat(200)} }`;
    const error = thrownBy(() => parseJson(big, 'big.json'));
    expect(error.message).not.toContain('is not valid JSON');
    expect(error.message).not.toContain('1,1,1,1');
    expect(error.message.length).toBeLessThan(120);
  });

  it('locates a fault deep in a multi-line document', () => {
    const lines = ['{', '  "type": "FeatureCollection",', '  "features": ['];
    for (let i = 0; i < 50; i++) lines.push(`    {"type": "Feature", "properties": {"n": ${i}}},`);
    lines.push('    {"type": "Feature", "properties": {"n": 50,}}', '  ]', '}');
    const error = thrownBy(() => parseJson(lines.join('\n'), 'long.json'));
    expect(error.value).toEqual({ line: 54, column: 48 });
  });

  it('uses the line and column of newer V8 messages, "(line L column C)"', () => {
    // Node 22+ words errors this way; Node 20 gives only a position, so the form is simulated.
    const spy = vi.spyOn(JSON, 'parse').mockImplementationOnce(() => {
      throw new SyntaxError(
        "Expected ',' or '}' after property value in JSON at position 12 (line 2 column 3)",
      );
    });
    try {
      const error = thrownBy(() => parseJson('{"a": 1\n  "b": 2}', 'new.json'));
      expect(error.message).toBe(
        "new.json: invalid JSON at line 2, column 3: Expected ',' or '}' after property value",
      );
    } finally {
      spy.mockRestore();
    }
  });
});
