package format

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/source"
)

func init() { register("sarif", writeSARIF) }

// The subset of SARIF 2.1.0 that code scanning reads.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool               sarifTool                `json:"tool"`
		OriginalURIBaseIDs map[string]sarifArtifact `json:"originalUriBaseIds,omitempty"`
		Results            []sarifResult            `json:"results"`
		ColumnKind         string                   `json:"columnKind"`
		// Invocations come after the results, as they are known only once
		// every file has been read.
		Invocations []sarifInvocation `json:"invocations,omitempty"`
	}
	sarifInvocation struct {
		ExecutionSuccessful        bool                `json:"executionSuccessful"`
		ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	}
	sarifNotification struct {
		Level      string          `json:"level"`
		Message    sarifText       `json:"message"`
		Descriptor sarifReference  `json:"descriptor"`
		Locations  []sarifLocation `json:"locations"`
	}
	sarifReference struct {
		ID string `json:"id"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version,omitempty"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string             `json:"id"`
		ShortDescription     sarifText          `json:"shortDescription"`
		FullDescription      sarifText          `json:"fullDescription"`
		HelpURI              string             `json:"helpUri,omitempty"`
		DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	}
	sarifConfiguration struct {
		Level string `json:"level"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifResult struct {
		RuleID    string          `json:"ruleId"`
		RuleIndex *int            `json:"ruleIndex,omitempty"` // nil: a rule the run does not list
		Level     string          `json:"level"`
		Message   sarifText       `json:"message"`
		Locations []sarifLocation `json:"locations"`
		Fixes     []sarifFix      `json:"fixes,omitempty"`
	}
	sarifLocation struct {
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           *sarifRegion  `json:"region,omitempty"`
	}
	sarifArtifact struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
		EndLine     int `json:"endLine,omitempty"`
		EndColumn   int `json:"endColumn,omitempty"`
	}
)

func sarifLevel(l lint.Level) string {
	switch l {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "note"
}

// sarifURI is a path as a relative URI reference: forward slashes, each
// segment percent-encoded.
func sarifURI(path string) string {
	parts := strings.Split(filepath.ToSlash(path), "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return strings.Join(parts, "/")
}

// srcRoot is the base id of locations in the repository, the name GitHub
// code scanning and the SARIF spec's examples give the source root.
const srcRoot = "%SRCROOT%"

// sarifArtifact places a path: relative to the run's root with srcRoot as
// its base, however it was typed (./x, a//b, ../x, from a subfolder); a
// file outside the root as an absolute file:// URI, with no base.
func (r *Run) sarifArtifact(path string) sarifArtifact {
	if r.Root == "" || path == "-" {
		return sarifArtifact{URI: sarifURI(path)}
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return sarifArtifact{URI: sarifURI(path)}
	}
	// The root has its links resolved, so the folders leading to the file
	// are resolved too; the file itself is named as given, even a link.
	abs = filepath.Join(source.RealPath(filepath.Dir(abs)), filepath.Base(abs))
	rel, err := filepath.Rel(r.Root, abs)
	if err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel) {
		return sarifArtifact{URI: sarifURI(rel), URIBaseID: srcRoot}
	}
	return sarifArtifact{URI: fileURI(abs)}
}

// fileURI is an absolute path as a file:// URI: file:///a/b, and on
// Windows file:///C:/a/b.
func fileURI(abs string) string {
	p := sarifURI(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return "file://" + p
}

func writeSARIF(w io.Writer, r *Run) error {
	driver := sarifDriver{Name: r.Tool.Name, Version: sarifVersion(r.Tool.Version), InformationURI: "https://github.com/reportlint/reportlint", Rules: []sarifRule{}}
	index := map[string]int{}
	addRule := func(id, summary, doc string, level lint.Level) {
		if _, ok := index[id]; ok {
			return
		}
		index[id] = len(driver.Rules)
		full := strings.Join(strings.Fields(doc), " ")
		if full == "" {
			full = summary
		}
		driver.Rules = append(driver.Rules, sarifRule{ID: id, ShortDescription: sarifText{summary}, FullDescription: sarifText{full}, HelpURI: r.ruleURL(id), DefaultConfiguration: sarifConfiguration{sarifLevel(level)}})
	}
	for _, rule := range r.Rules {
		addRule(rule.ID, rule.Summary, rule.Doc, rule.Level)
	}
	log := sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{{Tool: sarifTool{Driver: driver}, Results: []sarifResult{}, ColumnKind: "unicodeCodePoints"}},
	}
	if r.Root != "" {
		root := fileURI(r.Root)
		if !strings.HasSuffix(root, "/") {
			root += "/"
		}
		log.Runs[0].OriginalURIBaseIDs = map[string]sarifArtifact{srcRoot: {URI: root}}
	}
	head, _, err := sarifEnvelope(log)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	bw.Write(source.PrintableJSON(head))
	// Results are written one at a time, as the files come, indented as
	// they would be in place.
	var item bytes.Buffer
	enc := json.NewEncoder(&item)
	enc.SetIndent("        ", "  ")
	enc.SetEscapeHTML(false)
	n := 0
	invocation := sarifInvocation{ExecutionSuccessful: true}
	for file := range r.each() {
		if fl := file.Failure; fl != nil {
			// A report that could not be read: the run did not do all it
			// was asked, which code scanning shows as a tool notification.
			loc := sarifPhysical{ArtifactLocation: r.sarifArtifact(file.Path)}
			if fl.Line > 0 {
				loc.Region = &sarifRegion{StartLine: fl.Line, StartColumn: fl.Column}
			}
			invocation.ExecutionSuccessful = false
			invocation.ToolExecutionNotifications = append(invocation.ToolExecutionNotifications, sarifNotification{
				Level: "error", Message: sarifText{fl.Message}, Descriptor: sarifReference{ID: FailureRule},
				Locations: []sarifLocation{{PhysicalLocation: loc}},
			})
		}
		for _, f := range file.Findings {
			msg := f.Message
			if f.Hint != "" {
				msg += " (" + f.Hint + ")"
			}
			res := sarifResult{
				RuleID: f.Rule, Level: sarifLevel(f.Level), Message: sarifText{msg},
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
					ArtifactLocation: r.sarifArtifact(f.Path),
					Region:           &sarifRegion{StartLine: f.Start.Line, StartColumn: f.Start.Column, EndLine: f.End.Line, EndColumn: f.End.Column},
				}}},
			}
			if i, ok := index[f.Rule]; ok {
				res.RuleIndex = &i
			}
			res.Fixes = sarifFixes(file.Source, f, res.Locations[0].PhysicalLocation.ArtifactLocation)
			item.Reset()
			if err := enc.Encode(res); err != nil {
				return err
			}
			if n > 0 {
				bw.WriteByte(',')
			}
			bw.WriteString("\n        ")
			bw.Write(source.PrintableJSON(bytes.TrimSuffix(item.Bytes(), []byte("\n"))))
			n++
		}
	}
	if n > 0 {
		bw.WriteString("\n      ")
	}
	log.Runs[0].Invocations = []sarifInvocation{invocation}
	_, tail, err := sarifEnvelope(log)
	if err != nil {
		return err
	}
	bw.Write(source.PrintableJSON(tail))
	return bw.Flush()
}

// sarifEnvelope writes the log with an empty results array and cuts it
// there: what goes before the results, and what after.
func sarifEnvelope(log sarifLog) (head, tail []byte, err error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(log); err != nil {
		return nil, nil, err
	}
	// Inside a JSON string a quote is escaped, so this text can only be
	// the results key itself.
	marker := []byte(`"results": [`)
	i := bytes.Index(buf.Bytes(), marker)
	if i < 0 {
		return nil, nil, fmt.Errorf("sarif: no results array in the log")
	}
	cut := i + len(marker)
	return buf.Bytes()[:cut], buf.Bytes()[cut:], nil
}

// sarifVersion writes a version so that it starts with a number, as SARIF
// consumers compare versions: "v1.2.3" is "1.2.3", a local build "0.0.0-devel".
func sarifVersion(v string) string {
	v = strings.TrimPrefix(v, "v")
	if v != "" && v[0] >= '0' && v[0] <= '9' {
		return v
	}
	return "0.0.0-devel"
}
