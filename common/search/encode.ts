/**
 * Index tokens in plain ASCII: a-z and 0-9 stand for themselves; `q` starts an escape — `qq` for q, `qz` for the
 * irregular-form marker `~`, `q1` `q2` `q3` for æ ø å (frequent, so short), and `qx` + six hex digits for any other
 * character. So SQLite's tokenizer (FTS5 `ascii`) sees only word characters inside a token and never splits or joins
 * words differently from the app; the code is prefix-free, so a prefix of a word encodes to a prefix of its encoding
 * (live suggestions match prefixes).
 */
const short: Record<string, string> = { q: 'qq', '~': 'qz', æ: 'q1', ø: 'q2', å: 'q3' };

export function encodeToken(token: string): string {
  let out = '';
  for (const ch of token) {
    if ((ch >= 'a' && ch <= 'z' && ch !== 'q') || (ch >= '0' && ch <= '9')) out += ch;
    else out += short[ch] ?? `qx${(ch.codePointAt(0) ?? 0).toString(16).padStart(6, '0')}`;
  }
  return out;
}
