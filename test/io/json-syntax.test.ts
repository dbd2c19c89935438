/** Broken JSON is reported with a line and a column and what was expected, never with the raw text (FORMAT §5). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, parseJsonText } from '../../src/io/index.ts';
import { InputError } from '../../src/model/errors.ts';
import { generateDay } from '../../src/generate/index.ts';

function problemOf(text: string): { path: string; message: string } {
  try {
    parseJsonText(text, 'day.json');
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return err.problems[0];
  }
  throw new Error('parsed');
}

describe('parseJsonText', () => {
  it.each([
    ['', 'day.json:1:1', 'the file is empty'],
    ['{"date": ', 'day.json:1:10', 'the file ends in the middle of an object that starts at line 1, column 1'],
    ['{\n  "visits": [\n    {"id": "v1"', 'day.json:3:16', 'the file ends in the middle of an object that starts at line 3, column 5'],
    ['{"a": tru', 'day.json:1:10', 'the file ends in the middle of an object'],
    ['{\n  "format": "kontinuitet/day@1",\n  "date": 2026-11-23\n}\n', 'day.json:3:11', '"2026-11-23" is not a JSON number'],
    ['{"a": 1,}', 'day.json:1:9', 'a "," before "}" is not allowed in JSON'],
    ['[1, 2,]', 'day.json:1:7', 'a "," before "]" is not allowed in JSON'],
    ['{a: 1}', 'day.json:1:2', 'expected a field name in double quotes or "}", found "a"'],
    ["{'a': 1}", 'day.json:1:2', `found "'" (JSON strings take double quotes)`],
    ['{"a" 1}', 'day.json:1:6', 'expected ":" after the field name "a", found "1"'],
    ['{"a": 1 "b": 2}', 'day.json:1:9', 'expected "," or "}" after the value of "a", found "\\""'],
    ['{"a": True}', 'day.json:1:7', '"True" (JSON writes true in lower case)'],
    ['{"a": “x”}', 'day.json:1:7', 'a typographic quote “ (U+201C'],
    ['{"a": "x\ny"}', 'day.json:1:9', 'a line break inside the string that starts at line 1, column 7'],
    ['{"a": "\u0001"}', 'day.json:1:8', 'the control character U+0001 inside a string'],
    ['{"a": "C:\\Users"}', 'day.json:1:10', 'a backslash starts an escape that JSON does not know'],
    ['{} {}', 'day.json:1:4', '"{" after the end of the document'],
    ['\ufeff{}', 'day.json:1:1', 'a byte-order mark (U+FEFF)'],
  ])('%j → %s: %s', (text, path, fragment) => {
    const problem = problemOf(text);
    expect(problem.path).toBe(path);
    expect(problem.message).toMatch(/^is not valid JSON: /);
    expect(problem.message).toContain(fragment);
  });

  it('reports a generated day cut off anywhere as ending in the middle, at the last line and column', () => {
    const text = JSON.stringify(generateDay({ seed: 7, teams: 1, staffPerTeam: 3, recipientsPerTeam: 4 }).problem, null, 2);
    const lines = text.split('\n');
    for (let cut = 0; cut < text.length; cut += 97) {
      const prefix = text.slice(0, cut);
      const { path, message } = problemOf(prefix);
      const before = prefix.split('\n');
      expect(path).toBe(`day.json:${before.length}:${before[before.length - 1].length + 1}`);
      expect(message).toMatch(cut === 0 ? /the file is empty/ : /the file ends in the middle of (an object|a list|a string)/);
    }
    expect(lines.length).toBeGreaterThan(50);
  });

  it('agrees with JSON.parse on every text, and never quotes a control character', () => {
    const texts = fc.oneof(
      fc.json(),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.json().chain((json) => fc.nat({ max: json.length }).map((k) => json.slice(0, k) + json.slice(k + 1))),
      fc.json().chain((json) => fc.tuple(fc.nat({ max: json.length }), fc.string({ maxLength: 3 })).map(([k, junk]) => json.slice(0, k) + junk + json.slice(k))),
    );
    fc.assert(
      fc.property(texts, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const found = findJsonSyntaxError(text);
        expect(found === null).toBe(valid);
        if (found) {
          expect(found.line).toBeGreaterThanOrEqual(1);
          expect(found.column).toBeGreaterThanOrEqual(1);
          expect(found.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
        }
      }),
      { seed: 20261025, numRuns: 3000 },
    );
  });
});
