package docx

import (
	"encoding/xml"
	"strconv"
	"strings"
)

type style struct {
	id, name, basedOn string
	outline           int // w:outlineLvl, -1 if absent
}

type styles struct {
	byID map[string]*style
}

// parseStyles reads the paragraph styles of styles.xml. Element and
// attribute names are matched by local name so both the transitional and
// the strict namespace work.
func parseStyles(b []byte) (*styles, error) {
	type val struct {
		Val string `xml:"val,attr"`
	}
	var doc struct {
		Style []struct {
			Type    string `xml:"type,attr"`
			ID      string `xml:"styleId,attr"`
			Name    val    `xml:"name"`
			BasedOn val    `xml:"basedOn"`
			PPr     struct {
				Outline *val `xml:"outlineLvl"`
			} `xml:"pPr"`
		} `xml:"style"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		return nil, err
	}
	st := &styles{byID: map[string]*style{}}
	for _, s := range doc.Style {
		if s.Type != "" && s.Type != "paragraph" {
			continue
		}
		out := -1
		if s.PPr.Outline != nil {
			if n, err := strconv.Atoi(s.PPr.Outline.Val); err == nil {
				out = n
			}
		}
		if _, dup := st.byID[s.ID]; !dup {
			st.byID[s.ID] = &style{id: s.ID, name: s.Name.Val, basedOn: s.BasedOn.Val, outline: out}
		}
	}
	return st, nil
}

// headingFromName recognises the built-in heading names and ids: "heading 1"
// (how styles.xml names them whatever the UI language), "Heading1" (the
// usual English style id) and "标题 1" (Chinese documents from other tools).
func headingFromName(s string) int {
	s = strings.ToLower(strings.ReplaceAll(s, " ", ""))
	for _, p := range []string{"heading", "标题"} {
		if rest, ok := strings.CutPrefix(s, p); ok && len(rest) == 1 && rest[0] >= '1' && rest[0] <= '9' {
			return int(rest[0] - '0')
		}
	}
	return 0
}

// outlineLevel maps w:outlineLvl (0-based, 9 = body text) to a heading
// level.
func outlineLevel(n int) int {
	if n >= 0 && n <= 8 {
		return n + 1
	}
	return 0
}

// apply fills StyleName and HeadingLevel. A direct w:outlineLvl wins; then
// the style chain is followed through basedOn, where the first style with
// an outline level or a heading name decides. st may be nil (no
// styles.xml): then only the style id is looked at.
func (st *styles) apply(p *Paragraph) {
	if st != nil && st.byID[p.Style] != nil {
		p.StyleName = st.byID[p.Style].name
	}
	if p.outline > 0 {
		p.HeadingLevel = outlineLevel(p.outline - 1)
		return
	}
	if p.Style == "" {
		return
	}
	if st == nil {
		p.HeadingLevel = headingFromName(p.Style)
		return
	}
	id := p.Style
	for range 32 { // basedOn chains can loop in broken files
		s := st.byID[id]
		if s == nil {
			p.HeadingLevel = headingFromName(id)
			return
		}
		if s.outline >= 0 {
			p.HeadingLevel = outlineLevel(s.outline)
			return
		}
		if n := headingFromName(s.name); n > 0 {
			p.HeadingLevel = n
			return
		}
		if n := headingFromName(s.id); n > 0 {
			p.HeadingLevel = n
			return
		}
		if s.basedOn == "" || s.basedOn == id {
			return
		}
		id = s.basedOn
	}
}
