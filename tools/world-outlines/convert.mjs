// Regenerates src/Sitrep.Web/wwwroot/geo/countries-110m.geojson from world-atlas (ISC, Natural Earth data).
// Usage: cd tools/world-outlines && npm install && npm run convert
// Coordinates are rounded to 0.01 degree (about 1 km): plenty for a 110m base map, and a small file.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { feature } from "topojson-client";
import countries from "i18n-iso-countries";

const require = createRequire(import.meta.url);
const topology = JSON.parse(readFileSync(require.resolve("world-atlas/countries-110m.json"), "utf8"));
const collection = feature(topology, topology.objects.countries);

const round = (value) => Math.round(value * 100) / 100;
// A ring that crosses the antimeridian (Fiji, Chukotka) is moved east of 180 degrees, so that a
// plain equirectangular drawing does not streak across the whole map.
const unwrap = (ring) => {
  // Antarctica spans every longitude by design: it stays as it is.
  const polar = ring.some(([, lat]) => lat < -60);
  const crosses = !polar && ring.some(([lon]) => lon > 170) && ring.some(([lon]) => lon < -170);
  return crosses ? ring.map(([lon, lat]) => [lon < 0 ? lon + 360 : lon, lat]) : ring;
};
const roundRing = (ring) => unwrap(ring).map(([lon, lat]) => [round(lon), round(lat)]);
const roundGeometry = (geometry) => {
  if (geometry.type === "Polygon") return { type: "Polygon", coordinates: geometry.coordinates.map(roundRing) };
  if (geometry.type === "MultiPolygon") return { type: "MultiPolygon", coordinates: geometry.coordinates.map((p) => p.map(roundRing)) };
  return geometry;
};

const output = {
  type: "FeatureCollection",
  // Provenance travels with the data.
  source: "world-atlas 2.0.2 countries-110m.json (ISC licence, Natural Earth public-domain data), converted by tools/world-outlines/convert.mjs",
  features: collection.features
    .filter((f) => f.geometry)
    .map((f) => ({
      type: "Feature",
      // Five outlines have no ISO number (Kosovo, Northern Cyprus, Somaliland...): they keep their name only.
      properties: { name: f.properties.name, iso3: f.id ? countries.numericToAlpha3(f.id) ?? null : null },
      geometry: roundGeometry(f.geometry),
    })),
};
const target = new URL("../../src/Sitrep.Web/wwwroot/geo/countries-110m.geojson", import.meta.url);
writeFileSync(target, JSON.stringify(output));
console.log(`wrote ${output.features.length} countries to ${target.pathname}`);
