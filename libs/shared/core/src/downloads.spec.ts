import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { uploadFileName } from './downloads';

const named = (header: string | undefined) =>
  uploadFileName({ headers: { 'x-file-name': header } } as unknown as Request);

describe('uploadFileName', () => {
  it('keeps a plain name, URI-decoded or as sent', () => {
    expect(named(encodeURIComponent('产地证明.pdf'))).toBe('产地证明.pdf');
    expect(named('invoice 2026.pdf')).toBe('invoice 2026.pdf');
    expect(named('100%.pdf')).toBe('100%.pdf');
    expect(named(undefined)).toBeNull();
  });

  it('keeps only the base name: no folders of the uploader’s machine, no path climbing', () => {
    expect(named(encodeURIComponent('../../../etc/passwd'))).toBe('passwd');
    expect(named('..%5C..%5Cwindows%5Cwin.ini')).toBe('win.ini');
    expect(named(encodeURIComponent('C:\\Users\\张三\\发票.pdf'))).toBe('发票.pdf');
    for (const nothing of ['..', '.', '/', 'a/', '%2F..%2F', '   ', '']) expect(named(nothing), nothing).toBeNull();
  });

  it('drops control and direction-override characters and bounds the length', () => {
    expect(named(encodeURIComponent('a\u0000b\u001b[31m\u007f.pdf'))).toBe('ab[31m.pdf');
    expect(named(encodeURIComponent('报告\u202Efdp.exe'))).toBe('报告fdp.exe');
    expect(named(encodeURIComponent('line\r\nbreak.pdf'))).toBe('linebreak.pdf');
    expect(named('x'.repeat(500))).toHaveLength(200);
  });
});
