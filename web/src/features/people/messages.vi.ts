/** Vietnamese messages of the people search (tìm người đã có hồ sơ); `messages.en.ts` has the same keys. */
export const peopleSearchVi = {
  peopleSearch: {
    legend: 'Tìm người đã có hồ sơ',
    label: 'Họ tên (gõ không dấu được), số điện thoại hoặc số giấy tờ',
    hint: 'Chọn người đã có hồ sơ thay vì nhập lại; không thấy thì nhập thông tin bên dưới.',
    typeMore: 'Nhập ít nhất 2 ký tự để tìm.',
    none: 'Không tìm thấy ai trong địa bàn. Hãy nhập thông tin người này.',
    born: 'sinh {{year}}',
    pick: 'Chọn',
    picked: 'Đã chọn: {{name}}, sinh {{year}}',
    change: 'Chọn người khác',
    unavailable: {
      in_quarantine: 'Đang cách ly: đã có hồ sơ cách ly chưa kết thúc',
    },
  },
};
