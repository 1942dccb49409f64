import { describe, expect, it } from 'vitest';
import { highlight, parseQuery, searchVector, snippet, tokenize } from './search';

const lexemes = (text: string) => tokenize(text).tokens.map((t) => `${t.lexeme}@${t.pos}`);

describe('tokenize', () => {
  it('indexes a Han run as overlapping bigrams plus its last character', () => {
    expect(lexemes('脱贫攻坚')).toEqual(['脱贫@1', '贫攻@2', '攻坚@3', '坚@4']);
  });
  it('keeps a single Han character, and splits letters from digits', () => {
    expect(lexemes('新ICP备14002711号')).toEqual(['新@1', 'icp@2', '备@3', '14002711@4', '号@5']);
  });
  it('folds full-width letters and digits and upper case', () => {
    expect(lexemes('ＩＣＰ２０１９')).toEqual(['icp@1', '2019@2']);
  });
  it('leaves a position gap at punctuation but not at spaces', () => {
    expect(lexemes('民生,新闻')).toEqual(['民生@1', '生@2', '新闻@4', '闻@5']);
    expect(lexemes('2019 年')).toEqual(['2019@1', '年@2']);
  });
  it('tokenizes Uyghur and other scripts as words', () => {
    expect(lexemes('ئۇيغۇر tili')).toEqual(['ئۇيغۇر@1', 'tili@2']);
  });
});

describe('searchVector', () => {
  it('weights fields and keeps them apart', () => {
    expect(searchVector([['A', '民生'], ['C', '民生网']])).toBe("'民生':1A,5C '生':2A '生网':6C '网':7C");
  });
  it('quotes what the tsvector syntax needs', () => {
    expect(searchVector([['A', "o'neil"]])).toBe("'o':1A 'neil':3A");
  });
  it('is empty for empty text', () => {
    expect(searchVector([['A', ''], ['C', '。。']])).toBe('');
  });
});

describe('parseQuery', () => {
  it('makes a phrase of a Chinese word', () => {
    expect(parseQuery('脱贫攻坚')).toMatchObject({ tsquery: "('脱贫' <1> '贫攻' <1> '攻坚')", anyOrder: "'脱贫' & '贫攻' & '攻坚'" });
  });
  it('lets a single trailing character match the start of a longer run', () => {
    expect(parseQuery('2019年')?.tsquery).toBe("('2019' <1> '年':*)");
    expect(parseQuery('年')?.tsquery).toBe("'年':*");
  });
  it('needs the inner run to end where the query continues', () => {
    expect(parseQuery('扶贫ICP')?.tsquery).toBe("('扶贫' <1> '贫' <1> 'icp')");
  });
  it('ANDs space-separated terms and ignores bare punctuation', () => {
    expect(parseQuery(' 民生  ICP ，')?.tsquery).toBe("'民生' & 'icp'");
    expect(parseQuery('!!! 。')).toBeNull();
    expect(parseQuery('')).toBeNull();
  });
  it('cannot be broken by quotes, backslashes or tsquery operators', () => {
    const q = parseQuery("a'b \\ & | ! <-> :* (")!;
    expect(q.tsquery).toBe("('a' <2> 'b')");
  });
});

describe('highlight and snippet', () => {
  it('marks every occurrence, folded, in the original text', () => {
    expect(highlight('新ＩＣＰ备与icp', ['icp'])).toEqual([
      { text: '新', hit: false },
      { text: 'ＩＣＰ', hit: true },
      { text: '备与', hit: false },
      { text: 'icp', hit: true },
    ]);
  });
  it('cuts a window around the hits with ellipses', () => {
    const text = '甲'.repeat(300) + '脱贫攻坚' + '乙'.repeat(300);
    const segs = snippet(text, ['脱贫攻坚'], 60);
    expect(segs[0]).toEqual({ text: '…', hit: false });
    expect(segs.at(-1)).toEqual({ text: '…', hit: false });
    expect(segs.filter((s) => s.hit).map((s) => s.text)).toEqual(['脱贫攻坚']);
    expect(segs.map((s) => s.text).join('').length).toBe(62);
  });
  it('starts at the beginning when nothing matches', () => {
    expect(snippet('短文本', ['无'], 60)).toEqual([{ text: '短文本', hit: false }]);
  });
});
