import { LogChannel, type OutboundChannel } from '@bangfu/core';

/** A reset code on its way to the account's owner (same shape as produce's OutboundMessage). */
export interface ResetMessage {
  userId: string;
  phone: string | null;
  email: string | null;
  kind: 'PASSWORD_RESET';
  text: string;
  /** The raw token: what a link or an SMS carries. */
  token: string;
}

/**
 * Where reset codes go. A deployment with an SMS or mail provider binds its own implementation to
 * PASSWORD_RESET_DELIVERY (libs/produce's NotificationChannel fits with an adapter); identity cannot
 * import produce (produce imports identity), so the default lives here.
 */
export type PasswordResetDelivery = OutboundChannel<ResetMessage>;

export const PASSWORD_RESET_DELIVERY = Symbol('PASSWORD_RESET_DELIVERY');

/**
 * The default: writes the reset message, code included, to the log, so that an operator (or the demo)
 * can complete a reset without a provider. Production binds a real channel; the log then never sees
 * a code. The last few messages stay in memory for tests.
 */
export class LogPasswordResetDelivery extends LogChannel<ResetMessage> {
  constructor() {
    super('password-reset', 50, (m) => ({ msg: 'password reset code', userId: m.userId, text: m.text }));
  }
}
