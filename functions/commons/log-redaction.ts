/**
 * Keeps personal data and secrets out of the logs, whatever a log call is handed: values under
 * sensitive keys are masked whole, and strings anywhere have personal-id-like numbers (12-digit
 * personal ids, 9-digit old identity card numbers) and API keys masked. Used as the Powertools
 * Logger's JSON replacer, so it sees every key and value of every log line, messages included.
 */
export const redacted = '[redacted]';

/** Keys compared without case, `-` or `_`: `x-api-key`, `apiKey` and `API_KEY` are one. */
const sensitiveKeys = new Set(
  [
    'personalId',
    'oldIdNumber',
    'idNumber',
    'idDocument',
    'fullName',
    'familyName',
    'givenName',
    'middleName',
    'dateOfBirth',
    'birthDate',
    'address',
    'addresses',
    'citizen',
    'owners',
    'apiKey',
    'x-api-key',
    'authorization',
    'cookie',
    'password',
    'secret',
    'pepper',
    'keyPepper',
    'credentials',
    'body',
  ].map(normalized),
);

const personalNumber = /(?<![\d])(\d{12}|\d{9})(?![\d])/g;
const apiKeyLike = /\blt_[A-Za-z0-9_-]{16,}/g;

export function redactPersonalData(key: string, value: unknown): unknown {
  if (key !== '' && sensitiveKeys.has(normalized(key)) && value !== undefined && value !== null) {
    return redacted;
  }
  // ARNs carry the 12-digit AWS account id, which is no person's.
  if (typeof value === 'string' && normalized(key).endsWith('arn')) return value;
  if (typeof value === 'string') return value.replace(personalNumber, redacted).replace(apiKeyLike, redacted);
  return value;
}

function normalized(key: string): string {
  return key.toLowerCase().replace(/[-_]/g, '');
}
