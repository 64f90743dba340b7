// Package dedup finds exact and near-duplicate text units (sentences,
// paragraphs, documents) in Chinese, English and mixed prose.
//
// The pipeline is: normalise each unit to a matching key with an offset map
// back to the source bytes (Normalize), hash the key for exact repeats
// (KeyHash), and, for near repeats, either compare pairs directly with
// bit-parallel edit distance, LCS and shingle Jaccard (in-document use,
// FindRepeats), or sketch each unit with a 128-value MinHash split into
// 21 LSH bands of 6 rows (corpus use, Index). Every candidate is verified on
// the real text before it is reported.
//
// Keys are for matching only: reports and fixes must point at the original
// text through the offsets the normaliser returns.
package dedup
