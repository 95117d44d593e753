/** Messages of the offline layer of field work (web/src/offline). */
export const offlineVi = {
  offline: {
    offline: 'Đang không có mạng. Công việc được lưu trên máy và sẽ tự gửi khi có mạng trở lại.',
    waiting_other: '{{count, number}} mục đang chờ gửi.',
    sending_other: 'Đang gửi {{count, number}} mục…',
    sendNow: 'Gửi ngay',
    rejected: 'Máy chủ không nhận:',
    sendAgain: 'Gửi lại',
    discard: 'Bỏ mục này',
    conflict: 'Bản ghi này đã được người khác sửa trong lúc máy không có mạng. Chọn bản giữ lại.',
    keepMine: 'Giữ bản trên máy này',
    keepServer: 'Giữ bản trên máy chủ',
    keptAt: 'Dữ liệu lưu trên máy lúc {{time}} (chưa cập nhật vì không có mạng).',
    signedOut: 'Phiên đăng nhập đã hết. Đăng nhập lại để lưu công việc.',
  },
};
