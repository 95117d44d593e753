import { describe, expect, it } from 'vitest';
import { parseCccdQr } from './cccd-qr.ts';

// 001 Hà Nội, century digit 0 (male, 1900s), born 1998.
const card = '001098012345|123456789|Nguyễn Văn An|01011998|Nam|Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội|15082021';

describe('CCCD card QR', () => {
  it('reads the seven fields of a card', () => {
    expect(parseCccdQr(card)).toEqual({
      ok: true,
      card: {
        number: '001098012345',
        oldNumber: '123456789',
        fullName: 'Nguyễn Văn An',
        birthDate: '1998-01-01',
        gender: 'male',
        address: 'Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội',
        issuedOn: '2021-08-15',
      },
    });
  });

  it('takes an empty old number, a woman of the 2000s, and a trailing separator or line break', () => {
    // 012 Lai Châu, century digit 3 (female, 2000s), born 2001.
    const r = parseCccdQr('012301000777||Lò Thị Mai|29022000|Nữ|Bản Hon, Tam Đường, Lai Châu|10052021|\r\n');
    expect(r.ok).toBe(false); // 29/02/2000 exists, but the number says born 2001
    const ok = parseCccdQr('012301000777||Lò Thị Mai|28022001|Nữ|Bản Hon, Tam Đường, Lai Châu|10052021|\r\n');
    expect(ok).toMatchObject({ ok: true, card: { oldNumber: null, gender: 'female', birthDate: '2001-02-28' } });
  });

  it('names what is wrong', () => {
    const swap = (i: number, v: string) =>
      card
        .split('|')
        .map((f, j) => (j === i ? v : f))
        .join('|');
    expect(parseCccdQr('001098012345|Nguyễn Văn An')).toEqual({ ok: false, problem: 'fields' });
    expect(parseCccdQr(`${card}|extra`)).toEqual({ ok: false, problem: 'fields' });
    expect(parseCccdQr(swap(0, '00109801234'))).toEqual({ ok: false, problem: 'number' });
    expect(parseCccdQr(swap(0, '999098012345'))).toEqual({ ok: false, problem: 'number' });
    expect(parseCccdQr(swap(1, '12345'))).toEqual({ ok: false, problem: 'old_number' });
    expect(parseCccdQr(swap(2, ''))).toEqual({ ok: false, problem: 'name' });
    expect(parseCccdQr(swap(3, '32011998'))).toEqual({ ok: false, problem: 'birth_date' });
    expect(parseCccdQr(swap(3, '01011997'))).toEqual({ ok: false, problem: 'birth_date' });
    expect(parseCccdQr(swap(4, 'Nữ'))).toEqual({ ok: false, problem: 'sex' });
    expect(parseCccdQr(swap(4, 'X'))).toEqual({ ok: false, problem: 'sex' });
    expect(parseCccdQr(swap(6, '15081990'))).toEqual({ ok: false, problem: 'issue_date' });
    expect(parseCccdQr(swap(6, '2021-08-15'))).toEqual({ ok: false, problem: 'issue_date' });
  });
});
