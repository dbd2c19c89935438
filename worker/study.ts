/**
 * A study on the queue: one `study-plan` child per variant and per sweep value. Each child
 * carries the whole study and plans its own part; a variant whose count removal needs the
 * base plan plans the base itself (the same plan under an iteration budget, whichever worker
 * runs it), so no child waits for another and the flow stays one level deep. Light on
 * purpose: the producer builds the flow without loading the search.
 */
import { partId, type CheckedStudy } from '../src/study/check.ts';
import type { StudyData, StudyPartData } from './jobs.ts';

export interface StudyPart {
  name: 'study-plan';
  data: StudyPartData;
}

export function studyParts(checked: CheckedStudy, data: StudyData): StudyPart[] {
  const { study: _study, ...settings } = data;
  return checked.parts.map((part, index) => ({
    name: 'study-plan',
    data: { study: data.study, part: index, parts: checked.parts.length, id: partId(checked.study, part), ...settings },
  }));
}
