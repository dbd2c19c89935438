/** One hand-made fault per test, each applied to the valid base fixture. */
import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../../src/check/index.ts';
import type { DayProblem, Schedule } from '../../src/model/types.ts';
import { baseProblem, baseSchedule, codes, recipientOf, route, routeOf, staffOf, stop, t, visitOf } from './fixtures.ts';

function judge(change: (problem: DayProblem, schedule: Schedule) => void) {
  const problem = baseProblem();
  const schedule = baseSchedule();
  change(problem, schedule);
  return checkSchedule(problem, schedule);
}

/** Exactly these codes, in any order and count. */
function only(result: ReturnType<typeof checkSchedule>): string[] {
  return [...new Set(codes(result))].sort();
}

const NO_TOTALS = { travel: 0, service: 0, wait: 0 };

describe('the document', () => {
  it('a schedule for another date', () => {
    expect(only(judge((_, s) => (s.date = '2026-11-24')))).toEqual(['date_mismatch']);
  });

  it('a schedule in another time zone', () => {
    expect(only(judge((_, s) => (s.timezone = 'Europe/Oslo')))).toEqual(['timezone_mismatch']);
  });

  it('another format', () => {
    expect(only(judge((_, s) => Object.assign(s, { format: 'kontinuitet/schedule@2' })))).toEqual(['wrong_format']);
  });

  it('the same instant written with a summer offset in November', () => {
    const result = judge((_, s) => (routeOf(s, 's1').start = '2026-11-23T08:50:00+02:00'));
    expect(only(result)).toEqual(['wrong_offset']);
    expect(result.violations[0].path).toBe('routes[0].start');
  });
});

describe('ids and where each visit stands', () => {
  it('a route of someone not on the staff list', () => {
    const result = judge((_, s) => s.routes.push(route('s9', ['08:00', '08:00'], [], [], NO_TOTALS)));
    expect(only(result)).toEqual(['unknown_staff']);
    expect(result.violations[0].ids).toEqual(['s9']);
  });

  it('an empty route inside the shift is fine', () => {
    expect(codes(judge((_, s) => s.routes.push(route('s3', ['16:00', '16:00'], [], [], NO_TOTALS))))).toEqual([]);
  });

  it('a staff member with two routes', () => {
    const result = judge((_, s) => s.routes.push(route('s3', ['16:00', '16:00'], [], [], NO_TOTALS), route('s3', ['17:00', '17:00'], [], [], NO_TOTALS)));
    expect(only(result)).toEqual(['duplicate_route']);
    expect(result.violations[0].path).toBe('routes[3].staff');
  });

  it('a stop naming a visit the problem lacks', () => {
    const result = judge((_, s) => (routeOf(s, 's1').stops[0].visit = 'v9'));
    expect(codes(result)).toContain('unknown_visit');
    expect(codes(result)).toContain('visit_missing');
  });

  it('an unassigned entry naming a visit the problem lacks', () => {
    expect(only(judge((_, s) => s.unassigned.push({ visit: 'v9', reason: 'no_capacity', message: '' })))).toEqual(['unknown_visit']);
  });

  it('a stop naming another recipient than its visit', () => {
    expect(only(judge((_, s) => (routeOf(s, 's1').stops[0].recipient = 'r2')))).toEqual(['wrong_recipient']);
  });

  it('a visit listed twice in one route', () => {
    const result = judge((_, s) => {
      const r = routeOf(s, 's2');
      r.stops.push({ ...r.stops[2] });
    });
    expect(codes(result)).toContain('visit_repeated_in_route');
  });

  it('a single-staffed visit in two routes', () => {
    const result = judge((p, s) => {
      staffOf(p, 's3').shift = { start: '07:00', end: '15:00' };
      s.routes.push(route('s3', ['07:50', '08:40'], [stop('v1', 'r1', ['08:00', '08:00', '08:30'], 10, 0)], [], { travel: 20, service: 30, wait: 0 }));
    });
    expect(codes(result)).toContain('too_many_staff');
    expect(codes(result).filter((c) => c !== 'metric_mismatch')).toEqual(['too_many_staff']);
  });

  it('a double-staffed visit in three routes', () => {
    const result = judge((p, s) => {
      staffOf(p, 's3').shift = { start: '07:00', end: '15:00' };
      s.routes.push(route('s3', ['08:52', '09:53'], [stop('v3', 'r3', ['09:00', '09:00', '09:45'], 8, 0)], [], { travel: 16, service: 45, wait: 0 }));
    });
    expect(codes(result).filter((c) => c !== 'metric_mismatch')).toEqual(['too_many_staff']);
  });

  it('a double-staffed visit with one staff member', () => {
    // s2 without v3: v2 08:00–08:20, then the 6 min leg to r1 and a wait of 94 until v4 at 10:00.
    const result = judge((_, s) => {
      const r = routeOf(s, 's2');
      r.stops = [stop('v2', 'r2', ['08:00', '08:00', '08:20'], 12, 0), stop('v4', 'r1', ['08:26', '10:00', '10:30'], 6, 94)];
      Object.assign(r, { travelMinutes: 28, serviceMinutes: 50, waitMinutes: 94 });
    });
    expect(codes(result).filter((c) => c !== 'metric_mismatch')).toEqual(['too_few_staff']);
  });

  it('a double-staffed visit whose staff start apart', () => {
    // s2 starts v3 at 09:05: waits 40 before it and 3 before v4; the totals stay the same.
    const result = judge((_, s) => {
      const r = routeOf(s, 's2');
      r.stops[1] = stop('v3', 'r3', ['08:25', '09:05', '09:50'], 5, 40);
      r.stops[2] = stop('v4', 'r1', ['09:57', '10:00', '10:30'], 7, 3);
    });
    expect(only(result)).toEqual(['start_mismatch']);
    expect(result.violations[0].ids).toEqual(['v3', 's1', 's2']);
  });

  it('a visit both in a route and unassigned', () => {
    expect(only(judge((_, s) => s.unassigned.push({ visit: 'v1', reason: 'no_capacity', message: '' })))).toEqual(['assigned_and_unassigned']);
  });

  it('a visit missing from both lists', () => {
    const result = judge((_, s) => s.unassigned.splice(0, 1));
    expect(only(result)).toEqual(['visit_missing']);
    expect(result.violations[0].ids).toEqual(['v5']);
  });

  it('a visit unassigned twice', () => {
    expect(only(judge((_, s) => s.unassigned.push({ ...s.unassigned[0] })))).toEqual(['unassigned_twice']);
  });

  it('an unassigned reason outside the list', () => {
    expect(only(judge((_, s) => Object.assign(s.unassigned[0], { reason: 'too_busy' })))).toEqual(['bad_unassigned_reason']);
  });

  it('an unassigned mandatory visit is not a violation', () => {
    const result = judge(() => undefined);
    expect(result.metrics.unassignedMandatory).toBe(1);
    expect(result.violations).toEqual([]);
  });
});

describe('eligibility and locks', () => {
  it('an excluded staff member', () => {
    const result = judge((p) => (recipientOf(p, 'r1').excludedStaff = ['s2']));
    expect(only(result)).toEqual(['ineligible_excluded']);
    expect(result.violations[0].path).toBe('routes[1].stops[2].visit');
  });

  it('an allergy tag', () => {
    expect(only(judge((p) => (recipientOf(p, 'r2').tags = ['dog'])))).toEqual(['ineligible_avoid_tag']);
  });

  it('a role not allowed', () => {
    expect(only(judge((p) => (visitOf(p, 'v2').roles = ['nurse'])))).toEqual(['ineligible_role']);
  });

  it('a service assistant on a personal care visit (default roles)', () => {
    expect(only(judge((p) => (staffOf(p, 's2').role = 'service_assistant')))).toEqual(['ineligible_role']);
  });

  it('a required skill missing', () => {
    expect(only(judge((p) => (visitOf(p, 'v4').requires = ['insulin'])))).toEqual(['ineligible_skill']);
  });

  it('a required gender not met', () => {
    expect(only(judge((p) => (recipientOf(p, 'r3').requiredGender = 'female')))).toEqual(['ineligible_gender']);
  });

  it('a lock naming at least staffCount people: everyone sent is from the lock', () => {
    expect(only(judge((p) => (visitOf(p, 'v3').lockedStaff = ['s1', 's3'])))).toEqual(['ineligible_not_locked']);
    expect(codes(judge((p) => (visitOf(p, 'v3').lockedStaff = ['s2', 's1'])))).toEqual([]);
  });

  it('a lock naming fewer than staffCount people: all of them are sent', () => {
    const result = judge((p) => (visitOf(p, 'v3').lockedStaff = ['s3']));
    expect(only(result)).toEqual(['locked_staff_missing']);
    expect(result.violations[0].ids).toEqual(['v3', 's3']);
  });

  it('a single-staffed visit sent to someone outside its lock', () => {
    expect(only(judge((p) => (visitOf(p, 'v1').lockedStaff = ['s3'])))).toEqual(['ineligible_not_locked']);
  });
});

describe('windows, locked starts and durations', () => {
  it('a start before the window', () => {
    expect(only(judge((p) => (visitOf(p, 'v1').window = { start: '08:10', end: '08:30' })))).toEqual(['outside_window']);
  });

  it('a start after the window', () => {
    expect(only(judge((p) => (visitOf(p, 'v4').window = { start: '09:00', end: '09:59' })))).toEqual(['outside_window']);
  });

  it('both ends of the window are inclusive', () => {
    expect(codes(judge((p) => (visitOf(p, 'v1').window = { start: '07:00', end: '08:00' })))).toEqual([]);
    expect(codes(judge((p) => (visitOf(p, 'v1').window = { start: '08:00', end: '09:00' })))).toEqual([]);
  });

  it('a start other than the locked start', () => {
    expect(only(judge((p) => (visitOf(p, 'v2').lockedStart = '08:05')))).toEqual(['locked_start']);
  });

  it('a visit shorter than its duration', () => {
    expect(only(judge((p) => (visitOf(p, 'v1').durationMinutes = 25)))).toEqual(['wrong_duration']);
  });
});

describe('time order and services', () => {
  it('stops not listed in time order', () => {
    const result = judge((_, s) => {
      const r = routeOf(s, 's2');
      r.stops = [r.stops[1], r.stops[0], r.stops[2]];
    });
    expect(codes(result)).toContain('stop_order');
    expect(codes(result)).not.toContain('service_overlap');
  });

  it('two services at once', () => {
    const result = judge((p, s) => {
      visitOf(p, 'v4').window = { start: '09:30', end: '11:00' };
      routeOf(s, 's2').stops[2] = stop('v4', 'r1', ['09:30', '09:30', '10:00'], 7, 0);
    });
    expect(codes(result)).toContain('service_overlap');
  });
});

describe('travel, arrival and wait', () => {
  it('an arrival after the start', () => {
    expect(only(judge((_, s) => (routeOf(s, 's1').stops[1].arrival = t('09:05'))))).toEqual(['arrival_after_start']);
  });

  it('a reported leg that is not the leg', () => {
    const result = judge((_, s) => {
      const r = routeOf(s, 's1');
      r.stops[0].travelMinutes = 11;
      r.travelMinutes = 26;
    });
    expect(only(result)).toEqual(['wrong_stop_travel']);
  });

  it('an arrival sooner than the leg allows', () => {
    const result = judge((_, s) => (routeOf(s, 's1').stops[1].arrival = t('08:33')));
    expect(only(result)).toEqual(['travel_too_short']);
    expect(result.violations[0].path).toBe('routes[0].stops[1].arrival');
  });

  it('a gap too short for the leg', () => {
    const result = judge((p) => {
      const walk = p.travel?.matrix?.minutes.walk;
      if (walk) walk[1][3] = 35;
    });
    expect(codes(result)).toContain('travel_too_short');
    expect(codes(result)).toContain('wrong_stop_travel');
  });

  it('a first leg leaving before the route starts', () => {
    expect(only(judge((_, s) => (routeOf(s, 's2').start = t('07:50'))))).toContain('travel_too_short');
  });

  it('a wrong wait', () => {
    const result = judge((_, s) => {
      const r = routeOf(s, 's1');
      r.stops[1].waitMinutes = 20;
      r.waitMinutes = 20;
    });
    expect(only(result)).toEqual(['wrong_wait']);
  });

  it('a wait that leaves out a break in the gap', () => {
    // s2 arrives at r3 at 08:25 and breaks 08:30–08:45: the wait before v3 is 40 − 5 − 15 = 20, not 35.
    const result = judge((p, s) => {
      staffOf(p, 's2').breaks = [{ earliest: '08:20', latest: '09:00', minutes: 15 }];
      routeOf(s, 's2').breaks = [{ start: t('08:30'), end: t('08:45') }];
    });
    // The reported wait total (66) is off by the same 15 minutes.
    expect(only(result)).toEqual(['metric_mismatch', 'wrong_wait']);
    expect(result.violations[0].message).toContain('waits 20 min');
  });
});

describe('breaks in a gap between stops', () => {
  /** s2 owes `minutes` between 08:20 and 09:00, the gap between v2 (ends 08:20) and v3 (starts 09:00, leg 5). */
  function withBreak(minutes: number, [start, end]: [string, string], arrival: string, wait: number) {
    return judge((p, s) => {
      staffOf(p, 's2').breaks = [{ earliest: '08:20', latest: '09:00', minutes }];
      const r = routeOf(s, 's2');
      r.breaks = [{ start: t(start), end: t(end) }];
      r.stops[1] = stop('v3', 'r3', [arrival, '09:00', '09:45'], 5, wait);
      r.waitMinutes = wait + 8;
      s.metrics.waitMinutes = 23 + wait + 8;
    });
  }

  it('a break before the leg', () => {
    expect(codes(withBreak(15, ['08:20', '08:35'], '08:40', 20))).toEqual([]);
  });

  it('a break after arriving, before the visit starts', () => {
    expect(codes(withBreak(15, ['08:30', '08:45'], '08:25', 20))).toEqual([]);
  });

  it('travel split around a break', () => {
    expect(codes(withBreak(15, ['08:22', '08:37'], '08:40', 20))).toEqual([]);
  });

  it('an arrival that leaves no time for the leg beside the break', () => {
    expect(codes(withBreak(15, ['08:20', '08:35'], '08:30', 20))).toEqual(['travel_too_short']);
  });

  it('a break that leaves no room for the leg in the gap', () => {
    expect(codes(withBreak(40, ['08:20', '09:00'], '09:00', 0))).toEqual(['travel_too_short']);
  });
});

describe('shifts and the leg home', () => {
  it('a route leaving before its shift', () => {
    expect(only(judge((p) => (staffOf(p, 's1').shift = { start: '07:55', end: '15:00' })))).toEqual(['route_before_shift']);
  });

  it('the leg home past the shift end', () => {
    const result = judge((p) => (staffOf(p, 's2').shift = { start: '07:00', end: '10:50' }));
    expect(only(result)).toEqual(['route_after_shift']);
    expect(result.violations[0].path).toBe('routes[1].end');
  });

  it('a route end too soon for the leg home', () => {
    // s2's break ends 10:45 and the leg home takes 10: back at 10:55 at the soonest.
    expect(only(judge((_, s) => (routeOf(s, 's2').end = t('10:50'))))).toEqual(['leg_home_too_short']);
  });

  it('a route ending before it starts', () => {
    expect(only(judge((_, s) => s.routes.push(route('s3', ['17:00', '16:30'], [], [], NO_TOTALS))))).toEqual(['route_ends_before_start']);
  });
});

describe('route totals', () => {
  it('travel without the leg home', () => {
    expect(only(judge((_, s) => (routeOf(s, 's1').travelMinutes = 17)))).toEqual(['wrong_route_travel']);
  });

  it('service that is not the sum of the stops', () => {
    expect(only(judge((_, s) => (routeOf(s, 's1').serviceMinutes = 70)))).toEqual(['wrong_route_service']);
  });

  it('wait that is not the sum of the stops', () => {
    expect(only(judge((_, s) => (routeOf(s, 's2').waitMinutes = 35)))).toEqual(['wrong_route_wait']);
  });
});

describe('breaks', () => {
  it('a break overlapping a service', () => {
    const result = judge((_, s) => (routeOf(s, 's1').breaks = [{ start: t('09:40'), end: t('10:10') }]));
    expect(only(result)).toEqual(['break_overlaps_service']);
    expect(result.violations[0].ids).toEqual(['s1', 'v3']);
  });

  it('a break outside its interval', () => {
    expect(only(judge((_, s) => (routeOf(s, 's1').breaks = [{ start: t('11:00'), end: t('11:30') }])))).toEqual(['break_outside_interval']);
  });

  it('a missing owed break', () => {
    const result = judge((_, s) => (routeOf(s, 's2').breaks = []));
    expect(only(result)).toEqual(['missing_break']);
    expect(result.violations[0].ids).toEqual(['s2']);
  });

  it('no break is owed without a stop', () => {
    const result = judge((p, s) => {
      staffOf(p, 's3').breaks = [{ earliest: '18:00', latest: '19:00', minutes: 30 }];
      s.routes.push(route('s3', ['16:00', '16:00'], [], [], NO_TOTALS));
    });
    expect(codes(result)).toEqual([]);
  });

  it('a break of the wrong length', () => {
    expect(only(judge((_, s) => (routeOf(s, 's1').breaks = [{ start: t('09:45'), end: t('10:10') }])))).toEqual(['break_wrong_length']);
  });

  it('a break taken twice', () => {
    expect(only(judge((_, s) => routeOf(s, 's1').breaks.push({ start: t('14:00'), end: t('14:30') })))).toEqual(['extra_break']);
  });

  it('a break outside the shift', () => {
    const result = judge((p, s) => {
      staffOf(p, 's1').breaks = [{ earliest: '06:00', latest: '11:00', minutes: 30 }];
      routeOf(s, 's1').breaks = [{ start: t('06:30'), end: t('07:00') }];
    });
    expect(only(result)).toEqual(['break_outside_shift']);
  });

  it('two breaks at once', () => {
    const result = judge((p, s) => {
      staffOf(p, 's1').breaks = [
        { earliest: '09:30', latest: '11:00', minutes: 30 },
        { earliest: '09:30', latest: '11:00', minutes: 15 },
      ];
      routeOf(s, 's1').breaks.push({ start: t('10:00'), end: t('10:15') });
    });
    expect(codes(result)).toContain('break_overlap');
  });
});

describe('dependencies', () => {
  it('a gap shorter than minGapMinutes', () => {
    const result = judge((p) => (visitOf(p, 'v4').dependsOn = [{ visit: 'v1', minGapMinutes: 150 }]));
    expect(only(result)).toEqual(['dependency_gap']);
    expect(result.violations[0].ids).toEqual(['v4', 'v1']);
  });

  it('a gap longer than maxGapMinutes', () => {
    expect(only(judge((p) => (visitOf(p, 'v4').dependsOn = [{ visit: 'v1', maxGapMinutes: 90 }])))).toEqual(['dependency_gap']);
  });

  it('minGapMinutes defaults to 0, so the other visit may not start later', () => {
    expect(only(judge((p) => (visitOf(p, 'v1').dependsOn = [{ visit: 'v4' }])))).toEqual(['dependency_gap']);
  });

  it('no check when the other visit is unassigned', () => {
    expect(codes(judge((p) => (visitOf(p, 'v4').dependsOn = [{ visit: 'v6', minGapMinutes: 600 }])))).toEqual([]);
  });
});

describe('warnings', () => {
  it('a missing no_contact warning', () => {
    const result = judge((_, s) => (s.warnings = s.warnings.filter((w) => w.code !== 'no_contact')));
    expect(only(result)).toEqual(['missing_warning']);
    expect(result.violations[0].ids).toEqual(['r3']);
  });

  it('a missing contact_not_qualified warning', () => {
    const result = judge((_, s) => (s.warnings = s.warnings.filter((w) => w.code !== 'contact_not_qualified')));
    expect(only(result)).toEqual(['missing_warning']);
    expect(result.violations[0].ids).toEqual(['r2', 's2']);
  });

  it('a no_contact warning for a recipient whose contact was waived', () => {
    expect(only(judge((_, s) => s.warnings.push({ code: 'no_contact', message: '', ids: ['r4'] })))).toEqual(['unexpected_warning']);
  });

  it('a contact who is not on today\'s staff list is not judged', () => {
    const result = judge((p) => (recipientOf(p, 'r2').contact = 's9'));
    expect(codes(result)).toEqual([]);
    const without = judge((p, s) => {
      recipientOf(p, 'r2').contact = 's9';
      s.warnings = s.warnings.filter((w) => w.code !== 'contact_not_qualified');
    });
    expect(codes(without)).toEqual([]);
  });

  it('other warnings are free', () => {
    expect(codes(judge((_, s) => s.warnings.push({ code: 'late_visit', message: 'v1 starts late' })))).toEqual([]);
  });
});

describe('reported metrics', () => {
  it('a wrong minute total is a violation', () => {
    const result = judge((_, s) => (s.metrics.travelMinutes = 60));
    expect(only(result)).toEqual(['metric_mismatch']);
    expect(result.metricDiffs).toEqual([{ field: 'travelMinutes', reported: 60, recomputed: 59 }]);
  });

  it('a wrong count is a violation', () => {
    expect(only(judge((_, s) => (s.metrics.assigned = 5)))).toEqual(['metric_mismatch']);
  });

  it('a wrong share is a difference, not a violation', () => {
    const result = judge((_, s) => (s.metrics.contactShare = 0.5));
    expect(result.violations).toEqual([]);
    expect(result.metricDiffs).toEqual([{ field: 'contactShare', reported: 0.5, recomputed: 2 / 3 }]);
  });

  it('shares within 1e-6 are the same', () => {
    expect(judge((_, s) => (s.metrics.contactShare = 0.6666667)).metricDiffs).toEqual([]);
  });

  it('rows may come as a list with ids (§6.14)', () => {
    const result = judge((_, s) => {
      s.metrics.byStaff = Object.entries(s.metrics.byStaff).map(([id, row]) => ({ id, ...row }));
    });
    expect(result.metricDiffs).toEqual([]);
  });

  it('a wrong row field is a difference', () => {
    const result = judge((_, s) => {
      const rows = s.metrics.byRecipient as Record<string, { distinctStaff?: number }>;
      rows.r1.distinctStaff = 3;
    });
    expect(result.violations).toEqual([]);
    expect(result.metricDiffs).toEqual([{ field: 'byRecipient.r1.distinctStaff', reported: 3, recomputed: 2 }]);
  });
});
