/**
 * The route map of a day as SVG, drawn from coordinates alone (no tiles: the report has no
 * network): team areas as polygons, offices, homes, and each staff member's route in their
 * colour. d3-geo's Mercator projection, fitted to every point shown, places them; the
 * rings are written point by point, so a ring's winding order (which d3's spherical
 * polygons read as inside or outside) does not matter.
 */
import { geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { Area, Point } from '../model/types.ts';
import { esc } from './html.ts';
import type { Texts } from './i18n.ts';
import type { DayMap } from './prepare/day.ts';

const WIDTH = 1100;
const PAD = 16;

type Position = [number, number];

function ringsOf(area: Area): Position[][] {
  const polygons = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  return polygons.flatMap((rings) => rings.map((ring) => ring.map(([lon, lat]) => [lon, lat] as Position)));
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** A projection fitted to the points, and the height that keeps their aspect at `WIDTH`. */
export function fitMap(points: readonly Position[]): { project: (p: Point) => Position; height: number } {
  const cloud = { type: 'MultiPoint' as const, coordinates: points.length > 0 ? [...points] : [[18, 59.3] as Position] };
  const projection: GeoProjection = geoMercator().fitWidth(WIDTH - 2 * PAD, cloud);
  const [[, y0], [, y1]] = geoPath(projection).bounds(cloud);
  const height = Math.max(120, Math.ceil(y1 - y0) + 2 * PAD);
  projection.translate([projection.translate()[0] + PAD, projection.translate()[1] + PAD - y0]);
  return {
    project: (p) => {
      const xy = projection([p.lon, p.lat])!;
      return [round(xy[0]), round(xy[1])];
    },
    height,
  };
}

export function mapSvg(map: DayMap, texts: Texts): string {
  const { t } = texts;
  const all: Position[] = [
    ...map.areas.flatMap((a) => ringsOf(a.area).flat()),
    ...map.offices.map((o) => [o.point.lon, o.point.lat] as Position),
    ...map.homes.map((h) => [h.point.lon, h.point.lat] as Position),
    ...map.routes.flatMap((r) => r.points.map((p) => [p.lon, p.lat] as Position)),
  ];
  const { project, height } = fitMap(all);
  const xy = ([lon, lat]: Position) => project({ lon, lat });
  const areas = map.areas.map((a) => {
    const rings = ringsOf(a.area);
    const d = rings.map((ring) => `M${ring.map((p) => xy(p).join(',')).join('L')}Z`).join('');
    const outer = rings[0].map(xy);
    const cx = round(outer.reduce((n, p) => n + p[0], 0) / outer.length);
    const top = Math.min(...outer.map((p) => p[1]));
    return {
      shape: `<path class="area" data-team="${esc(a.team)}" d="${d}"/>`,
      label: `<text class="area-name" x="${cx}" y="${round(top + 14)}">${esc(a.name)}</text>`,
    };
  });
  const homes = map.homes.map((h) => {
    const [x, y] = project(h.point);
    return `<circle class="home" cx="${x}" cy="${y}" r="2.2" data-staff="${esc(h.staff.join(' '))}"/>`;
  });
  const routes = map.routes.map((r) => {
    const d = `M${r.points.map((p) => project(p).join(',')).join('L')}`;
    return `<path class="route" data-staff="${esc(r.staff)}" stroke="${r.colour}" d="${d}"/>`;
  });
  const offices = map.offices.map((o) => {
    const [x, y] = project(o.point);
    return `<rect class="office" x="${round(x - 4)}" y="${round(y - 4)}" width="8" height="8"><title>${esc(`${t.legend.office}: ${o.name}`)}</title></rect>`;
  });
  const legend = `<ul class="legend">
<li><svg width="22" height="14" aria-hidden="true"><rect class="office" x="7" y="3" width="8" height="8"/></svg>${esc(t.legend.office)}</li>
<li><svg width="22" height="14" aria-hidden="true"><circle class="home" cx="11" cy="7" r="3"/></svg>${esc(t.legend.home)}</li>
<li><svg width="22" height="14" aria-hidden="true"><path class="route" stroke="#1F77B4" d="M1 11L8 4L14 10L21 3"/></svg>${esc(t.legend.route)}</li>
</ul>`;
  return `${legend}<div class="map-box"><svg class="map" id="map" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${esc(t.sections.map)}">
<g class="areas">${areas.map((a) => a.shape).join('')}</g><g class="routes">${routes.join('')}</g><g class="homes">${homes.join('')}</g><g class="offices">${offices.join('')}</g><g class="labels">${areas.map((a) => a.label).join('')}</g>
</svg></div>`;
}
