import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createCsvRecordSplitter, MAX_CSV_FIELD_LENGTH } from '../../src/io/csvRecordSplitter.js';
import { mulberry32 } from '../../src/util/random.js';

/** Every piece the splitter returns, then what `end` returns. */
function split(pieces: readonly string[], delimiter = ',', max?: number) {
  const splitter = createCsvRecordSplitter(delimiter, max);
  const out = pieces.map((piece) => splitter.push(piece));
  return { out, end: splitter.end(), overflow: splitter.overflow };
}

/** `text` cut into pieces of `size` characters. */
function piecesOf(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
  return pieces;
}

describe('createCsvRecordSplitter', () => {
  it('returns the records a piece completes and keeps the unfinished one', () => {
    expect(split(['a,b\n1,"x', 'y"\n2,z'])).toEqual({
      out: ['a,b\n', '1,"xy"\n'],
      end: '2,z',
      overflow: undefined,
    });
  });

  it('does not end a record at a line break inside quotes, nor after an escaped quote', () => {
    const text = 'a,b\n1,"x\ny"\n2,"say ""hi""\n3"\n4,"q""",5\n';
    const { out, end } = split(piecesOf(text, 1));
    expect(out.filter((records) => records !== '')).toEqual([
      'a,b\n',
      '1,"x\ny"\n',
      '2,"say ""hi""\n3"\n',
      '4,"q""",5\n',
    ]);
    expect(end).toBe('');
  });

  it('takes a quote inside an unquoted field as text, as papaparse does', () => {
    expect(split(['id,size\n1,12" TV\n2,x\n']).out).toEqual(['id,size\n1,12" TV\n2,x\n']);
    expect(split(['id,size\n1,12" TV\n2', ',x\n']).out).toEqual(['id,size\n1,12" TV\n', '2,x\n']);
  });

  it('ends records at \\r\\n, and at a lone \\r, even across pieces', () => {
    expect(split(['a,b\r', '\n1,2\r\n3,4']).out).toEqual(['', 'a,b\r\n1,2\r\n']);
    expect(split(['a;b\r1;2\r', '3;4'], ';')).toEqual({
      out: ['a;b\r', '1;2\r'],
      end: '3;4',
      overflow: undefined,
    });
  });

  it('gives papaparse every record whole: the same rows as parsing the text at once', () => {
    const random = mulberry32(7);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    // Fields as files have them: empty, plain, a quote inside the text, or quoted with
    // delimiters, line ends and doubled quotes inside.
    const field = () => {
      const kind = pick(['empty', 'plain', 'inner', 'quoted', 'quoted']);
      if (kind === 'empty') return '';
      if (kind === 'plain') return pick(['a', 'bc', '12.5', ' x ']);
      if (kind === 'inner') return pick(['x"y', '12" TV', 'a""b']);
      let text = '';
      for (let k = Math.floor(random() * 6); k > 0; k--) text += pick(['a', ',', '\n', '""', ' ']);
      return `"${text}"`;
    };
    for (let run = 0; run < 300; run++) {
      const newline = pick(['\n', '\r\n'] as const);
      const rows: string[] = [];
      for (let r = 1 + Math.floor(random() * 8); r > 0; r--) {
        const fields: string[] = [];
        for (let f = 1 + Math.floor(random() * 4); f > 0; f--) fields.push(field());
        rows.push(fields.join(','));
      }
      const text = rows.join(newline) + pick(['', newline]);
      const { out, end } = split(piecesOf(text, 1 + Math.floor(random() * 9)));
      expect(out.join('') + end, text).toBe(text);
      // Records handed over one by one give the rows that parsing all at once gives.
      const parse = (records: string) =>
        Papa.parse<string[]>(records, { delimiter: ',', newline, skipEmptyLines: true });
      const whole = parse(text);
      expect(whole.errors, JSON.stringify(text)).toEqual([]);
      const records = [...out, end].filter((r) => r !== '');
      expect(
        records.flatMap((r) => parse(r).data),
        JSON.stringify(text),
      ).toEqual(whole.data);
    }
  });

  it('reads a 16 MB line of small fields in 64 K pieces, handing it over once, whole', () => {
    const line = `${'ab,'.repeat((16 * 2 ** 20) / 3)}end\n`;
    const { out, end, overflow } = split(piecesOf(`h\n${line}`, 1 << 16));
    expect(overflow).toBeUndefined();
    expect(out[0]).toBe('h\n');
    expect(out.slice(1, -1).every((records) => records === '')).toBe(true);
    expect(out[out.length - 1]).toBe(line);
    expect(end).toBe('');
  });

  it(`stops at a field longer than ${MAX_CSV_FIELD_LENGTH} characters, quoted or not`, () => {
    const long = 'x'.repeat(16 * 2 ** 20);
    const unquoted = split(piecesOf(`a,b\n1,2\n3,${long}\n4,5\n`, 1 << 16));
    expect(unquoted.overflow).toEqual({ quoted: false });
    expect(unquoted.out.join('')).toBe('a,b\n1,2\n');
    expect(unquoted.end).toBe('');
    // A stray quote makes the rest of the file one field: refused after its first megabyte.
    const stray = split(piecesOf(`a,b\n1,"2\n${'3,4\n'.repeat(2 ** 20)}`, 1 << 16));
    expect(stray.overflow).toEqual({ quoted: true });
    expect(stray.out.join('')).toBe('a,b\n');
    expect(split(['a,b\n', `1,"${'x'.repeat(10)}"\n`], ',', 10).overflow).toBeUndefined();
    expect(split(['a,b\n', `1,"${'x'.repeat(11)}"\n`], ',', 10).overflow).toEqual({
      quoted: true,
    });
    expect(split(['a,b\n', `1,${'x'.repeat(11)}\n`], ',', 10).overflow).toEqual({
      quoted: false,
    });
  });
});
