import { describe, expect, it } from 'vitest';
import { Texts } from '../../src/report/i18n.ts';
import { esc, jsonScript } from '../../src/report/html.ts';
import { fitMap } from '../../src/report/map.ts';

describe('report writers', () => {
  it('writes numbers, shares, durations and dates in the locale', () => {
    const sv = new Texts('sv');
    const en = new Texts('en');
    expect(sv.number(12.345, 1)).toBe('12,3');
    expect(en.number(12.345, 1)).toBe('12.3');
    expect(sv.number(null)).toBe('–');
    expect(sv.share(0.4567)).toBe('45,7\u00a0%');
    expect(en.share(0.4567)).toBe('45.7%');
    expect(sv.duration(125)).toBe('2 h 5 min');
    expect(sv.duration(45)).toBe('45 min');
    expect(sv.date('2026-11-23')).toBe('måndag 23 november 2026');
    expect(en.date('2026-11-23')).toBe('Monday, 23 November 2026');
  });

  it('keeps text and embedded JSON from breaking out of the page', () => {
    expect(esc('<a href="x">&\'')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
    const script = jsonScript({ name: '</script><script>alert(1)</script>' });
    expect(script.match(/<\/script>/g)).toHaveLength(1);
    expect(JSON.parse(script.replace(/^<script[^>]*>|<\/script>$/g, ''))).toEqual({ name: '</script><script>alert(1)</script>' });
  });

  it('fits every point of the map inside its box, north up', () => {
    const points: [number, number][] = [
      [18.03, 59.31],
      [18.11, 59.32],
      [18.07, 59.315],
    ];
    const { project, height } = fitMap(points);
    for (const [lon, lat] of points) {
      const [x, y] = project({ lon, lat });
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1100);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(height);
    }
    expect(project({ lon: 18.07, lat: 59.32 })[1]).toBeLessThan(project({ lon: 18.07, lat: 59.31 })[1]);
  });
});
