import { ArgsType, Field, ID } from '@nestjs/graphql';

/**
 * Arguments many queries and mutations take together, declared once: `@Args() { from, to }: PeriodArgs`.
 * The schema is the same as with one `@Args('name')` per argument.
 */

/**
 * A report's period: months (2026-01) or Asia/Shanghai days (2026-01-31), `to` inclusive; each query's
 * service says which it takes and checks them.
 */
@ArgsType()
export class PeriodArgs {
  @Field(() => String) from: string;
  @Field(() => String) to: string;
}

/** A decision against something by id (reject, withdraw, …): the reason is required and kept with it. */
@ArgsType()
export class ReasonArgs {
  @Field(() => ID) id: string;
  @Field(() => String) reason: string;
}

/** A decision for something by id (approve, …), with an optional comment kept with it. */
@ArgsType()
export class CommentArgs {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true }) comment?: string | null;
}
