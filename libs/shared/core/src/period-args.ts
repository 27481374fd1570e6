import { ArgsType, Field } from '@nestjs/graphql';

/**
 * A report's period: `@Args() { from, to }: PeriodArgs`. Months (2026-01) or Asia/Shanghai days
 * (2026-01-31), `to` inclusive; each query's service says which it takes and checks them.
 */
@ArgsType()
export class PeriodArgs {
  @Field(() => String) from: string;
  @Field(() => String) to: string;
}
