import { describe, expect, it } from 'vitest';
import { landingPath } from './landing';

describe('landing page after sign-in', () => {
  it('sends coordinators and auditors to the statistics dashboard', () => {
    expect(landingPath({ roles: ['COORDINATOR'] })).toBe('/portal/stats');
    expect(landingPath({ roles: ['AUDITOR'] })).toBe('/portal/stats');
  });

  it('keeps everybody else on the home page', () => {
    expect(landingPath({ roles: ['PURCHASER'] })).toBe('/');
    expect(landingPath({ roles: ['PLATFORM_ADMIN'] })).toBe('/portal/admin');
    expect(landingPath(null)).toBe('/');
  });
});
