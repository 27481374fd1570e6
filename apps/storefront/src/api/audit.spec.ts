import { describe, expect, it } from 'vitest';
import { changeRows, cleanFilter, parseSummary } from './audit';

describe('audit log helpers', () => {
  it('reads a stored summary and lists the changed fields in order', () => {
    const s = parseSummary(
      '{"args":{"id":"x"},"before":{"status":"APPLIED","note":null},"after":{"status":"APPROVED","reason":"ok"}}',
    );
    expect(changeRows(s)).toEqual([
      { field: 'note', before: 'null', after: '—' },
      { field: 'reason', before: '—', after: 'ok' },
      { field: 'status', before: 'APPLIED', after: 'APPROVED' },
    ]);
    expect(changeRows(parseSummary('{"args":{}}'))).toEqual([]);
    expect(parseSummary('not json')).toBeNull();
    expect(parseSummary('[1]')).toBeNull();
  });

  it('sends only the filled-in filters, trimmed', () => {
    expect(cleanFilter({ operation: ' placeOrder ', entityId: '', regionCode: '5206', from: '   ' })).toEqual({
      operation: 'placeOrder',
      regionCode: '5206',
    });
  });
});
