/**
 * A Södermalm-like district: team areas are adjacent rectangular cells of about
 * 0.56 × 0.91 km (0.5 km², about 140 recipients per km² for a team of 70) on a grid over
 * lat 59.310–59.320, lon 18.030–18.110 (five columns, two rows for ten teams; more teams
 * extend the grid southwards). A home is a uniform point in
 * its team's cell; some share a building with an earlier home (senior housing), which
 * exercises the identical-points travel rule.
 */
import type { Area, Point } from '../model/types.ts';
import type { Random } from '../random/index.ts';

export const DISTRICT_NORTH = 59.32;
export const DISTRICT_WEST = 18.03;
/** Cell size in degrees: about 560 m north–south and 910 m east–west at this latitude. */
export const CELL_LAT = 0.005;
export const CELL_LON = 0.016;
const COLUMNS = 5;

/** Cell [row, column] and neighbourhood name, central cells first. */
const NAMED_CELLS: readonly (readonly [number, number, string])[] = [
  [0, 2, 'Mariatorget'],
  [0, 3, 'Katarina'],
  [0, 1, 'Zinkensdamm'],
  [1, 3, 'Nytorget'],
  [1, 1, 'Rosenlund'],
  [1, 2, 'Eriksdal'],
  [0, 0, 'Hornstull'],
  [1, 4, 'Sofia'],
  [1, 0, 'Tanto'],
  [0, 4, 'Fåfängan'],
];

export interface Cell {
  name: string;
  south: number;
  north: number;
  west: number;
  east: number;
}

/** The cell of team number `index` (0-based). */
export function teamCell(index: number): Cell {
  let row: number;
  let column: number;
  let name: string;
  if (index < NAMED_CELLS.length) {
    [row, column, name] = NAMED_CELLS[index];
  } else {
    const k = index - NAMED_CELLS.length;
    row = 2 + Math.floor(k / COLUMNS);
    column = k % COLUMNS;
    name = `Södermalm ${index + 1}`;
  }
  const north = round6(DISTRICT_NORTH - row * CELL_LAT);
  const west = round6(DISTRICT_WEST + column * CELL_LON);
  return { name, north, south: round6(north - CELL_LAT), west, east: round6(west + CELL_LON) };
}

/** The cell as a closed, counter-clockwise GeoJSON ring (RFC 7946). */
export function cellArea(cell: Cell): Area {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [cell.west, cell.south],
        [cell.east, cell.south],
        [cell.east, cell.north],
        [cell.west, cell.north],
        [cell.west, cell.south],
      ],
    ],
  };
}

/** Six decimals of a degree is about 0.1 m: enough, and keeps the JSON short. */
export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** A uniform point in the cell, kept `inset` (a fraction of the cell) away from its edges. */
export function pointInCell(random: Random, cell: Cell, inset: number): Point {
  const dLat = (cell.north - cell.south) * inset;
  const dLon = (cell.east - cell.west) * inset;
  return {
    lat: round6(random.float(cell.south + dLat, cell.north - dLat)),
    lon: round6(random.float(cell.west + dLon, cell.east - dLon)),
  };
}

/** The team office: near the middle of its cell, as offices are placed to keep walks short. */
export function officeIn(random: Random, cell: Cell): Point {
  return pointInCell(random, cell, 0.35);
}
