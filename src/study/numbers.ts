/** Numbers of a study as people read them: Swedish (`12 345,6`, `41,2 %`) or English (`12,345.6`, `41.2 %`). */

export type NumberStyle = 'sv' | 'en';

/** Swedish when the locale asks for it: LC_ALL, else LC_NUMERIC, else LANG, starting with `sv`. */
export function localeStyle(env: NodeJS.ProcessEnv = process.env): NumberStyle {
  const locale = env.LC_ALL || env.LC_NUMERIC || env.LANG || '';
  return /^sv/i.test(locale) ? 'sv' : 'en';
}

export class NumberFormat {
  readonly style: NumberStyle;
  private readonly formats = new Map<string, Intl.NumberFormat>();

  constructor(style: NumberStyle) {
    this.style = style;
  }

  /** `digits` decimals; -1: as many as the number has (up to six), none added. */
  private format(digits: number, signed: boolean): Intl.NumberFormat {
    const key = `${digits}${signed}`;
    let found = this.formats.get(key);
    if (!found) {
      const fraction = digits < 0 ? { minimumFractionDigits: 0, maximumFractionDigits: 6 } : { minimumFractionDigits: digits, maximumFractionDigits: digits };
      found = new Intl.NumberFormat(this.style === 'sv' ? 'sv-SE' : 'en-US', { ...fraction, signDisplay: signed ? 'exceptZero' : 'auto' });
      this.formats.set(key, found);
    }
    return found;
  }

  /** `12 345,7` with `digits` decimals (-1: as written); `-` for none. */
  number(n: number | null | undefined, digits = 0): string {
    return n === null || n === undefined ? '-' : this.format(digits, false).format(n);
  }

  /** `+12,5`, `−3`, `0`. */
  signed(n: number | null | undefined, digits = 0): string {
    return n === null || n === undefined ? '-' : this.format(digits, true).format(n);
  }

  /** A share as a percentage: `41,2 %`. */
  percent(share: number | null | undefined): string {
    return share === null || share === undefined ? '-' : `${this.number(share * 100, 1)} %`;
  }

  /** A difference of shares in percentage points: `+3,1 pp`. */
  points(a: number | null | undefined, b: number | null | undefined): string {
    return a === null || a === undefined || b === null || b === undefined ? '-' : `${this.signed((a - b) * 100, 1)} pp`;
  }
}
