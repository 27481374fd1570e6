import type { Jieba } from '@node-rs/jieba';
import { lazyModule } from '@bangfu/core';
import { pinyin, pinyinSyllables, splitPinyin } from './pinyin-tokens';

/**
 * Chinese search text. PostgreSQL cannot segment Chinese, so we do it here with jieba and store the
 * result in product.search_tokens (search_vector is generated from it with the 'simple' config).
 *
 * Recall: a dictionary segmenter alone misses words it splits differently (城口山地鸡 → 城/口/山地/鸡,
 * so 城口 would not match). We therefore also index every Han character in order, and a query word
 * matches either as a word or as a phrase of its characters (城 <-> 口), which is substring matching
 * over the indexed text. Full pinyin of the title's words is indexed for Latin-letter queries
 * (fanjingshan); pinyin initials (fjs) live in pinyin_initials and are matched with ILIKE.
 */

const jiebaModule = lazyModule<typeof import('@node-rs/jieba')>('@node-rs/jieba');
const jiebaDict = lazyModule<typeof import('@node-rs/jieba/dict.js')>('@node-rs/jieba/dict.js');
let jieba: Jieba | null = null;
/**
 * The segmenter and its dictionary (about 25 MB resident) are loaded on first use — the first search
 * or product write — not at start: most of the API's requests never segment anything.
 */
function segmenter(): Jieba {
  return (jieba ??= jiebaModule().Jieba.withDict(jiebaDict().dict));
}

const HAN = /\p{Script=Han}/u;
const HAN_ALL = /\p{Script=Han}/gu;
const TOKEN = /^[\p{Script=Han}a-z0-9]+$/u;

/** Full-width to half-width, lowercase; everything compared goes through this. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Search-mode segments (食用菌 → 食用, 食用菌), keeping only Han and Latin-letter/digit words. */
export function segment(text: string): string[] {
  const out: string[] = [];
  for (const raw of segmenter().cutForSearch(normalizeText(text), true)) {
    // Segments can carry punctuation or mix scripts (500g装 → 500g, 装); split on anything else.
    for (const piece of raw.split(/[^\p{Script=Han}a-z0-9]+/u)) if (piece && TOKEN.test(piece)) out.push(piece);
  }
  return out;
}

export function hanChars(text: string): string[] {
  return normalizeText(text).match(HAN_ALL) ?? [];
}

function pinyinOf(word: string, pattern: 'first' | 'pinyin'): string {
  return (pinyin()(word, { pattern, toneType: 'none', type: 'array', v: true }) as string[])
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export interface SearchDocument {
  title: string;
  description?: string | null;
  categoryNames?: string[];
  regionNames?: string[];
}

/** What product.search_tokens, pinyin_initials and pinyin_tokens (full-pinyin syllables of the title) hold for a product. */
export function searchTokens(doc: SearchDocument): {
  searchTokens: string;
  pinyinInitials: string;
  pinyinTokens: string;
} {
  const fields = [doc.title, doc.description ?? '', ...(doc.categoryNames ?? []), ...(doc.regionNames ?? [])].filter(
    (f) => f.trim(),
  );
  const words = new Set<string>();
  for (const f of fields) for (const w of segment(f)) words.add(w);
  const titleWords = segment(doc.title).filter((w) => HAN.test(w));
  // Single characters' pinyin (que, she) would match far too much; words only.
  const fullPinyin = new Set(titleWords.filter((w) => [...w].length > 1).map((w) => pinyinOf(w, 'pinyin')));
  // Characters last, field by field, so a phrase of characters only matches where they are adjacent.
  const chars = fields.map((f) => hanChars(f).join(' ')).filter(Boolean);
  const tokens = [...words, ...fullPinyin, ...chars].join(' ');

  const initialsOf = [
    doc.title,
    ...titleWords,
    ...(doc.categoryNames ?? []),
    ...(doc.regionNames ?? []).flatMap((n) => [n, ...segment(n)]),
  ];
  const initials = new Set(
    initialsOf
      .filter((w) => HAN.test(w))
      .map((w) => pinyinOf(w, 'first'))
      .filter((p) => p.length > 1),
  );
  return { searchTokens: tokens, pinyinInitials: [...initials].join(' '), pinyinTokens: pinyinSyllables(doc.title) };
}

export interface ParsedQuery {
  /** to_tsquery('simple', …) text requiring every part of the query; null when nothing is searchable. */
  all: string | null;
  /** Looser form (any word of two characters or more) for when `all` finds nothing. */
  any: string | null;
  /** The words of `any` one by one: how many of them a product has ranks it in the looser search. */
  anyTerms: string[];
  /** The query without spaces, for title ILIKE and similarity. */
  compact: string;
  /** Latin letters only (fjs, fanjingshan): also matched against pinyin initials. */
  latin: boolean;
}

/** Lexemes are only Han runs or [a-z0-9]+ (see segment), so quoting them cannot break the query syntax. */
const lex = (w: string) => `'${w}'`;
const phrase = (chars: string[]) => (chars.length === 1 ? lex(chars[0]) : `(${chars.map(lex).join(' <-> ')})`);

function wordTerm(w: string): string {
  if (HAN.test(w)) {
    const chars = [...w];
    return chars.length === 1 ? lex(w) : `(${lex(w)} | ${phrase(chars)})`;
  }
  // Latin words that spell whole pinyin syllables (cha, fanjing) are matched as pinyin by
  // pinyin_vector, unfinished syllables included; as a prefix here, cha would also find 长寿 (changshou).
  const pinyin = splitPinyin(w);
  if (pinyin && !pinyin.partial) return lex(w);
  // Other Latin words match as prefixes, while typing.
  return w.length >= 2 ? `${lex(w)}:*` : lex(w);
}

/**
 * Runs of single Han characters are where the segmenter found no word (城口 → 城/口): they must be
 * adjacent in the document too, so they are joined back into one phrase term.
 */
function groupSingles(words: string[]): string[] {
  const out: string[] = [];
  let run = '';
  for (const w of words) {
    if (HAN.test(w) && [...w].length === 1) {
      run += w;
      continue;
    }
    if (run) out.push(run);
    run = '';
    out.push(w);
  }
  if (run) out.push(run);
  return out;
}

/** Segments a query exactly as documents are segmented and builds the tsquery texts. */
export function parseQuery(search: string): ParsedQuery {
  const text = normalizeText(search).trim();
  const compact = text.replace(/\s+/g, '');
  const latin = /^[a-z]+$/.test(compact);
  const parts: string[] = [];
  const loose = new Set<string>();
  for (const part of text.split(/[\s,，、;；/|]+/u).filter(Boolean)) {
    const words = segment(part);
    if (words.length === 0) continue;
    const chars = hanChars(part);
    const terms = groupSingles(words).map(wordTerm);
    const byWords = terms.length === 1 ? terms[0] : `(${terms.join(' & ')})`;
    // The whole Han run as a phrase catches text the segmenter split another way (城口 in 城口山地鸡).
    parts.push(chars.length > 1 && terms.length > 1 ? `(${byWords} | ${phrase(chars)})` : byWords);
    for (const w of words) if ([...w].length > 1) loose.add(wordTerm(w));
  }
  const all = parts.length ? parts.join(' & ') : null;
  const any = loose.size > 1 ? [...loose].join(' | ') : null;
  return { all, any, anyTerms: any ? [...loose] : [], compact, latin };
}
