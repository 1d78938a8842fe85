import type { Client } from 'soap';
import {
  startPopulationRegistry,
  type RunningPopulationRegistry,
} from '../../../local/registries/population/server.js';
import { call, populationClient, registryFaultOf, sandboxCredentials } from './population-client.js';

describe('simulated population registry over SOAP', () => {
  let registry: RunningPopulationRegistry;
  let client: Client;

  beforeAll(async () => {
    registry = await startPopulationRegistry({ port: 0, citizenCount: 500 });
    client = await populationClient(registry.url);
  });
  afterAll(() => registry.stop());
  beforeEach(() => registry.reset());

  const verify = (args: Record<string, unknown>) =>
    call(client, registry.url, 'XacThucThongTinCongDan', args);
  const lookUp = (args: Record<string, unknown>) => call(client, registry.url, 'TraCuuThongTinCongDan', args);
  const faultOf = async (promise: Promise<unknown>) =>
    registryFaultOf(
      await promise.then(
        () => undefined,
        (e) => e,
      ),
    );

  it('confirms a fixture citizen whose name and date of birth match', async () => {
    const answer = await verify({
      SoDinhDanh: '074095000123',
      HoVaTen: 'Nguyễn Văn An',
      NgayThangNamSinh: '19950315',
    });
    expect(answer).toEqual({ MaYeuCau: 'test-request-1', TonTai: true });
  });

  it('matches a name sent decomposed (NFD), in capitals and with extra spaces', async () => {
    const answer = await verify({
      SoDinhDanh: '079301001234',
      HoVaTen: '  TRẦN  THỊ BÍCH   NGỌC '.normalize('NFD'),
      NgayThangNamSinh: '20010902',
    });
    expect(answer.TonTai).toBe(true);
  });

  it('answers false when the name differs', async () => {
    const answer = await verify({
      SoDinhDanh: '074095000123',
      HoVaTen: 'Nguyễn Văn Anh',
      NgayThangNamSinh: '19950315',
    });
    expect(answer.TonTai).toBe(false);
  });

  it('answers false when the date of birth differs', async () => {
    const answer = await verify({
      SoDinhDanh: '074095000123',
      HoVaTen: 'Nguyễn Văn An',
      NgayThangNamSinh: '19950316',
    });
    expect(answer.TonTai).toBe(false);
  });

  it('answers false, and nothing more, for an unknown personal id', async () => {
    const answer = await verify({
      SoDinhDanh: '074095999999',
      HoVaTen: 'Nguyễn Văn An',
      NgayThangNamSinh: '19950315',
    });
    expect(answer).toEqual({ MaYeuCau: 'test-request-1', TonTai: false });
  });

  it('confirms a year-only citizen given the year alone', async () => {
    const answer = await verify({
      SoDinhDanh: '074152000777',
      HoVaTen: 'Lê Thị Hoa',
      NgayThangNamSinh: '1952',
    });
    expect(answer.TonTai).toBe(true);
  });

  it('confirms a year-only citizen given any full date in that year', async () => {
    const answer = await verify({
      SoDinhDanh: '074152000777',
      HoVaTen: 'Lê Thị Hoa',
      NgayThangNamSinh: '19520601',
    });
    expect(answer.TonTai).toBe(true);
  });

  it('does not confirm a citizen with a full date of birth from the year alone', async () => {
    const answer = await verify({
      SoDinhDanh: '074095000123',
      HoVaTen: 'Nguyễn Văn An',
      NgayThangNamSinh: '1995',
    });
    expect(answer.TonTai).toBe(false);
  });

  it('verifies by old identity card number when no personal id is given', async () => {
    const answer = await verify({
      SoCMND: '280912345',
      HoVaTen: 'Nguyễn Văn An',
      NgayThangNamSinh: '19950315',
    });
    expect(answer.TonTai).toBe(true);
  });

  it('refuses a malformed personal id with DU_LIEU_KHONG_HOP_LE', async () => {
    const fault = await faultOf(
      verify({ SoDinhDanh: '74095000123', HoVaTen: 'X', NgayThangNamSinh: '19950315' }),
    );
    expect(fault?.MaLoi).toBe('DU_LIEU_KHONG_HOP_LE');
  });

  it('looks up the full record of a fixture citizen', async () => {
    const answer = await lookUp({ SoDinhDanh: '079301001234' });
    expect(answer.CongDan).toMatchObject({
      SoDinhDanh: '079301001234',
      HoVaTen: { Ho: 'Trần', ChuDem: 'Thị Bích', Ten: 'Ngọc' },
      GioiTinh: 'Nữ',
      NgayThangNamSinh: { Nam: '2001', NgayThangNam: '20010902' },
      NoiDangKyKhaiSinh: { MaTinhThanh: '79', MaQuanHuyen: '760', MaPhuongXa: '26740' },
      ThuongTru: { MaTinhThanh: '79', MaPhuongXa: '26740' },
      ChuHo: { SoDinhDanh: '079301001234', QuanHe: 'Chủ hộ' },
    });
  });

  it('looks up a year-only birth with the year alone', async () => {
    const answer = await lookUp({ SoDinhDanh: '074152000777' });
    expect((answer.CongDan as { NgayThangNamSinh: unknown }).NgayThangNamSinh).toEqual({ Nam: '1952' });
  });

  it('answers a lookup of an unknown id with KHONG_TIM_THAY', async () => {
    const fault = await faultOf(lookUp({ SoDinhDanh: '074095999999' }));
    expect(fault?.MaLoi).toBe('KHONG_TIM_THAY');
  });

  it('refuses a wrong secret with XAC_THUC_THAT_BAI', async () => {
    const fault = await faultOf(
      call(
        client,
        registry.url,
        'TraCuuThongTinCongDan',
        { SoDinhDanh: '074095000123' },
        {
          credentials: { user: sandboxCredentials.user, secret: 'wrong' },
        },
      ),
    );
    expect(fault?.MaLoi).toBe('XAC_THUC_THAT_BAI');
  });

  it('refuses an unknown user with XAC_THUC_THAT_BAI', async () => {
    const fault = await faultOf(
      call(
        client,
        registry.url,
        'TraCuuThongTinCongDan',
        { SoDinhDanh: '074095000123' },
        {
          credentials: { user: 'someone-else', secret: sandboxCredentials.secret },
        },
      ),
    );
    expect(fault?.MaLoi).toBe('XAC_THUC_THAT_BAI');
  });

  it('refuses a timestamp older than five minutes with XAC_THUC_THAT_BAI', async () => {
    const fault = await faultOf(
      call(
        client,
        registry.url,
        'TraCuuThongTinCongDan',
        { SoDinhDanh: '074095000123' },
        {
          at: new Date(Date.now() - 5 * 60 * 1000 - 5000),
        },
      ),
    );
    expect(fault?.MaLoi).toBe('XAC_THUC_THAT_BAI');
  });

  it('accepts a timestamp four minutes old', async () => {
    const answer = await call(
      client,
      registry.url,
      'TraCuuThongTinCongDan',
      { SoDinhDanh: '074095000123' },
      {
        at: new Date(Date.now() - 4 * 60 * 1000),
      },
    );
    expect((answer.CongDan as { SoDinhDanh: string }).SoDinhDanh).toBe('074095000123');
  });

  it('refuses a request without authentication headers with XAC_THUC_THAT_BAI', async () => {
    const invoke = client.TraCuuThongTinCongDanAsync as (a: unknown) => Promise<unknown>;
    const fault = await faultOf(
      invoke.call(client, {
        MaYeuCau: 'r',
        MaDVC: 'd',
        MaCanBo: 'c',
        MaDonVi: 'u',
        SoDinhDanh: '074095000123',
      }),
    );
    expect(fault?.MaLoi).toBe('XAC_THUC_THAT_BAI');
  });

  it('serves the WSDL at ?wsdl with its own endpoint as the service address', async () => {
    const wsdl = await (await fetch(`${registry.url}?wsdl`)).text();
    expect(wsdl).toContain(`<soap:address location="${registry.url}"/>`);
  });

  it('counts calls per operation and per credential', async () => {
    await verify({ SoDinhDanh: '074095000123', HoVaTen: 'Nguyễn Văn An', NgayThangNamSinh: '19950315' });
    await lookUp({ SoDinhDanh: '074095000123' });
    await lookUp({ SoDinhDanh: '079301001234' });
    const counters = await (await fetch(`${registry.controlUrl}/counters`)).json();
    expect(counters).toMatchObject({
      calls: 3,
      answered: 3,
      byOperation: { XacThucThongTinCongDan: 1, TraCuuThongTinCongDan: 2 },
      byCredential: { 'lienthong-sandbox': 3 },
    });
  });

  it('does not count WSDL or control requests as calls', async () => {
    await fetch(`${registry.url}?wsdl`);
    await fetch(`${registry.controlUrl}/behaviour`);
    expect(registry.counters().calls).toBe(0);
  });
});
