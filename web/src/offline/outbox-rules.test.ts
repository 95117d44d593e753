import { describe, expect, it } from 'vitest';
import { dueNow, outcomeOf, overCurrent, retryDelayMs, type Queued } from './outbox-rules.ts';

const error = (code: string, message = 'refused') => ({ error: { code, message } });

describe('what an answer means for a request stored on the phone', () => {
  it('is sent on any 2xx, a resend of an accepted client key included', () => {
    expect(outcomeOf(201, {}, false, 'x')).toEqual({ kind: 'sent' });
    expect(outcomeOf(200, {}, true, 'x')).toEqual({ kind: 'sent' });
  });

  it('waits for a person when the record changed meanwhile and its current copy can be read', () => {
    expect(outcomeOf(409, error('CONFLICT'), true, 'x')).toEqual({ kind: 'conflict' });
    // Without a place to read the current copy, a conflict is a refusal with the server's message.
    expect(outcomeOf(409, error('CONFLICT', 'changed'), false, 'x')).toEqual({ kind: 'rejected', message: 'changed' });
    // A state that refuses the change is not an edit conflict.
    expect(outcomeOf(409, error('QUARANTINE_FULL', 'full'), true, 'x')).toEqual({ kind: 'rejected', message: 'full' });
  });

  it('is kept and tried again when it is not the request’s fault', () => {
    for (const status of [0, 401, 408, 429, 500, 502, 503])
      expect(outcomeOf(status, null, true, 'x').kind).toBe('retry');
  });

  it('is kept with the server’s message when the content is refused, or a general one without it', () => {
    expect(outcomeOf(400, error('VALIDATION_FAILED', 'Tiền phạt ngoài khung'), false, 'x')).toEqual({
      kind: 'rejected',
      message: 'Tiền phạt ngoài khung',
    });
    expect(outcomeOf(413, 'too large', false, 'general')).toEqual({ kind: 'rejected', message: 'general' });
  });
});

describe('when a failed request is tried again', () => {
  it('doubles from 2 s up to 5 minutes', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(retryDelayMs(30)).toBe(300_000);
  });
});

describe('which stored requests go now', () => {
  const item = (key: string, savedAt: string, extra: Partial<Queued> = {}): Queued => ({
    key,
    savedAt,
    state: 'waiting',
    nextAt: 0,
    ...extra,
  });

  it('oldest first, only waiting and due ones', () => {
    const items = [
      item('b', '2026-12-07T10:02:00Z'),
      item('a', '2026-12-07T10:01:00Z'),
      item('later', '2026-12-07T10:00:00Z', { nextAt: 5_000 }),
      item('refused', '2026-12-07T09:00:00Z', { state: 'rejected' }),
      item('conflict', '2026-12-07T09:00:00Z', { state: 'conflict' }),
    ];
    expect(dueNow(items, 1_000).map((i) => i.key)).toEqual(['a', 'b']);
    expect(dueNow(items, 5_000).map((i) => i.key)).toEqual(['later', 'a', 'b']);
  });

  it('a photo waits while its visit is still on the phone, whatever the visit’s state', () => {
    const visit = item('visit', '2026-12-07T10:00:00Z', { state: 'conflict' });
    const photo = item('photo', '2026-12-07T10:01:00Z', { after: 'visit' });
    expect(dueNow([visit, photo], 1)).toEqual([]);
    expect(dueNow([photo], 1).map((i) => i.key)).toEqual(['photo']);
  });
});

describe('keeping this phone’s version over the server’s', () => {
  it('resends the body based on the current version', () => {
    expect(overCurrent({ clientKey: 'k', baseVersion: 2, note: 'mine' }, { version: 5, note: 'theirs' })).toEqual({
      clientKey: 'k',
      baseVersion: 5,
      note: 'mine',
    });
    expect(overCurrent({ note: 'mine' }, undefined)).toEqual({ note: 'mine' });
  });
});
