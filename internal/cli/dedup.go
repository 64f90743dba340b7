package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"

	"github.com/draftlint/draftlint/dedup"
	"github.com/draftlint/draftlint/dedup/corpus"
	"github.com/draftlint/draftlint/internal/textenc"
	"github.com/draftlint/draftlint/lint"
	"github.com/spf13/pflag"
)

// dedupFlags are the flags of `draftlint dedup`.
type dedupFlags struct {
	threshold      float64
	minChars       int
	unit           string
	keep           string
	format         string
	fix, diff      bool
	unsafe         bool
	jobs           int
	config         string
	noConfig       bool
	encoding       string
	maxSize        string
	emitSignatures string
	fromClusters   string
	progress       string
	help           bool
}

func (f *dedupFlags) register(fs *pflag.FlagSet) {
	fs.Float64Var(&f.threshold, "threshold", 0.7, "Jaccard similarity of character n-grams at which two units are near copies (0–1)")
	fs.IntVar(&f.minChars, "min-chars", 20, "ignore units with fewer characters (letters, digits, Han; punctuation and spaces do not count)")
	fs.StringVar(&f.unit, "unit", "paragraph", "what to compare: paragraph or document")
	fs.StringVar(&f.keep, "keep", "first", "which copy to keep: first (input order; a longer copy containing it wins), longest, path-order")
	fs.StringVarP(&f.format, "format", "f", "text", "output format: text, json, sarif")
	fs.BoolVar(&f.fix, "fix", false, "delete every copy but the keeper from the files (needs --unsafe-fixes)")
	fs.BoolVar(&f.diff, "diff", false, "print the deletions as a unified diff instead of writing them (needs --unsafe-fixes); exit 1 if there is one")
	fs.BoolVar(&f.unsafe, "unsafe-fixes", false, "allow --fix and --diff: deleting text is never a safe fix")
	fs.IntVarP(&f.jobs, "jobs", "j", 0, "files read and signed at once (default: number of CPUs)")
	fs.StringVarP(&f.config, "config", "c", "", "configuration file for exclude patterns (default: .draftlint.yaml found from the working directory up)")
	fs.BoolVar(&f.noConfig, "no-config", false, "ignore configuration files")
	fs.StringVar(&f.encoding, "encoding", "", "read files in this encoding instead of detecting it")
	fs.StringVar(&f.maxSize, "max-size", "64MiB", "skip (with an error) files larger than this (k, M, G units; 0: no limit)")
	fs.StringVar(&f.emitSignatures, "emit-signatures", "", "write every unit's exact hash and LSH band keys to this JSON Lines file (\"-\": stdout) and stop")
	fs.StringVar(&f.fromClusters, "from-clusters", "", "take the candidate clusters from this table (JSON Lines or CSV with unit and cluster columns) instead of the built-in band join")
	fs.StringVar(&f.progress, "progress", "auto", "progress on stderr: auto (when stderr is a terminal), always, never")
	fs.BoolVarP(&f.help, "help", "h", false, "show this help")
}

func runDedup(ctx context.Context, env Env, args []string) int {
	var f dedupFlags
	fs := newFlagSet("dedup", env.Stderr)
	f.register(fs)
	fs.Usage = func() {}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return dedupHelp(env, fs)
		}
		return fail(env, usagef("%v", err))
	}
	if f.help {
		return dedupHelp(env, fs)
	}
	opt := corpus.Options{Threshold: f.threshold, MinChars: f.minChars, MemText: 4 << 20}
	switch f.unit {
	case "paragraph", "paragraphs":
	case "document", "documents":
		opt.Mode = corpus.Documents
	default:
		return fail(env, usagef("--unit must be paragraph or document, not %q", f.unit))
	}
	keep, err := corpus.ParseKeep(f.keep)
	if err != nil {
		return fail(env, usagef("--keep: %v", err))
	}
	switch f.format {
	case "text", "json", "sarif":
	default:
		return fail(env, usagef("--format must be text, json or sarif, not %q", f.format))
	}
	if f.threshold <= 0 || f.threshold > 1 {
		return fail(env, usagef("--threshold must be in (0, 1], not %g", f.threshold))
	}
	if f.minChars < 1 {
		return fail(env, usagef("--min-chars must be at least 1"))
	}
	if f.jobs < 0 {
		return fail(env, usagef("--jobs must not be negative"))
	}
	if (f.fix || f.diff) && !f.unsafe {
		return fail(env, usagef("--fix and --diff delete text, which is never safe: add --unsafe-fixes"))
	}
	if f.emitSignatures != "" && (f.fix || f.diff || f.fromClusters != "") {
		return fail(env, usagef("--emit-signatures cannot be combined with --fix, --diff or --from-clusters"))
	}
	switch f.progress {
	case "auto", "always", "never":
	default:
		return fail(env, usagef("--progress must be auto, always or never, not %q", f.progress))
	}
	var forced *textenc.Encoding
	if f.encoding != "" {
		e, err := textenc.Lookup(f.encoding)
		if err != nil {
			return fail(env, usagef("--encoding: %v", err))
		}
		forced = &e
	}
	maxSize, err := parseSize(f.maxSize)
	if err != nil {
		return fail(env, usagef("--max-size: %v", err))
	}
	paths := fs.Args()
	if len(paths) == 0 {
		return fail(env, usagef("dedup needs files or folders to compare"))
	}
	for _, p := range paths {
		if p == "-" {
			return fail(env, usagef("dedup reads files, not stdin"))
		}
	}
	dir := env.Dir
	if dir == "" {
		dir, _ = os.Getwd()
	}
	var cfg *lint.Config
	if !f.noConfig {
		file := f.config
		if file == "" {
			file = lint.FindConfig(dir)
		} else if !filepath.IsAbs(file) {
			file = filepath.Join(dir, file)
		}
		if file != "" {
			if cfg, err = lint.LoadConfig(file, ruleSet()); err != nil {
				return fail(env, err)
			}
		}
	}
	files, errs := collect(dir, paths, cfg)
	jobs := f.jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	ld := &loader{dir: dir, forced: forced, maxSize: maxSize}
	prog := newProgress(env, f.progress, len(files), f.unit)
	defer prog.stop()

	ctx, stop := interruptible(ctx)
	defer stop()
	c := corpus.New(opt)
	defer c.Close()
	mem := newMemoryBudget()
	loadErrs := loadCorpus(ctx, c, ld, files, jobs, prog, mem)
	errs = append(errs, loadErrs...)
	if ctx.Err() != nil {
		prog.stop()
		for _, e := range errs {
			fmt.Fprintf(env.Stderr, "draftlint: %s\n", e.Error())
		}
		fmt.Fprintln(env.Stderr, "draftlint: interrupted")
		return ExitError
	}

	if f.emitSignatures != "" {
		prog.stop()
		code := emitSignatures(env, dir, f.emitSignatures, c)
		for _, e := range errs {
			fmt.Fprintf(env.Stderr, "draftlint: %s\n", e.Error())
		}
		if len(errs) > 0 && code == ExitOK {
			code = ExitError
		}
		return code
	}

	mem.beforeClusters(c.Len())
	prog.phase("clustering")
	var clusters []dedup.Cluster
	if f.fromClusters != "" {
		group, err := readClusterTable(dir, f.fromClusters, c)
		if err != nil {
			prog.stop()
			return fail(env, err)
		}
		clusters, _, err = c.ClustersWithin(group)
		if err != nil {
			prog.stop()
			return fail(env, err)
		}
	} else {
		clusters, _, err = c.Clusters()
		if err != nil {
			prog.stop()
			return fail(env, err)
		}
	}
	prog.setClusters(len(clusters))
	prog.stop()
	for _, e := range errs {
		fmt.Fprintf(env.Stderr, "draftlint: %s\n", e.Error())
	}

	// A few clusters at a time: their texts are read back and diffed on
	// jobs goroutines, their reports written in order (or their deletions
	// planned), and they are dropped.
	plan := newFixPlan(c)
	bw := bufio.NewWriterSize(env.Stdout, 1<<16)
	out := newDedupWriter(bw, f.format, opt.Mode)
	for g, err := range groupsInOrder(c, clusters, keep, jobs) {
		if err != nil {
			return fail(env, err)
		}
		if f.fix || f.diff {
			plan.add(g)
			continue
		}
		if err := out.cluster(g); err != nil {
			fmt.Fprintf(env.Stderr, "draftlint: writing report: %v\n", err)
			return ExitError
		}
	}
	if f.fix || f.diff {
		return fixDuplicates(ctx, env, dir, ld, plan, opt.Mode, f.diff, len(errs) > 0)
	}
	err = out.end(c)
	if e := bw.Flush(); err == nil {
		err = e
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "draftlint: writing report: %v\n", err)
		return ExitError
	}
	if len(errs) > 0 {
		return ExitError
	}
	if len(clusters) > 0 {
		return ExitFindings
	}
	return ExitOK
}

func dedupHelp(env Env, fs *pflag.FlagSet) int {
	fmt.Fprint(env.Stdout, `Usage: draftlint dedup [flags] path ...

Finds paragraphs (or, with --unit document, whole files) that are copied,
exactly or nearly, across the files given: width, case, punctuation and
spacing are folded for matching, then exact copies are grouped by hash and
near copies found by MinHash/LSH and checked on the text. Each cluster of
copies gets a keeper; the others are listed with their similarity and a
character diff against it, and --fix --unsafe-fixes deletes them.
Folders are searched as by check. Exit status: 0 no copies, 1 copies (or a
diff with --diff), 2 errors.

Flags:
`)
	fmt.Fprint(env.Stdout, fs.FlagUsages())
	return ExitOK
}

// loadCorpus reads, parses and signs the files on jobs goroutines and
// adds them to the corpus in input order. At most 2·jobs files are in
// flight, so memory holds a few documents, never the corpus.
func loadCorpus(ctx context.Context, c *corpus.Corpus, ld *loader, files []string, jobs int, prog *progress, mem *memoryBudget) []*lint.FileError {
	results := make([]chan preparedFile, len(files))
	for i := range results {
		results[i] = make(chan preparedFile, 1)
	}
	window := make(chan struct{}, 2*jobs)
	work := make(chan int)
	go func() {
		defer close(work)
		for i := range files {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			work <- i
		}
	}()
	for range jobs {
		go func() {
			for i := range work {
				results[i] <- prepareFile(c, ld, files[i])
			}
		}()
	}
	var errs []*lint.FileError
	for i := range files {
		var r preparedFile
		select {
		case r = <-results[i]:
		case <-ctx.Done():
			return errs
		}
		<-window
		prog.fileDone()
		if r.err != nil {
			errs = append(errs, &lint.FileError{Path: files[i], Err: r.err})
			continue
		}
		c.Add(r.p)
		prog.setUnits(c.Len())
		mem.grow(c.Len())
	}
	return errs
}

// groupsInOrder builds the report of every cluster on jobs goroutines and
// yields them in cluster order; at most 4·jobs are built ahead.
func groupsInOrder(c *corpus.Corpus, clusters []dedup.Cluster, keep corpus.Keep, jobs int) iter.Seq2[*corpus.Group, error] {
	return func(yield func(*corpus.Group, error) bool) {
		type built struct {
			g   *corpus.Group
			err error
		}
		results := make([]chan built, len(clusters))
		for i := range results {
			results[i] = make(chan built, 1)
		}
		window := make(chan struct{}, 4*jobs)
		work := make(chan int)
		stop := make(chan struct{})
		defer close(stop)
		go func() {
			defer close(work)
			for i := range clusters {
				select {
				case window <- struct{}{}:
				case <-stop:
					return
				}
				select {
				case work <- i:
				case <-stop:
					return
				}
			}
		}()
		for range jobs {
			go func() {
				for i := range work {
					g, err := c.Group(clusters[i], keep)
					results[i] <- built{g, err}
				}
			}()
		}
		for i := range clusters {
			r := <-results[i]
			<-window
			if !yield(r.g, r.err) || r.err != nil {
				return
			}
		}
	}
}

type preparedFile struct {
	p   *corpus.Prepared
	err error
}

func prepareFile(c *corpus.Corpus, ld *loader, path string) (r preparedFile) {
	defer func() {
		if v := recover(); v != nil {
			r.err = fmt.Errorf("internal error: %v", v)
		}
	}()
	in, err := ld.load(path)
	if err != nil {
		r.err = err
		return r
	}
	r.p, r.err = c.Prepare(in.Doc)
	return r
}

// memoryBudget keeps the heap near what the corpus needs. The index and
// positions grow steadily (about 165 bytes a unit) while parsing makes a
// lot of short-lived garbage; with the default GOGC the heap would double
// the live data. A soft limit a sixteenth above the live size makes the
// collector run before that (the index is pointer-free, so a collection
// costs little). A limit the user set (GOMEMLIMIT) is left alone.
type memoryBudget struct {
	on   bool
	next int // units at which to raise the limit again
}

// Bytes a unit: index signature (137), position and text reference (28);
// while clustering also the union-find, the band buffer and its sort
// scratch (20) and slack for the cluster lists.
const (
	unitBytes       = 170
	clusterBytes    = 25
	memoryBaseBytes = 32 << 20 // runtime, in-flight documents, text buffer
)

func newMemoryBudget() *memoryBudget {
	m := &memoryBudget{on: os.Getenv("GOMEMLIMIT") == ""}
	m.grow(0)
	return m
}

func (m *memoryBudget) set(units, perUnit int) {
	if m.on {
		debug.SetMemoryLimit(int64(memoryBaseBytes + units*perUnit + units*perUnit/16))
	}
}

func (m *memoryBudget) grow(units int) {
	if units >= m.next {
		m.next = units + units/8 + 16384
		m.set(m.next, unitBytes)
	}
}

func (m *memoryBudget) beforeClusters(units int) { m.set(units, unitBytes+clusterBytes) }

// createOutput opens a file to write, or stdout for "-".
func createOutput(env Env, dir, name string) (io.Writer, func() error, error) {
	if name == "-" {
		return env.Stdout, func() error { return nil }, nil
	}
	if !filepath.IsAbs(name) {
		name = filepath.Join(dir, name)
	}
	fh, err := os.Create(name)
	if err != nil {
		return nil, nil, err
	}
	return fh, fh.Close, nil
}
