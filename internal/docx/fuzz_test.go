package docx

import (
	"archive/zip"
	"bytes"
	"testing"
	"unicode/utf8"
)

// FuzzRead feeds arbitrary bytes to Read. Inputs that do not start with
// "PK" are taken as the XML of word/document.xml and wrapped in a package,
// so that the XML walker gets fuzzed rather than zip's checksum check.
// Whatever Read accepts, Apply must handle without panicking, must not
// report an internal error, and its output must read back.
func FuzzRead(f *testing.F) {
	f.Add(builtDoc())
	f.Add([]byte(`<w:document ` + wNS + `><w:body><w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t></w:r></w:p></w:body></w:document>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if !bytes.HasPrefix(data, []byte("PK")) {
			var buf bytes.Buffer
			zw := zip.NewWriter(&buf)
			w, _ := zw.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Method: zip.Store})
			w.Write(data)
			zw.Close()
			data = buf.Bytes()
		}
		d, err := Read(data)
		if err != nil {
			return
		}
		var edits []Edit
		for i, p := range d.Paragraphs {
			if !utf8.ValidString(p.Text) {
				t.Fatalf("paragraph %d text is not UTF-8", i)
			}
			for _, r := range p.Runs {
				if r.Start < 0 || r.Start > r.End || r.End > len(p.Text) {
					t.Fatalf("run range %d..%d outside text of %d bytes", r.Start, r.End, len(p.Text))
				}
			}
			_, n := utf8.DecodeRuneInString(p.Text)
			switch i % 4 {
			case 0:
				edits = append(edits, Edit{Para: i, Start: 0, End: n, New: "x "})
			case 1:
				edits = append(edits, Edit{Para: i, Start: len(p.Text), End: len(p.Text), New: "<新>&"})
			case 2:
				edits = append(edits, Edit{Para: i, End: len(p.Text), DropParagraph: true})
			case 3:
				edits = append(edits, Edit{Para: i, Start: 0, End: len(p.Text), New: ""})
			}
		}
		out, _, err := d.Apply(edits)
		if err != nil {
			t.Fatalf("Apply: %v", err)
		}
		if _, err := Read(out); err != nil {
			t.Fatalf("output does not read back: %v", err)
		}
	})
}
