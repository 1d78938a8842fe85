import { checkBatchCsv } from './batch-csv.js';

const header = 'kind,personalId,fullName,dateOfBirth';

describe('checkBatchCsv', () => {
  it('passes a file the API accepts, numbering rows as the API does (header = line 1)', () => {
    const checked = checkBatchCsv(
      `\ufeff${header}\r\ncitizen-verify,074095000123,Nguyễn Văn An,1995-03-15\r\n\r\ncitizen-verify,079301001234,"Trần Thị Bích Ngọc",2001-09-02\r\n`,
    );
    expect(checked).toEqual({
      header: ['kind', 'personalId', 'fullName', 'dateOfBirth'],
      rows: [
        { line: 2, cells: ['citizen-verify', '074095000123', 'Nguyễn Văn An', '1995-03-15'] },
        { line: 3, cells: ['citizen-verify', '079301001234', 'Trần Thị Bích Ngọc', '2001-09-02'] },
      ],
      fileErrors: [],
      rowErrors: new Map(),
      errorCount: 0,
    });
  });

  it('names each wrong row and column with the rule the API would answer', () => {
    const checked = checkBatchCsv(
      [
        header,
        'citizen-verify,074095000123,Nguyễn Văn An,1995-03-15',
        'citizen-verify,12345,Nguyễn Văn An,1995-03-15',
        'business,,,,',
      ].join('\n'),
    );
    expect(checked.errorCount).toBe(2);
    expect(checked.rowErrors.get(3)).toEqual([
      expect.objectContaining({ field: 'row:3.personalId', column: 'personalId', rule: 'length' }),
    ]);
    expect(checked.rowErrors.get(4)).toEqual([
      expect.objectContaining({ field: 'row:4.enterpriseCode', column: 'enterpriseCode', rule: 'required' }),
    ]);
    expect(checked.fileErrors).toEqual([]);
  });

  it('reports a wrong header or an empty file as errors of the file', () => {
    expect(checkBatchCsv('kind,personalId,email\ncitizen-lookup,074095000123,a@b.vn').fileErrors).toEqual([
      expect.objectContaining({ field: 'row:1', rule: 'columns' }),
    ]);
    expect(checkBatchCsv(`${header}\n`).fileErrors).toEqual([
      expect.objectContaining({ field: 'body', rule: 'size' }),
    ]);
  });
});
