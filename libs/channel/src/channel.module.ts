import { Module } from '@nestjs/common';

export const CHANNEL_ENTITIES = [];

@Module({
  providers: [],
  exports: [],
})
export class ChannelModule {}
