import { ZodError } from 'zod';
import { businessRecordOf, headOfficeOf, type ChiTietDoanhNghiep } from './business-mapping.js';

const document: ChiTietDoanhNghiep = {
  MainInformation: {
    EnterpriseCode: '3701234562',
    Name: 'CÔNG TY CỔ PHẦN ĐẦU TƯ XÂY DỰNG PHÚ CƯỜNG',
    ForeignName: 'PHU CUONG CONSTRUCTION INVESTMENT JOINT STOCK COMPANY',
    ShortName: 'PHU CUONG JSC',
    LegalForm: 'Công ty cổ phần',
    FoundingDate: '2012-04-09',
    CharterCapital: 25_000_000_000,
    Status: 'Đang hoạt động',
    MainBusiness: { VsicCode: '4101', Name: 'Xây dựng nhà để ở' },
  },
  HOAddress: {
    AddressLine: 'Số 26 đường Đoàn Trần Nghiệp, Khu phố 1',
    WardCode: '25747',
    WardName: 'Phường Thủ Dầu Một',
    ProvinceCode: '79',
    ProvinceName: 'Thành phố Hồ Chí Minh',
    Country: 'Việt Nam',
    FullAddress:
      'Số 26 đường Đoàn Trần Nghiệp, Khu phố 1, Phường Thủ Dầu Một, Thành phố Hồ Chí Minh, Việt Nam',
  },
  Representatives: [
    {
      FullName: 'Nguyễn Văn An',
      Position: 'Tổng giám đốc',
      IdType: 'Căn cước',
      IdNumber: '074095000123',
      BirthDate: '1995-03-15',
      Gender: 'Nam',
      Nationality: 'Việt Nam',
    } as NonNullable<ChiTietDoanhNghiep['Representatives']>[number],
  ],
  BusinessLines: [
    { VsicCode: '4101', Name: 'Xây dựng nhà để ở', IsMain: true },
    { VsicCode: '7110', Name: 'Hoạt động kiến trúc và tư vấn kỹ thuật có liên quan', IsMain: false },
  ],
};

describe('businessRecordOf', () => {
  it('translates an enterprise into the English record', () => {
    expect(businessRecordOf(document)).toEqual({
      enterpriseCode: '3701234562',
      names: {
        vietnamese: 'CÔNG TY CỔ PHẦN ĐẦU TƯ XÂY DỰNG PHÚ CƯỜNG',
        foreign: 'PHU CUONG CONSTRUCTION INVESTMENT JOINT STOCK COMPANY',
        short: 'PHU CUONG JSC',
      },
      legalForm: { code: 'joint_stock_company', registryText: 'Công ty cổ phần' },
      foundedOn: '2012-04-09',
      charterCapitalVnd: 25_000_000_000,
      status: { code: 'active', registryText: 'Đang hoạt động' },
      headOffice: {
        street: 'Số 26 đường Đoàn Trần Nghiệp, Khu phố 1',
        fullAddress:
          'Số 26 đường Đoàn Trần Nghiệp, Khu phố 1, Phường Thủ Dầu Một, Thành phố Hồ Chí Minh, Việt Nam',
        registeredCommune: { code: '25747', name: 'Phường Thủ Dầu Một', era: '2025' },
        current: {
          commune: { code: '25747', name: 'Phường Thủ Dầu Một', era: '2025' },
          province: { code: '79', name: 'Thành phố Hồ Chí Minh' },
        },
      },
      representatives: [{ fullName: 'Nguyễn Văn An', role: 'Tổng giám đốc' }],
      businessLines: [
        { vsicCode: '4101', name: 'Xây dựng nhà để ở', main: true },
        { vsicCode: '7110', name: 'Hoạt động kiến trúc và tư vấn kỹ thuật có liên quan', main: false },
      ],
    });
  });

  it("leaves out a representative's personal id, birth date, gender and nationality", () => {
    const text = JSON.stringify(businessRecordOf(document));
    expect(text).not.toContain('074095000123');
    expect(text).not.toContain('1995-03-15');
    expect(text).not.toMatch(/"Nam"|Căn cước/u);
  });

  it('names the parent enterprise of a branch, in canonical form', () => {
    const branch = businessRecordOf({
      ...document,
      MainInformation: {
        ...document.MainInformation,
        EnterpriseCode: '3701234562001',
        ParentEnterpriseCode: '3701234562',
        LegalForm: 'Chi nhánh',
      },
    });
    expect(branch.enterpriseCode).toBe('3701234562-001');
    expect(branch.parentEnterpriseCode).toBe('3701234562');
    expect(branch.legalForm.code).toBe('branch');
  });

  it('marks the main business line from MainBusiness when lines carry no IsMain', () => {
    const record = businessRecordOf({
      ...document,
      BusinessLines: [
        { VsicCode: '4101', Name: 'a' },
        { VsicCode: '7110', Name: 'b' },
      ],
    });
    expect(record.businessLines.map((line) => line.main)).toEqual([true, false]);
  });

  it('keeps unknown status wording as unknown with the registry text', () => {
    const record = businessRecordOf({
      ...document,
      MainInformation: { ...document.MainInformation, Status: 'Trạng thái mới' },
    });
    expect(record.status).toEqual({ code: 'unknown', registryText: 'Trạng thái mới' });
  });

  it('refuses a document without an enterprise code', () => {
    expect(() => businessRecordOf({ ...document, MainInformation: { Name: 'X' } })).toThrow(ZodError);
  });
});

describe('headOfficeOf', () => {
  it('carries a pre-2025 commune (province 74) forward to its 2025 commune', () => {
    expect(
      headOfficeOf({
        AddressLine: 'Số 1',
        WardCode: '25747',
        WardName: 'Phường Phú Cường',
        ProvinceCode: '74',
      }),
    ).toEqual({
      street: 'Số 1',
      fullAddress: 'Số 1',
      registeredCommune: { code: '25747', name: 'Phường Phú Cường', era: 'pre2025' },
      current: {
        commune: { code: '25747', name: 'Phường Thủ Dầu Một', era: '2025' },
        province: { code: '79', name: 'Thành phố Hồ Chí Minh' },
      },
    });
  });

  it('decides the era by the ward name when the province code is missing', () => {
    const office = headOfficeOf({ AddressLine: 'Số 1', WardCode: '25747', WardName: 'Phường Phú Cường' });
    expect(office.registeredCommune.era).toBe('pre2025');
  });

  it('has no current commune for a code no era knows', () => {
    const office = headOfficeOf({ AddressLine: 'Số 1', WardCode: '99999', WardName: 'Xã Không Có' });
    expect(office.current).toBeUndefined();
    expect(office.registeredCommune).toEqual({ code: '99999', name: 'Xã Không Có', era: '2025' });
  });
});
