import { DOAN_KET, type TestClient } from '../../testing/test-platform.ts';

/** A venue registration body with a fresh name each time; `over` changes any field. */
let serial = 0;
export const venueBody = (over: Record<string, unknown> = {}) => ({
  organisationName: 'Công ty TNHH Ẩm thực Tây Bắc',
  name: `Nhà hàng Phở Đặc Biệt ${++serial}`,
  type: 'restaurant',
  addressLine: '12 đường Trần Hưng Đạo',
  communeCode: DOAN_KET,
  capacity: 80,
  contactPhone: '0912 345 678',
  ...over,
});

export async function register(c: TestClient, over: Record<string, unknown> = {}) {
  const res = await c.post('/api/venues', venueBody(over));
  if (res.statusCode !== 201) throw new Error(`register: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string; publicCode: string; name: string; status: string }>();
}
