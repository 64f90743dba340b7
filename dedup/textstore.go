package dedup

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
)

// TextStore keeps unit texts out of the heap for Index verification and
// reports: texts are appended to a buffer which, once it holds MemLimit
// bytes, is written to a temporary file (removed at once where the
// system allows, else by Close); Text reads a text back with one or two
// positioned reads. The page cache, not the process, then holds the
// corpus. It is safe for concurrent use.
type TextStore struct {
	// MemLimit is the buffer size (default 16 MiB); set before the first
	// Append.
	MemLimit int
	// Dir is where the temporary file goes ("" = os.TempDir()).
	Dir string

	mu      sync.Mutex
	f       *os.File
	name    string // still to remove at Close
	flushed int64  // bytes in the file
	buf     []byte
	err     error
}

// TextRef locates one text in a TextStore.
type TextRef uint64

// Append stores text and returns its reference.
func (s *TextStore) Append(text string) (TextRef, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return 0, s.err
	}
	limit := s.MemLimit
	if limit <= 0 {
		limit = 16 << 20
	}
	if len(s.buf) > 0 && len(s.buf)+len(text)+binary.MaxVarintLen64 > limit {
		if err := s.flush(); err != nil {
			s.err = err
			return 0, err
		}
	}
	ref := TextRef(s.flushed + int64(len(s.buf)))
	s.buf = binary.AppendUvarint(s.buf, uint64(len(text)))
	s.buf = append(s.buf, text...)
	return ref, nil
}

func (s *TextStore) flush() error {
	if s.f == nil {
		f, err := os.CreateTemp(s.Dir, "draftlint-dedup-*.txt")
		if err != nil {
			return fmt.Errorf("dedup: text spill file: %w", err)
		}
		s.f = f
		// An open file outlives its name on Unix: nothing is left behind
		// even if the process is killed. Elsewhere Close removes it.
		if os.Remove(f.Name()) != nil {
			s.name = f.Name()
		}
	}
	if _, err := s.f.Write(s.buf); err != nil {
		return fmt.Errorf("dedup: text spill file: %w", err)
	}
	s.flushed += int64(len(s.buf))
	s.buf = s.buf[:0]
	return nil
}

// Text returns the text stored under ref.
func (s *TextStore) Text(ref TextRef) (string, error) {
	off := int64(ref)
	s.mu.Lock()
	if off >= s.flushed {
		// Copied under the lock: a flush reuses the buffer.
		defer s.mu.Unlock()
		if off-s.flushed >= int64(len(s.buf)) {
			return "", errors.New("dedup: bad text reference")
		}
		b := s.buf[off-s.flushed:]
		n, k := binary.Uvarint(b)
		if k <= 0 || uint64(len(b)-k) < n {
			return "", errors.New("dedup: bad text reference")
		}
		return string(b[k : k+int(n)]), nil
	}
	f := s.f
	s.mu.Unlock()
	if f == nil {
		return "", errors.New("dedup: bad text reference")
	}
	// Most texts are paragraphs: one read of the length and the text.
	var head [512]byte
	m, err := f.ReadAt(head[:], off)
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("dedup: text spill file: %w", err)
	}
	n, k := binary.Uvarint(head[:m])
	if k <= 0 {
		return "", errors.New("dedup: bad text reference")
	}
	if uint64(m-k) >= n {
		return string(head[k : k+int(n)]), nil
	}
	out := make([]byte, n)
	if _, err := f.ReadAt(out, off+int64(k)); err != nil {
		return "", fmt.Errorf("dedup: text spill file: %w", err)
	}
	return string(out), nil
}

// Size is the number of bytes stored (texts and their length prefixes).
func (s *TextStore) Size() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.flushed + int64(len(s.buf))
}

// Close releases the buffer and removes the temporary file.
func (s *TextStore) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var err error
	if s.f != nil {
		err = s.f.Close()
		if s.name != "" {
			if e := os.Remove(s.name); err == nil {
				err = e
			}
		}
		s.f, s.name = nil, ""
	}
	s.buf, s.flushed, s.err = nil, 0, errors.New("dedup: text store closed")
	return err
}
