import { formatCsv, parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('splits fields and records, with CRLF or LF endings', () => {
    expect(parseCsv('a,b\r\n1,2\n3,4\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('keeps commas, quotes and line breaks inside quoted fields', () => {
    expect(parseCsv('name,x\n"Nguyễn, Văn ""An""",1\n"two\nlines",2')).toEqual([
      ['name', 'x'],
      ['Nguyễn, Văn "An"', '1'],
      ['two\nlines', '2'],
    ]);
  });

  it('ignores a byte-order mark and blank lines', () => {
    expect(parseCsv('\ufeffkind\n\nverify\n')).toEqual([['kind'], ['verify']]);
  });
});

describe('formatCsv', () => {
  it('quotes fields that need it and defuses spreadsheet formulas', () => {
    expect(formatCsv([['a,b', 'say "hi"', '=SUM(A1)', 3]])).toBe('"a,b","say ""hi""",\'=SUM(A1),3\r\n');
  });

  it('round-trips through parseCsv', () => {
    const rows = [
      ['kind', 'fullName'],
      ['citizen-verify', 'Trần Thị, Bích "Ngọc"'],
    ];
    expect(parseCsv(formatCsv(rows))).toEqual(rows);
  });
});
