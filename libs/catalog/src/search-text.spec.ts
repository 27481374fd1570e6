import { describe, expect, it } from 'vitest';
import { parseQuery, searchTokens, segment } from './search-text';

describe('Chinese search text', () => {
  it('segments with jieba in search mode, keeping the long word and its parts', () => {
    expect(segment('汉中食用菌礼包')).toEqual(expect.arrayContaining(['汉中', '食用菌', '礼包']));
    expect(segment('贵州梵净山绿茶礼盒')).toEqual(['贵州', '梵净山', '绿茶', '礼盒']);
    // punctuation and mixed scripts are split off; Latin is lowercased
    expect(segment('有机·500G装！')).toEqual(expect.arrayContaining(['有机', '500g', '装']));
  });

  it('indexes words, every Han character in order, full pinyin of the title, and pinyin initials', () => {
    const { searchTokens: tokens, pinyinInitials } = searchTokens({
      title: '城口山地鸡',
      regionNames: ['重庆市', '城口县'],
    });
    const list = tokens.split(' ');
    expect(list).toEqual(expect.arrayContaining(['山地', '鸡', '城口县', 'shandi']));
    // the characters of the title appear adjacently, so 城 <-> 口 matches although jieba split them
    expect(tokens).toContain('城 口 山 地 鸡');
    expect(pinyinInitials.split(' ')).toEqual(expect.arrayContaining(['cksdj', 'ckx']));
    expect(searchTokens({ title: '贵州梵净山绿茶礼盒' }).pinyinInitials.split(' ')).toEqual(
      expect.arrayContaining(['gzfjslclh', 'fjs']),
    );
  });

  it('builds a tsquery that accepts a word or its characters as a phrase', () => {
    expect(parseQuery('梵净山').all).toBe("('梵净山' | ('梵' <-> '净' <-> '山'))");
    // 城口 is cut into single characters: they are joined back into one phrase term
    expect(parseQuery('城口').all).toBe("('城口' | ('城' <-> '口'))");
    const q = parseQuery('汉中 绿茶');
    expect(q.all).toBe("('汉中' | ('汉' <-> '中')) & ('绿茶' | ('绿' <-> '茶'))");
    expect(q.any).toContain(' | ');
    expect(q.compact).toBe('汉中绿茶');
  });

  it('treats Latin-letter queries as pinyin candidates and never lets syntax through', () => {
    const q = parseQuery('FJS');
    expect(q.latin).toBe(true);
    expect(q.all).toBe("'fjs':*");
    expect(parseQuery("梵净山' | !x & (").all).not.toMatch(/[!(]\s*$/);
    expect(parseQuery("a'b").all).toBe("('a' & 'b')");
    expect(parseQuery('！？。').all).toBeNull();
  });
});
