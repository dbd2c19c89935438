import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateDayProblem } from '../../../src/validate/index.ts';
import { EXTERNAL_ROOT, clockTime, externalPath, readExternal } from '../../../benchmarks/field/index.ts';
import { FIELD_DATASETS_DIR, fieldDatasets } from '../../../benchmarks/field/write-datasets.ts';

describe('field benchmark helpers', () => {
  it('finds the published files beside the repository, from the module location', () => {
    expect(EXTERNAL_ROOT.href.endsWith('/shared/datasets-external/')).toBe(true);
    expect(externalPath('mankowska-2014/bks.csv')).toBe(fileURLToPath(new URL('../../../../shared/datasets-external/mankowska-2014/bks.csv', import.meta.url)));
  });

  it('says which published file is missing', async () => {
    await expect(readExternal('mankowska-2014/nope.txt')).rejects.toThrow(/nope\.txt: no such file/);
  });

  it('writes benchmark minutes as clock times', () => {
    expect([clockTime(0), clockTime(345), clockTime(1439), clockTime(1500)]).toEqual(['00:00', '05:45', '23:59', '01:00+1']);
    expect(() => clockTime(314.5)).toThrow(RangeError);
  });

  it('keeps datasets/field equal to a fresh conversion, and valid', async () => {
    for (const [name, problem] of Object.entries(await fieldDatasets())) {
      const kept = JSON.parse(await readFile(new URL(name, FIELD_DATASETS_DIR), 'utf8'));
      expect(kept, name).toEqual(JSON.parse(JSON.stringify(problem)));
      expect(validateDayProblem(kept).ok, name).toBe(true);
    }
  });
});
