import { describe, expect, it } from 'vitest';
import { checkAddress, maskPhone } from './address';

const ok = { recipient: '张三', phone: '13812345678', regionCode: '520621100201', detail: '凯德街道 1 号' };

describe('checkAddress', () => {
  it('accepts a full address at county, town or village level', () => {
    expect(checkAddress(ok)).toEqual({});
    expect(checkAddress({ ...ok, regionCode: '520621000000' })).toEqual({});
  });
  it('names each problem', () => {
    expect(checkAddress({ recipient: '', phone: '123', regionCode: '520600000000', detail: '' })).toEqual({
      recipient: 'required',
      phone: 'phone',
      regionCode: 'regionLevel',
      detail: 'required',
    });
    expect(checkAddress({ ...ok, regionCode: '' }).regionCode).toBe('regionLevel');
    expect(checkAddress({ ...ok, detail: 'x'.repeat(201) }).detail).toBe('tooLong');
  });
});

describe('maskPhone', () => {
  it('hides the middle four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});
