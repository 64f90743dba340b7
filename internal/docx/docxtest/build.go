// Package docxtest builds small, valid .docx files for tests: paragraphs
// split into runs, bold and italic runs, Heading 1-3 styles, tables and
// footnotes. The output is deterministic.
package docxtest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
)

// Run is a run of text with one formatting. "\t" in Text becomes w:tab and
// "\n" becomes w:br.
type Run struct {
	Text   string
	Bold   bool
	Italic bool
}

// Paragraph is one block of the document: a paragraph, or a table when
// Table is not nil.
type Paragraph struct {
	Text     string     // the text as a single plain run, used when Runs is empty
	Runs     []Run      // the runs, in order
	Heading  int        // 1-3 gives style Heading1-3; 0 a body paragraph
	Footnote string     // if set, a footnote with this text is referenced at the end
	Table    [][]string // if not nil, this block is a table: rows of cell texts
}

// PlainText is the text docx.Read reports for p (for a table: nothing;
// each cell is a paragraph of its own).
func (p Paragraph) PlainText() string {
	if len(p.Runs) == 0 {
		return p.Text
	}
	var sb strings.Builder
	for _, r := range p.Runs {
		sb.WriteString(r.Text)
	}
	return sb.String()
}

const (
	nsDecl = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
		`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

// Build returns a .docx holding paras. If the last block is a table, an
// empty paragraph follows it, as Word requires.
func Build(paras []Paragraph) []byte {
	var body, notes strings.Builder
	nextNote := 1
	for i, p := range paras {
		if p.Table != nil {
			writeTable(&body, p.Table)
			if i == len(paras)-1 {
				// Word wants the body to end with a paragraph.
				body.WriteString("<w:p/>\n")
			}
			continue
		}
		body.WriteString("<w:p>")
		if p.Heading > 0 {
			fmt.Fprintf(&body, `<w:pPr><w:pStyle w:val="Heading%d"/></w:pPr>`, p.Heading)
		}
		runs := p.Runs
		if len(runs) == 0 && p.Text != "" {
			runs = []Run{{Text: p.Text}}
		}
		for _, r := range runs {
			writeRun(&body, r)
		}
		if p.Footnote != "" {
			fmt.Fprintf(&body, `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="%d"/></w:r>`, nextNote)
			fmt.Fprintf(&notes, `<w:footnote w:id="%d"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>`+
				`<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>`, nextNote)
			writeRun(&notes, Run{Text: p.Footnote})
			notes.WriteString("</w:p></w:footnote>")
			nextNote++
		}
		body.WriteString("</w:p>\n")
	}
	doc := xmlHeader + `<w:document ` + nsDecl + `><w:body>` + "\n" + body.String() +
		`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>` +
		`</w:body></w:document>`
	footnotes := xmlHeader + `<w:footnotes ` + nsDecl + `>` +
		`<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
		`<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>` +
		notes.String() + `</w:footnotes>`

	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, part := range []struct{ name, data string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rootRels},
		{"docProps/core.xml", coreProps},
		{"word/document.xml", doc},
		{"word/_rels/document.xml.rels", docRels},
		{"word/styles.xml", stylesXML},
		{"word/settings.xml", settingsXML},
		{"word/footnotes.xml", footnotes},
	} {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: part.name, Method: zip.Deflate})
		if err != nil {
			panic(err) // writing to memory cannot fail
		}
		if _, err := w.Write([]byte(part.data)); err != nil {
			panic(err)
		}
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

func writeRun(sb *strings.Builder, r Run) {
	sb.WriteString("<w:r>")
	if r.Bold || r.Italic {
		sb.WriteString("<w:rPr>")
		if r.Bold {
			sb.WriteString("<w:b/><w:bCs/>")
		}
		if r.Italic {
			sb.WriteString("<w:i/><w:iCs/>")
		}
		sb.WriteString("</w:rPr>")
	}
	text := r.Text
	for text != "" {
		i := strings.IndexAny(text, "\t\n")
		chunk := text
		if i >= 0 {
			chunk = text[:i]
		}
		if chunk != "" {
			sb.WriteString("<w:t")
			if strings.TrimSpace(chunk) != chunk {
				sb.WriteString(` xml:space="preserve"`)
			}
			sb.WriteString(">")
			escape(sb, chunk)
			sb.WriteString("</w:t>")
		}
		if i < 0 {
			break
		}
		if text[i] == '\t' {
			sb.WriteString("<w:tab/>")
		} else {
			sb.WriteString("<w:br/>")
		}
		text = text[i+1:]
	}
	sb.WriteString("</w:r>")
}

func escape(sb *strings.Builder, s string) {
	sb.WriteString(strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s))
}

func writeTable(sb *strings.Builder, rows [][]string) {
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	sb.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>`)
	for range cols {
		sb.WriteString(`<w:gridCol w:w="2000"/>`)
	}
	sb.WriteString("</w:tblGrid>")
	for _, r := range rows {
		sb.WriteString("<w:tr>")
		for c := range cols {
			sb.WriteString(`<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr><w:p>`)
			if c < len(r) && r[c] != "" {
				writeRun(sb, Run{Text: r[c]})
			}
			sb.WriteString("</w:p></w:tc>")
		}
		sb.WriteString("</w:tr>")
	}
	sb.WriteString("</w:tbl>\n")
}

// FromText turns plain text (such as the project's sample report) into
// paragraphs: every non-blank line is a paragraph; a line starting with
// "# ", "## " or "### " becomes Heading 1-3 without the marker; other
// paragraphs are split into plain runs after each "，", "。", "；" and "、",
// so that edits crossing identically formatted runs are exercised. "\r" is
// dropped. The text of paragraph i is Paragraphs[i].PlainText().
func FromText(text string) []Paragraph {
	var out []Paragraph
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r", ""), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		level := 0
		for _, m := range []string{"### ", "## ", "# "} {
			if rest, ok := strings.CutPrefix(line, m); ok {
				level = len(m) - 1
				line = rest
				break
			}
		}
		if level > 0 {
			out = append(out, Paragraph{Heading: level, Text: line})
			continue
		}
		out = append(out, Paragraph{Runs: splitRuns(line)})
	}
	return out
}

func splitRuns(line string) []Run {
	var runs []Run
	start := 0
	for i, r := range line {
		if strings.ContainsRune("，。；、", r) {
			end := i + len(string(r))
			runs = append(runs, Run{Text: line[start:end]})
			start = end
		}
	}
	if start < len(line) {
		runs = append(runs, Run{Text: line[start:]})
	}
	return runs
}

const contentTypes = xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`</Types>`

const rootRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`</Relationships>`

const docRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>` +
	`</Relationships>`

const coreProps = xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
	`xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>draftlint test document</dc:title><dc:creator>docxtest</dc:creator></cp:coreProperties>`

const settingsXML = xmlHeader + `<w:settings ` + nsDecl + `>` +
	`<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`</w:settings>`

func headingStyle(n int) string {
	size := []int{0, 32, 28, 26}[n]
	return fmt.Sprintf(`<w:style w:type="paragraph" w:styleId="Heading%d"><w:name w:val="heading %d"/><w:basedOn w:val="Normal"/>`+
		`<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="%d"/></w:pPr>`+
		`<w:rPr><w:b/><w:bCs/><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr></w:style>`, n, n, n-1, size, size)
}

var stylesXML = xmlHeader + `<w:styles ` + nsDecl + `>` +
	`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="SimSun" w:cs="Times New Roman"/>` +
	`<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
	headingStyle(1) + headingStyle(2) + headingStyle(3) +
	`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="18"/></w:rPr></w:style>` +
	`<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>` +
	`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>` +
	`<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
	`<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>` +
	`<w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>` +
	`<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>` +
	`<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/>` +
	`</w:tblBorders></w:tblPr></w:style>` +
	`</w:styles>`
