import { describe, expect, it } from 'vitest';
import { landingPath } from './landing';

describe('landing page after sign-in', () => {
  it('sends coordinators and auditors to the statistics dashboard', () => {
    expect(landingPath({ roles: ['COORDINATOR'] })).toBe('/portal/stats');
    expect(landingPath({ roles: ['AUDITOR'] })).toBe('/portal/stats');
  });

  it('sends farmers to their produce page, also once they run a family farm', () => {
    expect(landingPath({ roles: ['FARMER'] })).toBe('/produce');
    expect(landingPath({ roles: ['FARMER', 'SUPPLIER_ADMIN'] })).toBe('/produce');
  });

  it('sends agency and supplier roles to their daily work', () => {
    expect(landingPath({ roles: ['PURCHASER'] })).toBe('/portal/agency/requests');
    expect(landingPath({ roles: ['APPROVER'] })).toBe('/portal/agency/approvals');
    expect(landingPath({ roles: ['AGENCY_ADMIN'] })).toBe('/portal/agency');
    expect(landingPath({ roles: ['SUPPLIER_ADMIN'] })).toBe('/portal/supplier/orders');
    expect(landingPath({ roles: ['SUPPLIER_STAFF'] })).toBe('/portal/supplier/orders');
  });

  it('lands a person with several roles on the most senior one', () => {
    expect(landingPath({ roles: ['PURCHASER', 'APPROVER'] })).toBe('/portal/agency/approvals');
    expect(landingPath({ roles: ['PURCHASER', 'AGENCY_ADMIN'] })).toBe('/portal/agency');
    expect(landingPath({ roles: ['SUPPLIER_ADMIN', 'COORDINATOR'] })).toBe('/portal/stats');
  });

  it('keeps customers and visitors on the home page', () => {
    expect(landingPath({ roles: ['CUSTOMER'] })).toBe('/');
    expect(landingPath({ roles: [] })).toBe('/');
    expect(landingPath({ roles: ['PLATFORM_ADMIN'] })).toBe('/portal/admin');
    expect(landingPath(null)).toBe('/');
  });
});
