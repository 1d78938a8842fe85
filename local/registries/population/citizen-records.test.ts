import { citizenDirectory } from '../data/citizens.js';
import { verifyCitizen } from './citizen-records.js';
import { PopulationRegistryError } from './population-errors.js';

describe('XacThucThongTinCongDan semantics', () => {
  const directory = citizenDirectory(1, 10);
  const envelope = { MaYeuCau: 'r-1', MaDVC: 'dvc', MaCanBo: 'officer', MaDonVi: 'unit' };
  const verify = (claim: Record<string, string>) =>
    verifyCitizen({ ...envelope, ...claim }, directory).TonTai;

  it('matches a name differing only in case, Unicode form and spacing', () => {
    expect(
      verify({
        SoDinhDanh: '074095000123',
        HoVaTen: ' NGUYỄN\tvăn  an'.normalize('NFD'),
        NgayThangNamSinh: '19950315',
      }),
    ).toBe(true);
  });

  it('does not match a name without its diacritics (weaker matches are the gateway’s business)', () => {
    expect(verify({ SoDinhDanh: '074152000777', HoVaTen: 'Le Thi Hoa', NgayThangNamSinh: '1952' })).toBe(
      false,
    );
  });

  it('echoes the request id', () => {
    const answer = verifyCitizen(
      { ...envelope, SoDinhDanh: '074095000123', HoVaTen: 'Nguyễn Văn An', NgayThangNamSinh: '19950315' },
      directory,
    );
    expect(answer.MaYeuCau).toBe('r-1');
  });

  it('refuses a date of birth that is neither yyyyMMdd nor yyyy', () => {
    expect(() =>
      verify({ SoDinhDanh: '074095000123', HoVaTen: 'Nguyễn Văn An', NgayThangNamSinh: '15/03/1995' }),
    ).toThrow(PopulationRegistryError);
  });

  it('refuses a request without SoDinhDanh or SoCMND', () => {
    expect(() => verify({ HoVaTen: 'Nguyễn Văn An', NgayThangNamSinh: '19950315' })).toThrow(
      'Cần SoDinhDanh hoặc SoCMND',
    );
  });

  it('refuses a request without the officer code', () => {
    expect(() =>
      verifyCitizen(
        { ...envelope, MaCanBo: '', SoDinhDanh: '074095000123', HoVaTen: 'A', NgayThangNamSinh: '1995' },
        directory,
      ),
    ).toThrow('MaCanBo');
  });
});
