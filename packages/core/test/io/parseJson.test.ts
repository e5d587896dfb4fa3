import { describe, expect, it, vi } from 'vitest';
import { MAX_JSON_DEPTH, parseJson } from '../../src/io/parseJson.js';
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

  it('refuses 100,000 nested arrays as nested too deeply, where a recursive reader would overflow', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const error = thrownBy(() => parseJson(`{"x": ${deep}}`, 'hexreach.config.json'));
    expect(error.code).toBe('E_INPUT');
    expect(error.message).toBe(
      `hexreach.config.json: nested too deeply at line 1, column ${7 + MAX_JSON_DEPTH - 1}: more than ${MAX_JSON_DEPTH} levels of arrays and objects`,
    );
  });

  it('names the feature of a FeatureCollection that nests too deeply, and the line', () => {
    const deep = `${'['.repeat(1000)}${']'.repeat(1000)}`;
    const text = `{"type": "FeatureCollection", "features": [\n{"type": "Feature", "properties": {}},\n{"type": "Feature", "properties": {"a": ${deep}}}]}`;
    const error = thrownBy(() => parseJson(text, 'tracts.geojson'));
    expect(error.message).toMatch(
      /^tracts\.geojson: nested too deeply at line 3, column \d+ \(feature 1\): more than 256 levels/,
    );
  });

  it(`accepts nesting up to ${MAX_JSON_DEPTH} levels, strings with brackets aside`, () => {
    const limit = `${'['.repeat(MAX_JSON_DEPTH)}"[[[{{{"${']'.repeat(MAX_JSON_DEPTH)}`;
    expect(() => parseJson(limit, 'ok.json')).not.toThrow();
    const over = `{"a": "]]]", "b": ${limit}}`;
    expect(thrownBy(() => parseJson(over, 'over.json')).message).toContain(
      `over.json: nested too deeply at line 1, column ${19 + MAX_JSON_DEPTH - 1}:`,
    );
  });

  it('says UTF-16 instead of quoting NUL bytes', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"a": 1}', 'utf16le')]);
    const error = thrownBy(() => parseJson(bytes.toString('utf8'), 'tracts.geojson'));
    expect(error.code).toBe('E_INPUT');
    expect(error.message).toBe('tracts.geojson: UTF-16 text; save the file as UTF-8');
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
