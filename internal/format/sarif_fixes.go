package format

import (
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/source"
)

// A fix in SARIF: the edits of one finding's fix, as regions of the file
// to delete and text to put in their place.
type (
	sarifFix struct {
		Description     sarifText             `json:"description"`
		ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
	}
	sarifArtifactChange struct {
		ArtifactLocation sarifArtifact      `json:"artifactLocation"`
		Replacements     []sarifReplacement `json:"replacements"`
	}
	sarifReplacement struct {
		DeletedRegion   sarifRegion `json:"deletedRegion"`
		InsertedContent sarifText   `json:"insertedContent"`
	}
)

// sarifFixes is a finding's fix, in the same file as its location and
// with columns counted as the run's (code points); nil when it has none, or
// when the lines it touches are not at hand.
func sarifFixes(view source.View, f lint.Finding, at sarifArtifact) []sarifFix {
	if f.Fix == nil || len(f.Fix.Edits) == 0 || view == nil {
		return nil
	}
	change := sarifArtifactChange{ArtifactLocation: at}
	for _, e := range f.Fix.Edits {
		start, end := view.Position(e.Span.Start), view.Position(max(e.Span.End, e.Span.Start))
		change.Replacements = append(change.Replacements, sarifReplacement{
			DeletedRegion:   sarifRegion{StartLine: start.Line, StartColumn: start.Column, EndLine: end.Line, EndColumn: end.Column},
			InsertedContent: sarifText{e.New},
		})
	}
	desc := f.Fix.Message
	if desc == "" {
		desc = f.Message
	}
	return []sarifFix{{Description: sarifText{desc}, ArtifactChanges: []sarifArtifactChange{change}}}
}
