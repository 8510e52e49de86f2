// The console side of the CSV exports: the list's filter as the export's parameters, the progress's record count over
// chunks that cut records anywhere, and the server's file name.
import { describe, expect, it } from 'vitest';
import { CsvRecordCounter, exportSearch, fileNameOf } from './csvExport';

describe('exportSearch', () => {
  it('repeats lists, leaves out empty values and sends the sort as its GraphQL enum', () => {
    const search = exportSearch({ queue: 'MINE', status: ['RECEIVED', 'IN_REVIEW'], q: ' 株式 ', kind: [], officeCode: '', possibleDuplicate: false },
      { field: 'desiredStartDate', order: 'ASC' });
    expect(search.toString()).toBe(new URLSearchParams([['queue', 'MINE'], ['status', 'RECEIVED'], ['status', 'IN_REVIEW'], ['q', '株式'],
      ['sort', 'DESIRED_START_DATE'], ['order', 'ASC']]).toString());
    expect(exportSearch({ possibleDuplicate: true }).get('possibleDuplicate')).toBe('true');
  });
});

describe('CsvRecordCounter', () => {
  it('counts records, not line feeds inside quoted fields, whatever the chunks', () => {
    const text = '\uFEFF番号,名前\r\n1,"審査, ""花子"""\r\n2,"1行目\r\n2行目"\r\n3,普通\r\n';
    const bytes = new TextEncoder().encode(text);
    for (const cut of [1, 2, 5, 7, bytes.length]) {
      const counter = new CsvRecordCounter();
      for (let i = 0; i < bytes.length; i += cut) counter.push(bytes.subarray(i, i + cut));
      expect(counter.records, `chunks of ${cut}`).toBe(4);
    }
  });
});

describe('fileNameOf', () => {
  it('prefers the UTF-8 name (RFC 5987), else the plain one', () => {
    const header = `attachment; filename="applications_20270506.csv"; filename*=UTF-8''${encodeURIComponent('利用申込一覧_20270506.csv')}`;
    expect(fileNameOf(header, 'x.csv')).toBe('利用申込一覧_20270506.csv');
    expect(fileNameOf('attachment; filename="offices_20270506.csv"', 'x.csv')).toBe('offices_20270506.csv');
    expect(fileNameOf(null, 'x.csv')).toBe('x.csv');
  });
});
