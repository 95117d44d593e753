/**
 * Vietnamese messages of the risk dashboard (epidemic curve, Rt, projection), spread into
 * `i18n/vi.ts` under `riskDashboard`; `messages.en.ts` has the same keys.
 */
export const riskDashboardVi = {
  riskDashboard: {
    controls: 'Phạm vi và thời gian',
    from: 'Từ ngày',
    to: 'Đến ngày',
    by: 'Tính theo',
    byOnset: 'Ngày khởi phát',
    byConfirmed: 'Ngày xác nhận',
    communes: 'Xã, phường (mã, cách nhau bởi dấu phẩy)',
    communesHint: 'Để trống: toàn tỉnh. Tối đa 50 mã, mỗi mã 5 chữ số.',
    communesInvalid: 'Mã xã, phường không hợp lệ: {{codes}}. Mỗi mã gồm 5 chữ số.',
    communesTooMany: 'Chọn tối đa 50 xã, phường.',
    addCommune: 'Thêm xã, phường',
    addCommuneNone: 'Chọn để thêm…',
    rangeInvalid: 'Ngày bắt đầu phải trước hoặc trùng ngày kết thúc.',
    period: 'Từ {{from}} đến {{to}}',
    showTable: 'Xem bảng',
    hideTable: 'Ẩn bảng',
    day: 'Ngày',
    total: 'Tổng',
    notesTitle: 'Ghi chú',
    serialInterval:
      'Khoảng nối tiếp dùng để tính: trung bình {{mean}} ngày, độ lệch chuẩn {{sd}} ngày (hồ sơ bệnh: {{profile}}).',
    kind: {
      community: 'Ca cộng đồng',
      inQuarantine: 'Ca phát hiện trong khu cách ly',
      imported: 'Ca nhập cảnh',
    },
    epicurve: {
      title: 'Đường cong dịch',
      aria: 'Biểu đồ cột chồng số ca mỗi ngày từ {{from}} đến {{to}}: tổng {{total}} ca, nhiều nhất {{peak}} ca vào ngày {{peakDay}}.',
      ariaEmpty: 'Biểu đồ cột số ca mỗi ngày từ {{from}} đến {{to}}: không có ca nào.',
      onsetImputed_other: '{{count, number}} ca chưa có ngày khởi phát được tính theo ngày xác nhận.',
    },
    rt: {
      title: 'Hệ số lây nhiễm hiệu quả (Rt)',
      aria: 'Biểu đồ đường Rt từ {{from}} đến {{to}}. Rt gần nhất: {{mean}} (khoảng tin cậy 95% từ {{lower}} đến {{upper}}). Đường nét đứt là R = 1.',
      mean: 'Rt (trung bình)',
      median: 'Trung vị',
      band: 'Khoảng tin cậy 95%',
      lower: 'Cận dưới 95%',
      upper: 'Cận trên 95%',
      threshold: 'R = 1 (ngưỡng dịch giảm)',
      empty: 'Chưa ước lượng được Rt cho giai đoạn này.',
    },
    projection: {
      title: 'Dự báo 14 ngày tới',
      aria: 'Biểu đồ số ca trong nước 28 ngày gần nhất và dự báo 14 ngày tới. Ngày {{day}} dự báo khoảng {{median}} ca (khoảng dự báo 95% từ {{lower}} đến {{upper}}).',
      observed: 'Ca trong nước đã ghi nhận (28 ngày gần nhất)',
      median: 'Dự báo (trung vị)',
      band: 'Khoảng dự báo 95%',
      lower: 'Cận dưới 95%',
      upper: 'Cận trên 95%',
      empty: 'Chưa dự báo được cho giai đoạn này.',
    },
    levelTrend: {
      title: 'Số xã, phường theo cấp độ',
      aria: 'Biểu đồ cột chồng số xã, phường của tỉnh theo cấp độ tính toán mỗi ngày từ {{from}} đến {{to}}, dải trên cùng là cấp độ của tỉnh. Ngày {{day}}: {{counts}}; cấp độ của tỉnh: {{level}}.',
      note: 'Toàn tỉnh, theo cấp độ tính toán (chưa tính quyết định của Ban chỉ đạo). Dải màu trên cùng: cấp độ tính toán của tỉnh mỗi ngày.',
      provinceLevel: 'Cấp độ của tỉnh',
      empty: 'Chưa có cấp độ tính toán cho giai đoạn này.',
    },
  },
};
