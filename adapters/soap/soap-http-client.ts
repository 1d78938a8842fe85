// The CommonJS build node-soap itself loads: one axios in the bundle, not an ESM and a CommonJS copy.
import axios from 'axios/dist/node/axios.cjs';
import type { IOptions } from 'soap';
import { UpstreamFailedError } from '../../core/errors/upstream-failed-error.js';
import type { RegistryName } from '../../core/ports/registry-name.js';

const xmlMediaType = /^(text\/xml|application\/(soap\+)?xml)\b/i;

/**
 * The HTTP client node-soap uses for one registry. A successful answer that is not XML (an HTML page
 * from a proxy, a login portal) is refused here, before node-soap tries to read it as an envelope.
 */
export function soapHttpClient(registry: RegistryName): NonNullable<IOptions['request']> {
  const client = axios.create();
  client.interceptors.response.use((response) => {
    const contentType = String(response.headers['content-type'] ?? '');
    if (!xmlMediaType.test(contentType)) {
      throw new UpstreamFailedError(
        registry,
        `answer is not XML (content type ${contentType.slice(0, 40) || 'none'})`,
      );
    }
    return response;
  });
  // node-soap types axios through its CommonJS typings, this module through the ESM ones: same object.
  return client as unknown as NonNullable<IOptions['request']>;
}
