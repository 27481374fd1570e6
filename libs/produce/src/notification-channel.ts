import { LogChannel, type OutboundChannel } from '@bangfu/core';

/** A message to a person outside the app (a farmer without a smartphone reads SMS). */
export interface OutboundMessage {
  /** The user it is for, when the person has a login. */
  userId: string | null;
  /** Mainland mobile number when known; a provider without one skips the message. */
  phone: string | null;
  /** Stable kind, same as the in-app notification's (PRODUCE_COMMITMENT_PROPOSED …). */
  kind: string;
  text: string;
}

/**
 * Where produce notifications go besides the in-app list. Real SMS providers implement this and are
 * chosen by `SMS_PROVIDER`; sending happens after the transaction commits, so a failed send never
 * undoes a receipt or a payment, and a rolled-back one never sends.
 */
export type NotificationChannel = OutboundChannel<OutboundMessage>;

export const NOTIFICATION_CHANNEL = Symbol('NOTIFICATION_CHANNEL');

/** The default: an SMS-style provider that writes each message to the log (one JSON line per message). */
export class LogSmsChannel extends LogChannel<OutboundMessage> {
  // The last 200 stay for tests and the health of the demo; the log is the record.
  constructor() {
    super('sms', 200, (m) => ({ msg: 'sms', kind: m.kind, userId: m.userId, phone: maskPhone(m.phone), text: m.text }));
  }
}

/** 13812345678 → 138****5678: the log is not a place for whole phone numbers. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** SMS_PROVIDER picks the channel: `log` (default) or `none`; anything else stops the boot with the variable named. */
export function createNotificationChannel(env: NodeJS.ProcessEnv = process.env): NotificationChannel {
  const provider = (env.SMS_PROVIDER ?? 'log').trim() || 'log';
  if (provider === 'log') return new LogSmsChannel();
  if (provider === 'none') return { name: 'none', send: async () => undefined };
  throw new Error(`SMS_PROVIDER: unknown provider "${provider}" (known: log, none)`);
}
