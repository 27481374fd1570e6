import { startWithDataSource } from '@bangfu/testing';
import { ChannelModule } from './channel.module';

/**
 * Spec support (not exported from the lib): the real server with channels; ChannelModule imports what a
 * placement shows (catalog, certification) and what counter sales write (ordering, the ledger).
 */
export function startChannelServer() {
  return startWithDataSource({ imports: [ChannelModule] });
}
