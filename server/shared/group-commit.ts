/** How many requests one batch may hold, and how long the first one waits for company. */
export interface GroupCommitSettings {
  maxSize: number;
  maxWaitMs: number;
}

/** What the batches looked like so far: sizes as a histogram by powers of two ("1", "2-3", "4-7", …). */
export interface GroupCommitStats {
  batches: number;
  items: number;
  largest: number;
  /** Batches whose statement failed and whose requests were then written one by one. */
  fallbacks: number;
  /** Batches whose statement ran but answered for other requests than it was sent: all failed. */
  mismatches: number;
  sizes: Record<string, number>;
}

/**
 * The batch's statement ran (and may have committed) but its answers do not match the requests sent:
 * a count that differs, a request answered twice or not at all. Nothing can be acknowledged, and
 * writing the requests again one by one could record twice what the batch already did, so every
 * request of the batch fails; the client's retry meets the repeat window, not a second row.
 */
export class BatchAnswerMismatch extends Error {
  constructor(sent: number, detail: string) {
    super(`a batch of ${sent} requests was answered with ${detail}`);
    this.name = 'BatchAnswerMismatch';
  }
}

interface Waiting<I, R> {
  item: I;
  resolve: (r: R) => void;
  reject: (e: unknown) => void;
}

/**
 * Group commit: requests arriving within `maxWaitMs` of each other (at most `maxSize`) are written
 * by one call of `writeBatch` (one statement, one commit), and each caller's promise settles only
 * after that call returned, so an acknowledged request is a committed one. When the batch fails,
 * nothing of it was committed (one statement), so every request is retried alone with `writeOne`
 * and gets its own true answer: one bad row fails only its own request. When the batch ran but its
 * answers do not match the requests (`BatchAnswerMismatch`, thrown by `writeBatch` or found here),
 * every request of it fails: neither acknowledged nor written again.
 */
export class GroupCommit<I, R> {
  private pending: Waiting<I, R>[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly counts: GroupCommitStats = {
    batches: 0,
    items: 0,
    largest: 0,
    fallbacks: 0,
    mismatches: 0,
    sizes: {},
  };

  constructor(
    private readonly settings: GroupCommitSettings,
    private readonly writeBatch: (items: readonly I[]) => Promise<readonly R[]>,
    private readonly writeOne: (item: I) => Promise<R>,
  ) {}

  submit(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.settings.maxSize) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.settings.maxWaitMs);
    });
  }

  stats(): GroupCommitStats {
    return { ...this.counts, sizes: { ...this.counts.sizes } };
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending.splice(0, this.settings.maxSize);
    if (this.pending.length > 0) this.timer = setTimeout(() => this.flush(), this.settings.maxWaitMs);
    if (batch.length > 0) void this.write(batch);
  }

  private async write(batch: Waiting<I, R>[]): Promise<void> {
    this.count(batch.length);
    let results: readonly (R | undefined)[];
    try {
      results = await this.writeBatch(batch.map((w) => w.item));
    } catch (err) {
      if (err instanceof BatchAnswerMismatch) return this.failAll(batch, err);
      if (batch.length === 1) {
        batch[0]?.reject(err);
        return;
      }
      this.counts.fallbacks++;
      await Promise.all(batch.map((w) => this.writeOne(w.item).then(w.resolve, w.reject)));
      return;
    }
    if (results.length !== batch.length)
      return this.failAll(batch, new BatchAnswerMismatch(batch.length, `${results.length} answers`));
    const missing = results.findIndex((r) => r === undefined);
    if (missing >= 0)
      return this.failAll(batch, new BatchAnswerMismatch(batch.length, `no answer for request ${missing + 1}`));
    batch.forEach((w, i) => w.resolve(results[i] as R));
  }

  private failAll(batch: Waiting<I, R>[], err: BatchAnswerMismatch): void {
    this.counts.mismatches++;
    for (const w of batch) w.reject(err);
  }

  private count(size: number): void {
    this.counts.batches++;
    this.counts.items += size;
    this.counts.largest = Math.max(this.counts.largest, size);
    const low = 2 ** Math.floor(Math.log2(size));
    const bucket = low === 1 ? '1' : `${low}-${2 * low - 1}`;
    this.counts.sizes[bucket] = (this.counts.sizes[bucket] ?? 0) + 1;
  }
}
