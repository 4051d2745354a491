package corpuseval

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/internal/countries"
	"github.com/reportlint/reportlint/internal/vocab"
)

// Mismatch is a fact read otherwise than the truth: meta.json (or the
// page, where the two disagree) for the published date, country and level,
// the hand-read facts for indicators and regional levels. "-" stands for
// nothing read, or nothing there.
type Mismatch struct {
	File, Field, Got, Want string
}

func (m Mismatch) String() string {
	return strings.Join([]string{m.File, m.Field, m.Got, m.Want}, "\t")
}

// none is how a fact not read, or not there, is written.
const none = "-"

// orNone is a fact as a mismatch gives it: none for nothing, and its
// spaces collapsed, so that it fits a tab-separated line and reads back
// the same.
func orNone(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return none
	}
	return s
}

// SameCountry says whether two names are one country: by the entry of
// internal/countries each names (Türkiye and Turkey, Côte d'Ivoire and Cote
// d'Ivoire, Czechia and Czech Republic, Bonaire and the Caribbean
// Netherlands it belongs to), and else by spelling, case aside.
func SameCountry(a, b string) bool {
	if strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b)) {
		return true
	}
	t := countries.Default()
	ca, okA := t.Lookup(a)
	cb, okB := t.Lookup(b)
	return okA && okB && ca.Code == cb.Code
}

// PageFact is a fact the page gives otherwise than meta.json; the corpus
// README says the page is right then.
type PageFact struct {
	File, Field, Value, Reason string
}

// ReadPageFacts reads the page-facts file: file, field (published,
// country or level), the page's value, and the reason, tab-separated.
func ReadPageFacts(r io.Reader, name string, metas []Meta) ([]PageFact, error) {
	rows, err := readTSV(r, name, 4)
	if err != nil {
		return nil, err
	}
	byFile := map[string]Meta{}
	for _, m := range metas {
		byFile[m.File] = m
	}
	var out []PageFact
	for _, row := range rows {
		p := PageFact{File: row.f[0], Field: row.f[1], Value: row.f[2], Reason: row.f[3]}
		m, ok := byFile[p.File]
		if !ok {
			return nil, fmt.Errorf("%s:%d: %s is not in meta.json", name, row.line, p.File)
		}
		if p.Reason == "" {
			return nil, fmt.Errorf("%s:%d: say why the page is right, after reading it", name, row.line)
		}
		var meta string
		switch p.Field {
		case "published":
			meta = m.Published
		case "country":
			meta = m.Country
		case "level":
			meta = levelString(m.Level)
		default:
			return nil, fmt.Errorf("%s:%d: field %q is not published, country or level", name, row.line, p.Field)
		}
		// An entry that agrees with meta.json corrects nothing and would
		// hide a change of meta.json.
		if p.Value == meta || (p.Field == "country" && SameCountry(p.Value, meta)) {
			return nil, fmt.Errorf("%s:%d: the page's %s %q is what meta.json says", name, row.line, p.Field, p.Value)
		}
		out = append(out, p)
	}
	return out, nil
}

func levelString(l *int) string {
	if l == nil || *l == 0 {
		return none
	}
	return strconv.Itoa(*l)
}

// OtherRead counts what was read of the documents that are not U.S.
// advisories, whose facts meta.json gives but the parser does not always
// claim to read.
type OtherRead struct {
	Docs, Published, Country int
}

// MetaFacts compares the published date, country and overall level that
// parse read of each U.S. advisory with meta.json, where page does not
// correct it. For the other documents it compares the date and country
// only where parse gives one, and counts how many it gave.
func MetaFacts(docs []Doc, page []PageFact) ([]Mismatch, OtherRead) {
	fix := map[[2]string]string{}
	for _, p := range page {
		fix[[2]string{p.File, p.Field}] = p.Value
	}
	want := func(file, field, meta string) string {
		if v, ok := fix[[2]string{file, field}]; ok {
			return v
		}
		return meta
	}
	var out []Mismatch
	var other OtherRead
	for _, d := range docs {
		if d.Report == nil {
			continue
		}
		r, m := d.Report, d.Meta
		level := none
		if r.Advisory != nil && r.Advisory.Level != 0 {
			level = strconv.Itoa(r.Advisory.Level)
		}
		advisory := strings.HasPrefix(m.File, "us/")
		if !advisory {
			other.Docs++
			if r.Published != "" {
				other.Published++
			}
			if r.Country != "" {
				other.Country++
			}
		}
		if w := want(m.File, "published", m.Published); (advisory || r.Published != "") && r.Published != w {
			out = append(out, Mismatch{m.File, "published", orNone(r.Published), orNone(w)})
		}
		if w := want(m.File, "country", m.Country); (advisory || r.Country != "") && !SameCountry(r.Country, w) {
			out = append(out, Mismatch{m.File, "country", orNone(r.Country), orNone(w)})
		}
		if w := want(m.File, "level", levelString(m.Level)); advisory && level != w {
			out = append(out, Mismatch{m.File, "level", level, w})
		}
	}
	return out, other
}

// HandFact is what a reviewer read in one advisory, the whole of it: the
// indicators its reasons give (codes, sorted) and the regions given their
// own level.
type HandFact struct {
	Indicators []string `yaml:"indicators"`
	Regions    []Region `yaml:"regions"`
}

// Region is a part of a country given its own level.
type Region struct {
	Name  string `yaml:"name"`
	Level int    `yaml:"level"`
}

// ReadHandFacts reads the hand-read facts: a YAML mapping from a file
// (relative to the corpus) to its HandFact.
func ReadHandFacts(data []byte, name string, metas []Meta) (map[string]HandFact, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true) // a misspelt key would silently read as nothing
	out := map[string]HandFact{}
	if err := dec.Decode(&out); err != nil && err != io.EOF {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	known := map[string]bool{}
	for _, m := range metas {
		known[m.File] = true
	}
	v := vocab.Default()
	for file, f := range out {
		if !known[file] {
			return nil, fmt.Errorf("%s: %s is not in meta.json", name, file)
		}
		// The other governments' pages give their reasons in prose no
		// reviewer has read for indicators yet: an entry there would be
		// compared with nothing written down as how to read it.
		if !isAdvisory(file) && f.Indicators != nil {
			return nil, fmt.Errorf("%s: %s: indicators are read by hand for U.S. advisories only; give its regions", name, file)
		}
		for _, c := range f.Indicators {
			if _, ok := v.Indicator(c); !ok {
				return nil, fmt.Errorf("%s: %s: %q is not an indicator code (C T U H N E K D O)", name, file, c)
			}
		}
		seen := map[string]bool{}
		for _, rg := range f.Regions {
			if rg.Level < 1 || rg.Level > 4 || rg.Name == "" {
				return nil, fmt.Errorf("%s: %s: region %q level %d: give a name and a level from 1 to 4", name, file, rg.Name, rg.Level)
			}
			k := regionKey(rg.Name)
			if seen[k] {
				return nil, fmt.Errorf("%s: %s: region %q is listed twice", name, file, rg.Name)
			}
			seen[k] = true
		}
	}
	return out, nil
}

// HandCounts are how many hand-read items parse read right and wrong.
// Each indicator code is an item (one the reviewer read and parse missed,
// or one parse claims that the advisory does not give, is wrong); each
// region is one, and a region parse reads that the reviewer did not is a
// wrong one. The counts are of the U.S. advisories; the other
// governments' regions are counted apart, in Others, so that the U.S.
// figures stay comparable with those measured before.
type HandCounts struct {
	Advisories                       int
	IndicatorsRight, IndicatorsWrong int
	RegionsRight, RegionsWrong       int
	// Others are the regions of the other governments' documents, by
	// the profile parse detected.
	Others map[string]RegionCounts
}

// RegionCounts are a set of documents' hand-read regions, by what parse
// made of each: read right, not read (missed), read at another level or
// at several (wrong), and read where the page gives none (invented).
type RegionCounts struct {
	Docs, Right, Missed, Wrong, Invented int
}

// HandFacts compares parse with the hand-read facts. A document's
// indicators mismatch is one line giving both sets; each region parse
// reads otherwise (another level, or not at all, or one not there) is one.
func HandFacts(docs []Doc, facts map[string]HandFact) ([]Mismatch, HandCounts) {
	var out []Mismatch
	c := HandCounts{Others: map[string]RegionCounts{}}
	for _, d := range docs {
		f, ok := facts[d.Meta.File]
		if !ok || d.Report == nil {
			continue
		}
		file := d.Meta.File
		advisory := isAdvisory(file)
		// This document's regions, added to its government's.
		var rc RegionCounts
		if advisory {
			c.Advisories++
		} else {
			rc = c.Others[d.Report.Profile]
			rc.Docs++
		}
		var got []string
		var regions map[string][]string // key -> levels read
		var names map[string]string     // key -> name as parse gave it
		if a := d.Report.Advisory; a != nil {
			for _, ind := range a.Indicators {
				if ind.Included && !slices.Contains(got, ind.Code) {
					got = append(got, ind.Code)
				}
			}
			regions, names = map[string][]string{}, map[string]string{}
			for _, rg := range a.Regions {
				// The same region at the same level, read from the
				// summary's list and from its own heading, is one fact
				// read twice, not two.
				k, l := regionKey(rg.Name), strconv.Itoa(rg.Level)
				if !slices.Contains(regions[k], l) {
					regions[k] = append(regions[k], l)
				}
				if _, ok := names[k]; !ok {
					names[k] = rg.Name
				}
			}
		}
		if advisory {
			want := slices.Clone(f.Indicators)
			sort.Strings(got)
			sort.Strings(want)
			for _, code := range union(got, want) {
				if slices.Contains(got, code) && slices.Contains(want, code) {
					c.IndicatorsRight++
				} else {
					c.IndicatorsWrong++
				}
			}
			if !slices.Equal(got, want) {
				out = append(out, Mismatch{file, "indicators", orNone(strings.Join(got, " ")), orNone(strings.Join(want, " "))})
			}
		}
		matched := map[string]bool{}
		for _, rg := range f.Regions {
			k := regionKey(rg.Name)
			matched[k] = true
			w := strconv.Itoa(rg.Level)
			switch g := regions[k]; {
			case len(g) == 1 && g[0] == w:
				rc.Right++
				continue
			case len(g) == 0:
				rc.Missed++
			default:
				rc.Wrong++
			}
			out = append(out, Mismatch{file, "region " + orNone(rg.Name), orNone(strings.Join(regions[k], ",")), w})
		}
		var extra []string
		for k := range regions {
			if !matched[k] {
				extra = append(extra, k)
			}
		}
		sort.Strings(extra)
		for _, k := range extra {
			rc.Invented++
			out = append(out, Mismatch{file, "region " + orNone(names[k]), strings.Join(regions[k], ","), none})
		}
		if advisory {
			c.RegionsRight += rc.Right
			c.RegionsWrong += rc.Missed + rc.Wrong + rc.Invented
		} else {
			c.Others[d.Report.Profile] = rc
		}
	}
	return out, c
}

// isAdvisory says whether a corpus file is a U.S. Travel Advisory, whose
// facts meta.json gives and whose indicators are read by hand.
func isAdvisory(file string) bool { return strings.HasPrefix(file, "us/") }

// regionKey is a region's name as compared: case, spacing, double quotes
// and the punctuation around it aside, so that "Sinaloa state:" is
// "Sinaloa State" and Parts of the "Mosquito Gulf" is Parts of the Mosquito
// Gulf. Markup left in a name (**) is not aside: it is a misreading.
func regionKey(name string) string {
	name = strings.NewReplacer(`"`, "", "“", "", "”", "").Replace(name)
	k := strings.ToLower(strings.Join(strings.Fields(name), " "))
	k = strings.Trim(k, " .,:;*")
	return strings.TrimPrefix(k, "the ")
}

func union(a, b []string) []string {
	out := slices.Clone(a)
	for _, s := range b {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

// ReadKnownWrong reads the list of facts parse is known to read wrong
// today: file, field, got, want, tab-separated, as Mismatch prints them.
func ReadKnownWrong(r io.Reader, name string) ([]Mismatch, error) {
	rows, err := readTSV(r, name, 4)
	if err != nil {
		return nil, err
	}
	var out []Mismatch
	seen := map[Mismatch]int{}
	for _, row := range rows {
		m := Mismatch{row.f[0], row.f[1], row.f[2], row.f[3]}
		if first, dup := seen[m]; dup {
			return nil, fmt.Errorf("%s:%d: already on line %d", name, row.line, first)
		}
		seen[m] = row.line
		out = append(out, m)
	}
	return out, nil
}

// Track sets the mismatches found against those known: unexpected are new
// (a regression, or a fact newly checked), fixed are known ones no longer
// found (the list must lose them, so that they cannot come back unseen).
func Track(found, known []Mismatch) (unexpected, fixed []Mismatch) {
	k := map[Mismatch]bool{}
	for _, m := range known {
		k[m] = true
	}
	f := map[Mismatch]bool{}
	for _, m := range found {
		f[m] = true
		if !k[m] {
			unexpected = append(unexpected, m)
		}
	}
	for _, m := range known {
		if !f[m] {
			fixed = append(fixed, m)
		}
	}
	return unexpected, fixed
}

type tsvRow struct {
	line int
	f    []string
}

// readTSV reads tab-separated rows of n fields after a line of column
// names, skipping blank lines and # comments.
func readTSV(r io.Reader, name string, n int) ([]tsvRow, error) {
	var out []tsvRow
	sc := bufio.NewScanner(r)
	line, header := 0, false
	for sc.Scan() {
		line++
		s := sc.Text()
		if strings.TrimSpace(s) == "" || strings.HasPrefix(s, "#") {
			continue
		}
		if !header {
			// The column names, so the file reads in a spreadsheet too;
			// required, so that a first row is never taken for them.
			if !strings.HasPrefix(s, "file\t") {
				return nil, fmt.Errorf("%s:%d: want the column names (starting with file) before the rows", name, line)
			}
			header = true
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) != n {
			return nil, fmt.Errorf("%s:%d: %d tab-separated fields, want %d", name, line, len(f), n)
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		out = append(out, tsvRow{line, f})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return out, nil
}

// OtherFact is what a reader finds in a document of another government:
// the profile it is, the date its text states ("-" for none) and its
// overall level on the common scale ("-" for none).
type OtherFact struct {
	File, Profile, Published, Level string
}

// ReadOtherFacts reads the other governments' facts file: file, profile,
// published, level, how it was read.
func ReadOtherFacts(r io.Reader, name string, metas []Meta) (map[string]OtherFact, error) {
	rows, err := readTSV(r, name, 5)
	if err != nil {
		return nil, err
	}
	known := map[string]bool{}
	for _, m := range metas {
		known[m.File] = true
	}
	out := map[string]OtherFact{}
	for _, row := range rows {
		f := OtherFact{File: row.f[0], Profile: row.f[1], Published: row.f[2], Level: row.f[3]}
		switch {
		case !known[f.File]:
			return nil, fmt.Errorf("%s:%d: %s is not in meta.json", name, row.line, f.File)
		case strings.HasPrefix(f.File, "us/"):
			return nil, fmt.Errorf("%s:%d: %s is a U.S. advisory, whose facts meta.json gives", name, row.line, f.File)
		case f.Level != none && (len(f.Level) != 1 || f.Level < "1" || f.Level > "4"):
			return nil, fmt.Errorf("%s:%d: level %q: give 1 to 4, or - for none", name, row.line, f.Level)
		case row.f[4] == "":
			return nil, fmt.Errorf("%s:%d: say how the facts were read", name, row.line)
		}
		if _, dup := out[f.File]; dup {
			return nil, fmt.Errorf("%s:%d: %s is listed twice", name, row.line, f.File)
		}
		out[f.File] = f
	}
	return out, nil
}

// OtherCounts are how many of the other governments' documents parse
// read right, per fact.
type OtherCounts struct {
	Docs, Profile, Country, Published, Level int
}

// OtherFacts compares what parse read of each document of another
// government with the facts read by hand, and its country with
// meta.json's. A document the facts file leaves out is one mismatch: each
// must be read.
func OtherFacts(docs []Doc, facts map[string]OtherFact) ([]Mismatch, OtherCounts) {
	var out []Mismatch
	var c OtherCounts
	for _, d := range docs {
		if d.Report == nil || strings.HasPrefix(d.Meta.File, "us/") {
			continue
		}
		c.Docs++
		r, file := d.Report, d.Meta.File
		f, ok := facts[file]
		if !ok {
			out = append(out, Mismatch{file, "other-facts", none, "an entry"})
			continue
		}
		level := none
		if r.Advisory != nil && r.Advisory.Level != 0 {
			level = strconv.Itoa(r.Advisory.Level)
		}
		check := func(field, got, want string, n *int, same bool) {
			if same {
				*n++
				return
			}
			out = append(out, Mismatch{file, field, orNone(got), orNone(want)})
		}
		check("profile", r.Profile, f.Profile, &c.Profile, r.Profile == f.Profile)
		check("country", r.Country, d.Meta.Country, &c.Country, SameCountry(r.Country, d.Meta.Country))
		check("published", r.Published, f.Published, &c.Published, orNone(r.Published) == f.Published)
		check("level", level, f.Level, &c.Level, level == f.Level)
	}
	return out, c
}
