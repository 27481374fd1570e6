import { AppError, ErrorCode } from './errors';

/**
 * One way to write a lifecycle: the moves as data, checked by one helper, documented from the same data.
 *
 * A move is made the same way everywhere, in ONE transaction (`transition(ctx, …)` in each lib):
 *   1. lock the row (`FOR UPDATE`) and read its status;
 *   2. `machine.assertTransition(row.status, to)` (or `assert(from, t => t.action === …)` when the
 *      caller names an action, not a target) — a move not in the table is a typed `IllegalTransitionError`;
 *   3. check who may make it (the lib's own actors/roles on the transition) and `machine.checkGuard(t, facts)`;
 *   4. update the status, write the lib's history row (from, to, actor, reason), note the audit change
 *      and publish its event.
 * History tables differ per lib (order_history, certification_event, …), so step 4 stays in the lib.
 * Conditional updates (`UPDATE … WHERE status IN machine.sourcesOf(to)`) use the table as well.
 */

/** Why a guard refused: a stable code and a message for people. */
export interface GuardFailure {
  code: string;
  message: string;
}

/** A guard returns null when the move may happen, else why not. `codes`: what it may answer, for the docs. */
export type TransitionGuard<C> = ((facts: C) => GuardFailure | null) & { codes?: readonly string[] };

export const guardFailure = (code: string, message: string): GuardFailure => ({ code, message });

/** A guard as data: the code and message it refuses with, and the condition that lets the move happen. */
export function guard<C>(code: string, message: string, allows: (facts: C) => boolean): TransitionGuard<C> {
  return Object.assign((facts: C) => (allows(facts) ? null : guardFailure(code, message)), { codes: [code] });
}

/** The first failing guard's reason, or null when all pass. */
export function allGuards<C>(...guards: TransitionGuard<C>[]): TransitionGuard<C> {
  const all = (facts: C) => {
    for (const g of guards) {
      const why = g(facts);
      if (why) return why;
    }
    return null;
  };
  return Object.assign(all, { codes: guards.flatMap((g) => g.codes ?? []) });
}

/** One allowed move. `from: null` is the move that creates the row. Libs add their own fields (actors, action…). */
export interface Transition<S extends string, C = never> {
  from: S | null | readonly (S | null)[];
  to: S;
  guard?: TransitionGuard<C>;
  /** Shown in the README table and diagram. */
  note?: string;
}

export interface StateMachineDefinition<S extends string, C, T extends Transition<S, C>> {
  /** Names the machine in errors and docs, e.g. `Order`. */
  name: string;
  /** Every status, in the order the docs list them. */
  states: readonly S[];
  /** Statuses a row is created in (drawn as `[*] --> S`); moves `from: null` count as well. */
  initial?: readonly S[];
  transitions: readonly T[];
  /** The code of an illegal move. Defaults to INVALID_TRANSITION, the code clients already switch on. */
  errorCode?: string;
  /** The message of an illegal move (the default names the machine, from and to). */
  message?: (from: S | null, to: S | null) => string;
  /** Extra README table columns after From and To (Note is last when any transition has one). */
  columns?: ReadonlyArray<{ header: string; cell: (t: T) => string }>;
  /** The diagram's edge label; defaults to the note. */
  label?: (t: T) => string;
}

/** A move the table does not list. `details`: machine, from, to (plus what the caller adds, e.g. action). */
export class IllegalTransitionError extends AppError {
  constructor(
    code: string,
    message: string,
    readonly machine: string,
    readonly from: string | null,
    readonly to: string | null,
    details: Record<string, unknown> = {},
  ) {
    super(code, message, { machine, from, to, ...details });
  }
}

export interface AssertOptions {
  message?: string;
  details?: Record<string, unknown>;
}

export class StateMachine<S extends string, C = never, T extends Transition<S, C> = Transition<S, C>> {
  readonly name: string;
  readonly states: readonly S[];
  readonly transitions: readonly T[];
  readonly errorCode: string;

  constructor(private readonly def: StateMachineDefinition<S, C, T>) {
    this.name = def.name;
    this.states = def.states;
    this.transitions = def.transitions;
    this.errorCode = def.errorCode ?? ErrorCode.INVALID_TRANSITION;
    const known = new Set<string | null>([...def.states, null]);
    for (const t of def.transitions)
      for (const s of [...sourcesOf(t), t.to])
        if (!known.has(s)) throw new Error(`${def.name}: transition uses unknown state ${s}`);
  }

  /** Every listed move out of `from` that matches (a target status, or a predicate over the transition). */
  moves(from: S | null, match?: S | ((t: T) => boolean)): T[] {
    const test = typeof match === 'function' ? match : (t: T) => match === undefined || t.to === match;
    return this.transitions.filter((t) => sourcesOf(t).includes(from) && test(t));
  }

  canTransition(from: S | null, to: S): boolean {
    return this.moves(from, to).length > 0;
  }

  /** The move from → to (the first one `where` accepts, when several list the same move), or an IllegalTransitionError. */
  assertTransition(from: S | null, to: S, opts: AssertOptions & { where?: (t: T) => boolean } = {}): T {
    const moves = this.moves(from, to);
    const t = (opts.where && moves.find(opts.where)) || moves[0];
    if (!t) throw this.illegal(from, to, opts);
    return t;
  }

  /** The first move out of `from` that `match` accepts (e.g. by action), or an IllegalTransitionError. */
  assert(from: S | null, match: (t: T) => boolean, opts: AssertOptions = {}): T {
    const [t] = this.moves(from, match);
    if (!t) throw this.illegal(from, null, opts);
    return t;
  }

  /** Runs the transition's guard: an AppError with the guard's code and {from, to} when it refuses. */
  checkGuard(t: T, from: S | null, facts: C): void {
    const why = t.guard?.(facts);
    if (why) throw new AppError(why.code, why.message, { from, to: t.to });
  }

  /** Statuses a row may be in to move to `to` (for `UPDATE … WHERE status IN (…)`). */
  sourcesOf(to: S): S[] {
    const from = this.transitions.filter((t) => t.to === to).flatMap(sourcesOf);
    return this.states.filter((s) => from.includes(s));
  }

  /** Statuses reachable in one move from `from`. */
  targetsOf(from: S | null): S[] {
    const to = this.moves(from).map((t) => t.to);
    return this.states.filter((s) => to.includes(s));
  }

  illegal(from: S | null, to: S | null, opts: AssertOptions = {}): IllegalTransitionError {
    const message =
      opts.message ??
      this.def.message?.(from, to) ??
      `${this.name} ${from ? `in ${from}` : 'not yet created'} cannot ${to ? `become ${to}` : 'make this move'}`;
    return new IllegalTransitionError(this.errorCode, message, this.name, from, to, opts.details);
  }

  /** The transition table as Markdown: From | To | the definition's columns | Guards (their codes) | Note. */
  toMarkdownTable(): string {
    const columns = [...(this.def.columns ?? [])];
    if (this.transitions.some((t) => t.guard?.codes?.length))
      columns.push({ header: 'Guards', cell: (t) => (t.guard?.codes ?? []).map((c) => `\`${c}\``).join(', ') });
    if (this.transitions.some((t) => t.note)) columns.push({ header: 'Note', cell: (t) => t.note ?? '' });
    const head = ['From', 'To', ...columns.map((c) => c.header)];
    const rows = this.transitions.map((t) => [
      sourcesOf(t)
        .map((s) => (s === null ? '(new)' : `\`${s}\``))
        .join(', '),
      `\`${t.to}\``,
      ...columns.map((c) => c.cell(t)),
    ]);
    return [head, head.map(() => '---'), ...rows]
      .map((cells) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`)
      .join('\n');
  }

  /** A Mermaid state diagram: `[*]` into the initial statuses and out of the final ones (no move out). */
  toMermaid(): string {
    const label = this.def.label ?? ((t: T) => t.note ?? '');
    const initial = new Set<S>(this.def.initial ?? []);
    for (const t of this.transitions) if (sourcesOf(t).includes(null)) initial.add(t.to);
    const lines = ['stateDiagram-v2'];
    for (const s of this.states) if (initial.has(s)) lines.push(`  [*] --> ${s}`);
    const seen = new Set<string>();
    for (const t of this.transitions)
      for (const from of sourcesOf(t)) {
        if (from === null) continue;
        // Mermaid ends a label at these characters; the table keeps the full text.
        const text = label(t)
          .replace(/[:;#"]/g, '')
          .replace(/\s+/g, ' ')
          .trim();
        const edge = `  ${from} --> ${t.to}${text ? `: ${text}` : ''}`;
        if (!seen.has(edge)) lines.push(edge);
        seen.add(edge);
      }
    for (const s of this.states) if (this.targetsOf(s).length === 0) lines.push(`  ${s} --> [*]`);
    return lines.join('\n');
  }
}

function sourcesOf<S extends string>(t: { from: S | null | readonly (S | null)[] }): Array<S | null> {
  return Array.isArray(t.from) ? [...(t.from as readonly (S | null)[])] : [t.from as S | null];
}

/**
 * A lifecycle as data. `S` the statuses, `C` the facts guards see, `T` the transition type when the
 * lib adds fields (actors, action …): `defineStateMachine<OrderStatus, GuardContext, OrderTransition>({…})`.
 */
export function defineStateMachine<S extends string, C = never, T extends Transition<S, C> = Transition<S, C>>(
  def: StateMachineDefinition<S, C, T>,
): StateMachine<S, C, T> {
  return new StateMachine(def);
}
