import type { WebhookSender } from '../../core/ports/webhook-sender.js';
import { signWebhook, webhookSecretFor, webhookSignatureHeader } from './webhook-signature.js';

export interface HttpWebhookSenderOptions {
  readonly pepper: string;
  readonly timeoutMs?: number;
}

/** POSTs a webhook with its signature header; answers the status, or undefined without an answer. */
export class HttpWebhookSender implements WebhookSender {
  constructor(private readonly options: HttpWebhookSenderOptions) {}

  async send(url: string, body: string, clientId: string): Promise<number | undefined> {
    const signature = signWebhook(
      webhookSecretFor(this.options.pepper, clientId),
      Math.floor(Date.now() / 1000),
      body,
    );
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [webhookSignatureHeader]: signature },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000),
      });
      await response.body?.cancel();
      return response.status;
    } catch {
      return undefined;
    }
  }
}
