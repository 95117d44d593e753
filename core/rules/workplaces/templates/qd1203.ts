import type { AssessmentTemplate } from '../../../schemas/assessment-template.ts';
import { consequence, oneToTen, w } from './builders.ts';

/** What a score of 1 and of 10 mean, written "least risk|most risk" in each language. */
function hint(vi: string, en: string) {
  const [vi1, vi10] = vi.split('|');
  const [en1, en10] = en.split('|');
  return w(`1 = ${vi1}; 10 = ${vi10}`, `1 = ${en1}; 10 = ${en10}`);
}

/**
 * Ho Chi Minh City's index (Decision 1203/QĐ-BCĐ, 6/4/2020), the model Decision 2194 followed: ten
 * components scored 1–10, index = sum / 100. The ten components and the bands are the decision's
 * (DOMAIN §7); the hints on what 1 and 10 mean are ours (ASSUMPTION), as are the cadences.
 */
export const qd1203_2020: AssessmentTemplate = {
  code: 'hcm1203',
  version: 1,
  name: w(
    'Bộ chỉ số đánh giá nguy cơ lây nhiễm COVID-19 tại doanh nghiệp (TP.HCM, QĐ 1203/QĐ-BCĐ)',
    'COVID-19 risk index of enterprises (Ho Chi Minh City, Decision 1203/QĐ-BCĐ)',
  ),
  source: w(
    'Quyết định 1203/QĐ-BCĐ ngày 6/4/2020 của Ban Chỉ đạo TP. Hồ Chí Minh: 10 thành phần chấm 1–10, chỉ số = tổng/100. Phần gợi ý cách chấm là minh hoạ.',
    'Decision 1203/QĐ-BCĐ of 6 April 2020 (Ho Chi Minh City): 10 components scored 1–10, index = sum / 100. The scoring hints are illustrative.',
  ),
  illustrative: false,
  appliesTo: ['enterprise', 'industrial_park'],
  rule: '1203',
  components: [
    { code: 'workers', name: w('Số người lao động', 'Workers') },
    { code: 'workshop_density', name: w('Mật độ nhà xưởng', 'Workshop density') },
    { code: 'hand_washing', name: w('Rửa tay', 'Hand washing') },
    { code: 'masks_worn', name: w('Đeo khẩu trang', 'Masks worn') },
    { code: 'temperature', name: w('Đo thân nhiệt', 'Temperature checks') },
    { code: 'canteen', name: w('Giãn cách nhà ăn', 'Canteen distancing') },
    { code: 'shuttle', name: w('Xe đưa đón', 'Shuttle buses') },
    { code: 'pickup_points', name: w('Điểm đón người lao động', 'Pick-up points') },
    { code: 'masks_supplied', name: w('Cấp khẩu trang', 'Masks supplied') },
    { code: 'night_shifts', name: w('Làm ca đêm', 'Night shifts') },
  ],
  items: [
    oneToTen(
      'workers',
      w('Số người lao động', 'Number of workers'),
      hint('dưới 50 người|trên 5.000 người', 'under 50|over 5,000'),
    ),
    oneToTen(
      'workshop_density',
      w('Mật độ người lao động trong nhà xưởng', 'Workers per workshop floor'),
      hint('cách nhau từ 2 m|sát nhau, không vách ngăn', '2 m apart or more|side by side, no screens'),
    ),
    oneToTen(
      'hand_washing',
      w('Điều kiện rửa tay', 'Hand-washing facilities'),
      hint('đủ điểm rửa tay, có xà phòng, dùng thường xuyên|không có', 'enough points with soap, used often|none'),
    ),
    oneToTen(
      'masks_worn',
      w('Tuân thủ đeo khẩu trang', 'Masks worn'),
      hint('mọi người, suốt ca|không ai đeo', 'everyone, all shift|nobody'),
    ),
    oneToTen(
      'temperature',
      w('Đo thân nhiệt', 'Temperature checks'),
      hint('mọi người, mỗi lần vào|không đo', 'everyone at every entry|none'),
    ),
    oneToTen(
      'canteen',
      w('Giãn cách trong nhà ăn', 'Canteen distancing'),
      hint('không ăn tập trung hoặc có vách ngăn|ăn tập trung, ngồi sát', 'no shared meals or screened|crowded'),
    ),
    oneToTen(
      'shuttle',
      w('Xe đưa đón', 'Shuttle buses'),
      hint('không có, hoặc chở dưới nửa số ghế|chở đầy', 'none, or under half the seats|full'),
    ),
    oneToTen(
      'pickup_points',
      w('Điểm đón người lao động', 'Pick-up points'),
      hint('một vài điểm, không tập trung|nhiều điểm đông người', 'a few, uncrowded|many, crowded'),
    ),
    oneToTen(
      'masks_supplied',
      w('Doanh nghiệp cấp khẩu trang', 'Masks supplied by the enterprise'),
      hint('cấp đủ hằng ngày|không cấp', 'enough every day|none'),
    ),
    oneToTen(
      'night_shifts',
      w('Làm ca đêm', 'Night shifts'),
      hint('không có|phần lớn người lao động', 'none|most workers'),
    ),
  ],
  consequences: {
    very_low: consequence('yes', w('Được hoạt động.', 'May operate.'), 30, false, null),
    low: consequence(
      'yes',
      w('Được hoạt động, có kiểm tra định kỳ.', 'May operate, with periodic checks.'),
      14,
      true,
      null,
    ),
    medium: consequence(
      'conditional',
      w(
        'Chỉ được hoạt động khi không thành phần nào từ 7 điểm trở lên; khắc phục các thành phần đó trước.',
        'May operate only if no component scores 7 or more; fix those components first.',
      ),
      7,
      true,
      3,
    ),
    high: consequence(
      'no',
      w(
        'Phải khắc phục trước khi hoạt động; gửi kế hoạch khắc phục cho UBND xã/phường.',
        'Must mitigate before operating; send a corrective plan to the commune.',
      ),
      7,
      true,
      3,
    ),
    very_high: consequence('no', w('Không được hoạt động.', 'May not operate.'), 3, true, 1),
  },
};
