// Converts Natural Earth land outlines (npm world-atlas 2.0.2, land-110m,
// public domain) into the one SVG path the docpipe viewer embeds:
// equirectangular, 10 units a degree (x = (lon + 180) * 10, y = (90 - lat) * 10),
// integer relative coordinates. Run `npm ci && npm run build` here after
// changing the pinned versions; the output is committed so the build never
// needs the network.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';

const require = createRequire(import.meta.url);
const topology = JSON.parse(readFileSync(require.resolve('world-atlas/land-110m.json'), 'utf8'));
const land = feature(topology, topology.objects.land);

const project = ([lon, lat]) => [Math.round((lon + 180) * 10), Math.round((90 - lat) * 10)];

let path = '';
let rings = 0;
let points = 0;
const polygons = land.geometry ? [land.geometry] : land.features.map((f) => f.geometry);
for (const geometry of polygons) {
  const list = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of list) {
    for (const ring of polygon) {
      const projected = [];
      const shiftAt = [];
      for (const p of ring.map(project)) {
        const last = projected[projected.length - 1];
        if (!last || last[0] !== p[0] || last[1] !== p[1]) projected.push(p);
      }
      if (projected.length < 4) continue;  // collapsed at this precision
      // Antarctica lies below the 60th parallel the viewer cuts the map at.
      if (projected.every(([, py]) => py > 1500)) continue;
      // A ring crossing the antimeridian (Fiji, Chukotka) jumps across the
      // map: make it continuous, then draw it a second time a world-width
      // over; the map's viewBox clips what falls outside.
      let shift = 0;
      const unwrapped = projected.map(([px, py], i) => {
        if (i > 0) {
          const dx = px + shift - (projected[i - 1][0] + shiftAt[i - 1]);
          if (dx > 1800) shift -= 3600;
          if (dx < -1800) shift += 3600;
        }
        shiftAt[i] = shift;
        return [px + shift, py];
      });
      const copies = shift === 0 && unwrapped.every(([px]) => px >= 0 && px <= 3600) ? [0]
        : [0, unwrapped.some(([px]) => px > 3600) ? -3600 : 3600];
      for (const offset of copies) {
        let [x, y] = unwrapped[0];
        x += offset;
        // Absolute move, so a ring never depends on where the last one ended.
        path += `M${x} ${y}l`;
        const deltas = [];
        for (const [px, py] of unwrapped.slice(1)) {
          deltas.push(`${px + offset - x} ${py - y}`);
          [x, y] = [px + offset, py];
        }
        path += deltas.join(' ').replace(/ -/g, '-') + 'z';
        rings += 1;
        points += unwrapped.length;
      }
    }
  }
}

const out = new URL('../data/land_110m.path', import.meta.url);
writeFileSync(out, path + '\n');
console.log(`${rings} rings, ${points} points, ${path.length} bytes -> ${out.pathname}`);
