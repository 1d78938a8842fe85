import type { Browser, Page, Request } from 'playwright-core';
import { localStack, type StackAddresses } from '../support/local-stack.js';
import { launchChromium } from './chromium.js';

/**
 * The reference's try-it in a real browser, as a developer uses it: paste the key under Authentication,
 * press SET, press TRY on an operation. The call goes to the gateway the page came from, with the key
 * and the prefilled purpose envelope, and its answer shows in the page.
 */

jest.setTimeout(60_000);

let stack: StackAddresses;
let browser: Browser;
let page: Page;
const requests: Request[] = [];

beforeAll(async () => {
  stack = localStack();
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('request', (request) => requests.push(request));
  await page.goto(`${stack.gatewayUrl}/docs`);
});

afterAll(async () => {
  await browser?.close();
});

describe('the reference page in a browser', () => {
  it('loads everything from the gateway itself (no fonts or scripts from elsewhere)', async () => {
    await page.locator('rapi-doc [id="post-/v1/citizens/verify"]').waitFor();
    const origins = new Set(requests.map((request) => new URL(request.url()).origin));
    expect([...origins].filter((origin) => origin !== 'null')).toEqual([stack.gatewayUrl]);
  });

  it('tries a citizen verification with the key entered in the page and the prefilled purpose envelope', async () => {
    await page.locator('#apiKey-apiKey-api-key-input').fill(stack.sandboxApiKey);
    await page.locator('rapi-doc button', { hasText: 'SET' }).first().click();

    const operation = page.locator('rapi-doc [id="post-/v1/citizens/verify"]');
    await operation.scrollIntoViewIfNeeded();
    const [response] = await Promise.all([
      page.waitForResponse((answer) => answer.url() === `${stack.gatewayUrl}/v1/citizens/verify`),
      operation.locator('button', { hasText: 'TRY' }).click(),
    ]);

    const sent = response.request();
    expect(sent.method()).toBe('POST');
    expect(sent.headers()).toMatchObject({
      'x-api-key': stack.sandboxApiKey,
      'x-officer-id': 'CB-0042',
      'x-purpose': '1.001234.000.00.00.H12',
    });
    expect(JSON.parse(sent.postData() ?? '{}')).toEqual({
      personalId: '074095000123',
      fullName: 'Nguyễn Văn An',
      dateOfBirth: '1995-03-15',
    });
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({
      match: true,
      fields: { fullName: 'exact', dateOfBirth: 'match' },
    });
    await operation.getByText(/Response Status: OK:200/).waitFor();
  });
});
