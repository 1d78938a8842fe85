import { gzipSync } from 'node:zlib';
import { consoleFiles, consoleResponse } from './build.js';
import { consoleContentSecurityPolicy } from './security-headers.js';

describe('console build', () => {
  it('produces the page, its styles and one script, small enough for a slow provincial line', async () => {
    const files = await consoleFiles();
    expect([...files.keys()].sort()).toEqual(['app.js', 'index.html', 'styles.css']);
    const script = files.get('app.js')?.body ?? '';
    // Budget: the zod schemas dominate; every locale but English is left out of the bundle.
    expect(gzipSync(script).length).toBeLessThan(100_000);
    expect(script).not.toContain('Input tidak valid'); // Indonesian, present with every locale
    expect(files.get('index.html')?.body).toContain('<html lang="vi">');
  });

  it('answers the local gateway: the page with its security headers, a redirect, a 404, or nothing', async () => {
    const page = await consoleResponse('/console/');
    expect(page).toEqual(
      expect.objectContaining({
        statusCode: 200,
        headers: expect.objectContaining({
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': consoleContentSecurityPolicy,
          'x-content-type-options': 'nosniff',
        }),
      }),
    );
    expect((await consoleResponse('/console/app.js'))?.headers['content-type']).toBe(
      'text/javascript; charset=utf-8',
    );
    expect(await consoleResponse('/console')).toEqual(
      expect.objectContaining({ statusCode: 308, headers: { location: '/console/' } }),
    );
    expect((await consoleResponse('/console/../README.md'))?.statusCode).toBe(404);
    expect(await consoleResponse('/v1/health')).toBeUndefined();
  });
});
