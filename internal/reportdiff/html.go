package reportdiff

import (
	"html/template"
	"io"

	"github.com/reportlint/reportlint/internal/source"
)

func init() { renderers["html"] = renderHTML }

// The page is self-contained (styles inline, nothing fetched) and every
// piece of report text goes through html/template, which escapes HTML. It
// leaves controls as they are, which a page saved in a CI log or shown in a
// terminal must not hold: each path goes through "path" first (one line,
// Go's escapes, as the text output shows it) and each piece of report text
// through "text" (flowText: a picture for a control, keeping it readable).
var page = template.Must(template.New("diff").Funcs(template.FuncMap{
	"level": levelName, "none": orNone, "arrow": arrow, "region": regionLevel, "contact": contactName, "label": sectionLabel,
	"path": source.PrintableLine, "text": flowText,
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>reportlint diff: {{path .Old.Path}} → {{path .New.Path}}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:2em auto;max-width:60em;padding:0 1em;color:#1f2328}
h1{font-size:1.3em}h2{font-size:1.1em;margin-top:2em}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #d0d7de;padding:.3em .6em;text-align:left;vertical-align:top}
th{background:#f6f8fa}.escalated{color:#b42318;font-weight:bold}.lowered{color:#067647;font-weight:bold}
.warning{background:#fff8c5;border:1px solid #d4a72c;padding:.5em 1em}
ins{background:#dafbe1;text-decoration:none}del{background:#ffebe9}
details{margin:.5em 0}summary{cursor:pointer;font-weight:600}.meta{color:#59636e}
</style>
</head>
<body>
<h1>What changed: {{path .Old.Path}} → {{path .New.Path}}</h1>
<p class="meta">{{text .Old.Title}} ({{none .Old.Published | text}}) → {{text .New.Title}} ({{none .New.Published | text}})</p>
{{range .Warnings}}<p class="warning">{{text .}}</p>{{end}}
{{if .Empty}}<p id="no-changes">No changes.</p>{{end}}
{{if .Facts}}
<h2>Facts</h2>
<table id="facts">
<thead><tr><th>change</th><th>fact</th><th>old</th><th>new</th></tr></thead>
<tbody>
{{with .Published}}<tr><td>{{.Change}}</td><td>published</td><td>{{none .Old | text}}</td><td>{{none .New | text}}</td></tr>{{end}}
{{with .Advisory}}{{if ne .Change "unchanged"}}<tr class="{{.Change}}"><td class="{{.Change}}">{{arrow .Change}} {{.Change}}</td><td>advisory level</td><td>{{level .Old .OldWording | text}}</td><td>{{level .New .NewWording | text}}</td></tr>{{end}}{{end}}
{{range .Indicators.Added}}<tr><td>+ added</td><td>indicator {{text .Code}} ({{text .Name}})</td><td>not included</td><td>included</td></tr>{{end}}
{{range .Indicators.Removed}}<tr><td>− removed</td><td>indicator {{text .Code}} ({{text .Name}})</td><td>included</td><td>not included</td></tr>{{end}}
{{range .ChangedRatings}}<tr class="rating"><td class="{{.Change}}">{{arrow .Change}} {{.Change}}</td><td>{{text .Category}} threat rating, {{text .Location}}</td><td>{{none .Old | text}}</td><td>{{none .New | text}}</td></tr>{{end}}
{{range .ChangedRegions}}<tr><td class="{{.Change}}">{{arrow .Change}} {{.Change}}</td><td>region: {{text .Name}}</td><td>{{region .Old}}</td><td>{{region .New}}</td></tr>{{end}}
{{range .Contacts.Changed}}<tr><td>~ changed</td><td>contact: {{contact .Kind .Label | text}}</td><td>{{text .Old}}</td><td>{{text .New}}</td></tr>{{end}}
{{range .Contacts.Added}}<tr><td>+ added</td><td>contact: {{contact .Kind .Label | text}}</td><td>none</td><td>{{text .Value}}</td></tr>{{end}}
{{range .Contacts.Removed}}<tr><td>− removed</td><td>contact: {{contact .Kind .Label | text}}</td><td>{{text .Value}}</td><td>none</td></tr>{{end}}
</tbody>
</table>
{{end}}
{{with .ChangedSections}}
<h2>Sections</h2>
{{range .}}{{if .Paragraphs}}<details open><summary>{{label . | text}}</summary>
<ul>{{range .Paragraphs}}<li>{{if eq .Status "added"}}<ins>{{text .New}}</ins>{{else if eq .Status "removed"}}<del>{{text .Old}}</del>{{else if eq .Status "moved"}}<span class="meta">moved:</span> {{text .New}}{{else}}{{range .Words}}{{if eq .Op "insert"}}<ins>{{text .Text}}</ins>{{else if eq .Op "delete"}}<del>{{text .Text}}</del>{{else}}{{text .Text}}{{end}}{{end}}{{end}}</li>
{{end}}</ul>
</details>
{{else}}<p class="section">{{label . | text}}</p>
{{end}}{{end}}{{end}}
</body>
</html>
`))

// ChangedSections are the sections to show, for templates.
func (r *Result) ChangedSections() []SectionChange { return r.changedSections() }

func renderHTML(w io.Writer, r *Result, _ bool) error { return page.Execute(w, r) }
