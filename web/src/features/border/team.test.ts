import { describe, expect, it } from 'vitest';
import { parseTeam } from './team.ts';

describe("a shift's team typed as lines", () => {
  it('reads "force: name" lines, keeps a line without a known force as a volunteer, skips blanks', () => {
    expect(parseTeam('Biên phòng: Thiếu uý Lò Văn A\n\nhealth: Tẩn Thị B\nGiàng A Dơ\nCông an:  ')).toEqual([
      { force: 'border_guard', name: 'Thiếu uý Lò Văn A' },
      { force: 'health', name: 'Tẩn Thị B' },
      { force: 'volunteer', name: 'Giàng A Dơ' },
    ]);
  });
});
