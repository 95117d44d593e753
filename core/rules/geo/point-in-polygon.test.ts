import { describe, expect, it } from 'vitest';
import { bboxOf, coveredCodes, inBbox, pointInPolygon } from './point-in-polygon.ts';

const square: number[][][] = [
  [
    [0, 0],
    [10, 0],
    [10, 10],
    [0, 10],
    [0, 0],
  ],
];

// A "U" opening upwards: the notch x ∈ (4, 6), y > 3 is outside although inside the bounding box.
const uShape: number[][][] = [
  [
    [0, 0],
    [10, 0],
    [10, 10],
    [6, 10],
    [6, 3],
    [4, 3],
    [4, 10],
    [0, 10],
    [0, 0],
  ],
];

// A square with a square hole in the middle.
const withHole: number[][][] = [
  [
    [0, 0],
    [10, 0],
    [10, 10],
    [0, 10],
    [0, 0],
  ],
  [
    [3, 3],
    [3, 7],
    [7, 7],
    [7, 3],
    [3, 3],
  ],
];

describe('pointInPolygon', () => {
  it('tells inside from outside for a square', () => {
    expect(pointInPolygon([5, 5], square)).toBe(true);
    expect(pointInPolygon([0.001, 9.999], square)).toBe(true);
    expect(pointInPolygon([-0.001, 5], square)).toBe(false);
    expect(pointInPolygon([5, 10.001], square)).toBe(false);
  });

  it('ignores winding order and an unclosed ring', () => {
    const reversed = [[...square[0]!].reverse()];
    const open = [square[0]!.slice(0, 4)];
    for (const poly of [reversed, open]) {
      expect(pointInPolygon([5, 5], poly)).toBe(true);
      expect(pointInPolygon([11, 5], poly)).toBe(false);
    }
  });

  it('follows the shape of a concave polygon', () => {
    expect(pointInPolygon([2, 8], uShape)).toBe(true); // left arm
    expect(pointInPolygon([8, 8], uShape)).toBe(true); // right arm
    expect(pointInPolygon([5, 1], uShape)).toBe(true); // base
    expect(pointInPolygon([5, 8], uShape)).toBe(false); // the notch
    expect(pointInPolygon([5, 3.5], uShape)).toBe(false); // just above the notch floor
    // the ray at the notch floor's height runs through two vertices and along a horizontal edge:
    // the half-open rule still counts the crossings right
    expect(pointInPolygon([2, 3], uShape)).toBe(true);
    expect(pointInPolygon([-1, 3], uShape)).toBe(false);
    expect(pointInPolygon([8, 3], uShape)).toBe(true);
  });

  it('excludes holes', () => {
    expect(pointInPolygon([5, 5], withHole)).toBe(false);
    expect(pointInPolygon([1, 1], withHole)).toBe(true);
    expect(pointInPolygon([8, 5], withHole)).toBe(true);
    expect(pointInPolygon([2.999, 5], withHole)).toBe(true);
    expect(pointInPolygon([3.001, 5], withHole)).toBe(false);
  });

  it('excludes the union of overlapping holes, not their parity', () => {
    const twoHoles: number[][][] = [
      [
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 10],
        [0, 0],
      ],
      [
        [2, 2],
        [6, 2],
        [6, 6],
        [2, 6],
        [2, 2],
      ],
      [
        [4, 4],
        [8, 4],
        [8, 8],
        [4, 8],
        [4, 4],
      ],
    ];
    expect(pointInPolygon([5, 5], twoHoles)).toBe(false);
    expect(pointInPolygon([9, 1], twoHoles)).toBe(true);
  });

  it('is false far outside, for non-finite points and for degenerate polygons', () => {
    expect(pointInPolygon([1e6, -1e6], square)).toBe(false);
    expect(pointInPolygon([-180, 90], square)).toBe(false);
    expect(pointInPolygon([5, 20], square)).toBe(false); // same x, above
    expect(pointInPolygon([20, 5], square)).toBe(false); // same y, to the right: the ray misses
    expect(pointInPolygon([-20, 5], square)).toBe(false); // same y, to the left: the ray crosses twice
    expect(pointInPolygon([Number.NaN, 5], square)).toBe(false);
    expect(pointInPolygon([5, Infinity], square)).toBe(false);
    expect(pointInPolygon([5, 5], [])).toBe(false);
    expect(
      pointInPolygon(
        [0.5, 0.5],
        [
          [
            [0, 0],
            [1, 1],
          ],
        ],
      ),
    ).toBe(false);
  });

  it('puts a point on an edge shared by two adjacent polygons in exactly one of them', () => {
    const left: number[][][] = [
      [
        [0, 0],
        [5, 0],
        [5, 10],
        [0, 10],
        [0, 0],
      ],
    ];
    const right: number[][][] = [
      [
        [5, 0],
        [10, 0],
        [10, 10],
        [5, 10],
        [5, 0],
      ],
    ];
    for (const point of [
      [5, 5],
      [5, 0.5],
      [5, 9.5],
    ] as [number, number][]) {
      expect(Number(pointInPolygon(point, left)) + Number(pointInPolygon(point, right))).toBe(1);
    }
    const bottom: number[][][] = [
      [
        [0, 0],
        [10, 0],
        [10, 5],
        [0, 5],
        [0, 0],
      ],
    ];
    const top: number[][][] = [
      [
        [0, 5],
        [10, 5],
        [10, 10],
        [0, 10],
        [0, 5],
      ],
    ];
    expect(Number(pointInPolygon([3, 5], bottom)) + Number(pointInPolygon([3, 5], top))).toBe(1);
  });

  it('works with real lon/lat and ignores an altitude', () => {
    // A rough box around Hoàn Kiếm, Hà Nội.
    const box: number[][][] = [
      [
        [105.84, 21.01, 12],
        [105.86, 21.01, 12],
        [105.86, 21.04, 12],
        [105.84, 21.04, 12],
        [105.84, 21.01, 12],
      ],
    ];
    expect(pointInPolygon([105.8522, 21.0287], box)).toBe(true); // Hoàn Kiếm lake
    expect(pointInPolygon([106.6297, 10.8231], box)).toBe(false); // Ho Chi Minh City
  });
});

describe('bboxOf / inBbox', () => {
  it('bounds the outer ring', () => {
    expect(bboxOf(uShape)).toEqual({ minLon: 0, minLat: 0, maxLon: 10, maxLat: 10 });
    expect(
      bboxOf([
        [
          [105.1, 20.9],
          [105.9, 21.2],
          [105.4, 21.4],
        ],
      ]),
    ).toEqual({ minLon: 105.1, minLat: 20.9, maxLon: 105.9, maxLat: 21.4 });
    expect(bboxOf([])).toBeNull();
    expect(bboxOf([[]])).toBeNull();
  });

  it('includes the edges of the box', () => {
    const box = { minLon: 0, minLat: 0, maxLon: 10, maxLat: 10 };
    expect(inBbox(0, 10, box)).toBe(true);
    expect(inBbox(5, 5, box)).toBe(true);
    expect(inBbox(10.0001, 5, box)).toBe(false);
    expect(inBbox(5, -0.0001, box)).toBe(false);
  });
});

describe('coveredCodes', () => {
  const centroids = [
    { code: '00001', lon: 2, lat: 8 }, // left arm of the U
    { code: '00002', lon: 5, lat: 8 }, // in the notch: inside the box, outside the shape
    { code: '00003', lon: 50, lat: 50 }, // far away
    { code: '00004', lon: null, lat: null }, // no geometry yet
    { code: '00005', lon: 8, lat: 1 },
    { code: '00006', lon: 5, lat: null }, // half a centroid is no centroid
    { code: '00007', lon: -3, lat: 5 }, // left of the box
  ];

  it('returns the codes whose centroid lies inside, in input order', () => {
    expect(coveredCodes(uShape, centroids)).toEqual(['00001', '00005']);
  });

  it('never covers a unit without a centroid', () => {
    const everywhere: number[][][] = [
      [
        [-1000, -1000],
        [1000, -1000],
        [1000, 1000],
        [-1000, 1000],
        [-1000, -1000],
      ],
    ];
    const out = coveredCodes(everywhere, centroids);
    expect(out).toEqual(['00001', '00002', '00003', '00005', '00007']);
    expect(out).not.toContain('00004');
    expect(out).not.toContain('00006');
  });

  it('leaves out centroids in a hole, and returns nothing for an empty polygon', () => {
    const units = [
      { code: 'hole', lon: 5, lat: 5 },
      { code: 'ring', lon: 1, lat: 5 },
    ];
    expect(coveredCodes(withHole, units)).toEqual(['ring']);
    expect(coveredCodes([], units)).toEqual([]);
    expect(coveredCodes(square, [])).toEqual([]);
  });
});
