import { describe, expect, it } from 'vitest';
import { badgeKind, shanghaiToday } from './certification';

describe('badgeKind', () => {
  const today = '2026-03-01';
  it('shows a certificate as valid only while CERTIFIED and within its dates', () => {
    expect(badgeKind({ status: 'CERTIFIED', certificateNo: 'GZ-1', validTo: '2026-03-01' }, today)).toBe('certified');
    expect(badgeKind({ status: 'CERTIFIED', certificateNo: 'GZ-1', validTo: '2026-02-28' }, today)).toBe('expired');
    expect(badgeKind({ status: 'EXPIRED', validTo: '2025-12-31' }, today)).toBe('expired');
    expect(badgeKind({ status: 'REVOKED' }, today)).toBe('revoked');
  });

  it('treats applications in review and rejected or missing ones as not certified', () => {
    expect(badgeKind({ status: 'PENDING' }, today)).toBe('pending');
    expect(badgeKind({ status: 'VERIFIED' }, today)).toBe('pending');
    expect(badgeKind({ status: 'REJECTED' }, today)).toBe('none');
    expect(badgeKind(null, today)).toBe('none');
  });
});

describe('shanghaiToday', () => {
  it('uses UTC+8 business days', () => {
    expect(shanghaiToday(new Date('2026-01-31T15:59:59Z'))).toBe('2026-01-31');
    expect(shanghaiToday(new Date('2026-01-31T16:00:00Z'))).toBe('2026-02-01');
  });
});
