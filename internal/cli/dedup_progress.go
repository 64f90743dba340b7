package cli

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mattn/go-isatty"
)

// progress shows, on stderr and only when it is a terminal (or with
// --progress always), how a dedup run goes: files read, paragraphs (or
// documents) indexed,
// then the clustering and the clusters found. It redraws one line a few
// times a second and erases it at the end, so nothing of it stays in the
// output.
type progress struct {
	w            io.Writer
	total        int
	what         string // "paragraphs" or "documents"
	files, units atomic.Int64
	clusters     atomic.Int64
	stage        atomic.Value // string
	done         chan struct{}
	once         sync.Once
	wg           sync.WaitGroup
}

// progressInterval is how often the line is redrawn.
var progressInterval = 200 * time.Millisecond

func newProgress(env Env, mode string, total int, unit string) *progress {
	p := &progress{total: total, what: strings.TrimSuffix(unit, "s") + "s"}
	on := mode == "always"
	if mode == "auto" {
		if f, ok := env.Stderr.(*os.File); ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())) {
			on = true
		}
	}
	p.clusters.Store(-1)
	p.stage.Store("reading")
	if !on {
		return p
	}
	p.w = env.Stderr
	p.done = make(chan struct{})
	p.wg.Go(func() {
		t := time.NewTicker(progressInterval)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				p.draw()
			case <-p.done:
				return
			}
		}
	})
	return p
}

func (p *progress) fileDone()         { p.files.Add(1) }
func (p *progress) setUnits(n int)    { p.units.Store(int64(n)) }
func (p *progress) phase(s string)    { p.stage.Store(s) }
func (p *progress) setClusters(n int) { p.clusters.Store(int64(n)) }
func (p *progress) line() string {
	s := fmt.Sprintf("dedup: %s/%s files read, %s %s indexed", group3(p.files.Load()), group3(int64(p.total)), group3(p.units.Load()), p.what)
	if c := p.clusters.Load(); c >= 0 {
		s += ", " + group3(c) + " clusters"
	} else if st := p.stage.Load().(string); st != "reading" {
		s += ", " + st + "…"
	}
	return s
}

func (p *progress) draw() { fmt.Fprintf(p.w, "\r\x1b[K%s", p.line()) }

// stop erases the line; it may be called more than once.
func (p *progress) stop() {
	if p.w == nil {
		return
	}
	p.once.Do(func() {
		close(p.done)
		p.wg.Wait()
		fmt.Fprint(p.w, "\r\x1b[K")
	})
}

// group3 writes n with thousands separators.
func group3(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
