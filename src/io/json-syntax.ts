/**
 * Where and why a JSON text is broken, in a sentence with a line and a column. `JSON.parse`
 * gives neither for a file cut off at its end ("Unexpected end of JSON input") and quotes
 * the raw text around most other errors; this scanner runs only after it has failed and
 * names what it expected and what it found, a character that cannot be shown by its code
 * point. Iterative: a stack of open objects and lists, never recursion.
 */

export interface JsonSyntaxError {
  /** 1-based line and column (in UTF-16 units) where the problem is. */
  line: number;
  column: number;
  message: string;
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

const NAMED: Record<number, string> = {
  0xfeff: 'a byte-order mark (U+FEFF)',
  0x00a0: 'a no-break space (U+00A0)',
  0x201c: 'a typographic quote “ (U+201C; JSON needs the straight quote ")',
  0x201d: 'a typographic quote ” (U+201D; JSON needs the straight quote ")',
  0x2018: "a typographic quote ‘ (U+2018; JSON needs the straight quote \")",
  0x2019: "a typographic quote ’ (U+2019; JSON needs the straight quote \")",
  0xfffd: 'a replacement character (U+FFFD: text decoded in the wrong encoding)',
};

const WORD = /[A-Za-z0-9_$.+-]{1,24}/y;

function codePoint(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What stands at `offset`, as a sentence may quote it: a word, a printable character, or a code point. */
function found(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the file';
  WORD.lastIndex = offset;
  const word = WORD.exec(text)?.[0];
  if (word && /^[A-Za-z]/.test(word)) {
    const hint =
      word === 'True' || word === 'False' || word === 'Null' || word === 'TRUE' || word === 'FALSE' || word === 'NULL'
        ? ` (JSON writes ${word.toLowerCase()} in lower case)`
        : word === 'NaN' || word === 'Infinity'
          ? ' (JSON has no such number)'
          : word === 'undefined'
            ? ' (JSON has null instead)'
            : '';
    return `${JSON.stringify(word)}${hint}`;
  }
  const code = text.codePointAt(offset)!;
  if (NAMED[code]) return NAMED[code];
  if (code === 0x27) return `"'" (JSON strings take double quotes)`;
  if (code >= 0x21 && code <= 0x7e) return JSON.stringify(String.fromCharCode(code));
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return `the control character ${codePoint(code)}`;
  return `${JSON.stringify(String.fromCodePoint(code))} (${codePoint(code)})`;
}

type Expect = 'value' | 'value-or-close' | 'value-after-comma' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

interface Open {
  kind: 'object' | 'list';
  offset: number;
  /** The field whose value is being read, for "after the value of ...". */
  key: string | null;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'] as const;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/** The first syntax error of `text`, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const n = text.length;
  const stack: Open[] = [];
  // Set by afterValue() too, which the compiler's narrowing does not follow.
  let expect = 'value' as Expect;
  let i = 0;
  const fail = (offset: number, message: string): JsonSyntaxError => ({ ...lineAndColumn(text, offset), message });
  const where = (offset: number): string => {
    const { line, column } = lineAndColumn(text, offset);
    return `line ${line}, column ${column}`;
  };
  const afterValue = () => {
    expect = stack.length === 0 ? 'end' : 'comma-or-close';
  };
  const shortKey = (key: string) => JSON.stringify(key.length > 40 ? `${key.slice(0, 37)}...` : key);

  /** Reads the string at `i`; on success returns its text and moves past it. */
  const readString = (): string | JsonSyntaxError => {
    const start = i;
    let j = i + 1;
    for (;;) {
      if (j >= n) return fail(n, `the file ends in the middle of a string that starts at ${where(start)} (a closing " is missing, or the file was cut off)`);
      const ch = text.charCodeAt(j);
      if (ch === 0x22) break;
      if (ch === 0x5c) {
        const next = text[j + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) return fail(j, 'a \\u escape needs four hexadecimal digits');
          j += 6;
          continue;
        }
        if (next === undefined || !ESCAPES.has(next)) return fail(j, `a backslash starts an escape that JSON does not know (write \\\\ for a backslash, as in "C:\\\\Users")`);
        j += 2;
        continue;
      }
      if (ch < 0x20) {
        return fail(j, ch === 0x0a || ch === 0x0d ? `a line break inside the string that starts at ${where(start)} (a closing " is missing, or write \\n)` : `${found(text, j)} inside a string (write it as a \\u escape)`);
      }
      j++;
    }
    i = j + 1;
    return text.slice(start + 1, j);
  };

  /** The file stops before the document is complete: cut off, or a closing bracket missing. */
  const endsEarly = (): JsonSyntaxError => {
    const open = stack[stack.length - 1];
    if (!open) return fail(n, text.trim() === '' ? 'the file is empty: a JSON document was expected' : 'the file ends in the middle of a value (it was cut off)');
    const what = open.kind === 'object' ? 'an object' : 'a list';
    return fail(n, `the file ends in the middle of ${what} that starts at ${where(open.offset)} (a "${open.kind === 'object' ? '}' : ']'}" is missing, or the file was cut off)`);
  };

  for (;;) {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
    if (i >= n) {
      if (expect === 'end') return null;
      return endsEarly();
    }
    const c = text[i];
    const top = stack[stack.length - 1];
    switch (expect) {
      case 'end':
        return fail(i, `${found(text, i)} after the end of the document (one JSON value per file)`);
      case 'colon':
        if (c !== ':') return fail(i, `expected ":" after the field name ${shortKey(top.key ?? '')}, found ${found(text, i)}`);
        i++;
        expect = 'value';
        continue;
      case 'comma-or-close': {
        const close = top.kind === 'object' ? '}' : ']';
        if (c === ',') {
          i++;
          expect = top.kind === 'object' ? 'key' : 'value-after-comma';
          continue;
        }
        if (c === close) {
          i++;
          stack.pop();
          afterValue();
          continue;
        }
        const after = top.kind === 'object' && top.key !== null ? `the value of ${shortKey(top.key)}` : 'a list item';
        return fail(i, `expected "," or "${close}" after ${after}, found ${found(text, i)}`);
      }
      case 'key':
      case 'key-or-close':
        if (c === '}') {
          if (expect === 'key') return fail(i, 'a "," before "}" is not allowed in JSON');
          i++;
          stack.pop();
          afterValue();
          continue;
        }
        if (c !== '"') return fail(i, `expected a field name in double quotes${expect === 'key-or-close' ? ' or "}"' : ''}, found ${found(text, i)}`);
        {
          const key = readString();
          if (typeof key !== 'string') return key;
          top.key = key;
          expect = 'colon';
        }
        continue;
      default:
        break;
    }
    // A value is expected.
    if (c === ']' && expect === 'value-or-close') {
      i++;
      stack.pop();
      afterValue();
      continue;
    }
    if (c === ']' && expect === 'value-after-comma') return fail(i, 'a "," before "]" is not allowed in JSON');
    if (c === '{' || c === '[') {
      stack.push({ kind: c === '{' ? 'object' : 'list', offset: i, key: null });
      expect = c === '{' ? 'key-or-close' : 'value-or-close';
      i++;
      continue;
    }
    if (c === '"') {
      const value = readString();
      if (typeof value !== 'string') return value;
      afterValue();
      continue;
    }
    if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const number = NUMBER.exec(text)?.[0];
      WORD.lastIndex = i;
      const token = WORD.exec(text)?.[0] ?? c;
      if (!number || token.length > number.length) return i + token.length >= n ? endsEarly() : fail(i, `${JSON.stringify(token)} is not a JSON number`);
      i += number.length;
      afterValue();
      continue;
    }
    const literal = LITERALS.find((word) => text.startsWith(word, i));
    if (literal && !/[A-Za-z0-9_]/.test(text[i + literal.length] ?? '')) {
      i += literal.length;
      afterValue();
      continue;
    }
    // A literal cut off at the end of the file ("tru").
    if (LITERALS.some((word) => word.length > n - i && word.startsWith(text.slice(i)))) return endsEarly();
    const context = top?.kind === 'object' && top.key !== null ? ` for ${shortKey(top.key)}` : '';
    return fail(i, `expected a value${context}, found ${found(text, i)}`);
  }
}
