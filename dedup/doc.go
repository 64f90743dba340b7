// Package dedup finds exact and near-duplicate text units (sentences,
// paragraphs, documents) in Chinese, English and mixed prose.
//
// Pipeline:
//
//   - Normalize / NormalizeOffsets build the matching key: full-width ASCII
//     folded, lowercase, punctuation, symbols and spaces dropped, Han,
//     letters and digits kept, with the byte offset of every key rune so that
//     a match in key space maps back to the source (KeySpan). Options fold
//     digits (FoldDigits, FoldDigitRuns, FoldHanNumerals) for the
//     "differs only in numbers" class. A CJK fast path avoids per-rune
//     Unicode tables; the text is never NFKC-normalised as a whole.
//   - KeyHash is the exact fingerprint (xxh3 of the key).
//   - Comparer computes edit distance, LCS and approximate-substring
//     containment with bit-parallel algorithms (Myers/Hyyrö), with early
//     exits for "is it above t" questions; Sketch is the 64-byte bigram
//     prefilter with a sound bound for edit similarity.
//   - Shingling cuts keys into character n-grams (CJK 3-grams, 2-grams under
//     20 runes, Latin 5-grams over words), Signature is a K=128 MinHash and
//     BandKeys its LSH bands (21 × 6 for the corpus Index).
//   - FindRepeats is the in-document finder (pairwise up to 2,000 distinct
//     units, MinHash/LSH beyond); Index is the corpus index, which keeps only
//     signatures and asks for text again to verify candidates; UnionFind
//     joins pairs into clusters; CharDiff renders how two units differ.
//
// Keys are for matching only: reports and fixes must point at the original
// text through the offsets the normaliser returns.
package dedup
