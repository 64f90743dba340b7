package docx

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/draftlint/draftlint/internal/docx/docxtest"
)

// TestLibreOfficeOpensOutput converts an edited document to plain text with
// LibreOffice in headless mode and checks that the edited paragraphs come
// out. It needs soffice or libreoffice on PATH.
func TestLibreOfficeOpensOutput(t *testing.T) {
	bin := ""
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		t.Skip("neither soffice nor libreoffice is on PATH; the output is only checked by reading it back")
	}
	if testing.Short() {
		t.Skip("LibreOffice conversion is slow; skipped with -short")
	}
	paras := docxtest.FromText(readSample(t))
	d := mustRead(t, docxtest.Build(paras))
	var edits []Edit
	for i, p := range d.Paragraphs {
		if j := strings.Index(p.Text, "。"); j >= 0 {
			edits = append(edits, Edit{Para: i, Start: j, End: j + len("。"), New: "！"})
		}
	}
	out, rej, err := d.Apply(edits)
	if err != nil || len(rej) > 0 {
		t.Fatalf("Apply: %v %+v", err, rej)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "edited.docx")
	if err := os.WriteFile(in, out, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--convert-to", "txt:Text (encoded):UTF8", "--outdir", dir, in)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", bin, err, msg)
	}
	txt, err := os.ReadFile(filepath.Join(dir, "edited.txt"))
	if err != nil {
		t.Fatal(err)
	}
	txt = bytes.TrimPrefix(txt, []byte("\xef\xbb\xbf"))
	lines := strings.Split(strings.ReplaceAll(string(txt), "\r\n", "\n"), "\n")
	edited := mustRead(t, out)
	k := 0
	for _, p := range edited.Paragraphs {
		if p.Kind != Body || p.Text == "" {
			continue
		}
		for k < len(lines) && lines[k] != p.Text {
			k++
		}
		if k == len(lines) {
			t.Fatalf("LibreOffice output lacks paragraph %q", p.Text)
		}
	}
}
