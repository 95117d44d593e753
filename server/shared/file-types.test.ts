import { describe, expect, it } from 'vitest';
import { documentTypeOf, imageTypeOf } from './file-types.ts';
import { safeFilename } from '../modules/directives/task-evidence.service.ts';

const zip = (...names: string[]) =>
  Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(names.join('\0'))]);

describe('what an uploaded file is, from its bytes', () => {
  it('knows PDFs, images and Office Open XML documents', () => {
    expect(documentTypeOf(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(documentTypeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(documentTypeOf(zip('[Content_Types].xml', 'word/document.xml'))).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(documentTypeOf(zip('[Content_Types].xml', 'xl/workbook.xml'))).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  });

  it('refuses SVG, HTML, any other zip, and what is not an image among images', () => {
    expect(documentTypeOf(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(documentTypeOf(Buffer.from('<!doctype html><script>x</script>'))).toBeNull();
    expect(documentTypeOf(zip('evil.html'))).toBeNull();
    expect(imageTypeOf(Buffer.from('%PDF-1.7'))).toBeNull();
  });

  it('serves evidence under a safe name with the extension of its real type', () => {
    expect(safeFilename('Biên bản "x".pdf', 'application/pdf', '2026-12-08')).toBe('Bien-ban-x.pdf');
    expect(safeFilename('report.html', 'image/png', '2026-12-08')).toBe('report.png');
    expect(safeFilename(undefined, 'image/jpeg', '2026-12-08')).toBe('minh-chung-2026-12-08.jpg');
  });
});
