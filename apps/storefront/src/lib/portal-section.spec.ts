import { describe, expect, it } from 'vitest';
import { portalSection } from './portal-section';

describe('portalSection', () => {
  const sections = ['orders', 'users'];

  it('names the landing section and the known ones (a trailing slash is the same page)', () => {
    expect(portalSection(undefined, sections)).toBe('');
    expect(portalSection('', sections)).toBe('');
    expect(portalSection('orders', sections)).toBe('orders');
    expect(portalSection('users/', sections)).toBe('users');
  });

  it('leaves unknown sections and extra segments to the not-found page', () => {
    expect(portalSection('transfers', sections)).toBeNull();
    expect(portalSection('Orders', sections)).toBeNull();
    expect(portalSection('users/42', sections)).toBeNull();
  });
});
