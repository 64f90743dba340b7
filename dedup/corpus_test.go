package dedup

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// Clean corpus text copied into testdata/corpora (see testdata/README.md).

func readTestdata(tb testing.TB, name string) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// splitSentences cuts text at 。！？ (and newlines), keeping the mark.
func splitSentences(text string) []string {
	var out []string
	start := 0
	for i, r := range text {
		switch r {
		case '。', '！', '？', '\n':
			if s := strings.TrimSpace(text[start : i+len(string(r))]); s != "" && s != string(r) {
				out = append(out, s)
			}
			start = i + len(string(r))
		}
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

type corpusText struct {
	sentences  []string // every clean sentence, file order
	paragraphs []string // every clean line/paragraph
}

var (
	corpusOnce sync.Once
	corpus     corpusText
)

// loadCorpus returns the clean sentences and paragraphs of the three
// corpora: the target column of ECSpell odw, the UD sentences, and the
// constitution's prose lines (headings and markers skipped).
func loadCorpus(tb testing.TB) corpusText {
	tb.Helper()
	corpusOnce.Do(func() {
		var paras []string
		for _, line := range strings.Split(readTestdata(tb, "corpora/ecspell-odw-test.tsv"), "\n") {
			if f := strings.Split(line, "\t"); len(f) == 3 {
				paras = append(paras, strings.TrimSpace(f[2]))
			}
		}
		for _, line := range strings.Split(readTestdata(tb, "corpora/ud-gsdsimp-test-text.txt"), "\n") {
			if line = strings.TrimSpace(line); line != "" {
				paras = append(paras, line)
			}
		}
		for _, line := range strings.Split(readTestdata(tb, "corpora/lawrefbook-constitution.md"), "\n") {
			line = strings.TrimSpace(line)
			if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "<!--") {
				continue
			}
			paras = append(paras, line)
		}
		corpus.paragraphs = paras
		for _, p := range paras {
			corpus.sentences = append(corpus.sentences, splitSentences(p)...)
		}
	})
	return corpus
}
