package profile

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// oldNormalizeTitle is NormalizeTitle before appendTitle: a strings.Builder
// for every call.
func oldNormalizeTitle(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	sep := func() {
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
	}
	for _, r := range s {
		switch {
		case r == '&':
			space = true
			sep()
			b.WriteString("and")
			space = true
		case r == '.' || r == '\'' || r == '’':
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'):
			sep()
			b.WriteByte(byte(r))
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z':
			sep()
			b.WriteByte(byte(r) + 'a' - 'A')
		case r >= utf8.RuneSelf && isWordRune(r):
			sep()
			b.WriteRune(foldRune(unicode.ToLower(r)))
		default:
			space = true
		}
	}
	return b.String()
}

var titleSeeds = []string{"", "Crime & Safety", "& Co", "U.S. Embassy Côte d’Ivoire", "  Health -- Medical  ", "&&", "Ünïcödé İ ǅ", "\xff x \xc3", "Police Response: 911."}

func TestAppendTitle(t *testing.T) {
	for _, s := range titleSeeds {
		checkTitle(t, s)
	}
	if got := NormalizeTitle("Crime & Safety"); got != "crime and safety" {
		t.Errorf("NormalizeTitle = %q", got)
	}
}

// FuzzNormalizeTitle holds NormalizeTitle, and appendTitle after other
// bytes, to the old code.
func FuzzNormalizeTitle(f *testing.F) {
	for _, s := range titleSeeds {
		f.Add(s)
	}
	f.Fuzz(checkTitle)
}

func checkTitle(t *testing.T, s string) {
	want := oldNormalizeTitle(s)
	if got := NormalizeTitle(s); got != want {
		t.Fatalf("NormalizeTitle(%q) = %q, want %q", s, got, want)
	}
	if got := string(appendTitle([]byte("x y"), s)); got != "x y"+want {
		t.Fatalf("appendTitle after %q: %q, want %q", "x y", got, "x y"+want)
	}
}

// oldMatchSection is matchSection before the per-country cache: every
// name of every section that needs a country, filled in and normalised
// for each heading.
func oldMatchSection(p *Profile, heading, country string) *Section {
	key := oldNormalizeTitle(heading)
	if key == "" {
		return nil
	}
	if s, ok := p.byName[key]; ok {
		return s
	}
	if country == "" {
		return nil
	}
	for _, s := range p.withCountry {
		for _, name := range s.Names(country) {
			if oldNormalizeTitle(name) == key {
				return s
			}
		}
	}
	return nil
}

var sectionSeeds = [][2]string{
	{"Mali Travel Advisory", "Mali"}, {"MALI  travel advisory.", "Mali"}, {"Niger Travel Advisory", "Mali"},
	{"Travel to Ireland overview", "Ireland"}, {"Safety and Security", ""}, {"Crime", "Mali"}, {"", "x"},
	{"Côte d’Ivoire Travel Advisory", "Cote d'Ivoire"}, {"Embassy contact", "Ireland"},
}

func TestMatchSectionByCountry(t *testing.T) {
	for _, s := range sectionSeeds {
		checkMatchSection(t, s[0], s[1])
	}
	set := Default()
	p, _ := set.Get("osac-csr")
	if got := p.MatchSection("Mali Travel Advisory", "Mali"); got == nil || got.Name != "{country} Travel Advisory" {
		t.Errorf("MatchSection(Mali Travel Advisory) = %v", got)
	}
	// Past the cache's bound, names are still found, uncached.
	for i := range maxCountryNames + 2 {
		c := fmt.Sprintf("Land%d", i)
		if p.MatchSection(c+" Travel Advisory", c) == nil {
			t.Fatalf("country %d: advisory section not found", i)
		}
	}
}

// FuzzMatchSection holds matchSection to the old code on the built-in
// profiles with a section named after the country.
func FuzzMatchSection(f *testing.F) {
	for _, s := range sectionSeeds {
		f.Add(s[0], s[1])
	}
	f.Fuzz(checkMatchSection)
}

func checkMatchSection(t *testing.T, heading, country string) {
	for _, name := range []string{"osac-csr", "dfa-ireland", "travel-advisory"} {
		p, _ := Default().Get(name)
		if got, want := p.matchSection(heading, country), oldMatchSection(p, heading, country); got != want {
			t.Fatalf("%s: matchSection(%q, %q) = %v, want %v", name, heading, country, got, want)
		}
	}
}

// TestCountryNamesBoundHolds: misses past the bound are not counted, so
// the count cannot wrap round (2^31 misses, a long LSP session's worth)
// and let the cache grow again.
func TestCountryNamesBoundHolds(t *testing.T) {
	p, _ := Default().Get("osac-csr")
	c := &countryNames{}
	c.kept.Store(maxCountryNames)
	for i := range 10 {
		c.of(p.withCountry, fmt.Sprintf("Land%d", i))
	}
	n := 0
	c.m.Range(func(any, any) bool { n++; return true })
	if n != 0 || c.kept.Load() != maxCountryNames {
		t.Errorf("past the bound: %d countries kept, count %d; want none and %d", n, c.kept.Load(), maxCountryNames)
	}
}

// oldHeadLines is headLines as it was, splitting the whole text first.
func oldHeadLines(text string, n int) []string {
	var out []string
	inFront := strings.HasPrefix(text, "---\n")
	for i, line := range strings.Split(text, "\n") {
		if len(out) >= n {
			break
		}
		line = strings.TrimSpace(line)
		if inFront {
			if i > 0 && (line == "---" || line == "...") {
				inFront = false
			}
			continue
		}
		line = StripLineMarkup(line)
		if line != "" {
			out = append(out, line)
		}
	}
	return out
}

// FuzzHeadLines holds headLines, which cuts lines as it goes, to the old
// one, which split the whole text.
func FuzzHeadLines(f *testing.F) {
	for _, s := range []string{"", "\n", "---\n", "---\na: b\n---\n# T\n", "---\n---", "a\n\n b \n**c**\n", "x\n---\n"} {
		f.Add(s, uint8(12))
	}
	f.Fuzz(func(t *testing.T, text string, n uint8) {
		got, want := headLines(text, int(n%16)), oldHeadLines(text, int(n%16))
		if !slices.Equal(got, want) {
			t.Errorf("headLines(%q, %d) = %q, want %q", text, n%16, got, want)
		}
	})
}
