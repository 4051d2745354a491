package reportdiff

import (
	"crypto/sha256"
	"encoding/base64"
	"html/template"
	"io"
	"strings"
	"sync"

	"github.com/reportlint/reportlint/internal/source"
)

func init() { renderers["html"] = renderHTML }

// pageCSS is the page's only style. The layout is a grid per paragraph:
// old beside new, each with its line number; below 48em (a phone) the
// two sides stack, each line number then says which side it is, and each
// fact is two lines (change and fact; old and new). Grid columns may
// shrink below their content and long words break (the facts table has a
// fixed layout for it), so that no long word or address widens the page
// past the screen. Removed text is
// struck through as well as red, so that it reads without colour. A
// reader whose system is dark gets a dark page.
const pageCSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{font:15px/1.5 system-ui,sans-serif;margin:2em auto;max-width:90em;padding:0 1em;color:#1f2328;background:#fff;overflow-wrap:break-word}
h1{font-size:1.3em}h2{font-size:1.1em;margin-top:2em}
table{border-collapse:collapse;width:100%;table-layout:fixed}#facts th:first-child{width:8.5em}th,td{border:1px solid #d0d7de;padding:.3em .6em;text-align:left;vertical-align:top}
th{background:#f6f8fa}.escalated{color:#b42318;font-weight:bold}.lowered{color:#067647;font-weight:bold}
.warning{background:#fff8c5;border:1px solid #d4a72c;padding:.5em 1em}
.meta{color:#59636e}
nav ol{padding-left:1.5em}
details.section{margin:1em 0;border:1px solid #d0d7de;border-radius:6px}
p.section{margin:1em 0;padding:.4em .8em;border:1px solid #d0d7de;border-radius:6px;font-weight:600;background:#f6f8fa}
details.section>summary{cursor:pointer;font-weight:600;padding:.4em .8em;background:#f6f8fa;border-radius:6px}
.where{font-weight:normal;color:#59636e;font-size:.9em}
.heads,.row{display:grid;grid-template-columns:1fr 1fr;border-top:1px solid #d0d7de}
.heads>div{padding:.2em .8em;font-size:.85em;color:#59636e;background:#f6f8fa}
.row>div{min-width:0;display:grid;grid-template-columns:3.5em minmax(0,1fr)}
.row>.new{border-left:1px solid #d0d7de}
.ln{padding:.3em .5em;text-align:right;color:#59636e;font:12px/1.9 ui-monospace,monospace;user-select:none;background:#f6f8fa}
.txt{margin:0;padding:.3em .6em;min-width:0}
.row>.none{background:repeating-linear-gradient(135deg,#f6f8fa 0 6px,#fff 6px 12px)}
.removed>.old,.changed>.old{background:#fff5f5}
.added>.new,.changed>.new{background:#f0fff4}
.removed>.old .txt{text-decoration:line-through;text-decoration-color:#cf222e}
del{background:#ffcecb;color:#82071e;text-decoration:line-through}
ins{background:#abf2bc;color:#044f1e;text-decoration:none}
.note,.stock{color:#59636e;font-style:italic}
.stock{margin:0;padding:.3em .8em;border-top:1px solid #d0d7de}
#summary{font-weight:600}
.not-found td:first-child{color:#9a6700;font-weight:bold}
@media (prefers-color-scheme:dark){
body{color:#e6edf3;background:#0d1117}
a{color:#4493f8}
th,td,.heads,.row,details.section,p.section{border-color:#30363d}
.row>.new{border-left-color:#30363d}
th,.heads>div,.ln,details.section>summary,p.section{background:#161b22}
.meta,.where,.heads>div,.ln,.note,.stock{color:#9198a1}
.stock{border-color:#30363d}.not-found td:first-child{color:#d29922}
.escalated{color:#ff7b72}.lowered{color:#3fb950}
.warning{background:#272115;border-color:#9e6a03}
.row>.none{background:repeating-linear-gradient(135deg,#161b22 0 6px,#0d1117 6px 12px)}
.removed>.old,.changed>.old{background:#25171c}
.added>.new,.changed>.new{background:#12261e}
del{background:#6e2b2b;color:#ffdcd7}
ins{background:#1f5130;color:#aff5b4}
}
@media (max-width:48em){
body{margin:1em auto;padding:0 .5em}
.heads{display:none}
.row{grid-template-columns:1fr}
.row>.new{border-left:0;border-top:1px dashed #d0d7de}
.row>.none{display:none}
.row>div{grid-template-columns:4.5em minmax(0,1fr)}
#facts thead{display:none}
#facts tr{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,2fr);border:1px solid #d0d7de;margin-top:-1px}
#facts td{border:0}
#facts td:nth-child(3)::before{content:"old: ";color:#59636e}
#facts td:nth-child(4)::before{content:"new: ";color:#59636e}
.old .ln::before{content:"old "}
.new .ln::before{content:"new "}
}
`

// pageCSP lets the page load nothing and run nothing: only its own
// stylesheet (by hash) applies. Every report string is escaped already;
// this is the second lock, for a page opened from a CI artefact.
var pageCSP = sync.OnceValue(func() string {
	sum := sha256.Sum256([]byte(pageCSS))
	return "default-src 'none'; style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'; base-uri 'none'; form-action 'none'"
})

// The page is self-contained (styles inline, nothing fetched) and every
// piece of report text goes through html/template, which escapes HTML. It
// leaves controls as they are, which a page saved in a CI log or shown in a
// terminal must not hold: each path goes through "path" first (one line,
// Go's escapes, as the text output shows it) and each piece of report text
// through "text" (flowText: a picture for a control, keeping it readable).
//
// Each changed section is a grid of its paragraphs that differ, old beside
// new: a changed one shows its removed words on the left and its added
// words on the right; a removed or added one leaves the other side empty;
// a moved one shows its first words on each side and where it came from.
// The page gives what text and Markdown give, in their words: the summary,
// facts not found, a renamed region's old name, stock paragraphs on one
// line per section (splitBoilerplate), the update note's confirmations.
//
// It is parsed on first use: every command's start would pay for it.
var page = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("diff").Funcs(template.FuncMap{
		"level": levelName, "none": orNone, "arrow": arrow, "regionOld": regionOld, "regionNew": regionNew, "contact": contactName, "label": sectionLabel,
		"path": source.PrintableLine, "text": flowText, "csp": pageCSP, "regionLabel": regionLabel,
		"notFound": notFoundRows, "levelRead": func(r *Result) bool { return !r.unread(FactLevel) },
		"stock": stockRows, "indicator": func(r *Result, i Indicator, change string) string { return r.indicatorFact(i, change) }, "head": func(s string) string { return firstWords(s, movedWords) }, "movedNote": func(p ParagraphDiff) string { return strings.TrimSpace(movedNote(p)) },
	}).Parse(`{{define "old"}}{{if eq .Status "added"}}<div class="old none"></div>{{else}}<div class="old"><span class="ln">{{.OldLine}}</span><p class="txt">{{if .Words}}{{range .Words}}{{if eq .Op "delete"}}<del>{{text .Text}}</del>{{else if ne .Op "insert"}}{{text .Text}}{{end}}{{end}}{{else if eq .Status "moved"}}{{head .Old | text}}{{else}}{{text .Old}}{{end}}</p></div>{{end}}{{end -}}
{{define "label"}}{{label . | text}} <span class="where">{{if .OldLine}}old line {{.OldLine}}{{end}}{{if and .OldLine .NewLine}} · {{end}}{{if .NewLine}}new line {{.NewLine}}{{end}}</span>{{end -}}
{{define "new"}}{{if eq .Status "removed"}}<div class="new none"></div>{{else}}<div class="new"><span class="ln">{{.NewLine}}</span><p class="txt">{{if .Words}}{{range .Words}}{{if eq .Op "insert"}}<ins>{{text .Text}}</ins>{{else if ne .Op "delete"}}{{text .Text}}{{end}}{{end}}{{else if eq .Status "moved"}}{{head .New | text}}{{else}}{{text .New}}{{end}}{{if or .Moved (eq .Status "moved")}} <span class="note">{{movedNote . | text}}</span>{{end}}</p></div>{{end}}{{end -}}
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{csp}}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>reportlint diff: {{path .Old.Path}} → {{path .New.Path}}</title>
<style>` + pageCSS + `</style>
</head>
<body>
<h1>What changed: {{path .Old.Path}} → {{path .New.Path}}</h1>
<p class="meta">{{text .Old.Title}} ({{none .Old.Published | text}}) → {{text .New.Title}} ({{none .New.Published | text}})</p>
{{range .Warnings}}<p class="warning">{{text .}}</p>{{end}}
{{if .Empty}}<p id="no-changes">No changes.</p>{{else}}<p id="summary">{{text .Summary}}</p>{{end}}
{{if .Facts}}
<h2>Facts</h2>
<table id="facts">
<thead><tr><th>change</th><th>fact</th><th>old</th><th>new</th></tr></thead>
<tbody>
{{range notFound .}}<tr class="not-found"><td>? not found in the {{.Edition}} edition</td><td>{{text .Fact}}</td><td>{{text .Old}}</td><td>{{text .New}}</td></tr>{{end}}
{{with .Published}}<tr><td>{{.Change}}</td><td>published</td><td>{{none .Old | text}}</td><td>{{none .New | text}}</td></tr>{{end}}
{{if levelRead .}}{{with .Advisory}}{{if ne .Change "unchanged"}}<tr class="{{.Change}}"><td class="{{.Change}}">{{arrow .Change}} {{.Change}}</td><td>advisory level</td><td>{{level .Old .OldWording | text}}</td><td>{{level .New .NewWording | text}}</td></tr>{{end}}{{end}}{{end}}
{{range .Indicators.Added}}<tr><td>+ added</td><td>{{indicator $ . "added" | text}}</td><td>not included</td><td>included</td></tr>{{end}}
{{range .Indicators.Removed}}<tr><td>− removed</td><td>{{indicator $ . "removed" | text}}</td><td>included</td><td>not included</td></tr>{{end}}
{{range .ChangedRatings}}<tr class="rating"><td class="{{.Change}}">{{arrow .Change}} {{.Change}}</td><td>{{text .Category}} threat rating, {{text .Location}}</td><td>{{none .Old | text}}</td><td>{{none .New | text}}</td></tr>{{end}}
{{range .ChangedRegions}}<tr><td class="{{.Change}}">{{arrow .Change}} {{.Change}}</td><td>region: {{regionLabel . | text}}</td><td>{{regionOld .}}</td><td>{{regionNew .}}</td></tr>{{end}}
{{range .Contacts.Changed}}<tr><td>~ changed</td><td>contact: {{contact .Kind .Label | text}}</td><td>{{text .Old}}</td><td>{{text .New}}</td></tr>{{end}}
{{range .Contacts.Added}}<tr><td>+ added</td><td>contact: {{contact .Kind .Label | text}}</td><td>none</td><td>{{text .Value}}</td></tr>{{end}}
{{range .Contacts.Removed}}<tr><td>− removed</td><td>contact: {{contact .Kind .Label | text}}</td><td>{{text .Value}}</td><td>none</td></tr>{{end}}
</tbody>
</table>
{{end}}
{{with .ChangedSections}}
<h2>Sections</h2>
{{if gt (len .) 1}}<nav><ol>{{range $i, $s := .}}<li><a href="#section-{{$i}}">{{label $s | text}}</a></li>{{end}}</ol></nav>{{end}}
{{range $i, $s := .}}{{if $s.Paragraphs}}<details class="section" id="section-{{$i}}" open><summary>{{template "label" $s}}</summary>
{{with stock $s.Paragraphs}}{{with .Line}}<p class="stock">= {{text .}}</p>
{{end}}{{if .Rows}}<div class="heads"><div>old</div><div>new</div></div>
{{range .Rows}}<div class="row {{.Status}}{{if .Moved}} moved{{end}}">{{template "old" .}}{{template "new" .}}</div>
{{end}}{{end}}{{end}}</details>
{{else}}<p class="section" id="section-{{$i}}">{{template "label" $s}}</p>
{{end}}{{end}}{{end}}
</body>
</html>
`))
})

// notFoundRow is a fact one edition could not be read for, with what
// each edition said of it, as a row of the facts table.
type notFoundRow struct{ Edition, Fact, Old, New string }

func notFoundRows(r *Result) []notFoundRow {
	var out []notFoundRow
	for _, n := range r.NotFound {
		old, new := notFoundValues(r, n)
		out = append(out, notFoundRow{n.Edition, n.Fact, old, new})
	}
	return out
}

// stockSplit is a section's rows with the stock paragraphs taken out, and
// the line that words those, as text and Markdown group them.
type stockSplit struct {
	Rows []ParagraphDiff
	Line string
}

func stockRows(paras []ParagraphDiff) stockSplit {
	rows, line := splitBoilerplate(paras)
	return stockSplit{rows, line}
}

// ChangedSections are the sections to show, for templates.
func (r *Result) ChangedSections() []SectionChange { return r.changedSections() }

func renderHTML(w io.Writer, r *Result, _ bool) error { return page().Execute(w, r) }
