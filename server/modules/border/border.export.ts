import type {
  BulletinFigures,
  CrossingView,
  GoodsView,
  InterceptionView,
  PostView,
  TipoffView,
} from '../../../core/schemas/border.ts';
import type { SheetColumn } from '../../shared/excel.ts';

/** Columns of the border module's exports. */
export function postColumns(): SheetColumn<PostView>[] {
  return [
    { header: { vi: 'Tên', en: 'Name' }, width: 32, value: (p) => p.name },
    { header: { vi: 'Loại', en: 'Kind' }, width: 28, value: (p) => p.kindLabel },
    { header: { vi: 'Mã xã', en: 'Commune' }, width: 10, value: (p) => p.communeCode },
    { header: { vi: 'Mốc', en: 'Markers' }, width: 12, value: (p) => p.markers ?? '' },
    {
      header: { vi: 'Toạ độ', en: 'Coordinates' },
      width: 22,
      value: (p) => (p.position ? `${p.position.latitude}, ${p.position.longitude}` : ''),
    },
  ];
}

export function crossingColumns(): SheetColumn<CrossingView>[] {
  return [
    { header: { vi: 'Thời điểm', en: 'Time' }, width: 20, value: (c) => new Date(c.crossedAt) },
    { header: { vi: 'Chốt', en: 'Post' }, width: 28, value: (c) => c.postName },
    { header: { vi: 'Họ tên', en: 'Name' }, width: 28, value: (c) => c.fullName },
    { header: { vi: 'Nơi đi', en: 'Origin' }, width: 8, value: (c) => c.origin },
    { header: { vi: 'Xã đến', en: 'Destination commune' }, width: 10, value: (c) => c.destinationCommuneCode },
    { header: { vi: 'Nhiệt độ', en: 'Temperature' }, width: 8, value: (c) => c.temperature ?? '' },
    { header: { vi: 'Test nhanh', en: 'Rapid test' }, width: 10, value: (c) => c.testResult },
    { header: { vi: 'Xử lý', en: 'Decision' }, width: 14, value: (c) => c.decision },
  ];
}

export function goodsColumns(): SheetColumn<GoodsView>[] {
  return [
    { header: { vi: 'Thời điểm', en: 'Time' }, width: 20, value: (g) => new Date(g.recordedAt) },
    { header: { vi: 'Cửa khẩu', en: 'Gate' }, width: 28, value: (g) => g.postName },
    { header: { vi: 'Biển số', en: 'Plate' }, width: 14, value: (g) => g.plate },
    { header: { vi: 'Lái xe', en: 'Driver' }, width: 28, value: (g) => g.driverName },
    { header: { vi: 'Giấy tờ lái xe', en: 'Driver document' }, width: 16, value: (g) => g.driverDocument ?? '' },
    { header: { vi: 'Hàng hoá', en: 'Cargo' }, width: 28, value: (g) => g.cargo },
    { header: { vi: 'Chiều', en: 'Direction' }, width: 10, value: (g) => g.direction },
    {
      header: { vi: 'Xét nghiệm có giá trị đến', en: 'Test valid until' },
      width: 20,
      value: (g) => (g.testValidUntil ? new Date(g.testValidUntil) : ''),
    },
    { header: { vi: 'Xét nghiệm hết hạn', en: 'Test expired' }, width: 10, value: (g) => (g.testExpired ? 1 : 0) },
    { header: { vi: 'Khu chờ', en: 'Waiting zone' }, width: 24, value: (g) => g.waitingZone ?? '' },
  ];
}

export function interceptionColumns(): SheetColumn<InterceptionView>[] {
  return [
    { header: { vi: 'Thời điểm', en: 'Time' }, width: 20, value: (i) => new Date(i.interceptedAt) },
    { header: { vi: 'Mã xã', en: 'Commune' }, width: 10, value: (i) => i.communeCode },
    { header: { vi: 'Mốc', en: 'Markers' }, width: 12, value: (i) => i.markers ?? '' },
    { header: { vi: 'Nơi phát hiện', en: 'Place' }, width: 28, value: (i) => i.place },
    { header: { vi: 'Phát hiện trong nội địa', en: 'Found inland' }, width: 10, value: (i) => (i.foundInland ? 1 : 0) },
    { header: { vi: 'Số người', en: 'People' }, width: 8, value: (i) => i.people.length },
    {
      header: { vi: 'Người', en: 'Names' },
      width: 40,
      value: (i) =>
        i.people
          .map(
            (p) =>
              `${p.fullName} (${p.nationality}${p.documentKind === 'none' ? `, ~${p.approximateAge ?? '?'}` : ''})`,
          )
          .join('; '),
    },
    {
      header: { vi: 'Người đưa, chứa chấp', en: 'Brought or harboured by' },
      width: 40,
      value: (i) =>
        i.people
          .flatMap((p) => [p.broughtBy, p.harbouredBy])
          .filter(Boolean)
          .join('; '),
    },
  ];
}

export function tipoffColumns(): SheetColumn<TipoffView>[] {
  return [
    { header: { vi: 'Ngày nhận', en: 'Received' }, width: 20, value: (t) => new Date(t.createdAt) },
    { header: { vi: 'Loại', en: 'Kind' }, width: 14, value: (t) => t.kind },
    { header: { vi: 'Mã xã', en: 'Commune' }, width: 10, value: (t) => t.communeCode },
    { header: { vi: 'Địa điểm', en: 'Place' }, width: 28, value: (t) => t.place },
    { header: { vi: 'Nội dung', en: 'Description' }, width: 50, value: (t) => t.description },
    { header: { vi: 'Trạng thái', en: 'Status' }, width: 12, value: (t) => t.status },
    { header: { vi: 'Kết quả', en: 'Outcome' }, width: 40, value: (t) => t.outcome ?? '' },
  ];
}

export function bulletinColumns(): SheetColumn<BulletinFigures & { name: string }>[] {
  const n = (vi: string, en: string, k: keyof BulletinFigures): SheetColumn<BulletinFigures & { name: string }> => ({
    header: { vi, en },
    width: 12,
    value: (r) => r[k],
  });
  return [
    { header: { vi: 'Chốt', en: 'Post' }, width: 32, value: (r) => r.name },
    n('Người qua', 'People', 'people'),
    n('Phương tiện', 'Vehicles', 'vehicles'),
    n('Test nhanh', 'Rapid tests', 'rapidTests'),
    n('Dương tính', 'Positives', 'positives'),
    n('Ghi nhận cá nhân', 'Individual records', 'recorded'),
    n('Chuyển cách ly', 'Sent to quarantine', 'sentToQuarantine'),
    n('Buộc quay lại', 'Turned back', 'turnedBack'),
    n('Vụ bắt giữ', 'Interceptions', 'interceptions'),
    n('Người nhập cảnh trái phép', 'Illegal entrants', 'intercepted'),
  ];
}
