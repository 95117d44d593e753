import { importedCaseStatus } from '../../../core/rules/case-care.ts';
import { resolveSources } from '../../../core/rules/linelist-sources.ts';
import type { LineListRow } from '../../../core/rules/linelist.ts';
import type { CaseColumns } from './linelist.repository.ts';

/** Where a case is counted: its locality row and the province above it. */
export interface Place {
  code: string;
  path: string;
  provinceCode: string;
}

/**
 * The valid rows of one file, kept column by column: a million rows are a few dozen flat arrays
 * instead of a million objects, and a batch for `unnest` is a slice of each array.
 */
export class LineListRows {
  readonly rowNumber: number[] = [];
  readonly caseNumber: string[] = [];
  private readonly byNumber = new Map<string, number>();
  private readonly cols = {
    confirmedDate: [] as string[],
    onsetDate: [] as (string | null)[],
    sampleDate: [] as (string | null)[],
    gender: [] as (string | null)[],
    birthYear: [] as (number | null)[],
    nationality: [] as (string | null)[],
    provinceCode: [] as (string | null)[],
    communeCode: [] as (string | null)[],
    status: [] as string[],
    outcomeDate: [] as (string | null)[],
    treatmentPlace: [] as (string | null)[],
    notes: [] as (string | null)[],
    // Sources never contain spaces (validated), so one string per row holds them all.
    sources: [] as string[],
    classification: [] as (string | null)[],
    cluster: [] as (string | null)[],
  };
  /** Filled by `resolve`: per row, and the links the file states. */
  private resolved: { classification: string[]; sourceCountry: (string | null)[]; cluster: (string | null)[] } | null =
    null;
  readonly links = { infector: [] as string[], infectee: [] as string[] };
  private places: Place[] = [];

  get size(): number {
    return this.caseNumber.length;
  }

  /** Adds a valid row; a case number seen before is refused with the row that had it first. */
  add(row: LineListRow): { duplicateOf: number } | null {
    const seen = this.byNumber.get(row.caseNumber);
    if (seen !== undefined) return { duplicateOf: this.rowNumber[seen]! };
    this.byNumber.set(row.caseNumber, this.caseNumber.length);
    this.rowNumber.push(row.rowNumber);
    this.caseNumber.push(row.caseNumber);
    const c = this.cols;
    c.confirmedDate.push(row.confirmedDate);
    c.onsetDate.push(row.onsetDate);
    c.sampleDate.push(row.sampleDate);
    c.gender.push(row.gender);
    c.birthYear.push(row.birthYear);
    c.nationality.push(row.nationality);
    c.provinceCode.push(row.provinceCode);
    c.communeCode.push(row.communeCode);
    c.status.push(importedCaseStatus(row.status));
    c.outcomeDate.push(row.outcomeDate);
    c.treatmentPlace.push(row.treatmentPlace);
    c.notes.push(row.notes);
    c.sources.push(row.sources.join(' '));
    c.classification.push(row.classification);
    c.cluster.push(row.cluster);
    return null;
  }

  provinceOf(i: number): string | null {
    return this.cols.provinceCode[i]!;
  }
  communeOf(i: number): string | null {
    return this.cols.communeCode[i]!;
  }

  /**
   * Sources → links, classification, country and cluster, now that every id of the file is known
   * (an id present in the file is a case even when it is not all digits).
   */
  resolve(): void {
    const isIdInFile = (s: string) => this.byNumber.has(s);
    const classification: string[] = new Array(this.size);
    const sourceCountry: (string | null)[] = new Array(this.size);
    const cluster: (string | null)[] = new Array(this.size);
    for (let i = 0; i < this.size; i++) {
      const text = this.cols.sources[i]!;
      const r = resolveSources(
        {
          caseNumber: this.caseNumber[i]!,
          sources: text === '' ? [] : text.split(' '),
          classification: this.cols.classification[i] as LineListRow['classification'],
          cluster: this.cols.cluster[i]!,
        },
        isIdInFile,
      );
      classification[i] = r.classification;
      sourceCountry[i] = r.sourceCountry;
      cluster[i] = r.cluster;
      for (const infector of r.infectors) {
        this.links.infector.push(infector);
        this.links.infectee.push(this.caseNumber[i]!);
      }
    }
    this.resolved = { classification, sourceCountry, cluster };
  }

  place(i: number): Place {
    return this.places[i]!;
  }

  /** Each row's place, decided by the service (communes and provinces checked there). */
  setPlaces(places: Place[]): void {
    this.places = places;
  }

  /** Cluster codes with the place of the first case that names them. */
  clusters(): { code: string; localityCode: string; localityPath: string }[] {
    const first = new Map<string, number>();
    this.resolved!.cluster.forEach((code, i) => {
      if (code !== null && !first.has(code)) first.set(code, i);
    });
    return [...first].map(([code, i]) => {
      const p = this.places[i]!;
      return { code, localityCode: p.provinceCode, localityPath: `VN/${p.provinceCode}` };
    });
  }

  /** Rows [start, end) as the repository's columns. */
  batch(start: number, end: number, sourceLabel: string): CaseColumns {
    const c = this.cols;
    const r = this.resolved!;
    const places = this.places.slice(start, end);
    return {
      importKey: this.caseNumber.slice(start, end).map((n) => `${sourceLabel}:${n}`),
      caseNumber: this.caseNumber.slice(start, end),
      gender: c.gender.slice(start, end),
      birthYear: c.birthYear.slice(start, end),
      nationality: c.nationality.slice(start, end),
      onsetDate: c.onsetDate.slice(start, end),
      sampleDate: c.sampleDate.slice(start, end),
      confirmedDate: c.confirmedDate.slice(start, end),
      classification: r.classification.slice(start, end),
      sourceCountry: r.sourceCountry.slice(start, end),
      status: c.status.slice(start, end),
      outcomeDate: c.outcomeDate.slice(start, end),
      treatmentPlace: c.treatmentPlace.slice(start, end),
      localityCode: places.map((p) => p.code),
      localityPath: places.map((p) => p.path),
      provinceCode: places.map((p) => p.provinceCode),
      clusterCode: r.cluster.slice(start, end),
      notes: c.notes.slice(start, end),
    };
  }
}
