/** Delivers a signed webhook; one attempt, answering the HTTP status (or undefined if none came). */
export interface WebhookSender {
  send(url: string, body: string, clientId: string): Promise<number | undefined>;
}
