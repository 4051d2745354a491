// Package baseline records a run's findings so that a repository with old
// problems fails only on new ones. A finding is recognised by a fingerprint
// of its rule, its file and the text around it, not by its line, so that it
// stays recognised when lines above it move.
package baseline

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/atomicfile"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/source"
)

// Version is the file format's version.
const Version = 1

// Entry is one recorded finding. Message and Line are for people reading
// the file; matching uses Path, Rule and Fingerprint.
type Entry struct {
	Path        string `json:"path"`
	Rule        string `json:"rule"`
	Fingerprint string `json:"fingerprint"`
	Message     string `json:"message"`
	Line        int    `json:"line"`
}

// File is a baseline file.
type File struct {
	Version  int     `json:"version"`
	Tool     string  `json:"tool"`
	Findings []Entry `json:"findings"`
}

// neighbours is how many words either side of a finding take part in its
// fingerprint: enough to tell two findings of the same text apart, few
// enough that an edit elsewhere in the paragraph (fixing the finding next
// to it, say) does not change it.
const neighbours = 2

// Fingerprint identifies a finding independently of its line: the rule,
// the file, the flagged text with spaces collapsed, and the words next to
// it on its line. Words are runs of letters, so link targets and numbers
// around a finding do not change its fingerprint.
func Fingerprint(f source.View, fd lint.Finding, path string) string {
	return fingerprint(f, fd, path, nil)
}

// fingerprint is Fingerprint, with the words of lines of many findings
// looked up in idx (nil: read every time).
func fingerprint(f source.View, fd lint.Finding, path string, idx *wordIndex) string {
	start, end := max(fd.Span.Start, 0), max(fd.Span.End, fd.Span.Start)
	startLine, endLine := f.Position(start).Line, f.Position(end).Line
	words := []string{
		strings.Join(idx.lastWords(f, startLine, start), " "),
		strings.Join(idx.firstWords(f, endLine, end), " "),
	}
	h := sha256.New()
	for _, part := range []string{fd.Rule, path, collapse(f.Slice(start, end)), words[0], words[1]} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// wordReach is how far from a finding its neighbouring words are looked
// for: far enough for any sentence, and a bound on the work per finding,
// which read the whole line before, on a long line of many findings.
const wordReach = 4096

// around is where in line n offset is, and the part of the line from
// which its neighbouring words are read: at most wordReach bytes before it
// (or after it), and whether the line was cut there.
func around(f source.View, n, offset int, before bool) (line string, at, lo, hi int, cut bool) {
	line = f.Line(n)
	at = min(max(offset-f.LineStart(n), 0), len(line))
	if before {
		return line, at, max(at-wordReach, 0), at, at > wordReach
	}
	return line, at, at, min(at+wordReach, len(line)), len(line)-at > wordReach
}

func collapse(s string) string { return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ") }

// lastWords is the last n words of s, lower-cased, in order; words are
// runs of letters. If s was cut from a longer text, a word at its start
// may be a piece of one, and is not taken.
func lastWords(s string, cut bool, n int) []string {
	var words []string
	end := -1 // end of the word being read, -1 between words
	for i := len(s); i > 0 && len(words) < n; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		switch letter := unicode.IsLetter(r); {
		case letter && end < 0:
			end = i
		case !letter && end >= 0:
			words = append(words, strings.ToLower(s[i:end]))
			end = -1
		}
		i -= size
	}
	if end >= 0 && len(words) < n && !cut {
		words = append(words, strings.ToLower(s[:end]))
	}
	slices.Reverse(words)
	return words
}

// firstWords is the first n words of s, lower-cased; if s was cut, a word
// at its end is not taken.
func firstWords(s string, cut bool, n int) []string {
	var words []string
	start := -1
	for i := 0; i < len(s) && len(words) < n; {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch letter := unicode.IsLetter(r); {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			words = append(words, strings.ToLower(s[start:i]))
			start = -1
		}
		i += size
	}
	if start >= 0 && len(words) < n && !cut {
		words = append(words, strings.ToLower(s[start:]))
	}
	return words
}

// RelPath is a finding's path as recorded: relative to the baseline file's
// folder, with forward slashes, so the baseline works from any working
// folder and on any system.
func RelPath(baselinePath, path string) string {
	absBase, err1 := filepath.Abs(filepath.Dir(baselinePath))
	absPath, err2 := filepath.Abs(path)
	if err1 == nil && err2 == nil {
		if rel, err := filepath.Rel(absBase, absPath); err == nil {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(filepath.Clean(path))
}

// Build records findings; files maps each finding's path to its source.
func Build(baselinePath string, findings []lint.Finding, files map[string]source.View) *File {
	b := &File{Version: Version, Tool: "reportlint", Findings: []Entry{}}
	for _, fd := range findings {
		f := files[fd.Path]
		// What a too-many-findings finding stands for changes with every
		// run, so it is never recorded, and never hidden.
		if f == nil || fd.Rule == lint.TooManyFindings {
			continue
		}
		rel := RelPath(baselinePath, fd.Path)
		b.Findings = append(b.Findings, Entry{Path: rel, Rule: fd.Rule, Fingerprint: Fingerprint(f, fd, rel), Message: fd.Message, Line: fd.Start.Line})
	}
	sort.SliceStable(b.Findings, func(i, j int) bool {
		a, c := b.Findings[i], b.Findings[j]
		if a.Path != c.Path {
			return a.Path < c.Path
		}
		return a.Line < c.Line
	})
	return b
}

// Write saves a baseline (atomically: a temporary file, then a rename).
func (b *File) Write(path string) error {
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.Write(path, append(data, '\n'), 0o644)
}

// Read loads a baseline file.
func Read(path string) (*File, error) {
	data, err := source.ReadAll(path, source.Baseline)
	if err != nil {
		return nil, fmt.Errorf("baseline %s: %s", path, source.PathErrorReason(err))
	}
	var b File
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, fmt.Errorf("baseline %s: not a baseline file (%s); write one with --write-baseline", path, jsonProblem(path, data, err))
	}
	if b.Version != Version {
		return nil, fmt.Errorf("baseline %s: version %d, this reportlint reads version %d; write it again with --write-baseline", path, b.Version, Version)
	}
	return &b, nil
}

// jsonProblem says where a baseline fails to decode, and what kind of
// problem it is, without the file's words (encoding/json quotes the
// character it stops at): a path may have made it any file.
func jsonProblem(path string, data []byte, err error) string {
	var (
		syntax   *json.SyntaxError
		mismatch *json.UnmarshalTypeError
		offset   int64
		what     string
	)
	switch {
	case errors.As(err, &syntax):
		offset, what = syntax.Offset-1, "not valid JSON"
	case errors.As(err, &mismatch):
		offset, what = mismatch.Offset-1, fmt.Sprintf("a JSON %s where a baseline has another kind of value", mismatch.Value)
	default:
		return "not valid JSON"
	}
	if f, err := source.New(path, data); err == nil {
		p := f.Position(int(max(offset, 0)))
		return fmt.Sprintf("%s at line %d, column %d", what, p.Line, p.Column)
	}
	return what
}

// Filter hides the findings the baseline records. Each entry hides one
// finding. It returns the findings still shown, how many were hidden, and
// the entries that matched nothing (fixed problems, or a stale baseline).
func (b *File) Filter(baselinePath string, findings []lint.Finding, files map[string]source.View) (shown []lint.Finding, hidden int, unmatched []Entry) {
	m := b.Matcher(baselinePath)
	byPath := map[string][]lint.Finding{}
	for _, fd := range findings {
		if files[fd.Path] == nil {
			shown = append(shown, fd)
			continue
		}
		byPath[fd.Path] = append(byPath[fd.Path], fd)
	}
	for path, view := range files {
		shown = append(shown, m.Filter(path, view, byPath[path])...)
	}
	sort.SliceStable(shown, func(i, j int) bool { return lint.Less(&shown[i], &shown[j]) })
	return shown, m.Hidden, m.Unmatched()
}

// Matcher hides recorded findings file by file, as a run checks them.
type Matcher struct {
	baselinePath string
	entries      []Entry
	remaining    map[string]int
	checked      map[string]bool // only entries for files the run read can be judged
	// Hidden counts the findings hidden so far.
	Hidden int
}

// Matcher starts matching a run's findings against the baseline.
func (b *File) Matcher(baselinePath string) *Matcher {
	m := &Matcher{baselinePath: baselinePath, entries: b.Findings, remaining: map[string]int{}, checked: map[string]bool{}}
	for _, e := range b.Findings {
		m.remaining[entryKey(e.Path, e.Rule, e.Fingerprint)]++
	}
	return m
}

func entryKey(path, rule, fp string) string { return path + "\x00" + rule + "\x00" + fp }

// Filter returns the findings of one checked file that the baseline does
// not hide. Each entry hides one finding.
func (m *Matcher) Filter(path string, view source.View, findings []lint.Finding) []lint.Finding {
	rel := RelPath(m.baselinePath, path)
	m.checked[rel] = true
	shown := findings[:0:0]
	for _, fd := range findings {
		if fd.Rule == lint.TooManyFindings {
			shown = append(shown, fd)
			continue
		}
		k := entryKey(rel, fd.Rule, Fingerprint(view, fd, rel))
		if m.remaining[k] > 0 {
			m.remaining[k]--
			m.Hidden++
			continue
		}
		shown = append(shown, fd)
	}
	return shown
}

// Unmatched lists the entries, for files the run checked, that hid nothing:
// fixed problems, or a stale baseline.
func (m *Matcher) Unmatched() []Entry {
	left := maps.Clone(m.remaining)
	var out []Entry
	for _, e := range m.entries {
		k := entryKey(e.Path, e.Rule, e.Fingerprint)
		if left[k] > 0 && m.checked[e.Path] {
			left[k]--
			out = append(out, e)
		}
	}
	return out
}
