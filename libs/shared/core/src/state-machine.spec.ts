import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import {
  allGuards,
  defineStateMachine,
  guard,
  guardFailure,
  IllegalTransitionError,
  type Transition,
} from './state-machine';
import { replaceStatesSection, STATES_BEGIN, STATES_END, statesSection } from './state-machine-docs';

type Door = 'OPEN' | 'CLOSED' | 'LOCKED' | 'GONE';
interface Facts {
  hasKey: boolean;
  wet: boolean;
}
interface DoorMove extends Transition<Door, Facts> {
  action: string;
  actors: string[];
}

const door = defineStateMachine<Door, Facts, DoorMove>({
  name: 'Door',
  states: ['OPEN', 'CLOSED', 'LOCKED', 'GONE'],
  initial: ['CLOSED'],
  transitions: [
    { from: 'CLOSED', to: 'OPEN', action: 'OPEN', actors: ['GUEST'], note: 'opened' },
    { from: 'OPEN', to: 'CLOSED', action: 'CLOSE', actors: ['GUEST'] },
    {
      from: 'CLOSED',
      to: 'LOCKED',
      action: 'LOCK',
      actors: ['OWNER'],
      guard: allGuards<Facts>(
        guard('NO_KEY', 'You need the key', (f) => f.hasKey),
        (f) => (f.wet ? guardFailure('WET_LOCK', 'The lock is wet') : null),
      ),
      note: 'locked | with the key',
    },
    { from: 'CLOSED', to: 'LOCKED', action: 'LOCK', actors: ['JANITOR'], note: 'locked by the janitor' },
    { from: ['OPEN', 'CLOSED', 'LOCKED'], to: 'GONE', action: 'REMOVE', actors: ['OWNER'], note: 'taken: away' },
  ],
  columns: [{ header: 'Who', cell: (t) => t.actors.join(', ') }],
});

const codeOf = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? { code: e.code, details: e.details, message: e.message } : e;
  }
  return 'no error';
};

describe('defineStateMachine', () => {
  it('answers which moves the table lists', () => {
    expect(door.canTransition('CLOSED', 'OPEN')).toBe(true);
    expect(door.canTransition('OPEN', 'LOCKED')).toBe(false);
    expect(door.canTransition('GONE', 'OPEN')).toBe(false);
    expect(door.sourcesOf('GONE')).toEqual(['OPEN', 'CLOSED', 'LOCKED']);
    expect(door.sourcesOf('LOCKED')).toEqual(['CLOSED']);
    expect(door.targetsOf('CLOSED')).toEqual(['OPEN', 'LOCKED', 'GONE']);
    expect(door.targetsOf('GONE')).toEqual([]);
  });

  it('an illegal move is a typed error with the default code INVALID_TRANSITION and machine/from/to', () => {
    const e = (() => {
      try {
        door.assertTransition('OPEN', 'LOCKED');
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(IllegalTransitionError);
    expect(e).toBeInstanceOf(AppError);
    expect(codeOf(() => door.assertTransition('OPEN', 'LOCKED'))).toEqual({
      code: 'INVALID_TRANSITION',
      details: { machine: 'Door', from: 'OPEN', to: 'LOCKED' },
      message: 'Door in OPEN cannot become LOCKED',
    });
    expect((e as AppError).httpStatus).toBe(400);
  });

  it('keeps a lib’s own code, message and details', () => {
    const m = defineStateMachine<Door>({
      name: 'Door',
      states: ['OPEN', 'CLOSED', 'LOCKED', 'GONE'],
      transitions: [{ from: 'OPEN', to: 'CLOSED' }],
      errorCode: 'DOOR_STUCK',
      message: (from, to) => `stuck in ${from} (wanted ${to})`,
    });
    expect(codeOf(() => m.assertTransition('CLOSED', 'OPEN', { details: { field: 'id' } }))).toEqual({
      code: 'DOOR_STUCK',
      details: { machine: 'Door', from: 'CLOSED', to: 'OPEN', field: 'id' },
      message: 'stuck in CLOSED (wanted OPEN)',
    });
    expect(codeOf(() => m.assertTransition('CLOSED', 'OPEN', { message: 'nope' }))).toMatchObject({ message: 'nope' });
  });

  it('picks the move by actor or by action when several list the same move', () => {
    expect(door.assertTransition('CLOSED', 'LOCKED', { where: (t) => t.actors.includes('JANITOR') }).note).toBe(
      'locked by the janitor',
    );
    // No entry for this actor: the first listed move, so the caller can answer FORBIDDEN rather than illegal.
    expect(door.assertTransition('CLOSED', 'LOCKED', { where: (t) => t.actors.includes('GUEST') }).actors).toEqual([
      'OWNER',
    ]);
    expect(door.assert('OPEN', (t) => t.action === 'CLOSE').to).toBe('CLOSED');
    expect(codeOf(() => door.assert('LOCKED', (t) => t.action === 'OPEN'))).toMatchObject({
      code: 'INVALID_TRANSITION',
      details: { machine: 'Door', from: 'LOCKED', to: null },
    });
  });

  it('runs guards as data: the first failing guard’s code, with from and to', () => {
    const lock = door.assertTransition('CLOSED', 'LOCKED');
    expect(codeOf(() => door.checkGuard(lock, 'CLOSED', { hasKey: false, wet: true }))).toEqual({
      code: 'NO_KEY',
      details: { from: 'CLOSED', to: 'LOCKED' },
      message: 'You need the key',
    });
    expect(codeOf(() => door.checkGuard(lock, 'CLOSED', { hasKey: true, wet: true }))).toMatchObject({
      code: 'WET_LOCK',
    });
    expect(codeOf(() => door.checkGuard(lock, 'CLOSED', { hasKey: true, wet: false }))).toBe('no error');
  });

  it('refuses a definition that names an unknown state', () => {
    expect(() =>
      defineStateMachine<Door>({ name: 'Bad', states: ['OPEN'], transitions: [{ from: 'OPEN', to: 'GONE' }] }),
    ).toThrow('Bad: transition uses unknown state GONE');
  });

  it('renders the table and the Mermaid diagram from the definition', () => {
    expect(door.toMarkdownTable()).toBe(
      [
        '| From | To | Who | Guards | Note |',
        '| --- | --- | --- | --- | --- |',
        '| `CLOSED` | `OPEN` | GUEST |  | opened |',
        '| `OPEN` | `CLOSED` | GUEST |  |  |',
        '| `CLOSED` | `LOCKED` | OWNER | `NO_KEY` | locked \\| with the key |',
        '| `CLOSED` | `LOCKED` | JANITOR |  | locked by the janitor |',
        '| `OPEN`, `CLOSED`, `LOCKED` | `GONE` | OWNER |  | taken: away |',
      ].join('\n'),
    );
    expect(door.toMermaid()).toBe(
      [
        'stateDiagram-v2',
        '  [*] --> CLOSED',
        '  CLOSED --> OPEN: opened',
        '  OPEN --> CLOSED',
        '  CLOSED --> LOCKED: locked | with the key',
        '  CLOSED --> LOCKED: locked by the janitor',
        '  OPEN --> GONE: taken away',
        '  CLOSED --> GONE: taken away',
        '  LOCKED --> GONE: taken away',
        '  GONE --> [*]',
      ].join('\n'),
    );
  });

  it('draws a creating move (from null) as an initial state', () => {
    const m = defineStateMachine<Door>({
      name: 'Made',
      states: ['OPEN', 'CLOSED'],
      transitions: [
        { from: null, to: 'OPEN', note: 'built' },
        { from: 'OPEN', to: 'CLOSED' },
      ],
    });
    expect(m.toMermaid()).toBe('stateDiagram-v2\n  [*] --> OPEN\n  OPEN --> CLOSED\n  CLOSED --> [*]');
    expect(m.toMarkdownTable()).toContain('| (new) | `OPEN` | built |');
    expect(m.assertTransition(null, 'OPEN').note).toBe('built');
  });
});

describe('README States section', () => {
  it('replaces only what is between the markers, and appends the section when there is none', () => {
    const section = statesSection([door]);
    expect(section.startsWith(STATES_BEGIN)).toBe(true);
    expect(section.endsWith(STATES_END)).toBe(true);
    expect(section).toContain('### Door');
    expect(section).toContain('```mermaid\nstateDiagram-v2');
    const stale = `# Lib\n\nintro\n\n${STATES_BEGIN}\nold table\n${STATES_END}\n\n## Tests\n`;
    expect(replaceStatesSection(stale, [door])).toBe(`# Lib\n\nintro\n\n${section}\n\n## Tests\n`);
    expect(replaceStatesSection('# Lib\n\nintro\n', [door])).toBe(`# Lib\n\nintro\n\n${section}\n`);
  });
});
