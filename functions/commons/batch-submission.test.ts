import type { APIGatewayProxyEvent } from 'aws-lambda';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.js';
import { parseBatchSubmission } from './batch-submission.js';

const event = (contentType: string, body: string, headers: Record<string, string> = {}) =>
  ({
    headers: { 'content-type': contentType, ...headers },
    body,
    isBase64Encoded: false,
  }) as unknown as APIGatewayProxyEvent;

const fieldsOf = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidRequestError) return error.fieldErrors.map((e) => e.field);
    throw error;
  }
  throw new Error('the submission was accepted');
};

describe('parseBatchSubmission', () => {
  it('names a CSV error by its line (the header is line 1) and field, every invalid line at once', () => {
    const csv = [
      'kind,personalId,fullName,dateOfBirth',
      'citizen-verify,074095000123,Nguyễn Văn An,1995-03-15',
      'citizen-verify,12345,Nguyễn Văn An,1995-03-15',
      'citizen-verify,074095000123,,1995-03-15',
    ].join('\r\n');
    const fields = fieldsOf(() => parseBatchSubmission(event('text/csv', csv)));
    expect(fields).toEqual(expect.arrayContaining(['row:3.personalId', 'row:4.fullName']));
    expect(fields.some((field) => field.startsWith('row:2.'))).toBe(false);
  });

  it('names a JSON error by its item index and request field', () => {
    const body = JSON.stringify({
      items: [
        { kind: 'business', request: { enterpriseCode: '3701234562' } },
        { kind: 'land-parcel', request: { communeCode: 'x', mapSheet: 1, parcelNumber: 2 } },
      ],
    });
    expect(fieldsOf(() => parseBatchSubmission(event('application/json', body)))).toEqual([
      expect.stringMatching(/^items\.1\.request\.communeCode/),
    ]);
  });

  it('refuses a CSV header naming an unknown column', () => {
    expect(
      fieldsOf(() => parseBatchSubmission(event('text/csv', 'kind,favouriteColour\nbusiness,red'))),
    ).toEqual(['row:1']);
  });

  it('takes valid CSV rows as items, empty cells left out, and the callback from x-callback-url', () => {
    const csv = 'kind,personalId,enterpriseCode\nbusiness,,3701234562\ncitizen-lookup,079301001234,\n';
    expect(
      parseBatchSubmission(event('text/csv', csv, { 'x-callback-url': 'https://hooks.example.vn/batches' })),
    ).toEqual({
      items: [
        { kind: 'business', request: { enterpriseCode: '3701234562' } },
        { kind: 'citizen-lookup', request: { personalId: '079301001234' } },
      ],
      callbackUrl: 'https://hooks.example.vn/batches',
    });
  });
});
