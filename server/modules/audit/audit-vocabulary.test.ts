import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  auditActionLabel,
  auditActionLabels,
  auditActions,
  auditEntityHref,
  auditEntityLabels,
  auditEntityTypes,
} from '../../../core/audit-vocabulary.ts';

const root = path.resolve(import.meta.dirname, '../../..');

/** Every server source file but tests: where audit events are written. */
function serverSources(dir = path.join(root, 'server')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return serverSources(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Literal codes written as `action: '…'` / `entityType: '…'` (plus the decisions written by variable). */
function recordedCodes(field: 'action' | 'entityType'): Set<string> {
  const found = new Set<string>();
  const pattern = new RegExp(`\\b${field}: *(?:[^,'\\n]*\\? *)?'([a-z0-9_]+)'(?: *: *'([a-z0-9_]+)')?`, 'g');
  for (const file of serverSources()) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(pattern)) {
      found.add(m[1]!);
      if (m[2]) found.add(m[2]);
    }
  }
  return found;
}

const vietnameseLetters = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

describe('audit vocabulary', () => {
  it('words every action the server writes, in both languages', () => {
    const codes = recordedCodes('action');
    // The scan must see the code base, not an empty folder.
    expect(codes.size).toBeGreaterThan(40);
    for (const code of codes) expect(auditActions, `action ${code}`).toContain(code);
  });

  it('words every kind of record the server audits, in both languages', () => {
    const codes = recordedCodes('entityType');
    expect(codes.size).toBeGreaterThan(15);
    for (const code of codes) expect(auditEntityTypes, `entity ${code}`).toContain(code);
  });

  it('has a Vietnamese and an English word for each code, and no Vietnamese in English', () => {
    const all = { ...auditActionLabels, ...auditEntityLabels } as Record<string, { vi: string; en: string }>;
    for (const [code, words] of Object.entries(all)) {
      expect(words.vi.trim(), code).not.toBe('');
      expect(words.en.trim(), code).not.toBe('');
      expect(words.en, code).not.toMatch(vietnameseLetters);
      expect(words.vi, code).not.toBe(code);
    }
  });

  it('reads an unknown (older) code as itself', () => {
    expect(auditActionLabel('read_list', 'vi')).toBe('Xem danh sách');
    expect(auditActionLabel('read_list', 'en')).toBe('Viewed a list');
    expect(auditActionLabel('something_old', 'en')).toBe('something_old');
  });

  it('links an event to the staff page of its record', () => {
    expect(auditEntityHref('case', 'abc')).toBe('/cases/abc');
    expect(auditEntityHref('quarantine_admission', 'q1')).toBe('/quarantine/q1');
    expect(auditEntityHref('case', null)).toBeNull();
    expect(auditEntityHref('person', 'p1')).toBeNull();
    expect(auditEntityHref('cluster', null)).toBe('/clusters');
  });
});
