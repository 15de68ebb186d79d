/**
 * Google's encoded polyline (precision 5, or 6 for OSRM's polyline6), the
 * format OSRM uses for geometries and accepts for coordinates. The encoding
 * stores latitude first; these functions take and give [lon, lat].
 */
export type LonLat = [number, number];

export function encodePolyline(points: readonly LonLat[], precision: 5 | 6 = 5): string {
  const factor = 10 ** precision;
  let out = '';
  let lastLat = 0;
  let lastLon = 0;
  for (const [lon, lat] of points) {
    const y = Math.round(lat * factor);
    const x = Math.round(lon * factor);
    out += encodeNumber(y - lastLat) + encodeNumber(x - lastLon);
    lastLat = y;
    lastLon = x;
  }
  return out;
}

function encodeNumber(n: number): string {
  let v = n < 0 ? ~(n << 1) : n << 1;
  let out = '';
  while (v >= 0x20) {
    out += String.fromCharCode((0x20 | (v & 0x1f)) + 63);
    v >>>= 5;
  }
  return out + String.fromCharCode(v + 63);
}

/** The points of an encoded polyline; undefined if the text is not one (a character out of range, a number cut short, an odd count). */
export function decodePolyline(text: string, precision: 5 | 6 = 5): LonLat[] | undefined {
  const factor = 10 ** precision;
  const values: number[] = [];
  let i = 0;
  while (i < text.length) {
    let result = 0;
    let shift = 0;
    let byte: number;
    do {
      if (i >= text.length || shift > 30) return undefined;
      byte = text.charCodeAt(i++) - 63;
      if (byte < 0 || byte > 63) return undefined;
      result |= (byte & 0x1f) << shift;
      shift += 5;
    } while (byte >= 0x20);
    values.push(result & 1 ? ~(result >> 1) : result >> 1);
  }
  if (values.length % 2 !== 0) return undefined;
  const points: LonLat[] = [];
  let lat = 0;
  let lon = 0;
  for (let k = 0; k < values.length; k += 2) {
    lat += values[k];
    lon += values[k + 1];
    points.push([lon / factor, lat / factor]);
  }
  return points;
}
