package reportdiff

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/reportlint/reportlint/internal/source"
	"github.com/reportlint/reportlint/internal/vocab"
)

// Renderer writes a comparison in one format.
type Renderer func(w io.Writer, r *Result, color bool) error

var renderers = map[string]Renderer{}

// Get returns the named renderer.
func Get(name string) (Renderer, error) {
	if r, ok := renderers[name]; ok {
		return r, nil
	}
	return nil, fmt.Errorf("unknown format %q; use one of %s", name, strings.Join(Formats(), ", "))
}

// Formats lists the renderers, sorted.
func Formats() []string {
	var out []string
	for n := range renderers {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// levelName is "Level 3 (Reconsider Travel)", or "none".
func levelName(level int, wording string) string {
	if level == 0 {
		return "none"
	}
	if wording == "" {
		wording = vocab.Default().Levels[level]
	}
	if wording == "" {
		return fmt.Sprintf("Level %d", level)
	}
	return fmt.Sprintf("Level %d (%s)", level, wording)
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func regionLevel(l int) string {
	if l == 0 {
		return "none"
	}
	return fmt.Sprintf("Level %d", l)
}

// regionOld and regionNew are a region's level in each edition: "none"
// where the edition has no such region, "level not read" where it names
// the region with no level reportlint could read.
func regionOld(x RegionChange) string { return regionSide(x.Old, x.Change == Added) }
func regionNew(x RegionChange) string { return regionSide(x.New, x.Change == Removed) }

func regionSide(level int, absent bool) string {
	if level == 0 && !absent {
		return "level not read"
	}
	return regionLevel(level)
}

// arrow marks a direction for readers: ▲ escalated, ▼ lowered.
func arrow(change string) string {
	switch change {
	case Escalated:
		return "▲"
	case Lowered:
		return "▼"
	case Added:
		return "+"
	case Removed:
		return "−"
	}
	return "~"
}

// changedSections are the sections to show: everything but unchanged ones.
func (r *Result) changedSections() []SectionChange {
	return keep(r.Sections, func(s SectionChange) bool { return s.Status != StatusUnchanged })
}

func sectionLabel(s SectionChange) string {
	switch s.Status {
	case StatusRenamed:
		return fmt.Sprintf("%q renamed from %q", s.Title, s.OldTitle)
	case StatusMoved:
		if s.TextChanged {
			return fmt.Sprintf("%q moved and changed", s.Title)
		}
		return fmt.Sprintf("%q moved", s.Title)
	}
	return fmt.Sprintf("%q %s", s.Title, s.Status)
}

// flowText makes report text printable where it flows as one line (a table
// cell, a list item, a paragraph of the HTML page): a line break becomes a
// space, since it would end a Markdown row or item and start a block of the
// report's choosing, or start a line a CI runner reads as a command; other
// controls show as their pictures (source.Printable).
func flowText(s string) string {
	return source.Printable(strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s))
}
