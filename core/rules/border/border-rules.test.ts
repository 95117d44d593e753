import { describe, expect, it } from 'vitest';
import { bornBy, markerStretch, patrolWindows, testCertificateExpired } from './border-rules.ts';
import { GPX_MAX_BYTES, parseGpx, thin } from './gpx.ts';

const gpx = (points: string) =>
  `<?xml version="1.0"?><gpx version="1.1" creator="phone" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>${points}</trkseg></trk></gpx>`;

describe('GPX import', () => {
  it('reads a phone track into [lon, lat] pairs', () => {
    const r = parseGpx(gpx('<trkpt lat="22.40" lon="103.45"><ele>900</ele></trkpt><trkpt lat="22.41" lon="103.46"/>'));
    expect(r).toEqual({
      ok: true,
      coordinates: [
        [103.45, 22.4],
        [103.46, 22.41],
      ],
    });
  });
  it('refuses what is not XML, not GPX, empty, badly pointed or too large', () => {
    expect(parseGpx('hello, not xml <')).toEqual({ ok: false, problem: 'not_xml' });
    expect(parseGpx('<kml><Placemark/></kml>')).toEqual({ ok: false, problem: 'not_gpx' });
    expect(parseGpx(gpx('<trkpt lat="22.40" lon="103.45"/>'))).toEqual({ ok: false, problem: 'no_points' });
    expect(parseGpx(gpx('<trkpt lat="95" lon="103.45"/><trkpt lat="22" lon="103"/>'))).toEqual({
      ok: false,
      problem: 'bad_point',
    });
    expect(parseGpx(' '.repeat(GPX_MAX_BYTES + 1))).toEqual({ ok: false, problem: 'too_large' });
  });
  it('thins a long track evenly, keeping both ends', () => {
    expect(thin([1, 2, 3, 4, 5, 6, 7, 8, 9], 3)).toEqual([1, 5, 9]);
  });
});

describe('border rules', () => {
  const at = new Date('2026-12-07T08:00:00Z');
  it('flags a missing or expired test certificate', () => {
    expect(testCertificateExpired(null, at)).toBe(true);
    expect(testCertificateExpired(new Date('2026-12-07T07:59:00Z'), at)).toBe(true);
    expect(testCertificateExpired(new Date('2026-12-08T00:00:00Z'), at)).toBe(false);
  });
  it('places the last patrol in the 24 h and 72 h windows', () => {
    expect(patrolWindows(null, at)).toEqual({ within24h: false, within72h: false });
    expect(patrolWindows(new Date('2026-12-06T09:00:00Z'), at)).toEqual({ within24h: true, within72h: true });
    expect(patrolWindows(new Date('2026-12-05T09:00:00Z'), at)).toEqual({ within24h: false, within72h: true });
    expect(patrolWindows(new Date('2026-12-01T09:00:00Z'), at)).toEqual({ within24h: false, within72h: false });
  });
  it('names a stretch between markers and refuses a birth in the future', () => {
    expect(markerStretch('403', '404')).toBe('403–404');
    expect(markerStretch('403', null)).toBe('403');
    expect(markerStretch(null, null)).toBeNull();
    expect(bornBy('2026-12-08', '2026-12-07')).toBe(false);
    expect(bornBy('1990-01-01', '2026-12-07')).toBe(true);
  });
});
