import { describe, expect, it } from 'vitest';
import { csvText } from './csv';

describe('csvText', () => {
  it('puts an apostrophe before cells a spreadsheet would run as a formula', () => {
    const cells = ['=1+1', '+86 123', '-2+3', '@SUM(A1)', '\tx', '\rx', '＝1+1', 'a=b', 'plain'];
    expect(csvText([cells], { bom: false })).toBe(`'=1+1,'+86 123,'-2+3,'@SUM(A1),'\tx,"'\rx",'＝1+1,a=b,plain\r\n`);
    // Escaped first, then quoted: the apostrophe is inside the quotes.
    expect(csvText([['=HYPERLINK("x")']], { bom: false })).toBe(`"'=HYPERLINK(""x"")"\r\n`);
  });

  it('quotes by RFC 4180, ends every row with CRLF, starts with a BOM, writes numbers as numbers', () => {
    expect(csvText([['a,b', 'say "hi"', 'line\nbreak', null, undefined, -5, 1.5], ['x']])).toBe(
      '\uFEFF"a,b","say ""hi""","line\nbreak",,,-5,1.5\r\nx\r\n',
    );
    expect(csvText([[100, -120]], { bom: false, number: (n, col) => (col === 1 ? `${n / 100}` : String(n)) })).toBe(
      '100,-1.2\r\n',
    );
  });
});
