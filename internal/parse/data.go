package parse

import (
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/datanode"
	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/extract"
	"github.com/reportlint/reportlint/internal/profile"
	"github.com/reportlint/reportlint/internal/source"
)

// parseData reads a report written as JSON or YAML in the shape `reportlint
// parse` prints. The decoded instance is kept whole (Report.Data) for the
// schema; the model is filled from it with every value's own span. Facts the
// file leaves out (no "dates" key, say) are extracted from its paragraphs.
func parseData(f *source.File, format document.Format, opt Options, profiles *profile.Set) (*document.Report, error) {
	profileFlag := opt.Profile
	var (
		root *document.Node
		err  error
	)
	if format == document.FormatJSON {
		root, err = datanode.FromJSON(f.Text)
	} else {
		root, err = datanode.FromYAML(f.Text)
	}
	if err != nil {
		return nil, dataError(f, err, 0, "cannot be read as "+strings.ToUpper(string(format)))
	}
	r := &document.Report{Path: f.Path, Format: format, Data: root}
	if root.Kind != document.NodeMap {
		// The schema reports the wrong shape at the value itself.
		r.Profile = profile.Generic
		return r, nil
	}
	name := profileFlag
	if name == "" {
		name = str(root.Get("profile")).Value
	}
	prof, ok := profiles.Get(name)
	if !ok {
		if name != "" && profileFlag != "" {
			return nil, &source.Error{Path: f.Path, Offset: -1, Reason: "unknown profile " + strconv.Quote(name) + "; known profiles: " + strings.Join(profiles.Names(), ", ")}
		}
		// An unknown profile in the file itself is the schema's to report.
		prof, _ = profiles.Get(profile.Generic)
	}
	r.Profile = prof.Name

	r.Title = str(root.Get("title"))
	r.Country = str(root.Get("country"))
	r.Published = str(root.Get("published"))
	var paras []placedParagraph
	for _, p := range items(root.Get("preamble")) {
		r.Preamble = append(r.Preamble, dataParagraph(f.Text, p))
		paras = append(paras, placedParagraph{r.Preamble[len(r.Preamble)-1], num(p.Get("line"))})
	}
	if n := root.Get("sections"); n != nil {
		r.Sections = dataSections(f.Text, n, 2, &paras)
	}
	if n := root.Get("advisory"); n != nil && n.Kind == document.NodeMap {
		r.Advisory = dataAdvisory(n)
	}
	for _, n := range items(root.Get("ratings")) {
		r.Ratings = append(r.Ratings, document.Rating{
			Category: str(n.Get("category")), Location: str(n.Get("location")),
			Level: str(n.Get("level")), Span: n.Span,
		})
	}
	for _, n := range items(root.Get("contacts")) {
		v := str(n.Get("value"))
		r.Contacts = append(r.Contacts, document.Contact{Kind: document.ContactKind(str(n.Get("kind")).Value), Value: v.Value, Label: str(n.Get("label")).Value, Span: v.Span})
	}
	for _, n := range items(root.Get("links")) {
		r.Links = append(r.Links, document.Link{Text: str(n.Get("text")).Value, Target: str(n.Get("target")).Value, Span: n.Span})
	}
	for _, n := range items(root.Get("dates")) {
		t := str(n.Get("text"))
		r.Dates = append(r.Dates, document.DateMention{
			Kind: document.DateKind(str(n.Get("kind")).Value), Text: t.Value, Span: placeDate(paras, t, num(n.Get("line"))),
			Precision: document.Precision(str(n.Get("precision")).Value), Value: str(n.Get("value")).Value,
			From: str(n.Get("from")).Value, To: str(n.Get("to")).Value, Qualifier: str(n.Get("qualifier")).Value,
			Range: n.Get("range") != nil && n.Get("range").Scalar == "true",
		})
	}
	givePublished(r, opt)
	if opt.CountryOnly {
		extract.Country(r, f.Text, prof)
		return r, nil
	}
	extract.Missing(r, f.Text, prof, extract.Given{
		Advisory: root.Get("advisory") != nil, Ratings: root.Get("ratings") != nil,
		Contacts: root.Get("contacts") != nil, Dates: root.Get("dates") != nil,
	})
	return r, nil
}

func items(n *document.Node) []*document.Node {
	if n == nil || n.Kind != document.NodeList {
		return nil
	}
	var out []*document.Node
	for _, it := range n.Items {
		if it.Kind == document.NodeMap {
			out = append(out, it)
		}
	}
	return out
}

// str reads a scalar as text; a missing or non-scalar value is empty, left
// for the schema to report.
func str(n *document.Node) document.Text {
	if n == nil || n.Kind == document.NodeMap || n.Kind == document.NodeList || n.Kind == document.NodeNull {
		return document.Text{}
	}
	return document.Text{Value: n.Scalar, Span: n.Span}
}

func num(n *document.Node) int {
	if n == nil || n.Kind != document.NodeNumber {
		return 0
	}
	v, _ := strconv.Atoi(n.Scalar)
	return v
}

// placedParagraph is a paragraph of a JSON or YAML report and the line it
// gives for itself (the line of the text it was parsed from), 0 if none.
type placedParagraph struct {
	para *document.Paragraph
	line int
}

// placeDate finds a date of the file's "dates" list in the paragraph it
// came from: the last paragraph whose line is at or before the date's,
// holding its text. The rules then read the date in its sentence, as in a
// text report. A date found in no paragraph keeps the span of its entry.
func placeDate(paras []placedParagraph, t document.Text, line int) document.Span {
	if t.Value == "" || line <= 0 {
		return t.Span
	}
	best := -1
	for i, p := range paras {
		if p.line > 0 && p.line <= line && (best < 0 || p.line >= paras[best].line) && strings.Contains(p.para.Text, t.Value) {
			best = i
		}
	}
	if best < 0 {
		return t.Span
	}
	p := paras[best].para
	i := strings.Index(p.Text, t.Value)
	return p.Source(i, i+len(t.Value))
}

func dataSections(src string, n *document.Node, level int, paras *[]placedParagraph) []*document.Section {
	var out []*document.Section
	for _, it := range items(n) {
		title := str(it.Get("title"))
		sec := &document.Section{Title: title, Level: level, Heading: title.Span, Span: it.Span}
		if l := num(it.Get("level")); l > 0 {
			sec.Level = l
		}
		for _, p := range items(it.Get("paragraphs")) {
			para := dataParagraph(src, p)
			sec.Paragraphs = append(sec.Paragraphs, para)
			*paras = append(*paras, placedParagraph{para, num(p.Get("line"))})
		}
		sec.Sections = dataSections(src, it.Get("sections"), sec.Level+1, paras)
		out = append(out, sec)
	}
	return out
}

// dataParagraph maps a paragraph's text to its string in the file: exactly,
// character for character, when the string is written without escapes;
// otherwise every offset maps to the string's start.
func dataParagraph(src string, n *document.Node) *document.Paragraph {
	t := n.Get("text")
	kind := document.KindParagraph
	if k := str(n.Get("kind")).Value; k == string(document.KindListItem) {
		kind = document.KindListItem
	}
	p := &document.Paragraph{Kind: kind, Span: n.Span}
	if t == nil || t.Kind != document.NodeString {
		return p
	}
	var ib document.InlineBuilder
	p.Span = t.Span
	// The token is the value between quotes (JSON, quoted YAML) or the value itself (plain YAML).
	for _, start := range []int{t.Span.Start + 1, t.Span.Start} {
		if end := start + len(t.Scalar); end <= t.Span.End && src[start:end] == t.Scalar {
			ib.Append(t.Scalar, start)
			p.Inline = ib.Inline()
			p.Inline.Anchor = t.Span
			return p
		}
	}
	// A JSON string with escapes ("A \"big\" attack"): each character
	// maps to its place, an escaped one to its backslash.
	if t.Span.End-t.Span.Start >= 2 && src[t.Span.Start] == '"' && src[t.Span.End-1] == '"' {
		if esc, ok := jsonStringInline(src, t.Span.Start+1, t.Span.End-1); ok && esc.Text == t.Scalar {
			p.Inline = esc
			p.Inline.Anchor = t.Span
			return p
		}
	}
	ib.AppendSynthetic(t.Scalar)
	p.Inline = ib.Inline()
	p.Inline.Anchor = t.Span
	return p
}

// jsonStringInline decodes the JSON string body src[start:end] (between
// its quotes), keeping where each character came from.
func jsonStringInline(src string, start, end int) (document.Inline, bool) {
	var ib document.InlineBuilder
	run := start
	for i := start; i < end; {
		if src[i] != '\\' {
			i++
			continue
		}
		ib.Append(src[run:i], run)
		if i+1 >= end {
			return document.Inline{}, false
		}
		size := 2
		var decoded string
		switch c := src[i+1]; c {
		case '"', '\\', '/':
			decoded = string(c)
		case 'b':
			decoded = "\b"
		case 'f':
			decoded = "\f"
		case 'n':
			decoded = "\n"
		case 'r':
			decoded = "\r"
		case 't':
			decoded = "\t"
		case 'u':
			r, n, ok := jsonUnicodeEscape(src[i:end])
			if !ok {
				return document.Inline{}, false
			}
			decoded, size = string(r), n
		default:
			return document.Inline{}, false
		}
		ib.Append(decoded, i)
		i += size
		run = i
	}
	ib.Append(src[run:end], run)
	return ib.Inline(), true
}

// jsonUnicodeEscape reads \uXXXX, or a surrogate pair of two, at the start
// of s: the rune and the bytes it took.
func jsonUnicodeEscape(s string) (rune, int, bool) {
	hex4 := func(s string) (rune, bool) {
		if len(s) < 6 || s[0] != '\\' || s[1] != 'u' {
			return 0, false
		}
		n, err := strconv.ParseUint(s[2:6], 16, 32)
		return rune(n), err == nil
	}
	r, ok := hex4(s)
	if !ok {
		return 0, 0, false
	}
	if utf16.IsSurrogate(r) {
		if r2, ok := hex4(s[6:]); ok {
			if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
				return d, 12, true
			}
		}
		return utf8.RuneError, 6, true
	}
	return r, 6, true
}

func dataAdvisory(n *document.Node) *document.Advisory {
	a := &document.Advisory{Span: n.Span}
	if l := n.Get("level"); l != nil {
		a.Level, a.LevelSpan = num(l), l.Span
	}
	a.Wording = str(n.Get("wording"))
	for _, it := range items(n.Get("indicators")) {
		code := str(it.Get("code"))
		inc := it.Get("included")
		src := str(it.Get("source")).Value
		if src == "" {
			src = "statement"
		}
		a.Indicators = append(a.Indicators, document.Indicator{Code: code.Value, Included: inc == nil || inc.Scalar == "true", Source: src, Span: it.Span})
	}
	if rs := n.Get("reasons"); rs != nil && rs.Kind == document.NodeList {
		for _, it := range rs.Items {
			if t := str(it); t.Value != "" {
				a.Reasons = append(a.Reasons, t)
			}
		}
	}
	for _, it := range items(n.Get("regions")) {
		lv := it.Get("level")
		a.Regions = append(a.Regions, document.Region{Name: str(it.Get("name")), Level: num(lv), Wording: str(it.Get("wording")), Span: it.Span})
	}
	return a
}
