import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { InputProblem } from '../../src/model/errors.ts';
import { detectSeparator, parseCsv } from '../../src/kpi/index.ts';

function parse(text: string) {
  const problems: InputProblem[] = [];
  const table = parseCsv(text, 'log.csv', problems);
  return { table, problems };
}

describe('detectSeparator', () => {
  it('picks the separator that occurs more often in the header row', () => {
    expect(detectSeparator('recipient;staff;start;end\n')).toBe(';');
    expect(detectSeparator('recipient,staff,start,end\n')).toBe(',');
  });

  it('ignores separators inside quotes and looks at the header row only', () => {
    expect(detectSeparator('"a,b,c";d\nx,y,z,w,v\n')).toBe(';');
    expect(detectSeparator('a,b\r\nx;y;z;w\n')).toBe(',');
  });

  it('takes comma for a one-column header', () => {
    expect(detectSeparator('recipient\nr1\n')).toBe(',');
  });
});

describe('parseCsv', () => {
  it('reads a semicolon file with a BOM, CRLF, quoted separators, doubled quotes and a line break in quotes', () => {
    const text = '\uFEFFrecipient;note;staff\r\nr1;"a;b ""c""";s1\r\n"r2";"two\r\nlines";s2\r\nr3;;s3\r\n';
    const { table, problems } = parse(text);
    expect(problems).toEqual([]);
    expect(table!.separator).toBe(';');
    expect(table!.header).toEqual({ line: 1, fields: ['recipient', 'note', 'staff'] });
    expect(table!.records).toEqual([
      { line: 2, fields: ['r1', 'a;b "c"', 's1'] },
      { line: 3, fields: ['r2', 'two\nlines', 's2'] },
      // The quoted line break above moves this record to physical line 5.
      { line: 5, fields: ['r3', '', 's3'] },
    ]);
  });

  it('skips blank lines and rows of bare separators but keeps counting their lines', () => {
    const { table } = parse('a,b\n\n1,2\n,\n3,4\n\n\n');
    expect(table!.records).toEqual([
      { line: 3, fields: ['1', '2'] },
      { line: 5, fields: ['3', '4'] },
    ]);
  });

  it('reads a last row without a line break and an empty quoted field', () => {
    const { table } = parse('a,b\n"",x');
    expect(table!.records).toEqual([{ line: 2, fields: ['', 'x'] }]);
  });

  it('reports a quote that is never closed at the line its record starts on', () => {
    const { table, problems } = parse('a,b\n1,2\n3,"open\n4,5\n');
    expect(table).toBeUndefined();
    expect(problems).toEqual([{ path: 'log.csv:3', message: 'a quoted field is never closed (a " is missing)', severity: 'error' }]);
  });

  it('reports an empty file', () => {
    const { table, problems } = parse('\n\n');
    expect(table).toBeUndefined();
    expect(problems.map((p) => p.path)).toEqual(['log.csv:1']);
  });

  it('reads back any table written with RFC 4180 quoting', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ';', ',', '"', '\n', 'å') });
    fc.assert(
      fc.property(fc.constantFrom(';', ','), fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }), (sep, rows) => {
        const quote = (c: string) => `"${c.replace(/"/g, '""')}"`;
        const text = ['x', 'y', 'z'].join(sep) + '\r\n' + rows.map((r) => r.map(quote).join(sep)).join('\r\n');
        const { table, problems } = parse(text);
        expect(problems).toEqual([]);
        const kept = rows.filter((r) => r.some((c) => c.trim() !== ''));
        expect(table!.records.map((r) => r.fields)).toEqual(kept);
      }),
    );
  });
});
