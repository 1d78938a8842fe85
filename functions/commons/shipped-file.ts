import path from 'node:path';

/**
 * Files shipped next to the bundle (WSDLs, the API reference's files) live under the function's root on
 * AWS, the repo root locally. A module of its own so that functions needing only this load nothing else.
 */
export function shippedFile(relativePath: string): string {
  return path.resolve(process.env['LAMBDA_TASK_ROOT'] ?? process.cwd(), relativePath);
}
