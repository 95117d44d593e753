import type { AssessmentTemplate } from '../../../schemas/assessment-template.ts';
import { consequence, graded, practice, w } from './builders.ts';

/**
 * Decision 2225/QĐ-BCĐQG (28/5/2020): COVID-19 risk at markets, supermarkets, shopping centres and
 * restaurants. ILLUSTRATIVE: the decision's checklist was not retrieved; the items follow its
 * subject (crowding, distancing, masks, hand hygiene, ventilation, cleaning, payment, staff health,
 * food handling) and it is read with the same five bands as Decision 2194, its sibling of the day
 * before (ASSUMPTION, as are the cadences).
 */
export const qd2225_2020: AssessmentTemplate = {
  code: 'qd2225',
  version: 1,
  name: w(
    'Đánh giá nguy cơ lây nhiễm COVID-19 tại chợ, siêu thị, trung tâm thương mại, nhà hàng (QĐ 2225/QĐ-BCĐQG)',
    'COVID-19 risk at markets, supermarkets, malls and restaurants (Decision 2225/QĐ-BCĐQG)',
  ),
  source: w(
    'Quyết định 2225/QĐ-BCĐQG ngày 28/5/2020. Các câu hỏi và việc dùng ngưỡng của QĐ 2194 là bản MINH HOẠ, cần đối chiếu văn bản chính thức.',
    'Decision 2225/QĐ-BCĐQG of 28 May 2020. The questions and the use of Decision 2194’s bands are ILLUSTRATIVE, to be checked against the official text.',
  ),
  illustrative: true,
  appliesTo: ['market', 'supermarket', 'restaurant'],
  rule: '2194',
  components: [
    { code: 'crowding', name: w('Mật độ khách', 'Crowding') },
    { code: 'distancing', name: w('Giãn cách', 'Distancing') },
    { code: 'hygiene', name: w('Khẩu trang và vệ sinh tay', 'Masks and hand hygiene') },
    { code: 'ventilation', name: w('Thông khí', 'Ventilation') },
    { code: 'cleaning', name: w('Vệ sinh, khử khuẩn', 'Cleaning') },
    { code: 'staff', name: w('Sức khoẻ nhân viên, tiểu thương', 'Staff and traders’ health') },
    { code: 'customers', name: w('Kiểm soát khách', 'Customer control') },
  ],
  items: [
    graded('peak_visitors', 'crowding', w('Số khách cùng lúc vào giờ cao điểm', 'Customers at once at peak time'), [
      w('Dưới 50', 'Under 50'),
      w('50 – 199', '50–199'),
      w('200 – 999', '200–999'),
      w('1.000 trở lên', '1,000 or more'),
    ]),
    practice(
      'entry_limited',
      'crowding',
      w('Giới hạn số khách vào cùng lúc', 'Customers admitted at once are limited'),
      2,
    ),
    graded(
      'stall_distance',
      'distancing',
      w('Khoảng cách giữa quầy, sạp, bàn ăn', 'Distance between stalls, counters or tables'),
      [
        w('Từ 2 m hoặc có vách ngăn', '2 m or screened'),
        w('Từ 1 m đến dưới 2 m', '1 m to under 2 m'),
        w('Dưới 1 m', 'Under 1 m'),
      ],
    ),
    practice(
      'queue_marks',
      'distancing',
      w('Vạch giãn cách khi xếp hàng, thanh toán', 'Distance marks at queues and tills'),
      1,
    ),
    practice('masks_staff', 'hygiene', w('Nhân viên, tiểu thương đeo khẩu trang', 'Staff and traders wear masks'), 3, {
      partly: true,
    }),
    practice('masks_customers', 'hygiene', w('Yêu cầu khách đeo khẩu trang', 'Customers must wear masks'), 2, {
      partly: true,
    }),
    practice(
      'sanitiser_entrances',
      'hygiene',
      w('Dung dịch sát khuẩn ở lối vào và quầy thanh toán', 'Sanitiser at entrances and tills'),
      2,
      { partly: true },
    ),
    graded('ventilation', 'ventilation', w('Thông khí', 'Ventilation'), [
      w('Ngoài trời hoặc thông thoáng', 'Open air or well ventilated'),
      w('Một phần khu vực kín', 'Some closed areas'),
      w('Khu vực kín, điều hoà không trao đổi khí', 'Closed, air conditioning without fresh air'),
    ]),
    practice(
      'cleaning_daily',
      'cleaning',
      w(
        'Vệ sinh, khử khuẩn cuối mỗi ngày và bề mặt tiếp xúc nhiều lần trong ngày',
        'Cleaning at day’s end and of shared surfaces several times a day',
      ),
      2,
      { partly: true },
    ),
    practice(
      'cashless',
      'cleaning',
      w('Khuyến khích thanh toán không dùng tiền mặt', 'Cashless payment encouraged'),
      1,
    ),
    practice(
      'staff_declared',
      'staff',
      w(
        'Nhân viên, tiểu thương khai báo y tế, theo dõi sức khoẻ hằng ngày',
        'Staff and traders declare and watch their health daily',
      ),
      3,
      { partly: true },
    ),
    practice(
      'symptom_protocol',
      'staff',
      w(
        'Quy trình xử lý người có triệu chứng và nơi cách ly tạm thời',
        'Protocol and a temporary isolation place for someone with symptoms',
      ),
      2,
    ),
    practice(
      'customer_checkin',
      'customers',
      w('Khách quét mã QR hoặc ghi sổ khi vào', 'Customers check in by QR or book'),
      2,
      { partly: true },
    ),
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
        'Giảm số khách, gửi UBND xã/phường kế hoạch khắc phục trong 3 ngày; xã/phường kiểm tra.',
        'Admit fewer customers and send a corrective plan to the commune within 3 days; the commune inspects.',
      ),
      7,
      true,
      3,
    ),
    very_high: consequence(
      'no',
      w(
        'Tạm dừng hoạt động cho đến khi khắc phục; báo ngay UBND xã/phường.',
        'Stop until fixed; tell the commune at once.',
      ),
      3,
      true,
      1,
    ),
  },
};
