// Command genlex compiles the word list that the layout rules use to tell a
// break inside a word from a break between words. It reads jieba's
// dict.txt (word, frequency, part-of-speech tag per line; MIT licence, see
// ../../data/README.md) and writes a gzip-compressed binary table:
//
//	for each record: len(word) byte, cost byte, flags byte, word (UTF-8)
//
// cost is -ln(freq/total) in quarter nats, so a unigram segmenter can add
// costs as integers. Single characters carry two more facts in flags: how
// often the character is the non-initial part of a longer word (its
// "tail" share, in eighths), and whether jieba tags it as a bound form
// (auxiliary u*, suffix k, modal particle y): 的 了 着 们 者 吗. Every
// word may carry the grammatical flag (0x20): jieba tags it as a
// preposition p, conjunction c, adverb d or ad, pronoun r or structural
// particle (u*, but not the aspect particles 了 ul and 过 ug): 任何 或者
// 依照 不断 的. Such a word does not end a title, a name or a list item.
//
// Only Han words are kept: every single character, two-character words with
// frequency >= 30, three-character words >= 100 and words of four to seven
// characters >= 200 (人民代表大会, 中华人民共和国). That
// keeps the table near 200 KB while covering the words a page break is
// likely to cut.
//
// Usage (from rules/layout):
//
//	apt-get download python3-jieba && dpkg -x python3-jieba_*.deb /tmp/jieba
//	go run ./internal/genlex -dict /tmp/jieba/usr/lib/python3/dist-packages/jieba/dict.txt
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

func main() {
	dict := flag.String("dict", os.Getenv("JIEBA_DICT"), "path of jieba's dict.txt (or $JIEBA_DICT)")
	out := flag.String("o", "data/lexicon.bin.gz", "output file")
	flag.Parse()
	if *dict == "" {
		log.Fatal("genlex: need -dict path/to/jieba/dict.txt (see the package comment)")
	}
	f, err := os.Open(*dict)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()

	type entry struct {
		w    string
		freq float64
		tag  string
	}
	var all []entry
	total := 0.0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		p := strings.Fields(sc.Text())
		if len(p) < 2 {
			continue
		}
		n, err := strconv.ParseFloat(p[1], 64)
		if err != nil {
			continue
		}
		tag := ""
		if len(p) > 2 {
			tag = p[2]
		}
		total += n
		if !allHan(p[0]) {
			continue
		}
		all = append(all, entry{p[0], n, tag})
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	// Tail share: the frequency mass of a character at non-initial places
	// of multi-character words against all its mass (alone or in words).
	tailMass := map[rune]float64{}
	allMass := map[rune]float64{}
	for _, e := range all {
		rs := []rune(e.w)
		for i, r := range rs {
			allMass[r] += e.freq
			if i > 0 {
				tailMass[r] += e.freq
			}
		}
	}
	cost := func(freq float64) byte {
		c := -math.Log(max(freq, 1)/total) * 4
		return byte(min(math.Round(c), 255))
	}
	var buf bytes.Buffer
	sort.Slice(all, func(i, j int) bool { return all[i].w < all[j].w })
	kept := 0
	for _, e := range all {
		n := utf8.RuneCountInString(e.w)
		keep := n == 1 || n == 2 && e.freq >= 30 || n == 3 && e.freq >= 100 || n >= 4 && n <= 7 && e.freq >= 200
		if !keep {
			continue
		}
		var flags byte
		if grammatical(e.tag) {
			flags |= 0x20
		}
		if n == 1 {
			r, _ := utf8.DecodeRuneInString(e.w)
			share := tailMass[r] / allMass[r]
			flags |= byte(math.Round(share * 8)) // 0..8 in the low nibble
			if strings.HasPrefix(e.tag, "u") || e.tag == "k" || e.tag == "y" {
				flags |= 0x10
			}
		}
		buf.WriteByte(byte(len(e.w)))
		buf.WriteByte(cost(e.freq))
		buf.WriteByte(flags)
		buf.WriteString(e.w)
		kept++
	}
	o, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	zw, _ := gzip.NewWriterLevel(o, gzip.BestCompression)
	// Zero ModTime and no name: the output is reproducible.
	if _, err := zw.Write(buf.Bytes()); err != nil {
		log.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	if err := o.Close(); err != nil {
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "genlex: %d entries, total frequency %.0f\n", kept, total)
}

// grammatical reports jieba tags of grammatical words: prepositions,
// conjunctions, adverbs, pronouns and structural particles.
func grammatical(tag string) bool {
	switch tag {
	case "p", "c", "d", "ad", "r", "u", "uj", "uz", "uv", "ud":
		return true
	}
	return false
}

func allHan(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) && r != '〇' {
			return false
		}
	}
	return true
}
