/** Messages of the home page's situation room (Vietnamese, the default). */
export const situationVi = {
  situation: {
    title: 'Tình hình địa bàn',
    figuresTitle: 'Số liệu chính hôm nay',
    figuresHint: 'So với hôm qua; bấm vào một số liệu để mở danh sách tương ứng.',
    noFigures: 'Vai trò của bạn không xem số liệu nào ở đây.',
    same: 'không đổi so với hôm qua',
    up: 'tăng {{count}} so với hôm qua',
    down: 'giảm {{count}} so với hôm qua',
    mapTitle: 'Cấp độ dịch các xã, phường',
    mapLabel: 'Bản đồ cấp độ dịch các xã, phường',
    legendTitle: 'Chú giải',
    levelHeader: 'Cấp độ',
    decidedNote: 'đã quyết định',
    noLevel: 'Chưa có',
    figure: {
      cases_community: 'Ca cộng đồng mới',
      cases_in_quarantine: 'Ca mới trong khu cách ly',
      cases_imported: 'Ca nhập cảnh mới',
      people_in_quarantine: 'Người đang cách ly',
      tests_pending: 'Xét nghiệm chờ kết quả',
      beds_occupied: 'Giường điều trị đang dùng',
      contacts_to_confirm: 'Người tiếp xúc (F1, F2…) chờ xác nhận',
      levels_to_decide: 'Cấp độ chờ Ban Chỉ đạo quyết định',
    },
  },
};
