import { describe, expect, it } from 'vitest';
import { checkPhotoFile, MAX_PHOTO_BYTES } from './aftersales';

describe('complaint photos, checked before upload', () => {
  it('takes JPEG, PNG and WebP up to 5 MB; refuses other types, empty files and larger ones', () => {
    expect(checkPhotoFile({ type: 'image/png', size: 10 })).toBeNull();
    expect(checkPhotoFile({ type: 'image/webp', size: MAX_PHOTO_BYTES })).toBeNull();
    expect(checkPhotoFile({ type: 'application/pdf', size: 10 })).toBe('type');
    expect(checkPhotoFile({ type: 'image/jpeg', size: 0 })).toBe('empty');
    expect(checkPhotoFile({ type: 'image/jpeg', size: MAX_PHOTO_BYTES + 1 })).toBe('size');
  });
});
