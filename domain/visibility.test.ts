import { describe, expect, it } from 'vitest';
import { ARTICLE_STATUSES } from './workflow';
import { isPubliclyVisible } from './visibility';

const now = new Date('2026-06-01T12:00:00Z');
const past = '2026-06-01T11:00:00Z';
const future = '2026-06-01T13:00:00Z';

describe('isPubliclyVisible', () => {
  it('shows published articles only when not expired', () => {
    expect(isPubliclyVisible({ status: 'published', publishAt: null, unpublishAt: null }, now)).toBe(true);
    expect(isPubliclyVisible({ status: 'published', publishAt: null, unpublishAt: future }, now)).toBe(true);
    expect(isPubliclyVisible({ status: 'published', publishAt: null, unpublishAt: past }, now)).toBe(false);
  });
  it('shows scheduled articles once their time has come', () => {
    expect(isPubliclyVisible({ status: 'scheduled', publishAt: past, unpublishAt: null }, now)).toBe(true);
    expect(isPubliclyVisible({ status: 'scheduled', publishAt: future, unpublishAt: null }, now)).toBe(false);
    expect(isPubliclyVisible({ status: 'scheduled', publishAt: null, unpublishAt: null }, now)).toBe(false);
  });
  it('never shows any other state', () => {
    for (const status of ARTICLE_STATUSES.filter((s) => s !== 'published' && s !== 'scheduled')) {
      expect(isPubliclyVisible({ status, publishAt: past, unpublishAt: null }, now)).toBe(false);
    }
  });
});
