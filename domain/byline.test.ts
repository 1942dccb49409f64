import { describe, expect, it } from 'vitest';
import { articleCreators, formatByline, formatCredits, parseReporters } from './byline';

describe('formatByline', () => {
  it('prints the site name alone when no reporter is named', () => {
    expect(formatByline('民生网', [])).toBe('民生网讯');
  });
  it('groups reporters and correspondents', () => {
    expect(
      formatByline('民生网', [
        { name: '甲', role: 'reporter' },
        { name: '丙', role: 'correspondent' },
        { name: '乙', role: 'reporter' },
      ]),
    ).toBe('民生网讯(记者 甲 乙 通讯员 丙)');
  });
  it('prints correspondents alone and ignores blank names', () => {
    expect(formatByline(' 民生网 ', [{ name: '  丁 ', role: 'correspondent' }, { name: ' ', role: 'reporter' }])).toBe('民生网讯(通讯员 丁)');
  });
});

describe('formatCredits', () => {
  it('prints the team credit with the full formal name and the responsible editor', () => {
    expect(formatCredits({ teamName: '自治区某厅驻某村工作队', editorName: '李编辑' })).toEqual(['(供稿:自治区某厅驻某村工作队)', '(责任编辑:李编辑)']);
  });
  it('falls back to the credit text when no team is linked', () => {
    expect(formatCredits({ teamName: null, creditText: '某单位', editorName: '' })).toEqual(['(供稿:某单位)']);
  });
  it('prints nothing when there is nothing to credit', () => {
    expect(formatCredits({})).toEqual([]);
  });
});

describe('parseReporters', () => {
  it('reads roles from the line', () => {
    expect(parseReporters('记者 甲 乙 通讯员 丙')).toEqual([
      { name: '甲', role: 'reporter' },
      { name: '乙', role: 'reporter' },
      { name: '丙', role: 'correspondent' },
    ]);
  });
  it('reads glued roles and list separators', () => {
    expect(parseReporters('记者甲、通讯员乙')).toEqual([
      { name: '甲', role: 'reporter' },
      { name: '乙', role: 'correspondent' },
    ]);
  });
  it('formats what it parses back to the same line', () => {
    expect(formatByline('民生网', parseReporters('记者 甲 通讯员 乙 丙'))).toBe('民生网讯(记者 甲 通讯员 乙 丙)');
  });
});

describe('articleCreators', () => {
  const none = { reporters: [], author: '', teamName: null, creditText: '' };
  it('names the reporters and correspondents, once each', () => {
    expect(
      articleCreators({
        ...none,
        author: '作者行',
        reporters: [
          { name: ' 甲 ', role: 'reporter' },
          { name: '乙', role: 'correspondent' },
          { name: '甲', role: 'reporter' },
          { name: ' ', role: 'reporter' },
        ],
      }),
    ).toEqual([
      { kind: 'person', name: '甲' },
      { kind: 'person', name: '乙' },
    ]);
  });
  it('falls back to the author line, then to the contributing team', () => {
    expect(articleCreators({ ...none, author: ' 本网记者 丁 ', teamName: '某工作队' })).toEqual([{ kind: 'person', name: '本网记者 丁' }]);
    expect(articleCreators({ ...none, teamName: '某工作队' })).toEqual([{ kind: 'organization', name: '某工作队' }]);
    expect(articleCreators({ ...none, creditText: '某单位' })).toEqual([{ kind: 'organization', name: '某单位' }]);
    expect(articleCreators(none)).toEqual([]);
  });
});
