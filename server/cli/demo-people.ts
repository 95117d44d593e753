/**
 * The invented people of the demo outbreak. Every CCCD number is structurally valid for Lai Châu
 * (012) and belongs to nobody: the serials start at 900100, far above the ones issued there.
 */
export type DemoGender = 'male' | 'female';

export interface DemoPerson {
  fullName: string;
  birthYear: number;
  gender: DemoGender;
  /** Makes the CCCD number (see `demoCccd`): unique per person of the demo. */
  serial: number;
}

/** A structurally valid CCCD of Lai Châu (012) for demo person `serial`: century-and-gender digit, year, serial. */
export function demoCccd(serial: number, birthYear: number, gender: DemoGender): string {
  const century = (birthYear >= 2000 ? 2 : 0) + (gender === 'female' ? 1 : 0);
  return `012${century}${String(birthYear % 100).padStart(2, '0')}${String(900_100 + serial).padStart(6, '0')}`;
}

/** Thai and Kinh family names of the province, and given names that match the gender ("Văn" men, "Thị" women). */
const families = ['Lò', 'Tòng', 'Điêu', 'Quàng', 'Lường', 'Cầm', 'Nguyễn', 'Trần', 'Hoàng', 'Lê', 'Phạm', 'Đỗ'];
const givenNames: Record<DemoGender, string[]> = {
  male: ['Văn Minh', 'Văn Chung', 'Văn Tùng', 'Văn Bình', 'Văn Khánh', 'Văn Hùng', 'Văn Thắng', 'Đức Anh'],
  female: ['Thị Xuân', 'Thị Hương', 'Thị Dung', 'Thị Nga', 'Thị Thủy', 'Thị Hiền', 'Thị Loan', 'Thị Hạnh'],
};

/** How many crowd people have a name of their own: a list never shows the same name twice. */
export const CROWD_NAMES = families.length * 2 * 8;

/**
 * Person `n` of the demo's crowd (the cases of the wave, then the contacts named in interviews):
 * a name, gender and age (22 to 76 in `year`) that look like the province's. Ages, not birth
 * years, stay the same from one year to the next, so the demo's patients need the same beds
 * whenever it is seeded. The story's named people have serials below 100.
 */
export function crowdPerson(n: number, year: number): DemoPerson {
  // A step coprime with the number of names walks through all of them, neighbours far apart.
  const m = (n * 67) % CROWD_NAMES;
  const gender: DemoGender = Math.floor(m / families.length) % 2 === 0 ? 'male' : 'female';
  const given = givenNames[gender][Math.floor(m / (2 * families.length))]!;
  return {
    fullName: `${families[m % families.length]} ${given}`,
    birthYear: year - (76 - ((n * 7 + 24) % 55)),
    gender,
    serial: 50_000 + n,
  };
}

/** The identity a service takes to find or register a person of the demo. */
export function demoIdentity(p: DemoPerson, communeCode: string, addressLine?: string) {
  return {
    idType: 'cccd' as const,
    idNumber: demoCccd(p.serial, p.birthYear, p.gender),
    fullName: p.fullName,
    birthYear: p.birthYear,
    gender: p.gender,
    nationality: 'VN',
    communeCode,
    ...(addressLine ? { addressLine } : {}),
  };
}
