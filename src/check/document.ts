/** The schedule as a document: its format, date and zone, and the offset of every time (FORMAT §6.11). */
import type { CheckedSchedule } from '../model/types.ts';
import { type DayIndex, offsetsOf, routeTimeFields } from '../metrics/index.ts';
import type { Violations } from './violations.ts';

export function checkDocument(day: DayIndex, schedule: CheckedSchedule, out: Violations): void {
  if (schedule.format !== 'kontinuitet/schedule@1') {
    out.add('wrong_format', 'format', `the format is ${JSON.stringify(schedule.format)}, not "kontinuitet/schedule@1"`, []);
  }
  if (schedule.date !== undefined && schedule.date !== day.problem.date) {
    out.add('date_mismatch', 'date', `the schedule is for ${schedule.date} but the problem is for ${day.problem.date}`, []);
  }
  if (schedule.timezone !== undefined && schedule.timezone !== day.timezone) {
    out.add('timezone_mismatch', 'timezone', `the schedule's time zone is ${schedule.timezone} but the problem's is ${day.timezone}`, []);
  }
  for (const { path, text } of routeTimeFields(schedule.routes)) {
    const { written, actual } = offsetsOf(text, day.clock.zone);
    if (written === null) {
      out.add('missing_offset', path, `${text} carries no UTC offset`, []);
    } else if (written !== actual) {
      out.add('wrong_offset', path, `${text} is written with offset ${offsetText(written)}, but ${day.timezone} is at ${offsetText(actual)} at that instant`, []);
    }
  }
}

function offsetText(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
