import { checkIdNumber, type Gender } from './identity-documents.ts';

/**
 * The QR printed on the chip-based citizen identity card (CCCD gắn chip) reads as plain text:
 * `number|old number|name|birth date ddmmyyyy|sex|address|issue date ddmmyyyy`, the old number (the
 * 9-digit CMND) empty when the holder never had one. A gate reads it for workers without a phone.
 */
export interface CccdCard {
  number: string;
  oldNumber: string | null;
  fullName: string;
  /** ISO day (YYYY-MM-DD). */
  birthDate: string;
  gender: Exclude<Gender, 'other'>;
  address: string;
  /** ISO day (YYYY-MM-DD). */
  issuedOn: string;
}

export type CccdQrProblem = 'fields' | 'number' | 'old_number' | 'name' | 'birth_date' | 'sex' | 'issue_date';

export type CccdQrResult = { ok: true; card: CccdCard } | { ok: false; problem: CccdQrProblem };

/** `ddmmyyyy` → `yyyy-mm-dd` when it is a day of the calendar. */
function cardDay(raw: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(raw);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]}-${m[1]}`;
  const t = Date.parse(`${iso}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === iso ? iso : null;
}

const sexes: Record<string, Exclude<Gender, 'other'>> = { nam: 'male', nu: 'female', male: 'male', female: 'female' };

/**
 * Parses the text of a CCCD's QR. The number must agree with the birth year and sex the card
 * states (the CCCD number encodes both), so a misread or a hand-made text is refused rather than
 * matched to someone else. A trailing separator or line break (some readers add one) is ignored.
 */
export function parseCccdQr(raw: string): CccdQrResult {
  const fields = raw
    .replace(/[\r\n]+$/, '')
    .replace(/\|$/, '')
    .split('|');
  if (fields.length !== 7) return { ok: false, problem: 'fields' };
  const [number, oldNumber, name, birth, sex, address, issued] = fields.map((f) => f.trim()) as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (!/^\d{12}$/.test(number)) return { ok: false, problem: 'number' };
  if (oldNumber !== '' && !/^\d{9}$/.test(oldNumber)) return { ok: false, problem: 'old_number' };
  if (name.length < 2) return { ok: false, problem: 'name' };
  const birthDate = cardDay(birth);
  if (!birthDate) return { ok: false, problem: 'birth_date' };
  const gender =
    sexes[
      sex
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
    ];
  if (!gender) return { ok: false, problem: 'sex' };
  const issuedOn = cardDay(issued);
  if (!issuedOn || issuedOn < birthDate) return { ok: false, problem: 'issue_date' };
  const problem = checkIdNumber('cccd', number, Number(birthDate.slice(0, 4)), gender);
  if (problem === 'birth_year' || problem === 'century') return { ok: false, problem: 'birth_date' };
  if (problem === 'gender') return { ok: false, problem: 'sex' };
  if (problem) return { ok: false, problem: 'number' };
  return {
    ok: true,
    card: { number, oldNumber: oldNumber || null, fullName: name, birthDate, gender, address, issuedOn },
  };
}
