/** What a channel answered for one message: sent, or the error and whether a retry may help. Never thrown. */
export type DeliveryResult = { ok: true } | { ok: false; error: string; retryable: boolean };
