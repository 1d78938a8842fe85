import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Browser, Page } from 'playwright-core';
import { parseCsv } from '../../functions/commons/csv.js';
import { citizenDirectory } from '../../local/registries/data/citizens.js';
import {
  localStack,
  registerTestClient,
  registryCounters,
  stackDocuments,
  type StackAddresses,
} from '../support/local-stack.js';
import { unheldPersonalId } from '../support/personal-ids.js';
import { launchChromium } from './chromium.js';

jest.setTimeout(60_000);

const officer = { officerId: 'CB-0042', purpose: '1.001234.000.00.00.H12' };
const artifacts = path.resolve('test/artifacts');

/** Synthetic citizens of the population simulator (default seed), beyond the fixtures. */
const citizens = citizenDirectory()
  .citizens.slice(3)
  .filter((citizen) => withoutDiacritics(citizen.fullName) !== citizen.fullName.toUpperCase())
  .slice(0, 6);
/** A well-formed personal id (born 1990) that nobody in the simulator holds. */
const nobody = { personalId: unheldPersonalId(), fullName: 'Nguyễn Văn Vắng', dateOfBirth: '1990-01-01' };

function withoutDiacritics(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toUpperCase();
}

let stack: StackAddresses;
let apiKey: string;
let browser: Browser;
let page: Page;
/** Filled by the batch test, read by the access report test. */
let batchId: string;

/** An expression evaluated in the page: a string, since the tests are type-checked without the DOM library. */
async function inPage<T>(expression: string, target: Page = page): Promise<T> {
  return (await target.evaluate(expression)) as T;
}

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(artifacts, `console-${name}.png`) });
}

async function open(route: string): Promise<void> {
  await page.goto(`${stack.gatewayUrl}/console/#${route}`);
  await page.waitForSelector(`[aria-current="page"][href="#${route}"]`);
}

async function batchCount(): Promise<number> {
  const { Count = 0 } = await stackDocuments(stack).send(
    new ScanCommand({ TableName: stack.tableNames['BATCHES_TABLE_NAME'], Select: 'COUNT' }),
  );
  return Count;
}

beforeAll(async () => {
  stack = localStack();
  mkdirSync(artifacts, { recursive: true });
  apiKey = await registerTestClient(stack, {
    clientId: 'console-officers',
    name: 'One-stop shop officers using the console',
    unitCode: 'UBND-TDM',
    status: 'active',
    policy: {
      scopes: ['population:verify', 'batch:submit', 'audit:subject-report', 'business:read', 'land:read'],
    },
  });
  browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    acceptDownloads: true,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  page = await context.newPage();
  page.on('pageerror', (error) => console.error('console page error:', error.message));

  await page.goto(`${stack.gatewayUrl}/console/`);
  await screenshot('sign-in');
  await page.getByLabel('Khoá API').fill(apiKey);
  await page.getByLabel('Mã cán bộ').fill(officer.officerId);
  await page.getByLabel('Mã thủ tục (mục đích)').fill(officer.purpose);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForSelector('#batch-file');
});

afterAll(async () => {
  await browser?.close();
});

describe('officer console', () => {
  it('keeps the key in sessionStorage only and speaks Vietnamese first', async () => {
    const storage = await inPage(`({
      session: Object.keys(sessionStorage),
      local: Object.keys(localStorage),
      cookies: document.cookie,
      lang: document.documentElement.lang,
    })`);
    expect(storage).toEqual({ session: ['lienthong.console.session'], local: [], cookies: '', lang: 'vi' });
  });

  it('checks, sends and follows a CSV batch, and downloads the results the API answers', async () => {
    const rows = [
      ...citizens.map((c) => `citizen-verify,${c.personalId},${c.fullName},${c.dateOfBirth}`),
      `citizen-verify,${citizens[0]?.personalId},${withoutDiacritics(citizens[0]?.fullName ?? '')},${citizens[0]?.dateOfBirth}`,
      `citizen-verify,${nobody.personalId},${nobody.fullName},${nobody.dateOfBirth}`,
    ];
    const csv = ['kind,personalId,fullName,dateOfBirth', ...rows].join('\r\n');
    await page.locator('#batch-file').setInputFiles({
      name: 'doi-chieu.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await expect(page.locator('#batch-check').textContent()).resolves.toContain('8 dòng hợp lệ');
    expect(await page.locator('#batch-preview tbody tr').count()).toBe(8);
    await screenshot('batch-preview');

    await page.click('#batch-submit');
    await page.waitForSelector('#batch-results', { timeout: 30_000 });
    const bar = page.locator('#batch-progress');
    expect([await bar.getAttribute('value'), await bar.getAttribute('max')]).toEqual(['8', '8']);
    await expect(page.locator('#batch-progress-text').textContent()).resolves.toContain('8/8 yêu cầu (100%)');
    batchId =
      /[0-9a-f-]{36}/.exec((await page.locator('.panel .muted').first().textContent()) ?? '')?.[0] ?? '';
    expect(batchId).toMatch(/^[0-9a-f-]{36}$/);
    await screenshot('batch-results');

    // Six exact matches; the name without diacritics and the unknown person are "no match".
    expect(await page.locator('#batch-results tbody tr[data-class="match"]').count()).toBe(6);
    await page.selectOption('#results-filter', 'no_match');
    const noMatch = page.locator('#batch-results tbody tr');
    expect(await noMatch.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-item')))).toEqual([
      '6',
      '7',
    ]);
    await expect(noMatch.first().textContent()).resolves.toContain('Chỉ khớp khi bỏ dấu');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#batch-download')]);
    const downloaded = readFileSync((await download.path()) as string, 'utf8');
    const fromApi = await fetch(`${stack.gatewayUrl}/v1/batches/${batchId}/results`, {
      headers: { 'x-api-key': apiKey, accept: 'text/csv' },
    });
    const apiRows = parseCsv(await fromApi.text());
    expect(download.suggestedFilename()).toBe(`ket-qua-${batchId}.csv`);
    expect(apiRows).toHaveLength(9);
    expect(parseCsv(downloaded)).toEqual(apiRows);
  });

  it('shows the errors of a bad CSV by row and field, as the API names them, and sends nothing', async () => {
    await open('batch');
    await page.getByRole('button', { name: 'Lô mới' }).click();
    const csv = [
      'kind,personalId,fullName,dateOfBirth',
      `citizen-verify,${citizens[1]?.personalId},${citizens[1]?.fullName},${citizens[1]?.dateOfBirth}`,
      'citizen-verify,12345,Nguyễn Văn An,1995-03-15',
      'citizen-verfy,074095000123,Nguyễn Văn An,1995-03-15',
      'citizen-verify,074095000123,Nguyễn Văn An,2001-03-15',
    ].join('\n');
    const batchesBefore = await batchCount();
    const callsBefore = (await registryCounters(stack, 'population')).calls;

    await page
      .locator('#batch-file')
      .setInputFiles({ name: 'loi.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.waitForSelector('#batch-check[role="alert"]');
    await screenshot('batch-errors');
    const shown = await page
      .locator('#batch-preview tr.has-error')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-line')));
    expect(shown).toEqual(['3', '4', '5']);
    const shownFields = await page
      .locator('#batch-preview li[data-field]')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-field')));
    expect(await page.locator('#batch-submit').isDisabled()).toBe(true);

    // The API, sent the same file, names exactly the same rows and fields.
    const answer = await fetch(`${stack.gatewayUrl}/v1/batches`, {
      method: 'POST',
      headers: {
        'x-api-key': apiKey,
        'content-type': 'text/csv',
        'x-officer-id': officer.officerId,
        'x-purpose': officer.purpose,
      },
      body: csv,
    });
    const problem = (await answer.json()) as { errors: { field: string }[] };
    expect(answer.status).toBe(400);
    expect(shownFields).toEqual(problem.errors.map((error) => error.field));

    expect(await batchCount()).toBe(batchesBefore);
    expect((await registryCounters(stack, 'population')).calls).toBe(callsBefore);
  });

  const verifyIds: string[] = [];

  it('verifies a citizen and explains the graded name match', async () => {
    const citizen = citizens[2];
    if (!citizen) throw new Error('no synthetic citizen');
    await open('verify');
    const verify = async (fullName: string) => {
      await page.getByLabel('Số định danh cá nhân (12 số)').fill(citizen.personalId);
      await page.getByLabel('Họ và tên').fill(fullName);
      await page.getByLabel('Ngày sinh').fill(citizen.dateOfBirth);
      await page.click('#verify-submit');
      const result = page.locator(`#verify-result:not([data-request-id="${verifyIds.at(-1) ?? ''}"])`);
      await result.waitFor();
      verifyIds.push((await result.getAttribute('data-request-id')) ?? '');
      return {
        match: await result.getAttribute('data-match'),
        grade: await page.locator('#verify-grade-name').getAttribute('data-grade'),
        text: await result.textContent(),
      };
    };

    expect(await verify(citizen.fullName)).toEqual(
      expect.objectContaining({
        match: 'true',
        grade: 'exact',
        text: expect.stringContaining('Trùng khớp hoàn toàn'),
      }),
    );
    const weak = await verify(withoutDiacritics(citizen.fullName));
    await screenshot('verify');
    expect(weak).toEqual(
      expect.objectContaining({
        match: 'false',
        grade: 'diacritics_insensitive',
        text: expect.stringContaining('KHÔNG được coi là khớp'),
      }),
    );
  });

  it("shows who accessed a citizen's data: the verifications and the batch item just made", async () => {
    await open('audit');
    await page.getByLabel('Số định danh cá nhân (12 số)').fill(citizens[2]?.personalId ?? '');
    await page.click('#audit-submit');
    await page.waitForSelector('#audit-report');
    await screenshot('access-report');
    const rows = await page.locator('#audit-report tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        requestId: tr.getAttribute('data-request-id'),
        cells: [...tr.querySelectorAll('td')].map((td) => td.textContent),
      })),
    );
    const byRequest = new Map(rows.map((row) => [row.requestId, row.cells]));
    // The citizen was item 2 of the batch: its ledger entry carries `<batch>:<item>`.
    for (const requestId of [`${batchId}:2`, ...verifyIds]) {
      expect(byRequest.get(requestId)).toEqual([
        expect.any(String),
        officer.officerId,
        'console-officers',
        officer.purpose,
        'Xác thực công dân',
        'Được phép',
        'Không có',
      ]);
    }
  });

  it('looks up a business and a land parcel, and shows a wrong code as a field error', async () => {
    await open('business');
    await page.getByLabel('Mã số doanh nghiệp').fill('3701234563');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect(page.locator('#enterpriseCode-error').textContent()).resolves.toContain('sai số kiểm tra');
    await page.getByLabel('Mã số doanh nghiệp').fill('3701234562');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.waitForSelector('#business-result');
    await expect(page.locator('#business-result h2').textContent()).resolves.toBe(
      'CÔNG TY CỔ PHẦN ĐẦU TƯ XÂY DỰNG PHÚ CƯỜNG',
    );
    await screenshot('business');

    await open('land');
    await page.getByLabel('Mã xã/phường (5 số)').fill('25747');
    await page.getByLabel('Số tờ bản đồ').fill('7');
    await page.getByLabel('Số thửa').fill('89');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.waitForSelector('#land-result');
    const parcel = (await page.locator('#land-result').textContent()) ?? '';
    expect(parcel).toContain('BX 123456');
    expect(parcel).toContain('Lê Thị Hoa');
    await screenshot('land');
  });

  it('is usable from the keyboard: a skip link first, then the screens in order', async () => {
    await open('verify');
    await page.reload(); // focus starts at the top of a freshly loaded page
    await page.waitForSelector('#personalId');
    const order: (string | null)[] = [];
    for (let step = 0; step < 5; step += 1) {
      await page.keyboard.press('Tab');
      order.push(
        await inPage<string | null>(
          "document.activeElement?.id || document.activeElement?.getAttribute('href') || null",
        ),
      );
    }
    // In the order they are seen: the skip link (to #main), language, sign-out, then the screens as tabs.
    expect(order).toEqual(['#main', 'language-toggle', 'sign-out', '#batch', '#verify']);
    for (let step = 0; step < 4; step += 1) await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter'); // the skip link
    expect(await inPage('[document.activeElement?.id, location.hash]')).toEqual(['main', '#verify']);
    await page.keyboard.press('Tab');
    expect(await inPage('document.activeElement?.id')).toBe('personalId');
    // Backwards through the six screen tabs, to the first.
    for (let step = 0; step < 6; step += 1) await page.keyboard.press('Shift+Tab');
    expect(await inPage("document.activeElement?.getAttribute('href')")).toBe('#batch');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#batch-file');
    expect(await inPage('document.activeElement?.id')).toBe('main');
  });

  it('shows a refused key as a human message, and forgets the key on sign-out', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    const other = await context.newPage();
    await other.goto(`${stack.gatewayUrl}/console/`);
    await other.getByLabel('Khoá API').fill('lt_notakey0000_secret');
    await other.getByLabel('Mã cán bộ').fill(officer.officerId);
    await other.getByLabel('Mã thủ tục (mục đích)').fill(officer.purpose);
    await other.getByRole('button', { name: 'Đăng nhập' }).click();
    await other.goto(`${stack.gatewayUrl}/console/#verify`);
    await other.getByLabel('Số định danh cá nhân (12 số)').fill(citizens[0]?.personalId ?? '');
    await other.getByLabel('Họ và tên').fill(citizens[0]?.fullName ?? '');
    await other.getByLabel('Ngày sinh').fill(citizens[0]?.dateOfBirth ?? '');
    await other.click('#verify-submit');
    const alert = other.locator('[role="alert"][data-problem-type]');
    await alert.waitFor();
    expect(await alert.getAttribute('data-problem-type')).toBe(
      'https://lienthong.gov.vn/problems/unauthenticated',
    );
    await expect(alert.locator('h2').textContent()).resolves.toBe('Khoá API không hợp lệ hoặc đã bị thu hồi');
    await other.screenshot({ path: path.join(artifacts, 'console-problem.png') });

    await other.click('#sign-out');
    await other.waitForSelector('#apiKey');
    expect(await other.evaluate(() => Object.keys(sessionStorage))).toEqual([]);
    await context.close();
  });

  it('shows the registries and their circuits, and switches to English', async () => {
    await open('status');
    await page.waitForSelector('#status-table');
    const registries = await page
      .locator('#status-table tbody tr[data-dependency^="registry:"]')
      .evaluateAll((trs) =>
        trs.map((tr) => [tr.getAttribute('data-dependency'), tr.querySelector('td')?.textContent]),
      );
    expect(registries).toEqual([
      ['registry:business', 'Kết nối được'],
      ['registry:land', 'Kết nối được'],
      ['registry:population', 'Kết nối được'],
    ]);
    await screenshot('status');

    await page.click('#language-toggle');
    await expect(page.locator('h1').textContent()).resolves.toBe('System status');
    expect(await inPage('document.documentElement.lang')).toBe('en');
    await expect(
      page.locator('#status-table tbody tr[data-dependency="registry:population"] th').textContent(),
    ).resolves.toBe('Population database (registry:population)');
    await screenshot('status-en');
    await page.click('#language-toggle');
  });
});
