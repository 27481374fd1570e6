import { lazyModule } from '@bangfu/core';

/** pinyin-pro's tables (about 12 MB resident) load on the first pinyin asked for, not at start. */
export const pinyin = (): (typeof import('pinyin-pro'))['pinyin'] => pinyinPro().pinyin;
const pinyinPro = lazyModule<typeof import('pinyin-pro')>('pinyin-pro');

/**
 * Full-pinyin search (cha → 茶, fanjingshan → 梵净山). Kept apart from search-text.ts so the
 * migration that re-indexes existing products can import it without jieba's dictionary.
 *
 * Documents: product.pinyin_tokens holds the toneless syllable of every Han character of the title,
 * in order (贵州梵净山绿茶 → gui zhou fan jing shan lv cha); PostgreSQL derives pinyin_vector from it.
 * Queries: Latin letters are split into syllables (fanjingshan → fan|jing|shan) and matched as a
 * phrase, so syllables must be adjacent in the title; exact syllables, not prefixes, because `cha`
 * as a prefix would also find chang (长) and chan (产). Only an unfinished last syllable (fanj) is a
 * prefix, for search-as-you-type.
 */

// Every toneless syllable pinyin-pro gives a CJK Unified Ideograph (ü written v), without the
// interjections m and ng, which would split ordinary words (e.g. "mng") into nonsense.
const SYLLABLES = new Set(
  `a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen ceng cha chai chan chang
  chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de
  den deng di dia dian diao die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang
  gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang
  hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai
  kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu long lou lu luan lun luo lv lve ma
  mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nian niang niao nie
  nin ning niu nong nou nu nuan nuo nv nve o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian
  qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru ruan rui run ruo sa sai san sang sao se
  sen seng sha shai shan shang shao she shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo
  ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang
  xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei
  zen zeng zha zhai zhan zhang zhao zhe zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui
  zun zuo`.split(/\s+/),
);
const LONGEST = 6;
/** Prefixes of syllables, for an unfinished last syllable. */
const PREFIXES = new Set([...SYLLABLES].flatMap((s) => [...s].map((_, i) => s.slice(0, i + 1))));

/** The syllables of a text's Han characters, space-joined (non-Han text is left out). */
export function pinyinSyllables(text: string): string {
  const normalized = text.normalize('NFKC');
  const out = (pinyin()(normalized, { type: 'array', toneType: 'none', v: true, nonZh: 'removed' }) as string[])
    .map((s) => s.toLowerCase())
    .filter((s) => /^[a-z]+$/.test(s));
  return out.join(' ');
}

/**
 * Splits Latin letters into pinyin syllables: the fewest syllables that spell the whole text (xian
 * is 先, not 西安), or all but an unfinished last piece. Null when the letters are not pinyin.
 */
export function splitPinyin(letters: string): { syllables: string[]; partial: string | null } | null {
  const s = letters.toLowerCase();
  if (!/^[a-z]{1,60}$/.test(s)) return null;
  // best[i]: fewest syllables spelling s[0, i); prev[i]: where its last syllable starts.
  const best: number[] = Array(s.length + 1).fill(Infinity);
  const prev: number[] = Array(s.length + 1).fill(-1);
  best[0] = 0;
  for (let i = 0; i < s.length; i++) {
    if (best[i] === Infinity) continue;
    // Longest first, so among equally short splits the earlier syllables are longer (changan → chang an).
    for (let len = Math.min(LONGEST, s.length - i); len >= 1; len--) {
      if (SYLLABLES.has(s.slice(i, i + len)) && best[i] + 1 < best[i + len]) {
        best[i + len] = best[i] + 1;
        prev[i + len] = i;
      }
    }
  }
  const walk = (end: number) => {
    const out: string[] = [];
    for (let at = end; at > 0; at = prev[at]) out.unshift(s.slice(prev[at], at));
    return out;
  };
  if (best[s.length] !== Infinity) return { syllables: walk(s.length), partial: null };
  for (let i = s.length - 1; i >= 0; i--) {
    if (best[i] !== Infinity && s.length - i < LONGEST && PREFIXES.has(s.slice(i)))
      return { syllables: walk(i), partial: s.slice(i) };
  }
  return null;
}

/** to_tsquery('simple', …) text matching the syllables as a phrase against pinyin_vector; null when not pinyin. */
export function pinyinQuery(letters: string): string | null {
  const split = splitPinyin(letters);
  if (!split) return null;
  const terms = [...split.syllables.map((x) => `'${x}'`), ...(split.partial ? [`'${split.partial}':*`] : [])];
  return terms.join(' <-> ');
}
