/**
 * Travel at the edge (FORMAT §1 "Travel", §6.7): haversine distance × detour factor /
 * speed + overhead, rounded up to a whole minute, identical points 0, and matrix
 * overrides that may be fractional. Compiled once into one flat matrix per travel mode
 * so that the solver only indexes arrays.
 */
import turfDistance from '@turf/distance';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Area, Point, Travel, TravelMode } from '../model/types.ts';
import { TRAVEL_MODES } from '../model/schemas.ts';

export const DEFAULT_TRAVEL = {
  detourFactor: 1.3,
  speedKmh: { walk: 4.5, bike: 14, car: 25, transit: 12 },
  legOverheadMinutes: { walk: 0, bike: 1, car: 4, transit: 5 },
} as const;

export interface TravelSettings {
  detourFactor: number;
  speedKmh: Record<TravelMode, number>;
  legOverheadMinutes: Record<TravelMode, number>;
}

/** Partial `speedKmh` and `legOverheadMinutes` objects merge with the defaults. */
export function travelSettings(travel: Travel | undefined): TravelSettings {
  return {
    detourFactor: travel?.detourFactor ?? DEFAULT_TRAVEL.detourFactor,
    speedKmh: { ...DEFAULT_TRAVEL.speedKmh, ...travel?.speedKmh },
    legOverheadMinutes: { ...DEFAULT_TRAVEL.legOverheadMinutes, ...travel?.legOverheadMinutes },
  };
}

/** Great-circle distance on the sphere of radius 6371.0088 km (turf's earth radius). */
export function haversineKm(a: Point, b: Point): number {
  return turfDistance([a.lon, a.lat], [b.lon, b.lat], { units: 'kilometers' });
}

export function samePoint(a: Point, b: Point): boolean {
  return a.lat === b.lat && a.lon === b.lon;
}

/** Tolerance so that a float result such as 6.000000000001 is not rounded up to 7. */
const CEIL_EPSILON = 1e-9;

/** Minutes of one leg of `km` kilometres by `mode` under the default model. */
export function legMinutesForKm(km: number, mode: TravelMode, settings: TravelSettings): number {
  const minutes = ((km * settings.detourFactor) / settings.speedKmh[mode]) * 60 + settings.legOverheadMinutes[mode];
  return Math.ceil(minutes - CEIL_EPSILON);
}

/** Minutes of a leg between two points by the default model (no matrix). */
export function legMinutes(a: Point, b: Point, mode: TravelMode, settings: TravelSettings): number {
  if (samePoint(a, b)) return 0;
  return legMinutesForKm(haversineKm(a, b), mode, settings);
}

/** One place the solver travels between, and the matrix ids that may name it (first wins). */
export interface Place {
  point: Point;
  matrixIds: readonly string[];
}

/** Per-mode flat travel matrices over a fixed list of places: minutes[from * size + to]. */
export class TravelTables {
  readonly size: number;
  readonly byMode: ReadonlyMap<TravelMode, Float64Array>;

  constructor(size: number, byMode: Map<TravelMode, Float64Array>) {
    this.size = size;
    this.byMode = byMode;
  }

  table(mode: TravelMode): Float64Array {
    const table = this.byMode.get(mode);
    if (!table) throw new Error(`travel mode ${mode} was not compiled`);
    return table;
  }

  minutes(mode: TravelMode, from: number, to: number): number {
    return this.table(mode)[from * this.size + to];
  }
}

/** Builds one matrix per mode in `modes` over `places`, matrix overrides applied. */
export function compileTravel(travel: Travel | undefined, places: readonly Place[], modes: Iterable<TravelMode>): TravelTables {
  const settings = travelSettings(travel);
  const n = places.length;
  const km = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = samePoint(places[i].point, places[j].point) ? 0 : haversineKm(places[i].point, places[j].point);
      km[i * n + j] = d;
      km[j * n + i] = d;
    }
  }
  const matrix = travel?.matrix;
  const matrixIndex = new Map<string, number>();
  matrix?.ids.forEach((id, k) => matrixIndex.set(id, k));
  const rowOf = places.map((p) => {
    for (const id of p.matrixIds) {
      const k = matrixIndex.get(id);
      if (k !== undefined) return k;
    }
    return -1;
  });

  const byMode = new Map<TravelMode, Float64Array>();
  for (const mode of new Set(modes)) {
    const table = new Float64Array(n * n);
    const overrides = matrix?.minutes[mode];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const ri = rowOf[i];
        const rj = rowOf[j];
        const entry = overrides && ri >= 0 && rj >= 0 ? overrides[ri]?.[rj] : null;
        if (entry !== null && entry !== undefined) table[i * n + j] = entry;
        else if (samePoint(places[i].point, places[j].point)) table[i * n + j] = 0;
        else table[i * n + j] = legMinutesForKm(km[i * n + j], mode, settings);
      }
    }
    byMode.set(mode, table);
  }
  return new TravelTables(n, byMode);
}

export function isTravelMode(value: string): value is TravelMode {
  return (TRAVEL_MODES as readonly string[]).includes(value);
}

/** Whether a point lies inside a team's GeoJSON area (boundary included). */
export function pointInArea(point: Point, area: Area): boolean {
  return booleanPointInPolygon([point.lon, point.lat], area);
}
