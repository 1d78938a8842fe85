import axios, { type AxiosInstance } from 'axios';
import { UpstreamFailedError } from '../../core/errors/upstream-failed-error.js';
import type { RegistryName } from '../../core/ports/registry-name.js';

const xmlMediaType = /^(text\/xml|application\/(soap\+)?xml)\b/i;

/**
 * The HTTP client node-soap uses for one registry. A successful answer that is not XML (an HTML page
 * from a proxy, a login portal) is refused here, before node-soap tries to read it as an envelope.
 */
export function soapHttpClient(registry: RegistryName): AxiosInstance {
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
  return client;
}
