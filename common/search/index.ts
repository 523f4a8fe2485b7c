/** Danish search: one rule for words, one normalisation (stems, suffix rules, irregular forms), one encoding. */
export { foldChar } from './fold';
export { encodeToken } from './encode';
export { irregularForms, normalizeWord } from './normalize';
export { ftsExpression, indexText, isEmptyQuery, matchRanges, parseQuery, type SearchQuery } from './query';
export { isWordChar, words, type Word } from './words';
