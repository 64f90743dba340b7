package dedup

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
)

func TestTextStore(t *testing.T) {
	dir := t.TempDir()
	s := &TextStore{MemLimit: 1000, Dir: dir}
	var texts []string
	var refs []TextRef
	for i := range 300 {
		// Lengths around the 512-byte first read and beyond the buffer.
		txt := fmt.Sprintf("%d:", i) + strings.Repeat("数字经济", i%200)
		ref, err := s.Append(txt)
		if err != nil {
			t.Fatal(err)
		}
		texts, refs = append(texts, txt), append(refs, ref)
	}
	empty, _ := s.Append("")
	for i, r := range refs {
		got, err := s.Text(r)
		if err != nil || got != texts[i] {
			t.Fatalf("text %d: %q, %v", i, got, err)
		}
	}
	if got, err := s.Text(empty); err != nil || got != "" {
		t.Fatalf("empty text: %q, %v", got, err)
	}
	if s.Size() <= 1000 {
		t.Fatalf("size %d", s.Size())
	}
	// The spill file has no name left in the folder (on Unix).
	if ents, _ := os.ReadDir(dir); len(ents) > 0 && os.PathSeparator == '/' {
		t.Errorf("spill file left in the folder: %v", ents)
	}
	if _, err := s.Text(TextRef(s.Size() + 5)); err == nil {
		t.Error("a reference past the end is accepted")
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if ents, _ := os.ReadDir(dir); len(ents) > 0 {
		t.Errorf("spill file left after Close: %v", ents)
	}
	if _, err := s.Append("x"); err == nil {
		t.Error("Append after Close succeeds")
	}
}

func TestTextStoreConcurrent(t *testing.T) {
	s := &TextStore{MemLimit: 4096, Dir: t.TempDir()}
	defer s.Close()
	var wg sync.WaitGroup
	var mu sync.Mutex
	want := map[TextRef]string{}
	for w := range 4 {
		wg.Go(func() {
			for i := range 500 {
				txt := fmt.Sprintf("worker %d text %d %s", w, i, strings.Repeat("段", i%50))
				ref, err := s.Append(txt)
				if err != nil {
					t.Error(err)
					return
				}
				if got, err := s.Text(ref); err != nil || got != txt {
					t.Errorf("read back %q, %v", got, err)
					return
				}
				mu.Lock()
				want[ref] = txt
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	for ref, txt := range want {
		if got, err := s.Text(ref); err != nil || got != txt {
			t.Fatalf("%q, %v", got, err)
		}
	}
}
