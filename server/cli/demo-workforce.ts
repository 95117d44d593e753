import { randomUUID } from 'node:crypto';
import { vietnamMidnight, vietnamToday } from '../../core/vietnam-calendar.ts';
import type { Platform } from '../main.ts';
import { DeclarationsRepository } from '../modules/declarations/declarations.repository.ts';
import { systemActor } from '../shared/actor.ts';
import { demoCccd, demoIdentity, type DemoPerson } from './demo-people.ts';
import { DEMO_MARKET_BOARD } from './demo-workplaces.ts';

const MINUTE = 60_000;

interface DemoWorker extends DemoPerson {
  department: string;
  shift: string;
  remote?: boolean;
  role?: 'tiếp xúc khách' | 'nguy cơ cao';
  /** Declared this morning; came to the gate at this many minutes past 6:30 (none: did not come). */
  declared: boolean;
  arrives: number | null;
}

/**
 * The market board's staff (serials 70 000 and up, far from the crowd's): fee collectors meet every
 * customer, cleaners handle the waste. This morning at the market gate, seven came with a valid
 * declaration; Quàng Văn Tùng came without one and was refused at the gate on his CCCD card (he has
 * no phone); Điêu Thị Loan is on leave; the accountant works from home.
 */
const workers: DemoWorker[] = [
  {
    fullName: 'Lò Văn Khánh',
    birthYear: 1979,
    gender: 'male',
    serial: 70_001,
    department: 'Bảo vệ',
    shift: 'Ca sáng',
    declared: true,
    arrives: 0,
  },
  {
    fullName: 'Cầm Văn Hùng',
    birthYear: 1984,
    gender: 'male',
    serial: 70_002,
    department: 'Bảo vệ',
    shift: 'Ca sáng',
    declared: true,
    arrives: 2,
  },
  {
    fullName: 'Quàng Văn Tùng',
    birthYear: 1990,
    gender: 'male',
    serial: 70_003,
    department: 'Bảo vệ',
    shift: 'Ca sáng',
    declared: false,
    arrives: 5,
  },
  {
    fullName: 'Tòng Thị Xuân',
    birthYear: 1986,
    gender: 'female',
    serial: 70_004,
    department: 'Thu phí',
    shift: 'Ca sáng',
    role: 'tiếp xúc khách',
    declared: true,
    arrives: 8,
  },
  {
    fullName: 'Lường Thị Hương',
    birthYear: 1992,
    gender: 'female',
    serial: 70_005,
    department: 'Thu phí',
    shift: 'Ca sáng',
    role: 'tiếp xúc khách',
    declared: true,
    arrives: 9,
  },
  {
    fullName: 'Hoàng Văn Bình',
    birthYear: 1988,
    gender: 'male',
    serial: 70_006,
    department: 'Thu phí',
    shift: 'Ca sáng',
    role: 'tiếp xúc khách',
    declared: true,
    arrives: 12,
  },
  {
    fullName: 'Điêu Thị Loan',
    birthYear: 1975,
    gender: 'female',
    serial: 70_007,
    department: 'Vệ sinh môi trường',
    shift: 'Ca sáng',
    role: 'nguy cơ cao',
    declared: false,
    arrives: null,
  },
  {
    fullName: 'Nguyễn Thị Hạnh',
    birthYear: 1981,
    gender: 'female',
    serial: 70_008,
    department: 'Vệ sinh môi trường',
    shift: 'Ca sáng',
    role: 'nguy cơ cao',
    declared: true,
    arrives: 15,
  },
  {
    fullName: 'Trần Văn Thắng',
    birthYear: 1970,
    gender: 'male',
    serial: 70_009,
    department: 'Văn phòng',
    shift: 'Hành chính',
    declared: true,
    arrives: 40,
  },
  {
    fullName: 'Phạm Thị Dung',
    birthYear: 1995,
    gender: 'female',
    serial: 70_010,
    department: 'Văn phòng',
    shift: 'Hành chính',
    remote: true,
    declared: true,
    arrives: null,
  },
];

/** A CCCD card's QR text for a demo worker (born on 1 January of their year). */
const cardText = (w: DemoWorker) =>
  `${demoCccd(w.serial, w.birthYear, w.gender)}||${w.fullName}|0101${w.birthYear}|${w.gender === 'male' ? 'Nam' : 'Nữ'}|Phường Đoàn Kết, Lai Châu|01062021`;

/**
 * "No declaration, no work" at the market board: its roster (imported as a sheet), the market as
 * its site, the staff's declarations of this morning and their checks at the gate, so the board's
 * compliance of today and the commune's read as they would: 9 expected, 8 arrived, 7 with a valid
 * declaration, 1 refused, 1 missing. Checks are never in the future: seeded before 7:10, they are now.
 */
export async function seedDemoWorkforce(p: Platform, marketVenueId: string): Promise<void> {
  const s = p.services;
  const db = p.database.db;
  const sys = systemActor('demo');
  const board = await db
    .selectFrom('organisations')
    .select(['id', 'commune_code', 'locality_path'])
    .where('name', '=', DEMO_MARKET_BOARD)
    .executeTakeFirstOrThrow();
  const sheet = [
    'Họ tên,Số CCCD,Phòng ban,Ca,Hình thức,Vị trí',
    ...workers.map((w) =>
      [
        w.fullName,
        demoCccd(w.serial, w.birthYear, w.gender),
        w.department,
        w.shift,
        w.remote ? 'từ xa' : 'tại chỗ',
        w.role ?? '',
      ].join(','),
    ),
  ].join('\n');
  await s.rosters.importFile(sys, board.id, Buffer.from(sheet), 'text/csv');
  await s.workplaceGate.linkSite(sys, board.id, marketVenueId);

  const now = Date.now();
  const morning = vietnamMidnight(vietnamToday()).getTime() + 6.5 * 60 * MINUTE;
  const declarations = new DeclarationsRepository();
  for (const w of workers.filter((x) => x.declared)) {
    const person = await s.peopleRegistry.resolve(db, sys, { person: demoIdentity(w, board.commune_code) }, 'demo');
    await declarations.insertDeclaration(db, {
      person_id: person.id,
      kind: 'population',
      symptoms: [],
      exposures: [],
      conditions: [],
      has_symptoms: false,
      has_exposure: false,
      commune_code: board.commune_code,
      locality_path: board.locality_path,
      valid_until: new Date(now + p.config.declarations.validHours * 60 * MINUTE),
      client_key: randomUUID(),
      declared_identity: null,
    });
  }
  const roster = await s.rosters.list(sys, board.id, { limit: 50 });
  for (const w of workers) {
    if (w.arrives === null) continue;
    const at = new Date(Math.min(now, morning + w.arrives * MINUTE));
    const base = { clientKey: randomUUID(), venueId: marketVenueId };
    const id = roster.items.find((r) => r.fullName === w.fullName)!.id;
    await s.workplaceGate.check(
      sys,
      board.id,
      w.declared ? { ...base, mode: 'list', rosterWorkerId: id } : { ...base, mode: 'cccd', cardText: cardText(w) },
      at,
    );
  }
}
