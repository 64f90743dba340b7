package docx

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"testing"
)

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// zipOf writes parts in name order, deflated.
func zipOf(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	sort.Strings(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, parts[n])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// rawDocx makes a package whose document body is body; extra parts are
// added (or override the defaults).
func rawDocx(t testing.TB, body string, extra map[string]string) []byte {
	t.Helper()
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml":   `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`,
	}
	for k, v := range extra {
		parts[k] = v
	}
	return zipOf(t, parts)
}

func mustRead(t testing.TB, data []byte) *Document {
	t.Helper()
	d, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func texts(d *Document) []string {
	var out []string
	for _, p := range d.Paragraphs {
		out = append(out, p.Text)
	}
	return out
}

func partBytes(t testing.TB, data []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var wtElem = regexp.MustCompile(`(?s)<w:t(?:\s[^>]*)?/>|<w:t(?:\s[^>]*)?>.*?</w:t>`)

// outsideText blanks every w:t element, so that two parts can be compared
// for changes anywhere else.
func outsideText(b []byte) []byte { return wtElem.ReplaceAll(b, []byte("<T/>")) }

// sameEntries checks that every entry of out other than the rewritten ones
// is byte-identical to its original, compressed bytes and header included.
func sameEntries(t *testing.T, orig, out []byte, rewritten ...string) {
	t.Helper()
	zo, err := zip.NewReader(bytes.NewReader(orig), int64(len(orig)))
	if err != nil {
		t.Fatal(err)
	}
	zn, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatal(err)
	}
	if len(zo.File) != len(zn.File) {
		t.Fatalf("entry count %d -> %d", len(zo.File), len(zn.File))
	}
	skip := map[string]bool{}
	for _, r := range rewritten {
		skip[r] = true
	}
	for i, fo := range zo.File {
		fn := zn.File[i]
		if fo.Name != fn.Name {
			t.Fatalf("entry %d: %s -> %s", i, fo.Name, fn.Name)
		}
		if skip[fo.Name] {
			continue
		}
		ho, hn := fo.FileHeader, fn.FileHeader
		if ho.Method != hn.Method || ho.CRC32 != hn.CRC32 || ho.CompressedSize64 != hn.CompressedSize64 ||
			ho.UncompressedSize64 != hn.UncompressedSize64 || !ho.Modified.Equal(hn.Modified) ||
			!bytes.Equal(ho.Extra, hn.Extra) || ho.Flags != hn.Flags || ho.Comment != hn.Comment {
			t.Errorf("%s: header changed", fo.Name)
		}
		ro, _ := fo.OpenRaw()
		rn, _ := fn.OpenRaw()
		bo, _ := io.ReadAll(ro)
		bn, _ := io.ReadAll(rn)
		if !bytes.Equal(bo, bn) {
			t.Errorf("%s: compressed bytes changed", fo.Name)
		}
	}
	if zo.Comment != zn.Comment {
		t.Error("zip comment changed")
	}
}

func readSample(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "sample.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
