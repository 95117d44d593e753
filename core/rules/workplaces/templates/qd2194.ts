import type { AssessmentTemplate } from '../../../schemas/assessment-template.ts';
import { consequence, graded, practice, w } from './builders.ts';

/**
 * Decision 2194/QĐ-BCĐQG (27/5/2020): COVID-19 prevention and risk assessment at workplaces and
 * worker dormitories. The bands (≤ 15% very low … 81–100% very high) are the decision's
 * (english.luatvietnam.vn, doc 186850). ILLUSTRATIVE: the decision's own per-item checklist was not
 * found; these items are written from its headings (density of workers, shared spaces, ventilation,
 * shifts, screening at the gate, isolation room, masks and hand hygiene, canteen, dormitories,
 * transport of workers) and must be replaced by the official list before scores are relied on.
 * ASSUMPTION: the re-assessment cadence and the corrective-plan deadlines of each group.
 */
export const qd2194_2020: AssessmentTemplate = {
  code: 'qd2194',
  version: 1,
  name: w(
    'Đánh giá nguy cơ lây nhiễm COVID-19 tại nơi làm việc và khu nhà ở tập thể (QĐ 2194/QĐ-BCĐQG)',
    'COVID-19 risk at workplaces and worker dormitories (Decision 2194/QĐ-BCĐQG)',
  ),
  source: w(
    'Quyết định 2194/QĐ-BCĐQG ngày 27/5/2020. Ngưỡng phân nhóm theo quyết định; các câu hỏi là bản MINH HOẠ soạn theo các đề mục của quyết định, cần thay bằng bảng kiểm chính thức.',
    'Decision 2194/QĐ-BCĐQG of 27 May 2020. The bands are the decision’s; the questions are ILLUSTRATIVE, written from its headings, to be replaced by the official checklist.',
  ),
  illustrative: true,
  appliesTo: ['enterprise', 'industrial_park', 'dormitory', 'agency', 'school', 'health_facility', 'other'],
  rule: '2194',
  components: [
    { code: 'density', name: w('Mật độ người lao động', 'Density of workers') },
    { code: 'shared_spaces', name: w('Khu vực dùng chung', 'Shared spaces') },
    { code: 'ventilation', name: w('Thông khí', 'Ventilation') },
    { code: 'shifts', name: w('Tổ chức ca làm việc', 'Shifts') },
    { code: 'gate', name: w('Sàng lọc tại cổng', 'Screening at the gate') },
    { code: 'isolation', name: w('Phòng cách ly tạm thời', 'Isolation room') },
    { code: 'hygiene', name: w('Khẩu trang và vệ sinh tay', 'Masks and hand hygiene') },
    { code: 'canteen', name: w('Nhà ăn', 'Canteen') },
    { code: 'dormitory', name: w('Khu nhà ở tập thể', 'Worker dormitories') },
    { code: 'transport', name: w('Đưa đón người lao động', 'Transport of workers') },
  ],
  items: [
    graded(
      'workers_on_site',
      'density',
      w('Số người lao động làm việc cùng lúc tại cơ sở', 'Workers on site at the same time'),
      [
        w('Dưới 50', 'Under 50'),
        w('50 – 299', '50–299'),
        w('300 – 999', '300–999'),
        w('1.000 trở lên', '1,000 or more'),
      ],
    ),
    graded(
      'workstation_distance',
      'density',
      w('Khoảng cách giữa các vị trí làm việc', 'Distance between workstations'),
      [w('Từ 2 m trở lên', '2 m or more'), w('Từ 1 m đến dưới 2 m', '1 m to under 2 m'), w('Dưới 1 m', 'Under 1 m')],
    ),
    practice(
      'shared_spaces_limited',
      'shared_spaces',
      w(
        'Hạn chế số người cùng lúc ở phòng thay đồ, phòng nghỉ, nhà vệ sinh',
        'Limits on people at once in changing rooms, rest rooms and toilets',
      ),
      2,
      { partly: true },
    ),
    practice(
      'surfaces_disinfected',
      'shared_spaces',
      w(
        'Khử khuẩn bề mặt tiếp xúc chung (tay nắm cửa, lan can, nút thang máy) hằng ngày',
        'Daily disinfection of shared surfaces (door handles, rails, lift buttons)',
      ),
      2,
      { partly: true },
    ),
    graded('ventilation', 'ventilation', w('Thông khí nơi làm việc', 'Ventilation of the workplace'), [
      w('Thông thoáng tự nhiên hoặc có hệ thống trao đổi khí', 'Natural or mechanical fresh air'),
      w('Một phần khu vực kín', 'Some closed areas'),
      w('Khu vực kín, điều hoà không trao đổi khí', 'Closed, air conditioning without fresh air'),
    ]),
    practice(
      'shifts_staggered',
      'shifts',
      w(
        'Chia ca, giãn giờ vào ra và giờ nghỉ để tránh tập trung',
        'Staggered shifts, arrivals and breaks to avoid crowding',
      ),
      2,
      { partly: true },
    ),
    practice(
      'night_shift_limited',
      'shifts',
      w('Hạn chế làm đêm, tăng ca kéo dài', 'Night and long extra shifts limited'),
      1,
    ),
    practice(
      'gate_temperature',
      'gate',
      w('Đo thân nhiệt mọi người ra vào cổng', 'Temperature check of everyone at the gate'),
      2,
      { partly: true },
    ),
    practice(
      'gate_declaration',
      'gate',
      w('Không cho người chưa khai báo y tế vào làm việc', 'Nobody works without a health declaration'),
      3,
      { partly: true },
    ),
    practice(
      'visitors_logged',
      'gate',
      w('Ghi nhận khách ra vào (quét mã QR hoặc sổ)', 'Visitors logged (QR check-in or book)'),
      1,
    ),
    practice(
      'isolation_room',
      'isolation',
      w('Có phòng cách ly tạm thời riêng, thông thoáng', 'A separate, ventilated temporary isolation room'),
      3,
    ),
    practice(
      'symptom_protocol',
      'isolation',
      w(
        'Quy trình xử lý người có triệu chứng (báo quản lý và y tế, đeo khẩu trang, cách ly, gọi đường dây nóng) đã phổ biến',
        'The protocol for a worker with symptoms (tell manager and health staff, mask, isolate, call the hotline) is known to all',
      ),
      2,
      { partly: true },
    ),
    practice(
      'masks_worn',
      'hygiene',
      w('Người lao động đeo khẩu trang suốt thời gian làm việc', 'Workers wear masks throughout work'),
      3,
      { partly: true },
    ),
    practice(
      'hand_wash_points',
      'hygiene',
      w('Đủ điểm rửa tay với xà phòng hoặc dung dịch sát khuẩn', 'Enough hand-washing points with soap or sanitiser'),
      2,
      { partly: true },
    ),
    graded('canteen_seating', 'canteen', w('Nhà ăn', 'Canteen'), [
      w('Không có nhà ăn tập trung / suất ăn mang về', 'No shared canteen / meals to take away'),
      w('Ăn theo ca, có vách ngăn hoặc ngồi giãn cách', 'Meals in shifts, with screens or distance'),
      w('Ăn tập trung, không giãn cách', 'Everyone together, no distance'),
    ]),
    graded('dormitory', 'dormitory', w('Khu nhà ở tập thể cho người lao động', 'Worker dormitories'), [
      w('Không có', 'None'),
      w('Có, tối đa 4 người một phòng, có kiểm soát ra vào', 'Yes, at most 4 to a room, entry controlled'),
      w('Có, trên 4 người một phòng hoặc không kiểm soát', 'Yes, more than 4 to a room or uncontrolled'),
    ]),
    graded('shuttle', 'transport', w('Xe đưa đón người lao động', 'Shuttle buses for workers'), [
      w('Không có', 'None'),
      w(
        'Có, chở không quá 50% số ghế, đeo khẩu trang, danh sách cố định',
        'Yes, at most half the seats, masks, fixed passenger lists',
      ),
      w('Có, chở đủ chỗ hoặc không có danh sách', 'Yes, full or without passenger lists'),
    ]),
  ],
  consequences: {
    very_low: consequence(
      'yes',
      w('Duy trì các biện pháp phòng, chống dịch hiện có.', 'Keep the measures in place.'),
      30,
      false,
      null,
    ),
    low: consequence(
      'yes',
      w('Duy trì các biện pháp và khắc phục các mục còn thiếu.', 'Keep the measures and fix the items still missing.'),
      14,
      false,
      null,
    ),
    medium: consequence(
      'yes',
      w(
        'Bổ sung biện pháp cho các thành phần có điểm cao nhất; tự đánh giá lại sau 7 ngày.',
        'Add measures for the highest-scoring components; re-assess in 7 days.',
      ),
      7,
      false,
      null,
    ),
    high: consequence(
      'yes',
      w(
        'Lập và gửi UBND xã/phường kế hoạch khắc phục trong 3 ngày; xã/phường kiểm tra.',
        'Send a corrective plan to the commune within 3 days; the commune inspects.',
      ),
      7,
      true,
      3,
    ),
    very_high: consequence(
      'no',
      w(
        'Tạm dừng hoạt động các khu vực nguy cơ cho đến khi khắc phục; báo ngay UBND xã/phường.',
        'Stop the risky areas until fixed; tell the commune at once.',
      ),
      3,
      true,
      1,
    ),
  },
};
