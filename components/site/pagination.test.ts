import { describe, expect, it } from 'vitest';
import { pageWindow } from './pagination';

describe('pageWindow', () => {
  it('shows every page of a short listing', () => {
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
  });
  it('shows first, last and the neighbourhood with gaps deep in the archive', () => {
    expect(pageWindow(200, 400)).toEqual([1, null, 198, 199, 200, 201, 202, null, 400]);
  });
  it('has no gap where the window touches the ends', () => {
    expect(pageWindow(3, 10)).toEqual([1, 2, 3, 4, 5, null, 10]);
    expect(pageWindow(9, 10)).toEqual([1, null, 7, 8, 9, 10]);
  });
});
