import { Logger } from '@aws-lambda-powertools/logger';
import { redacted, redactPersonalData } from './log-redaction.js';

function logged(write: (logger: Logger) => void): string {
  const lines: string[] = [];
  const capture = (chunk: unknown) => {
    lines.push(String(chunk));
    return true;
  };
  const spies = [
    jest.spyOn(process.stdout, 'write').mockImplementation(capture),
    jest.spyOn(process.stderr, 'write').mockImplementation(capture),
  ];
  try {
    // Built inside the spy: the logger binds its console to stdout when constructed.
    write(new Logger({ serviceName: 'test', jsonReplacerFn: redactPersonalData }));
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return lines.join('');
}

describe('log redaction', () => {
  it('masks values under personal-data and secret keys, in any case and spelling', () => {
    expect(redactPersonalData('personalId', '074095000123')).toBe(redacted);
    expect(redactPersonalData('full_name', 'Nguyễn Văn An')).toBe(redacted);
    expect(redactPersonalData('DateOfBirth', '1995-03-15')).toBe(redacted);
    expect(redactPersonalData('x-api-key', 'anything')).toBe(redacted);
    expect(redactPersonalData('Authorization', 'Bearer abc')).toBe(redacted);
    expect(redactPersonalData('citizen', { name: 'x' })).toBe(redacted);
  });

  it('masks 12- and 9-digit numbers and API keys inside any string', () => {
    expect(redactPersonalData('message', 'no citizen 074095000123 (old id 280912345)')).toBe(
      `no citizen ${redacted} (old id ${redacted})`,
    );
    expect(redactPersonalData('reason', 'key lt_abcdefghijklmnopqrstuvwxyz012345 refused')).toBe(
      `key ${redacted} refused`,
    );
  });

  it('leaves other numbers and keys alone', () => {
    expect(redactPersonalData('message', 'took 1234 ms, status 503, at 1732665600000')).toBe(
      'took 1234 ms, status 503, at 1732665600000',
    );
    expect(redactPersonalData('function_arn', 'arn:aws:lambda:ap-southeast-1:123456789012:function:f')).toBe(
      'arn:aws:lambda:ap-southeast-1:123456789012:function:f',
    );
    expect(redactPersonalData('requestId', 'c7d1f4e2-5b0a-4c1e-9f3a-2d8e6b7a9c10')).toBe(
      'c7d1f4e2-5b0a-4c1e-9f3a-2d8e6b7a9c10',
    );
  });

  it('keeps personal data out of a Powertools log line, nested objects and errors included', () => {
    const line = logged((logger) =>
      logger.error('lookup of 074095000123 failed', {
        request: { personalId: '074095000123', headers: { 'x-api-key': 'secret-key' } },
        error: new Error('registry said: no citizen 074095000123'),
      }),
    );
    expect(line).toContain('lookup of [redacted] failed');
    expect(line).not.toContain('074095000123');
    expect(line).not.toContain('secret-key');
  });
});
