/**
 * Vietnamese messages of today's work (việc cần làm hôm nay), spread into `i18n/vi.ts` under
 * `today`; `messages.en.ts` has the same keys.
 */
export const todayVi = {
  today: {
    nav: 'Việc hôm nay',
    title: 'Việc cần làm hôm nay',
    intro: 'Việc tồn đọng tại {{name}} ngày {{date}}, việc quá hạn lên trước.',
    panelTitle: 'Việc cần làm hôm nay',
    seeAll: 'Xem tất cả việc hôm nay',
    empty: 'Không có việc tồn đọng',
    count_other: '{{count, number}} việc',
    overdue_other: '{{count, number}} quá hạn',
    overdueItem: 'Quá hạn',
    dueOn: 'Hạn {{date}}',
    acceptReferral: 'Tiếp nhận',
    more_other: 'và {{count, number}} việc khác',
    loadMore: 'Xem thêm việc mỗi nhóm',
    capped: 'Mỗi nhóm hiện tối đa {{limit}} việc; mở trang của từng việc để xem hết.',
    group: {
      contacts_to_decide: 'Người tiếp xúc chờ xác nhận',
      quarantine_to_arrange: 'Cần bố trí cách ly',
      tests_due: 'Xét nghiệm đến hạn',
      releases_due: 'Đến hạn kết thúc cách ly',
      missing_reports: 'Chưa khai báo sức khỏe hôm nay',
      case_proposals: 'Ca bệnh đề xuất từ xét nghiệm',
      capacity_alerts: 'Cơ sở gần đầy',
      levels_to_decide: 'Cấp độ dịch chờ Ban Chỉ đạo quyết định',
      link_requests: 'Hồ sơ người dân tự khai chờ xác minh',
      workplace_follow_ups: 'Cơ quan, đơn vị nguy cơ cao chờ kế hoạch khắc phục',
      referrals_in: 'Người do tỉnh khác chuyển đến chờ tiếp nhận',
      self_reports: 'Tự báo của người dân (triệu chứng, test nhanh dương tính)',
      overdue_actions: 'Biện pháp khắc phục quá hạn (sau kiểm tra)',
      national_directives: 'Văn bản chỉ đạo của Trung ương chờ xác nhận đã nhận',
      workplace_symptoms: 'Người lao động có triệu chứng (cơ quan, đơn vị báo)',
    },
  },
};
