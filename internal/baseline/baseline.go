// Package baseline records a run's findings so that a repository with old
// problems fails only on new ones. A finding is recognised by a fingerprint
// of its rule, its file and the text around it, not by its line, so that it
// stays recognised when lines above it move.
package baseline

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/atomicfile"
	"github.com/reportlint/reportlint/internal/document"
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

// Recorder builds a baseline as a run checks its files: each file's
// findings become entries as they are found, in the worker checking it,
// so that a run recording a million findings holds small entries, not
// findings and the lines they quote. It holds no more entries than a
// baseline may hold when read (source.Baseline's limit): past that, the
// baseline could not be used, so it only counts, and Baseline says so.
type Recorder struct {
	baselinePath string
	kind         source.Kind  // the limit on its size
	size         atomic.Int64 // bytes of the file so far (at most 4 over), entries of files not yet done included
	entries      []Entry
	count        int    // findings recorded, held or not
	most         string // the file of the most findings, as named in the run
	mostCount    int
}

// NewRecorder starts a baseline to be written at baselinePath.
func NewRecorder(baselinePath string) *Recorder {
	r := &Recorder{baselinePath: baselinePath, kind: source.Baseline, entries: []Entry{}}
	r.size.Store(int64(len(fileStart(Version, "reportlint")) + len(fileEnd)))
	return r
}

// FileRecord is the entries of one file, found before the file is done.
type FileRecord struct {
	r        *Recorder
	path     string
	rel      string
	view     source.View
	words    *wordIndex
	entries  []recorded
	count    int
	messages map[string]string // each message once: a rule repeats its own
}

// recorded is an entry with its finding's span, to order it as the
// finding is ordered.
type recorded struct {
	Entry
	span document.Span
}

// File starts recording the findings of one file; it may be called from
// any goroutine, and the record used in one.
func (r *Recorder) File(path string, view source.View) *FileRecord {
	return &FileRecord{r: r, path: path, rel: RelPath(r.baselinePath, path), view: view, words: newWordIndex(), messages: map[string]string{}}
}

// Add records a finding of the file.
func (fr *FileRecord) Add(fd lint.Finding) {
	// What a too-many-findings finding stands for changes with every run,
	// so it is never recorded, and never hidden.
	if fd.Rule == lint.TooManyFindings {
		return
	}
	fr.count++
	if fr.r.over() {
		fr.entries, fr.messages = nil, nil
		return
	}
	msg, ok := fr.messages[fd.Message]
	if !ok {
		msg = fd.Message
		fr.messages[msg] = msg
	}
	e := Entry{Path: fr.rel, Rule: fd.Rule, Fingerprint: fingerprint(fr.view, fd, fr.rel, fr.words), Message: msg, Line: fd.Start.Line}
	fr.r.size.Add(int64(entrySize(e)))
	fr.entries = append(fr.entries, recorded{Entry: e, span: fd.Span})
}

func (r *Recorder) over() bool { return r.size.Load() > r.kind.Limit }

// Done adds a file's entries to the baseline. Files are done in the
// run's order, so that the baseline does not depend on timing.
func (r *Recorder) Done(fr *FileRecord) {
	r.count += fr.count
	if fr.count > r.mostCount {
		r.most, r.mostCount = fr.path, fr.count
	}
	if r.over() {
		r.entries = nil
		return
	}
	// In the order of the findings (lint.Less), which entries on one line
	// keep in the file.
	sort.SliceStable(fr.entries, func(i, j int) bool {
		a, b := &fr.entries[i], &fr.entries[j]
		if a.span.Start != b.span.Start {
			return a.span.Start < b.span.Start
		}
		if a.span.End != b.span.End {
			return a.span.End < b.span.End
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
	for _, e := range fr.entries {
		r.entries = append(r.entries, e.Entry)
	}
	fr.entries = nil
}

// Baseline is the baseline recorded, its entries by path and line, or an
// error if it is too large to be read back.
func (r *Recorder) Baseline() (*File, error) {
	if r.over() {
		return nil, fmt.Errorf("the %d findings of this run are %s; the most are in %s (%d); nothing was written",
			r.count, r.kind.Over(), r.most, r.mostCount)
	}
	b := &File{Version: Version, Tool: "reportlint", Findings: r.entries}
	sort.SliceStable(b.Findings, func(i, j int) bool {
		a, c := b.Findings[i], b.Findings[j]
		if a.Path != c.Path {
			return a.Path < c.Path
		}
		return a.Line < c.Line
	})
	return b, nil
}

// The file is written as json.MarshalIndent(b, "", "  ") would write it,
// one entry at a time, so that its size is known entry by entry and no
// copy of it is held.
const (
	entryPrefix = "    "
	fileEnd     = "\n  ]\n}\n"
)

func fileStart(version int, tool string) string {
	t, _ := json.Marshal(tool)
	return fmt.Sprintf("{\n  \"version\": %d,\n  \"tool\": %s,\n  \"findings\": [", version, t)
}

// entry is one entry as written, without the separator before it.
func entry(e Entry) []byte {
	data, _ := json.MarshalIndent(e, entryPrefix, "  ") // an Entry always encodes
	return data
}

// entrySize is the bytes an entry takes in the file: its separator (a
// comma but for the first, a newline and the indent), and itself.
func entrySize(e Entry) int { return len(",\n"+entryPrefix) + len(entry(e)) }

// Write saves a baseline (atomically: a temporary file, then a rename).
func (b *File) Write(path string) error {
	return atomicfile.WriteFunc(path, 0o644, func(w io.Writer) error {
		bw := bufio.NewWriter(w)
		bw.WriteString(fileStart(b.Version, b.Tool))
		if len(b.Findings) == 0 {
			bw.WriteString("]\n}\n")
			return bw.Flush()
		}
		for i, e := range b.Findings {
			if i > 0 {
				bw.WriteString(",")
			}
			bw.WriteString("\n" + entryPrefix)
			bw.Write(entry(e))
		}
		bw.WriteString(fileEnd)
		return bw.Flush()
	})
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

// Matcher hides recorded findings file by file, as a run checks them:
// each file is matched on its own, in the worker checking it, before the
// limit on findings shown counts them, and is done in the run's order.
type Matcher struct {
	baselinePath string
	entries      []Entry
	recorded     map[string]map[string]int // by path, then rule and fingerprint; read only
	// remaining is, for each file done, what its entries have left to hide.
	remaining map[string]map[string]int
	// Hidden counts the findings hidden in the files done.
	Hidden int
}

// Matcher starts matching a run's findings against the baseline.
func (b *File) Matcher(baselinePath string) *Matcher {
	m := &Matcher{baselinePath: baselinePath, entries: b.Findings, recorded: map[string]map[string]int{}, remaining: map[string]map[string]int{}}
	for _, e := range b.Findings {
		if m.recorded[e.Path] == nil {
			m.recorded[e.Path] = map[string]int{}
		}
		m.recorded[e.Path][entryKey(e.Rule, e.Fingerprint)]++
	}
	return m
}

func entryKey(rule, fp string) string { return rule + "\x00" + fp }

// FileMatch matches the findings of one file.
type FileMatch struct {
	rel       string
	view      source.View
	words     *wordIndex
	remaining map[string]int // by rule and fingerprint
	byRule    map[string]int // the same, by rule alone
	hidden    int
}

// File starts matching the findings of one file; it may be called from
// any goroutine, and the match used in one.
func (m *Matcher) File(path string, view source.View) *FileMatch {
	rel := RelPath(m.baselinePath, path)
	fm := &FileMatch{rel: rel, view: view, words: newWordIndex(), remaining: maps.Clone(m.recorded[rel]), byRule: map[string]int{}}
	for k, n := range fm.remaining {
		rule, _, _ := strings.Cut(k, "\x00")
		fm.byRule[rule] += n
	}
	return fm
}

// Show reports whether a finding is to be shown: whether no entry left
// hides it. Each entry hides one finding. A finding of a rule with no
// entry left is not fingerprinted: every finding is asked about, and a
// hostile file has millions.
func (fm *FileMatch) Show(fd lint.Finding) bool {
	if fd.Rule == lint.TooManyFindings || fm.byRule[fd.Rule] == 0 {
		return true
	}
	k := entryKey(fd.Rule, fingerprint(fm.view, fd, fm.rel, fm.words))
	if fm.remaining[k] > 0 {
		fm.remaining[k]--
		fm.byRule[fd.Rule]--
		fm.hidden++
		return false
	}
	return true
}

// Done counts a file's match in the run. A file checked twice (standard
// input named as a file also given) leaves an entry unmatched only if it
// hid nothing in either.
func (m *Matcher) Done(fm *FileMatch) {
	m.Hidden += fm.hidden
	left, ok := m.remaining[fm.rel]
	if !ok {
		m.remaining[fm.rel] = fm.remaining
		return
	}
	for k, n := range left {
		left[k] = min(n, fm.remaining[k])
	}
}

// Unmatched lists the entries, for the files done, that hid nothing:
// fixed problems, or a stale baseline.
func (m *Matcher) Unmatched() []Entry {
	left := map[string]map[string]int{}
	for path, counts := range m.remaining {
		left[path] = maps.Clone(counts)
	}
	var out []Entry
	for _, e := range m.entries {
		k := entryKey(e.Rule, e.Fingerprint)
		if counts := left[e.Path]; counts != nil && counts[k] > 0 {
			counts[k]--
			out = append(out, e)
		}
	}
	return out
}
