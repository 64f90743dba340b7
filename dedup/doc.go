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
//   - Shingling cuts keys into character n-grams (DefaultShingling: CJK
//     3-grams, 2-grams under 20 runes, Latin 5-grams over words, for the
//     Jaccard tests; IndexShingling: CJK bigrams and Latin 5-grams, for
//     MinHash candidates), Signature is a K=128 MinHash and BandKeys its LSH
//     bands.
//   - FindRepeats is the in-document finder (pairwise up to 2,000 distinct
//     units; beyond, candidates from one-permutation hashing and banding,
//     see oph.go).
//   - Index is the corpus index. A Signer turns each unit into a UnitSig:
//     the exact hash, 25 × 5 band keys of a K=128 MinHash over
//     IndexShingling (32-bit values, eight functions per AVX2 instruction)
//     plus a prefix and a suffix anchor (32-bit each), and SigBits, two
//     bits of each of 64 MinHash values. The index keeps only these (137
//     bytes a unit), never
//     the text; Clusters unites equal exact hashes, joins each band by a
//     radix sort, rejects candidates whose SigBits estimate a low Jaccard,
//     asks a TextFunc for the text of the rest and verifies them (3-gram
//     Jaccard, edit similarity, containment). ClustersWithin does the same
//     inside externally computed groups (the signature hand-off of
//     docs/dedup.md); TextStore keeps the texts a TextFunc serves in a
//     spill file. UnionFind joins pairs into clusters; CharDiff renders
//     how two units differ.
//
// Keys are for matching only: reports and fixes must point at the original
// text through the offsets the normaliser returns.
package dedup
