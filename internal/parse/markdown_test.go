package parse

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/source"
)

func TestMarkdownStructure(t *testing.T) {
	text := `---
title: Ghana Report
published: "2025-06-02"
---
# Ghana Security Report

Intro paragraph with a [link](https://x.test).

Crime
=====

Street crime is
common in *Accra*.

- Item one
  - Nested item
- Item two

## Kidnapping

> Quoted text.

` + "```\ncode is not text\n```\n"
	f, _ := source.New("g.md", []byte(text))
	r, err := Parse(f, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Title.Value != "Ghana Security Report" || r.Published.Value != "2025-06-02" {
		t.Errorf("title %q published %q", r.Title.Value, r.Published.Value)
	}
	if got := titles(r.Sections, 0); !reflect.DeepEqual(got, []string{"Crime", "  Kidnapping"}) {
		t.Errorf("sections %q", got)
	}
	crime := r.Sections[0]
	var texts []string
	for _, p := range crime.Paragraphs {
		texts = append(texts, string(p.Kind)+":"+p.Text)
	}
	want := []string{"paragraph:Street crime is common in Accra.", "list-item:Item one", "list-item:Nested item", "list-item:Item two"}
	if !reflect.DeepEqual(texts, want) {
		t.Errorf("paragraphs %q, want %q", texts, want)
	}
	if got := f.Position(crime.Heading.Start); got.Line != 9 {
		t.Errorf("setext heading at %v, want line 9", got)
	}
	i := strings.Index(crime.Paragraphs[0].Text, "Accra")
	if sp := crime.Paragraphs[0].Source(i, i+5); f.Position(sp.Start) != (source.Position{Line: 13, Column: 12}) {
		t.Errorf("Accra at %v", f.Position(sp.Start))
	}
	if len(r.Links) != 1 || text[r.Links[0].Span.Start:r.Links[0].Span.End] != "[link](https://x.test)" {
		t.Errorf("links %+v", r.Links)
	}
	if r.FrontMatter.Get("title").Scalar != "Ghana Report" {
		t.Errorf("front matter %+v", r.FrontMatter)
	}
	if sp := r.FrontMatter.Get("title").Span; text[sp.Start:sp.End] != "Ghana Report" {
		t.Errorf("front matter span %q", text[sp.Start:sp.End])
	}
	if len(r.Sections[0].Sections[0].Paragraphs) != 1 {
		t.Errorf("block quote paragraph missing")
	}
}

func TestFrontMatterErrors(t *testing.T) {
	tests := []struct {
		name, text, want string
		line             int
	}{
		{"bad yaml", "---\ntitle: [unclosed\n---\n# T\n", "front matter:", 2},
		{"unknown profile", "---\nprofile: nope\n---\n# T\n", `unknown profile "nope"`, 2},
		{"empty front matter only", "---\n---\n", "holds only an empty front matter; there is no report to check", 0},
		{"empty map, blank body", "---\n{}\n---\n\n  \n", "holds only an empty front matter", 0},
	}
	for _, tt := range tests {
		f, _ := source.New("x.md", []byte(tt.text))
		_, err := Parse(f, Options{})
		var se *source.Error
		if !errors.As(err, &se) || !strings.Contains(se.Reason, tt.want) || se.Pos.Line < tt.line {
			t.Errorf("%s: err = %v, want %q at line %d", tt.name, err, tt.want, tt.line)
		}
	}
	// Front matter alone, with something in it, is a report to check.
	if r := parseString(t, "x.md", "---\ntitle: T\n---\n"); r.Title.Value != "T" {
		t.Errorf("front matter alone: title %q", r.Title.Value)
	}
	// An opening --- that is never closed is a thematic break, not front matter.
	r := parseString(t, "x.md", "---\nJust text\n")
	if r.FrontMatter != nil {
		t.Errorf("unclosed front matter was read: %+v", r.FrontMatter)
	}
}

func TestFrontMatterProfile(t *testing.T) {
	r := parseString(t, "x.md", "---\nprofile: osac-csr\npublished: November 29, 2024\n---\nSome text.\n")
	if r.Profile != "osac-csr" || r.Published.Value != "2024-11-29" {
		t.Errorf("profile %s published %s", r.Profile, r.Published.Value)
	}
	if r.Format != document.FormatMarkdown {
		t.Errorf("format %s", r.Format)
	}
}

// Character references read as the characters they stand for, as a reader
// sees them, except in code; words after them keep their places.
func TestMarkdownEntities(t *testing.T) {
	src := "# Report\n\n## Embassy &amp; Consulate Contact Information\n\nTom &amp; Jerry&#8217;s caf&eacute; recently, not `&amp;` in code, nor &bogus;.\n"
	r := parseString(t, "r.md", src)
	if got := r.Sections[0].Title.Value; got != "Embassy & Consulate Contact Information" {
		t.Errorf("heading %q", got)
	}
	p := r.Sections[0].Paragraphs[0]
	if want := "Tom & Jerry’s café recently, not &amp; in code, nor &bogus;."; p.Text != want {
		t.Errorf("text %q, want %q", p.Text, want)
	}
	i := strings.Index(p.Text, "recently")
	if span := p.Source(i, i+len("recently")); src[span.Start:span.End] != "recently" {
		t.Errorf("recently maps to %q", src[span.Start:span.End])
	}
}

// A Markdown report's paragraphs share one builder's segment room and are
// cut from arrays of 32: past an array's end each keeps its own text and
// segments, and growing one paragraph's segments leaves the next's alone.
// The headings' text is built in the same builder.
func TestMarkdownParagraphsShareRoom(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Title\n\n## Crime\n\n")
	for i := range 40 {
		fmt.Fprintf(&b, "Para %d has [a link](https://x.test/%d) and **bold** text.\n\n", i, i)
	}
	b.WriteString("## [Terrorism](#t) **now**\n")
	r := parseString(t, "r.md", b.String())
	if len(r.Sections) != 2 || r.Title.Value != "Title" || r.Sections[0].Title.Value != "Crime" || r.Sections[1].Title.Value != "Terrorism now" {
		t.Fatalf("title %q, sections %+v", r.Title.Value, r.Sections)
	}
	if h := r.Sections[1].Heading; b.String()[h.Start:h.End] != "## [Terrorism](#t) **now**" {
		t.Errorf("heading span %v is %q", h, b.String()[h.Start:h.End])
	}
	ps := r.Sections[0].Paragraphs
	if len(ps) != 40 {
		t.Fatalf("%d paragraphs, want 40", len(ps))
	}
	for i, p := range ps {
		if want := fmt.Sprintf("Para %d has a link and bold text.", i); p.Inline.Text != want {
			t.Errorf("paragraph %d: %q, want %q", i, p.Inline.Text, want)
		}
		for _, s := range p.Inline.Segments {
			if got, src := p.Inline.Text[s.TextStart:s.TextStart+s.Len], r.Sections[0].Paragraphs[i].Span; s.SourceStart < src.Start || got != b.String()[s.SourceStart:s.SourceStart+s.Len] {
				t.Errorf("paragraph %d: segment %+v does not map %q to the source", i, s, got)
			}
		}
	}
	next := append([]document.Segment(nil), ps[1].Inline.Segments...)
	ps[0].Inline.Segments = append(ps[0].Inline.Segments, document.Segment{TextStart: -1})
	if !reflect.DeepEqual(ps[1].Inline.Segments, next) {
		t.Errorf("growing paragraph 0's segments changed paragraph 1's: %+v, want %+v", ps[1].Inline.Segments, next)
	}
}
