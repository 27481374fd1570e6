import { Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Allow, PUBLIC } from './auth';

@ObjectType()
export class ApiInfo {
  @Field() name: string;
  @Field() version: string;
  @Field({ description: 'Server time, for clients to detect clock skew' }) serverTime: Date;
}

@Resolver()
export class SystemResolver {
  @Query(() => ApiInfo)
  @Allow(PUBLIC)
  apiInfo(): ApiInfo {
    return { name: 'bangfu', version: process.env.npm_package_version ?? '0.1.0', serverTime: new Date() };
  }
}
