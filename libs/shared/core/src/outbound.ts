import { Logger } from '@nestjs/common';

/** Where messages to people outside the app go (SMS, mail); a deployment binds a provider's implementation. */
export interface OutboundChannel<M> {
  readonly name: string;
  send(message: M): Promise<void>;
}

/**
 * The default channel where no provider is configured: each message goes to the log (`entry` picks what of it
 * may be logged there) and the last `keep` stay in memory for tests and the demo.
 */
export class LogChannel<M> implements OutboundChannel<M> {
  readonly name = 'log';
  readonly sent: M[] = [];
  private readonly logger: Logger;

  constructor(
    context: string,
    private readonly keep: number,
    private readonly entry: (message: M) => Record<string, unknown>,
  ) {
    this.logger = new Logger(context);
  }

  async send(message: M): Promise<void> {
    this.sent.push(message);
    if (this.sent.length > this.keep) this.sent.shift();
    this.logger.log(this.entry(message));
  }
}
