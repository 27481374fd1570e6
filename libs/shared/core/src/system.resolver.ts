import { Inject } from '@nestjs/common';
import { Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Allow, PUBLIC } from './auth';
import { APP_CONFIG, type AppConfig } from './config';

@ObjectType()
export class ApiInfo {
  @Field() name: string;
  @Field() version: string;
  @Field({ description: 'Server time, for clients to detect clock skew' }) serverTime: Date;
  @Field({
    description:
      'Whether this server runs with the demo data set (DEMO_DATA): the sign-in page shows the demo password only then',
  })
  demoData: boolean;
}

@Resolver()
export class SystemResolver {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Query(() => ApiInfo)
  @Allow(PUBLIC)
  apiInfo(): ApiInfo {
    return {
      name: 'bangfu',
      version: process.env.npm_package_version ?? '0.1.0',
      serverTime: new Date(),
      demoData: this.config.DEMO_DATA,
    };
  }
}
