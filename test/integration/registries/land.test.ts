import { resolve } from 'node:path';
import { inspect } from 'node:util';
import * as soap from 'soap';
import { generateLandRegistryData } from '../../../local/registries/land/data.js';
import { startLandRegistry, type RunningLandRegistry } from '../../../local/registries/land/server.js';

/**
 * The land simulator over real HTTP, driven by a node-soap client built from the shipped WSDL file
 * alone (no server code involved in building it), as a third-party toolkit would.
 */

const wsdlFile = resolve(process.cwd(), 'adapters/land/land.wsdl');
const namespace = 'http://vbdlis.monre.gov.vn/dichvu';
const sandbox = { TenDangNhap: 'lienthong-sandbox', MatKhau: 'sandbox-secret' };
const data = generateLandRegistryData();

let land: RunningLandRegistry;

beforeAll(async () => {
  land = await startLandRegistry({ port: 0, data });
});

afterAll(async () => {
  await land.stop();
});

afterEach(async () => {
  await fetch(`${land.controlUrl}/reset`, { method: 'POST' });
});

async function clientFor(url: string): Promise<soap.Client> {
  return soap.createClientAsync(wsdlFile, { endpoint: url });
}

async function loggedInClient(url = land.url): Promise<soap.Client> {
  const client = await clientFor(url);
  const [answer] = await client.DangNhapAsync(sandbox);
  client.addSoapHeader({ ThongTinXacThuc: { Token: answer.Token } }, '', 'tns', namespace);
  return client;
}

async function setBehaviour(behaviour: object): Promise<void> {
  const response = await fetch(`${land.controlUrl}/behaviour`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(behaviour),
  });
  expect(response.status).toBe(200);
}

/** The registry error code of a SOAP Fault a node-soap call rejected with. */
async function faultCodeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    const detail = (
      error as { root?: { Envelope?: { Body?: { Fault?: { detail?: Record<string, unknown> } } } } }
    ).root?.Envelope?.Body?.Fault?.detail?.LoiDichVu as { MaLoi?: string } | undefined;
    if (detail?.MaLoi) return detail.MaLoi;
    throw error;
  }
  throw new Error('expected a SOAP Fault, the call succeeded');
}

/** Whatever a rejected call rejected with (node-soap rejects with plain objects too). */
async function rejectionOf(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

const urbanParcel = { MaDvhc: '25747', ToBanDo: 12, ThuaDatSo: 345 };
const orchardParcel = { MaDvhc: '25753', ToBanDo: 7, ThuaDatSo: 89 };

describe('land registry: WSDL and login', () => {
  test('serves its WSDL at ?wsdl with its own address as the endpoint', async () => {
    const response = await fetch(`${land.url}?wsdl`);
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).toContain(`<soap:address location="${land.url}"/>`);
    expect(text).toContain(`targetNamespace="${namespace}"`);
  });

  test('DangNhap with the sandbox credentials answers a token and its expiry', async () => {
    const client = await clientFor(land.url);
    const before = Date.now();
    const [answer] = await client.DangNhapAsync(sandbox);
    expect(answer.Token).toMatch(/^[\w-]{20,}$/);
    expect(answer.ThoiHanGiay).toBe(3600);
    const expiresAt = new Date(answer.HetHanLuc).getTime();
    expect(expiresAt).toBeGreaterThanOrEqual(before + 3_599_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 3_600_000);
  });

  test('DangNhap with a wrong password is refused with XAC_THUC_THAT_BAI', async () => {
    const client = await clientFor(land.url);
    await expect(faultCodeOf(client.DangNhapAsync({ ...sandbox, MatKhau: 'wrong' }))).resolves.toBe(
      'XAC_THUC_THAT_BAI',
    );
  });

  test('a lookup without the token header is refused with XAC_THUC_THAT_BAI', async () => {
    const client = await clientFor(land.url);
    await expect(faultCodeOf(client.TraCuuThuaDatAsync(urbanParcel))).resolves.toBe('XAC_THUC_THAT_BAI');
  });

  test('a lookup with an unknown token is refused with XAC_THUC_THAT_BAI', async () => {
    const client = await clientFor(land.url);
    client.addSoapHeader({ ThongTinXacThuc: { Token: 'not-a-token' } }, '', 'tns', namespace);
    await expect(faultCodeOf(client.TraCuuThuaDatAsync(urbanParcel))).resolves.toBe('XAC_THUC_THAT_BAI');
  });

  test('a lookup with an expired token is refused with TOKEN_HET_HAN', async () => {
    const shortLived = await startLandRegistry({ port: 0, data, tokenTtlSeconds: 0.2 });
    try {
      const client = await loggedInClient(shortLived.url);
      await new Promise((r) => setTimeout(r, 300));
      await expect(faultCodeOf(client.TraCuuThuaDatAsync(urbanParcel))).resolves.toBe('TOKEN_HET_HAN');
    } finally {
      await shortLived.stop();
    }
  });
});

describe('land registry: fixtures', () => {
  test('parcel 25747/12/345 is urban residential, 120.5 m², owned by Nguyễn Văn An under DA 12345678', async () => {
    const client = await loggedInClient();
    const [answer] = await client.TraCuuThuaDatAsync(urbanParcel);
    expect(answer.ThuaDat).toMatchObject({
      MaDvhc: '25747',
      ToBanDo: 12,
      ThuaDatSo: 345,
      MaLoaiDat: 'ODT',
      SoPhatHanhGcn: 'DA 12345678',
    });
    expect(Number(answer.ThuaDat.DienTich)).toBe(120.5);
    expect(answer.GiayChungNhan.SoPhatHanh).toBe('DA 12345678');
    expect(answer.GiayChungNhan.NguoiSuDung[0] ?? answer.GiayChungNhan.NguoiSuDung).toMatchObject({
      HoTen: 'Nguyễn Văn An',
      SoGiayTo: '074095000123',
    });
  });

  test('parcel 25753/7/89 is perennial crops, 1,500 m², owned by Lê Thị Hoa under BX 123456', async () => {
    const client = await loggedInClient();
    const [answer] = await client.TraCuuThuaDatAsync(orchardParcel);
    expect(answer.ThuaDat.MaLoaiDat).toBe('CLN');
    expect(Number(answer.ThuaDat.DienTich)).toBe(1500);
    expect(answer.GiayChungNhan.SoPhatHanh).toBe('BX 123456');
    const owners = [answer.GiayChungNhan.NguoiSuDung].flat();
    expect(owners[0]).toMatchObject({ HoTen: 'Lê Thị Hoa', NamSinh: '1952', SoGiayTo: '074152000777' });
  });

  test('parcel 25753/7/89 records Phường Phú Thọ before 2025 and Phường Thủ Dầu Một (25747) now', async () => {
    const client = await loggedInClient();
    const [answer] = await client.TraCuuThuaDatAsync(orchardParcel);
    expect(answer.ThuaDat.DvhcTruoc2025).toMatchObject({
      MaDvhc: '25753',
      TenDvhc: 'Phường Phú Thọ',
      MaTinh: '74',
    });
    expect(answer.ThuaDat.DvhcHienTai).toMatchObject({
      MaDvhc: '25747',
      TenDvhc: 'Phường Thủ Dầu Một',
      MaTinh: '79',
    });
  });

  test('certificate DA 12345678 is found by its serial, typed with or without the space', async () => {
    const client = await loggedInClient();
    const [spaced] = await client.TraCuuGiayChungNhanAsync({ SoPhatHanh: 'DA 12345678' });
    const [compact] = await client.TraCuuGiayChungNhanAsync({ SoPhatHanh: 'da12345678' });
    expect(spaced.GiayChungNhan.SoPhatHanh).toBe('DA 12345678');
    expect(compact.GiayChungNhan.SoPhatHanh).toBe('DA 12345678');
    expect(spaced.ThuaDat).toMatchObject({ MaDvhc: '25747', ToBanDo: 12, ThuaDatSo: 345 });
  });

  test('certificate BX 123456 carries its registry number, dossier code and a 13–15 digit barcode', async () => {
    const client = await loggedInClient();
    const [answer] = await client.TraCuuGiayChungNhanAsync({ SoPhatHanh: 'BX 123456' });
    expect(answer.GiayChungNhan.SoVaoSo).toMatch(/^(CS|CT|CH)\d{5}$/);
    expect(answer.GiayChungNhan.MaHoSo).toBe('H74.25753-2013-000871');
    expect(answer.GiayChungNhan.MaVach).toMatch(/^\d{13,15}$/);
    expect(answer.GiayChungNhan.NgayKy).toBeDefined();
  });
});

describe('land registry: lookups that find nothing or are malformed', () => {
  test('an unknown parcel is answered with KHONG_TIM_THAY', async () => {
    const client = await loggedInClient();
    await expect(
      faultCodeOf(client.TraCuuThuaDatAsync({ MaDvhc: '25747', ToBanDo: 99, ThuaDatSo: 9999 })),
    ).resolves.toBe('KHONG_TIM_THAY');
  });

  test("the merged commune's 2025 code does not find a parcel numbered under its predecessor", async () => {
    expect(data.parcels.has('25747/7/89')).toBe(false);
    const client = await loggedInClient();
    await expect(faultCodeOf(client.TraCuuThuaDatAsync({ ...orchardParcel, MaDvhc: '25747' }))).resolves.toBe(
      'KHONG_TIM_THAY',
    );
  });

  test('an unknown certificate serial is answered with KHONG_TIM_THAY', async () => {
    const client = await loggedInClient();
    await expect(faultCodeOf(client.TraCuuGiayChungNhanAsync({ SoPhatHanh: 'ZZ 000000' }))).resolves.toBe(
      'KHONG_TIM_THAY',
    );
  });

  test('a commune code that is not 5 digits is answered with DU_LIEU_KHONG_HOP_LE', async () => {
    const client = await loggedInClient();
    await expect(faultCodeOf(client.TraCuuThuaDatAsync({ ...urbanParcel, MaDvhc: '2574' }))).resolves.toBe(
      'DU_LIEU_KHONG_HOP_LE',
    );
  });

  test('a serial in neither format is answered with DU_LIEU_KHONG_HOP_LE', async () => {
    const client = await loggedInClient();
    await expect(faultCodeOf(client.TraCuuGiayChungNhanAsync({ SoPhatHanh: 'DA 1234567' }))).resolves.toBe(
      'DU_LIEU_KHONG_HOP_LE',
    );
  });

  test('a body that is not XML is answered with a DU_LIEU_KHONG_HOP_LE fault', async () => {
    const response = await fetch(land.url, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `${namespace}/TraCuuThuaDat` },
      body: 'this is not xml',
    });
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('<tns:MaLoi>DU_LIEU_KHONG_HOP_LE</tns:MaLoi>');
  });
});

describe('land registry: behaviour on demand', () => {
  test('fault mode answers a SOAP Fault LOI_HE_THONG with HTTP 500', async () => {
    const client = await loggedInClient();
    await setBehaviour({ faults: [{ mode: 'fault', rate: 1 }] });
    await expect(faultCodeOf(client.TraCuuThuaDatAsync(urbanParcel))).resolves.toBe('LOI_HE_THONG');
  });

  test('http-5xx mode answers the configured status with an HTML page', async () => {
    const client = await loggedInClient();
    await setBehaviour({ faults: [{ mode: 'http-5xx', rate: 1 }], status: 502 });
    const error = (await rejectionOf(client.TraCuuThuaDatAsync(urbanParcel))) as {
      response?: { status?: number };
    };
    expect(error.response?.status).toBe(502);
    expect(client.lastResponseHeaders?.['content-type']).toMatch(/^text\/html/);
  });

  test('hang mode never answers, so the client times out', async () => {
    const client = await loggedInClient();
    await setBehaviour({ faults: [{ mode: 'hang', rate: 1 }] });
    const error = (await rejectionOf(client.TraCuuThuaDatAsync(urbanParcel, { timeout: 300 }))) as {
      code?: string;
    };
    expect(error.code).toBe('ECONNABORTED');
  });

  test('malformed mode answers a truncated envelope the client cannot parse', async () => {
    const client = await loggedInClient();
    await setBehaviour({ faults: [{ mode: 'malformed', rate: 1 }] });
    const error = (await rejectionOf(client.TraCuuThuaDatAsync(urbanParcel))) as {
      Fault?: { faultstring?: string };
      response?: { status?: number };
    };
    // node-soap rejects unparseable XML with a plain object, not an Error.
    expect(error.response?.status).toBe(200);
    expect(error.Fault?.faultstring).toBe('Invalid XML');
  });

  test('xxe mode answers a document with external entities that the client refuses to resolve', async () => {
    const client = await loggedInClient();
    await setBehaviour({ faults: [{ mode: 'xxe', rate: 1 }] });
    const error = await rejectionOf(client.TraCuuThuaDatAsync(urbanParcel));
    expect(client.lastResponse).toContain('&xxe;');
    expect(inspect(error, { depth: 4 })).not.toContain('root:x:0:0');
  });

  test('entity-expansion mode answers a billion-laughs document that the client refuses to expand', async () => {
    const client = await loggedInClient();
    await setBehaviour({ faults: [{ mode: 'entity-expansion', rate: 1 }] });
    const error = await rejectionOf(client.TraCuuThuaDatAsync(urbanParcel));
    expect(client.lastResponse).toContain('&lol9;');
    expect(inspect(error, { depth: 4 })).not.toContain('lollol');
  });

  test('oversized mode pads the real answer to the configured size and keeps it well-formed', async () => {
    const client = await loggedInClient();
    await setBehaviour({ faults: [{ mode: 'oversized', rate: 1 }], oversizedBytes: 2 * 1024 * 1024 });
    const [answer] = await client.TraCuuThuaDatAsync(urbanParcel);
    expect(Number(client.lastResponseHeaders?.['content-length'])).toBeGreaterThanOrEqual(2 * 1024 * 1024);
    expect(answer.ThuaDat.MaLoaiDat).toBe('ODT');
  });

  test('wrong-content-type mode labels the real answer text/html', async () => {
    const client = await loggedInClient();
    await setBehaviour({ faults: [{ mode: 'wrong-content-type', rate: 1 }] });
    await client.TraCuuThuaDatAsync(urbanParcel).catch(() => undefined);
    expect(client.lastResponseHeaders?.['content-type']).toMatch(/^text\/html/);
    expect(client.lastResponse).toContain('<MaLoaiDat>ODT</MaLoaiDat>');
  });

  test('latency delays every answer by the configured time', async () => {
    const client = await loggedInClient();
    await setBehaviour({ latency: { distribution: 'fixed', ms: 250 } });
    const started = Date.now();
    await client.TraCuuThuaDatAsync(urbanParcel);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });

  test('a credential over its quota per second is answered with the VUOT_HAN_MUC fault', async () => {
    const client = await loggedInClient();
    await setBehaviour({ quotaPerSecond: 2 });
    await client.TraCuuThuaDatAsync(urbanParcel);
    await client.TraCuuThuaDatAsync(urbanParcel);
    await expect(faultCodeOf(client.TraCuuThuaDatAsync(urbanParcel))).resolves.toBe('VUOT_HAN_MUC');
  });

  test('counters record calls per operation and per credential', async () => {
    const client = await loggedInClient();
    await client.TraCuuThuaDatAsync(urbanParcel);
    await client.TraCuuGiayChungNhanAsync({ SoPhatHanh: 'BX 123456' });
    const counters = await (await fetch(`${land.controlUrl}/counters`)).json();
    expect(counters).toMatchObject({
      calls: 3,
      answered: 3,
      byOperation: { DangNhap: 1, TraCuuThuaDat: 1, TraCuuGiayChungNhan: 1 },
      byCredential: { 'lienthong-sandbox': 3 },
    });
  });
});
