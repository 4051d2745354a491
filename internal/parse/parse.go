// Package parse turns a checked source file into the document model: first
// the structure (sections, paragraphs, links) of a text, Markdown, JSON or
// YAML report, then the facts the checks read (package extract).
package parse

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/extract"
	"github.com/reportlint/reportlint/internal/profile"
	"github.com/reportlint/reportlint/internal/source"
)

// Options say how to read a file; zero values mean "work it out".
type Options struct {
	Format   document.Format // empty: from the file name, then the content
	Profile  string          // empty: the front matter's profile, else detected
	Profiles *profile.Set    // nil: the built-in profiles
	// Published is the published date (YYYY-MM-DD, already checked) of a
	// report whose text and front matter state none (--published, or an
	// override's published:); a date the report states wins. PublishedBy
	// says where it was given, for the note that says so.
	Published, PublishedBy string
	// ProfileChosen, if set, is told the profile a text or Markdown report
	// is read as, once it is chosen and before the report is read.
	ProfileChosen func(name string)
	// CountryOnly reads, of the facts extraction finds in the paragraphs,
	// the country alone (extract.Country): for a check whose rules read no
	// other (lint.Rule.TextOnly).
	CountryOnly bool
}

// Formats lists the input formats, for help and messages.
var Formats = []document.Format{document.FormatText, document.FormatMarkdown, document.FormatJSON, document.FormatYAML}

// FormatOf tells a report's format from its file name.
func FormatOf(path string) (document.Format, bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".text":
		return document.FormatText, true
	case ".md", ".markdown":
		return document.FormatMarkdown, true
	case ".json":
		return document.FormatJSON, true
	case ".yaml", ".yml":
		return document.FormatYAML, true
	}
	return "", false
}

// ParseFormat reads a --input-format value.
func ParseFormat(s string) (document.Format, error) {
	for _, f := range Formats {
		if string(f) == strings.ToLower(s) {
			return f, nil
		}
	}
	if strings.EqualFold(s, "md") {
		return document.FormatMarkdown, nil
	}
	return "", fmt.Errorf("unknown input format %q; use one of text, markdown, json, yaml", s)
}

// looksLikeMarkdown tells a Markdown report saved as .txt (as pages
// converted from the web often are) from a plain-text one: its first
// non-blank line, or at least two lines in its first 8 KiB, are ATX headings.
func looksLikeMarkdown(text string) bool {
	head := text[:min(len(text), 8192)]
	headings, first := 0, true
	for line := range strings.Lines(head) {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if isATXHeading(line) {
			if first {
				return true
			}
			headings++
		}
		first = false
	}
	return headings >= 2
}

// isATXHeading: up to three spaces, one to six #, a space, then text.
func isATXHeading(line string) bool {
	rest := strings.TrimLeft(line, " ")
	if len(line)-len(rest) > 3 {
		return false
	}
	hashes := len(rest) - len(strings.TrimLeft(rest, "#"))
	rest = rest[hashes:]
	return hashes >= 1 && hashes <= 6 && len(rest) > 1 && (rest[0] == ' ' || rest[0] == '\t') && strings.TrimSpace(rest) != ""
}

// Parse reads f into the document model. Text and Markdown always parse;
// JSON, YAML and front matter that cannot be decoded give a *source.Error
// naming the line and column.
func Parse(f *source.File, opt Options) (*document.Report, error) {
	profiles := opt.Profiles
	if profiles == nil {
		profiles = profile.Default()
	}
	format := opt.Format
	if format == "" {
		var ok bool
		if format, ok = FormatOf(f.Path); !ok {
			return nil, &source.Error{Path: f.Path, Offset: -1, Reason: "has an extension reportlint does not read; name its format with --input-format text|markdown|json|yaml"}
		}
		if format == document.FormatText && looksLikeMarkdown(f.Text) {
			format = document.FormatMarkdown
		}
	}
	if format == document.FormatJSON || format == document.FormatYAML {
		return parseData(f, format, opt, profiles)
	}

	r := &document.Report{Path: f.Path, Format: format}
	src := f.Text
	if format == document.FormatText {
		src = blankDirectiveLines(src)
	}
	if format == document.FormatMarkdown {
		fm, blanked, err := frontMatter(f)
		if err != nil {
			return nil, err
		}
		r.FrontMatter = fm
		src = blanked
		if strings.TrimSpace(src) == "" && (fm == nil || fm.Kind == document.NodeNull || fm.Kind == document.NodeMap && len(fm.Fields) == 0) {
			// "---\n---\n" is as blank as an empty file.
			return nil, &source.Error{Path: f.Path, Offset: -1, Reason: "holds only an empty front matter; there is no report to check"}
		}
		if err := checkNesting(f, src); err != nil {
			return nil, err
		}
		if err := checkLinkScans(f, src); err != nil {
			return nil, err
		}
		if err := checkInlineMarks(f, src); err != nil {
			return nil, err
		}
	}
	prof, err := chooseProfile(f, opt.Profile, r.FrontMatter, profiles)
	if err != nil {
		return nil, err
	}
	r.Profile = prof.Name
	if opt.ProfileChosen != nil {
		opt.ProfileChosen(prof.Name)
	}
	if format == document.FormatMarkdown {
		parseMarkdown(src, r, prof)
	} else {
		parseText(src, r, prof)
	}
	takeFurniture(r, src, prof)
	metadataFromFrontMatter(r)
	givePublished(r, opt)
	if opt.CountryOnly {
		extract.Country(r, f.Text, prof)
	} else {
		extract.Facts(r, f.Text, prof)
	}
	return r, nil
}

// chooseProfile: the --profile flag, then the front matter's profile key,
// then detection from the first lines.
func chooseProfile(f *source.File, flag string, fm *document.Node, profiles *profile.Set) (*profile.Profile, error) {
	name, span := flag, document.Span{Start: -1}
	if name == "" {
		if v := fm.Get("profile"); v != nil && v.Kind == document.NodeString {
			name, span = v.Scalar, v.Span
		}
	}
	if name == "" {
		return profiles.Detect(f.Text), nil
	}
	p, ok := profiles.Get(name)
	if !ok {
		e := &source.Error{Path: f.Path, Offset: -1, Reason: fmt.Sprintf("unknown profile %q; known profiles: %s", name, strings.Join(profiles.Names(), ", "))}
		if span.Start >= 0 {
			e.Pos, e.Offset = f.Position(span.Start), f.OriginalOffset(span.Start)
		}
		return nil, e
	}
	return p, nil
}

// givePublished gives a report that states no published date, in its text
// or front matter, the date the run gives (opt.Published), at its title:
// the date rules then run as of it. A date the report states wins, without
// a word, so that one --published over many files changes only those that
// state none. A note says where the date came from.
func givePublished(r *document.Report, opt Options) {
	if opt.Published == "" || r.Published.Value != "" {
		return
	}
	by := opt.PublishedBy
	if by == "" {
		by = "the run"
	}
	r.Published, r.PublishedBy = document.Text{Value: opt.Published, Span: r.Title.Span}, by
	r.Notes = append(r.Notes, document.Note{
		Fact:    "published",
		Message: "the text states no published date; " + opt.Published + " is given by " + by,
		Span:    r.Title.Span,
	})
}
