import { describe, expect, it } from 'vitest';
import { encodeToken, foldChar, indexText, isWordChar, matchRanges, normalizeWord, parseQuery, words } from '../../common/search';

const token = (word: string) => normalizeWord(words(word)[0]!.folded);

/** Inflections that must find each other: [what is typed, what is written]. */
const mustMatch: Array<[string, string]> = [
  ['bekymringer', 'bekymringen'], ['bekymring', 'bekymringerne'], ['sover', 'sov'], ['sove', 'sovet'], ['legede', 'leger'],
  ['leg', 'legede'], ['jordemor', 'jordemoderen'], ['jordemoder', 'jordemødre'], ['mor', 'moderen'], ['mor', 'mødrene'],
  ['far', 'faderen'], ['far', 'fædre'], ['bror', 'broderen'], ['bror', 'brødre'], ['barn', 'børn'], ['barnet', 'børnene'],
  ['spædbarn', 'spædbarnet'], ['søster', 'søstre'], ['mand', 'mænd'], ['hånd', 'hænderne'], ['fod', 'fødder'], ['nat', 'nætter'],
  ['midnat', 'midnatten'], ['tand', 'tænder'], ['morgen', 'morgenen'], ['gik', 'gå'], ['går', 'gået'], ['kom', 'kommer'],
  ['sagde', 'sige'], ['gjorde', 'gøre'], ['havde', 'har'], ['lå', 'ligger'], ['sad', 'sidder'], ['drak', 'drikke'], ['hjalp', 'hjælper'],
  ['fandt', 'finder'], ['fik', 'får'], ['skrev', 'skriver'], ['græd', 'græder'], ['spiste', 'spiser'], ['læste', 'læse'], ['kørte', 'køre'],
  ['købte', 'købe'], ['mødte', 'møde'], ['hentede', 'hente'], ['trøstede', 'trøster'], ['smilede', 'smiler'], ['ammede', 'ammer'],
  ['glad', 'glade'], ['søvn', 'Søvnen'], ['ÆBLEGRØD', 'æblegrød'], ['sundhedsplejerske', 'sundhedsplejersken'], ['netværk', 'netværket'],
  ['tog', 'tager'], ['spurgte', 'spørger'], ['valgte', 'vælge'], ['fortalte', 'fortæller'], ['lagde', 'lægger'], ['café', 'cafe'],
];

/** False friends that must not find each other. */
const mustNotMatch: Array<[string, string]> = [
  ['mor', 'morgen'], ['far', 'farlig'], ['mod', 'moderen'], ['mor', 'humor'], ['bror', 'brod'], ['barn', 'barnevogn'],
  ['nat', 'natur'], ['hånd', 'håndklæde'], ['tand', 'afstand'], ['sov', 'sovs'], ['leg', 'legeme'], ['græd', 'grød'],
  ['ae', 'æ'], ['aa', 'å'], ['mand', 'mandag'], ['fod', 'foder'], ['søster', 'søstersøn'], ['kaste', 'kas'], ['sagte', 'sag'],
];

describe('Danish words: one token per word, inflections alike, false friends apart', () => {
  it(`${mustMatch.length} inflected pairs match`, () => {
    expect(mustMatch.length + mustNotMatch.length).toBeGreaterThanOrEqual(50);
    for (const [a, b] of mustMatch) expect(token(a), `${a} ~ ${b}`).toBe(token(b));
  });

  it(`${mustNotMatch.length} false friends stay apart`, () => {
    for (const [a, b] of mustNotMatch) expect(token(a), `${a} ≠ ${b}`).not.toBe(token(b));
  });

  it('a query matches whole words by token; only the live query matches the word being typed as a prefix', () => {
    expect(parseQuery('mor morgen')).toEqual({ terms: [token('mor'), token('morgen')], phrases: [], prefix: null });
    expect(parseQuery('sundhedsplejer', { live: true })).toEqual({ terms: [], phrases: [], prefix: 'sundhedsplejer' });
    expect(parseQuery('mor sundhedsplejer ', { live: true }).prefix).toBeNull();
    expect(parseQuery('»mor sov« glad').phrases).toEqual([[token('mor'), token('sov')]]);
    expect(parseQuery('"mor sov" glad').terms).toEqual([token('glad')]);
  });

  it('highlights the words a query matched, and phrases only in their order', () => {
    const text = 'Moderen sov. Sov mor?';
    expect(matchRanges(text, parseQuery('mor')).map(([s, e]) => text.slice(s, e))).toEqual(['Moderen', 'mor']);
    expect(matchRanges(text, parseQuery('"mor sov"')).map(([s, e]) => text.slice(s, e))).toEqual(['Moderen', 'sov']);
  });
});

describe('one rule for where words start and end, over the whole Unicode range', () => {
  it('every code point either joins a word or separates words — the same for index, query and highlighting — and encodes to ASCII word characters', () => {
    let joining = 0;
    let separating = 0;
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue; // surrogate halves are not characters
      const c = String.fromCodePoint(cp);
      const text = `a${c}b`;
      const found = words(text);
      const folded = foldChar(c.normalize('NFC'));
      const joins = [...folded].length === 1 ? isWordChar(folded) : isWordChar(c);
      // NFC may compose the character with its neighbour (combining marks): then the text is one word or two by the
      // composed result, and index and query see the same composition.
      if (text.normalize('NFC').length !== text.length) continue;
      if (joins) {
        joining++;
        if (found.length !== 1) throw new Error(`U+${cp.toString(16)} should join: ${JSON.stringify(found)}`);
      } else {
        separating++;
        if (found.map((w) => w.folded).join('|') !== 'a|b') throw new Error(`U+${cp.toString(16)} should separate: ${JSON.stringify(found)}`);
      }
      const indexed = indexText(text);
      if (!/^[0-9a-z]+( [0-9a-z]+)*$/.test(indexed)) throw new Error(`U+${cp.toString(16)} indexes as ${JSON.stringify(indexed)}`);
      if (indexed.split(' ').length !== found.length) throw new Error(`U+${cp.toString(16)}: index and words disagree`);
    }
    expect(joining).toBeGreaterThan(100_000);
    expect(separating).toBeGreaterThan(100_000);
  });

  it('emoji, symbols and invisible marks separate words', () => {
    for (const text of ['🥰glad', 'glad🥰', 'glad\u200bdag', 'glad\u2060dag', 'glad\ufe0fdag', '👩‍👧glad', 'glad—dag', 'glad©dag', 'glad™', 'glad\u00addag']) {
      expect(words(text).map((w) => w.folded), text).toContain('glad');
    }
  });

  it('the encoding is prefix-free and one-to-one', () => {
    expect(encodeToken('søvn')).toBe('sq2vn');
    expect(encodeToken('far~')).toBe('farqz');
    expect(encodeToken('q')).toBe('qq');
    expect(encodeToken('ж')).toBe('qx000436');
    const samples = ['q', 'qq', 'qz', '~', 'æ', 'q1', 'ø', 'å', 'ж', 'жж', 'a', 'qx000436'];
    const encoded = samples.map(encodeToken);
    expect(new Set(encoded).size).toBe(samples.length);
    expect(encodeToken('sundhed').startsWith(encodeToken('sund'))).toBe(true);
    expect(encodeToken('søvnen').startsWith(encodeToken('søv'))).toBe(true);
  });
});
