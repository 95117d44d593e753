/**
 * Rt against EpiEstim's own published outputs.
 *
 * Source of the expected values: mrc-ide/EpiEstim, file tests/testthat/_snaps/estimate_R.md
 * (commit 2ca76bb6af94adb75ba0e57b459d9203b0659f88), the testthat snapshots of
 * tests/testthat/test-estimate_R.R (commit 31e1c5c5fe173cba6f7171fb245ee027d2512563):
 *
 * - "Example 1": estimate_R(Flu2009$incidence, method = "non_parametric_si",
 *                           config = list(t_start = 2:26, t_end = 8:32, si_distr = Flu2009$si_distr))
 * - "Example 2": estimate_R(incid, method = "parametric_si",
 *                           config = list(t_start = 2:21, t_end = 8:27, mean_si = 2.6, std_si = 1.5))
 *                where incid has separate local and imported cases (printed in the snapshot as
 *                $I_local and $I_imported).
 * - "Example 3": estimate_R(Flu2009$incidence, method = "parametric_si",
 *                           config = list(t_start = 2:26, t_end = 8:32, mean_si = 2.6, std_si = 1.5))
 *
 * Inputs are taken from the same snapshot ($I, $I_local, $I_imported, $si_distr). Flu2009$si_distr
 * is the 12 values 0, 0.233, 0.359, 0.198, 0.103, 0.053, 0.027, 0.014, 0.007, 0.003, 0.002, 0.001
 * (the snapshot prints them padded with zeros to 33 entries, 3 decimals, with SI.Moments mean 2.596,
 * which these values give exactly).
 *
 * The tables below are the snapshot's printed R output, pasted verbatim and parsed here. R prints 7
 * significant digits, which here is always at least 7 decimals; each value is checked to half a unit of
 * its last printed digit (so to 7 or 8 decimals — tighter than the 6 required).
 */
import { describe, expect, it } from 'vitest';
import { estimateR, formatRtOutput, parseRtInput, type RtWindow } from './cori.ts';

const columns = [
  ['Mean(R)', (w: RtWindow) => w.mean],
  ['Std(R)', (w: RtWindow) => w.std],
  ['Quantile.0.025(R)', (w: RtWindow) => w.quantiles.q0025],
  ['Quantile.0.05(R)', (w: RtWindow) => w.quantiles.q005],
  ['Quantile.0.25(R)', (w: RtWindow) => w.quantiles.q025],
  ['Median(R)', (w: RtWindow) => w.quantiles.q05],
  ['Quantile.0.75(R)', (w: RtWindow) => w.quantiles.q075],
  ['Quantile.0.95(R)', (w: RtWindow) => w.quantiles.q095],
  ['Quantile.0.975(R)', (w: RtWindow) => w.quantiles.q0975],
] as const;

type Table = Map<number, Map<string, string>>;

/** Parse R's printed data frame (possibly wrapped in several column blocks). */
function parsePrinted(text: string): Table {
  const rows: Table = new Map();
  let header: string[] = [];
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const tokens = line.split(/\s+/);
    if (!/^\d+$/.test(tokens[0] as string)) {
      header = tokens;
      continue;
    }
    const row = Number(tokens[0]);
    const cells = rows.get(row) ?? new Map<string, string>();
    header.forEach((name, i) => cells.set(name, tokens[i + 1] as string));
    rows.set(row, cells);
  }
  return rows;
}

function expectMatches(windows: RtWindow[], printed: string): number {
  const table = parsePrinted(printed);
  expect(windows.length).toBe(table.size);
  let checked = 0;
  windows.forEach((w, i) => {
    const row = table.get(i + 1);
    if (!row) throw new Error(`no printed row ${i + 1}`);
    expect(w.tStart).toBe(Number(row.get('t_start')));
    expect(w.tEnd).toBe(Number(row.get('t_end')));
    for (const [name, get] of columns) {
      const cell = row.get(name);
      if (cell === undefined) throw new Error(`row ${i + 1} has no ${name}`);
      const decimals = cell.split('.')[1]?.length ?? 0;
      expect(decimals).toBeGreaterThanOrEqual(7);
      const tolerance = 0.5 * 10 ** -decimals + 1e-12;
      const actual = get(w);
      if (Math.abs(actual - Number(cell)) > tolerance) {
        throw new Error(`row ${i + 1} ${name}: got ${actual}, EpiEstim printed ${cell} (±${tolerance})`);
      }
      checked++;
    }
  });
  return checked;
}

// Flu2009$incidence as printed in the snapshot ($I).
const flu2009 = [1, 1, 0, 2, 5, 3, 3, 3, 6, 2, 5, 9, 13, 12, 13, 11, 12, 6, 6, 6, 3, 1, 0, 2, 0, 0, 0, 0, 2, 0, 2, 0];
const flu2009Si = [0, 0.233, 0.359, 0.198, 0.103, 0.053, 0.027, 0.014, 0.007, 0.003, 0.002, 0.001];
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const example1 = `
   t_start t_end date_start   date_end   Mean(R)     Std(R) Quantile.0.025(R)
1        2     8 2009-04-28 2009-05-04 1.7356089 0.40908694        1.02863184
2        3     9 2009-04-29 2009-05-05 1.7490494 0.36470202        1.10874730
3        4    10 2009-04-30 2009-05-06 1.5370427 0.30740855        0.99469301
4        5    11 2009-05-01 2009-05-07 1.4316392 0.27055438        0.95131387
5        6    12 2009-05-02 2009-05-08 1.4223487 0.25143809        0.97288543
6        7    13 2009-05-03 2009-05-09 1.6349410 0.25227688        1.17832168
7        8    14 2009-05-04 2009-05-10 1.6636221 0.23295369        1.23867595
8        9    15 2009-05-05 2009-05-11 1.6156800 0.20686663        1.23586721
9       10    16 2009-05-06 2009-05-12 1.4340033 0.17651360        1.10905802
10      11    17 2009-05-07 2009-05-13 1.4083724 0.16155139        1.10963727
11      12    18 2009-05-08 2009-05-14 1.2477516 0.14219449        0.98470606
12      13    19 2009-05-09 2009-05-15 1.0819346 0.12577234        0.84955138
13      14    20 2009-05-10 2009-05-16 0.9369319 0.11446445        0.72610935
14      15    21 2009-05-11 2009-05-17 0.8194289 0.10759629        0.62222675
15      16    22 2009-05-12 2009-05-18 0.6908048 0.10185361        0.50575593
16      17    23 2009-05-13 2009-05-19 0.5894141 0.09962917        0.41054853
17      18    24 2009-05-14 2009-05-20 0.4989223 0.09978447        0.32287622
18      19    25 2009-05-15 2009-05-21 0.4726133 0.10842493        0.28454408
19      20    26 2009-05-16 2009-05-22 0.4173489 0.11575175        0.22222070
20      21    27 2009-05-17 2009-05-23 0.2976950 0.11251813        0.11968883
21      22    28 2009-05-18 2009-05-24 0.2400240 0.12001200        0.06539846
22      23    29 2009-05-19 2009-05-25 0.4577916 0.20473063        0.14864369
23      24    30 2009-05-20 2009-05-26 0.6754931 0.30208970        0.21933077
24      25    31 2009-05-21 2009-05-27 0.8634087 0.38612813        0.28034647
25      26    32 2009-05-22 2009-05-28 1.0040161 0.44900963        0.32600128
   Quantile.0.05(R) Quantile.0.25(R) Median(R) Quantile.0.75(R)
1         1.1218113        1.4450409 1.7035760        1.9913034
2         1.1953991        1.4912437 1.7237672        1.9793230
3         1.0686828        1.3200764 1.5165981        1.7317432
4         1.0175191        1.2410779 1.4146324        1.6036767
5         1.0355344        1.2456665 1.4075603        1.5829216
6         1.2432610        1.4584617 1.6219838        1.7973033
7         1.2998676        1.5011409 1.6527615        1.8142694
8         1.2911239        1.4717611 1.6068598        1.7499876
9         1.1565305        1.3113322 1.4267674        1.5487891
10        1.1535884        1.2963053 1.4022002        1.5137131
11        1.0234305        1.1491285 1.2423543        1.3404928
12        0.8836967        0.9946576 1.0770650        1.1639048
13        0.7569332        0.8573989 0.9322747        1.0113898
14        0.6508368        0.7445208 0.8147244        0.8892107
15        0.5322318        0.6196538 0.6858055        0.7565087
16        0.4356552        0.5195124 0.5838103        0.6532111
17        0.3468932        0.4284953 0.4922860        0.5621219
18        0.3094859        0.3956839 0.4643482        0.5405441
19        0.2468644        0.3345762 0.4066978        0.4885320
20        0.1397174        0.2161545 0.2836454        0.3639732
21        0.0819873        0.1521344 0.2203457        0.3065963
22        0.1803836        0.3084234 0.4276606        0.5744764
23        0.2661645        0.4550933 0.6310334        0.8476669
24        0.3402089        0.5816958 0.8065807        1.0834797
25        0.3956124        0.6764258 0.9379335        1.2599258
   Quantile.0.95(R) Quantile.0.975(R)
1         2.4587051         2.6244959
2         2.3889590         2.5329479
3         2.0751554         2.1955178
4         1.9037817         2.0085685
5         1.8596155         1.9558194
6         2.0708249         2.1651730
7         2.0644270         2.1502729
8         1.9703253         2.0456070
9         1.7361602         1.8000616
10        1.6842118         1.7421780
11        1.4904848         1.5414648
12        1.2967845         1.3419870
13        1.1328180         1.1742159
14        1.0040700         1.0433607
15        0.8664328         0.9042566
16        0.7622912         0.8001144
17        0.6735931         0.7126626
18        0.6639414         0.7076205
19        0.6241796         0.6729457
20        0.5036317         0.5553914
21        0.4652659         0.5260890
22        0.8380808         0.9377027
23        1.2366278         1.3836245
24        1.5806457         1.7685354
25        1.8380560         2.0565439
`;

const example2 = `
   t_start t_end date_start date_end   Mean(R)    Std(R) Quantile.0.025(R)
1        2     8          1        7 0.6413590 0.2424109       0.257859602
2        3     9          2        8 0.3999222 0.1788506       0.129853640
3        4    10          3        9 0.3956574 0.1769434       0.128468883
4        5    11          4       10 0.4170468 0.1865090       0.135413957
5        6    12          5       11 0.3515432 0.1757716       0.095783678
6        7    13          6       12 0.1976371 0.1397505       0.023934764
7        8    14          7       13 0.2561099 0.1810970       0.031016091
8        9    15          8       14 0.1854957 0.1854957       0.004696345
9       10    16          9       15 0.2764736 0.2764736       0.006999704
10      11    17         10       16 0.4085199 0.4085199       0.010342829
11      12    18         11       17 0.6246688 0.6246688       0.015815245
12      13    19         12       18 1.0775772 1.0775772       0.027281893
13      14    20         13       19 1.7523399 1.7523399       0.044365405
14      15    21         14       20 2.5831197 2.5831197       0.065398929
15      16    22         15       21 3.4013907 3.4013907       0.086115755
16      17    23         16       22 4.0476611 4.0476611       0.102477905
17      18    24         17       23 4.4742953 4.4742953       0.113279349
18      19    25         18       24 4.7233814 4.7233814       0.119585664
19      20    26         19       25 4.8583931 4.8583931       0.123003865
20      21    27         20       26 9.8571825 6.9700806       1.193750537
   Quantile.0.05(R) Quantile.0.25(R) Median(R) Quantile.0.75(R)
1       0.301009564       0.46568686 0.6110903        0.7841500
2       0.157581299       0.26943560 0.3736000        0.5018568
3       0.155900853       0.26656234 0.3696159        0.4965050
4       0.164328910       0.28097279 0.3895975        0.5233462
5       0.120079970       0.22281862 0.3227220        0.4490461
6       0.035116301       0.09499215 0.1658518        0.2660822
7       0.045505792       0.12309648 0.2149206        0.3448051
8       0.009514686       0.05336379 0.1285758        0.2571517
9       0.014181240       0.07953649 0.1916369        0.3832737
10      0.020954333       0.11752386 0.2831644        0.5663289
11      0.032041322       0.17970602 0.4329874        0.8659749
12      0.055272486       0.30999965 0.7469196        1.4938392
13      0.089883287       0.50411678 1.2146295        2.4292589
14      0.132496720       0.74311724 1.7904822        3.5809643
15      0.174468532       0.97851911 2.3576643        4.7153287
16      0.207617870       1.16443952 2.8056248        5.6112497
17      0.229501345       1.28717454 3.1013452        6.2026903
18      0.242277793       1.35883215 3.2739985        6.5479970
19      0.249202990       1.39767261 3.3675815        6.7351630
20      1.751431640       4.73775012 8.2718863       13.2708950
   Quantile.0.95(R) Quantile.0.975(R)
1         1.0850325         1.1965445
2         0.7321390         0.8191677
3         0.7243315         0.8104321
4         0.7634891         0.8542443
5         0.6814362         0.7705187
6         0.4687817         0.5505816
7         0.6074752         0.7134764
8         0.5556955         0.6842713
9         0.8282408         1.0198776
10        1.2238163         1.5069808
11        1.8713406         2.3043280
12        3.2281329         3.9750525
13        5.2495412         6.4641707
14        7.7383351         9.5288173
15       10.1896558        12.5473201
16       12.1257088        14.9313337
17       13.4037908        16.5051359
18       14.1499861        17.4239846
19       14.5544451        17.9220266
20       23.3805693        27.4603530
`;

// Example 2's incidence, printed in the snapshot as $I_local and $I_imported (27 days).
const example2Local = [0, 2, 0, 0, 1, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
const example2Imported = [1, 1, 1, 1, 2, 2, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

const example3 = `
   t_start t_end date_start   date_end   Mean(R)     Std(R) Quantile.0.025(R)
1        2     8 2009-04-28 2009-05-04 1.7357977 0.40913143        1.02874370
2        3     9 2009-04-29 2009-05-05 1.7491678 0.36472669        1.10882231
3        4    10 2009-04-30 2009-05-06 1.5370581 0.30741163        0.99470299
4        5    11 2009-05-01 2009-05-07 1.4318389 0.27059213        0.95144658
5        6    12 2009-05-02 2009-05-08 1.4227247 0.25150457        0.97314263
6        7    13 2009-05-03 2009-05-09 1.6353733 0.25234358        1.17863324
7        8    14 2009-05-04 2009-05-10 1.6639845 0.23300443        1.23894574
8        9    15 2009-05-05 2009-05-11 1.6161467 0.20692639        1.23622420
9       10    16 2009-05-06 2009-05-12 1.4344239 0.17656537        1.10938331
10      11    17 2009-05-07 2009-05-13 1.4087217 0.16159146        1.10991245
11      12    18 2009-05-08 2009-05-14 1.2479472 0.14221678        0.98486038
12      13    19 2009-05-09 2009-05-15 1.0821477 0.12579711        0.84971868
13      14    20 2009-05-10 2009-05-16 0.9371671 0.11449319        0.72629165
14      15    21 2009-05-11 2009-05-17 0.8196564 0.10762616        0.62239946
15      16    22 2009-05-12 2009-05-18 0.6910352 0.10188759        0.50592464
16      17    23 2009-05-13 2009-05-19 0.5896765 0.09967353        0.41073132
17      18    24 2009-05-14 2009-05-20 0.4992206 0.09984413        0.32306927
18      19    25 2009-05-15 2009-05-21 0.4729631 0.10850519        0.28475471
19      20    26 2009-05-16 2009-05-22 0.4176319 0.11583024        0.22237137
20      21    27 2009-05-17 2009-05-23 0.2978682 0.11258359        0.11975846
21      22    28 2009-05-18 2009-05-24 0.2400880 0.12004401        0.06541591
22      23    29 2009-05-19 2009-05-25 0.4573477 0.20453212        0.14849956
23      24    30 2009-05-20 2009-05-26 0.6734382 0.30117074        0.21866356
24      25    31 2009-05-21 2009-05-27 0.8591897 0.38424130        0.27897655
25      26    32 2009-05-22 2009-05-28 0.9975352 0.44611130        0.32389696
   Quantile.0.05(R) Quantile.0.25(R) Median(R) Quantile.0.75(R)
1        1.12193325        1.4451981 1.7037612        1.9915200
2        1.19547993        1.4913446 1.7238839        1.9794569
3        1.06869352        1.3200896 1.5166133        1.7317605
4        1.01766106        1.2412511 1.4148298        1.6039005
5        1.03580815        1.2459958 1.4079324        1.5833401
6        1.24358968        1.4588473 1.6224126        1.7977785
7        1.30015068        1.5014679 1.6531215        1.8146646
8        1.29149686        1.4721862 1.6073240        1.7504931
9        1.15686977        1.3117168 1.4271858        1.5492434
10       1.15387452        1.2966267 1.4025479        1.5140885
11       1.02359091        1.1493086 1.2425490        1.3407028
12       0.88387071        0.9948535 1.0772771        1.1641340
13       0.75712322        0.8576141 0.9325088        1.0116437
14       0.65101748        0.7447274 0.8149506        0.8894575
15       0.53240938        0.6198605 0.6860342        0.7567610
16       0.43584912        0.5197437 0.5840702        0.6535019
17       0.34710064        0.4287515 0.4925804        0.5624580
18       0.30971499        0.3959768 0.4646919        0.5409442
19       0.24703176        0.3348031 0.4069735        0.4888632
20       0.13979872        0.2162803 0.2838104        0.3641850
21       0.08200917        0.1521750 0.2204045        0.3066781
22       0.18020868        0.3081243 0.4272459        0.5739193
23       0.26535481        0.4537089 0.6291137        0.8450883
24       0.33854643        0.5788533 0.8026393        1.0781852
25       0.39305871        0.6720595 0.9318792        1.2517931
   Quantile.0.95(R) Quantile.0.975(R)
1         2.4589724         2.6247813
2         2.3891206         2.5331192
3         2.0751763         2.1955399
4         1.9040473         2.0088487
5         1.8601072         1.9563365
6         2.0713724         2.1657455
7         2.0648767         2.1507413
8         1.9708944         2.0461979
9         1.7366694         1.8005896
10        1.6846295         1.7426100
11        1.4907183         1.5417063
12        1.2970399         1.3422512
13        1.1331024         1.1745108
14        1.0043487         1.0436503
15        0.8667218         0.9045582
16        0.7626306         0.8004706
17        0.6739958         0.7130887
18        0.6644328         0.7081443
19        0.6246028         0.6734020
20        0.5039247         0.5557145
21        0.4653900         0.5262293
22        0.8372682         0.9367934
23        1.2328660         1.3794155
24        1.5729218         1.7598935
25        1.8261915         2.0432690
`;

describe('estimateR against EpiEstim published outputs (tests/testthat/_snaps/estimate_R.md)', () => {
  it('Example 1: Flu2009, non-parametric SI, day-1 case moved to imported', () => {
    const result = estimateR({ local: flu2009, siDistr: flu2009Si, tStart: range(2, 26), tEnd: range(8, 32) });
    expect(result.method).toBe('non_parametric_si');
    // snapshot: $I_local starts 0 1 0 2 …, $I_imported is 1 then zeros
    expect(result.local[0]).toBe(0);
    expect(result.imported).toEqual([1, ...Array<number>(31).fill(0)]);
    expect(result.siDistr).toHaveLength(33);
    expect(result.siMoments.mean).toBeCloseTo(2.596, 12);
    expect(result.siMoments.std).toBeCloseTo(1.534531, 6); // snapshot SI.Moments Std
    expect(expectMatches(result.windows, example1)).toBe(25 * 9);
  });

  it('Example 1 also through the default weekly windows (t_start 2..26 are the defaults for 32 days)', () => {
    const result = estimateR({ local: flu2009, siDistr: flu2009Si });
    expect(expectMatches(result.windows, example1)).toBe(25 * 9);
  });

  it('Example 2: parametric SI (mean 2.6, sd 1.5) with local and imported cases separated', () => {
    const result = estimateR({
      local: example2Local, imported: example2Imported, meanSi: 2.6, stdSi: 1.5, tStart: range(2, 21), tEnd: range(8, 27),
    });
    expect(result.method).toBe('parametric_si');
    expect(result.warnings).toEqual([]);
    // snapshot $si_distr: 28 entries (t0..t27), last one 0; SI.Moments 2.599999 / 1.554876
    expect(result.siDistr).toHaveLength(28);
    expect(result.siDistr[27]).toBe(0);
    expect(result.siDistr[1]).toBeCloseTo(2.331721e-1, 7);
    expect(result.siDistr[26]).toBeCloseTo(2.235952e-8, 14);
    expect(result.siMoments.mean).toBeCloseTo(2.599999, 6);
    expect(result.siMoments.std).toBeCloseTo(1.554876, 6);
    expect(expectMatches(result.windows, example2)).toBe(20 * 9);
  });

  it('Example 3: Flu2009, parametric SI (mean 2.6, sd 1.5), SI truncated at T − 1 = 31 days', () => {
    const result = estimateR({ local: flu2009, meanSi: 2.6, stdSi: 1.5, tStart: range(2, 26), tEnd: range(8, 32) });
    expect(result.siDistr).toHaveLength(33);
    // far tail: the closed form subtracts CDF values near 1 (terms ~30), so both R and we carry
    // ~1e-15 absolute rounding here; compare to 1e-14 absolute.
    expect(result.siDistr[31]).toBeCloseTo(6.550365e-10, 14);
    expect(result.siDistr[32]).toBe(0);
    expect(expectMatches(result.windows, example3)).toBe(25 * 9);
  });

  it('the CLI JSON path gives the same rows (EpiEstim names in and out)', () => {
    const input = parseRtInput(JSON.parse(JSON.stringify({
      local: example2Local, imported: example2Imported, mean_si: 2.6, std_si: 1.5, t_start: range(2, 21), t_end: range(8, 27),
    })));
    const out = formatRtOutput(estimateR(input));
    expect(out.windows).toHaveLength(20);
    const last = out.windows[19];
    expect(Object.keys(last ?? {})).toEqual([
      't_start', 't_end', 'mean', 'std', 'quantile_0_025', 'quantile_0_05', 'quantile_0_25', 'median',
      'quantile_0_75', 'quantile_0_95', 'quantile_0_975',
    ]);
    expect(last?.t_start).toBe(21);
    expect(last?.t_end).toBe(27);
    expect(last?.mean).toBeCloseTo(9.8571825, 7);
    expect(last?.median).toBeCloseTo(8.2718863, 7);
    expect(last?.quantile_0_975).toBeCloseTo(27.460353, 6);
  });
});
