package stale

import (
	"regexp"
	"testing"

	"github.com/reportlint/reportlint/internal/phrase"

	"github.com/reportlint/reportlint/rules"
)

// boundedCases builds each kind of boundedPhrases from the embedded lists
// and from lists made to be awkward (phrases that are prefixes of others,
// an apostrophe, one starting with punctuation, a Kelvin-sign fold, an
// iota, which (?i) matches to the mark U+0345), with the whole expression
// each must answer as.
func boundedCases(t testing.TB) []struct {
	b    *boundedPhrases
	full *regexp.Regexp
} {
	after, before, _, err := LoadSectionDates(rules.FS, sectionDatesPath)
	if err != nil {
		t.Fatal(err)
	}
	openers, err := LoadRevisionOpeners(rules.FS, revisionsPath)
	if err != nil {
		t.Fatal(err)
	}
	awkward := []string{"act", "acts", "act of", "o'clock", "kelvin", "é té", "2nd", "ιστορία"}
	withPunct := append([]string{"(updated", "*starred", "’tis"}, awkward...)
	var out []struct {
		b    *boundedPhrases
		full *regexp.Regexp
	}
	for _, list := range [][]string{after, before, openers, awkward, withPunct} {
		for _, b := range []*boundedPhrases{
			phrasesThenBoundary(" \t\n\f\r*_[", list),
			boundaryThenPhrases(list, `[\s*_]*(?:\(|(?i:of)\s)?[\s*_\[]*$`),
			openingPhrases(list),
		} {
			out = append(out, struct {
				b    *boundedPhrases
				full *regexp.Regexp
			}{b, regexp.MustCompile(b.full.String())})
		}
	}
	return out
}

var boundedSeeds = []string{
	"", "Act", "Act 2", "Acts", "Actor", "act of", "Convention of (", "convention,", "the Treaty",
	"**Updated to reflect", "— Reissued after review", "Updatedx to", "(updated to", "2nd edition",
	"constitutioné", "é té", "o’clock", "KELVIN", "\u212aelvin", "act\xff", "\xffact", " 12 act",
	"banknotes.", "International Driving Permit", "idp1", "version 3", "Acté", "actacts",
	"\u0345στορία", "Ιστορία", "**starred", "'tis", "’Tis", " \t[_act",
}

func TestBoundedPhrasesAgree(t *testing.T) {
	cases := boundedCases(t)
	for _, s := range boundedSeeds {
		for _, suffix := range []string{"", " ", "x", "é", "1", ")"} {
			for _, prefix := range []string{"", " ", "x", "é", "*", "1"} {
				text := prefix + s + suffix
				for i, c := range cases {
					if got, want := c.b.MatchString(text), c.full.MatchString(text); got != want {
						t.Errorf("case %d (%s) on %q: %v, want %v", i, c.full, text, got, want)
					}
				}
			}
		}
	}
}

func FuzzBoundedPhrases(f *testing.F) {
	for _, s := range boundedSeeds {
		f.Add(s)
	}
	cases := boundedCases(f)
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 200 {
			text = text[:200]
		}
		for i, c := range cases {
			if got, want := c.b.MatchString(text), c.full.MatchString(text); got != want {
				t.Errorf("case %d (%s) on %q: %v, want %v", i, c.full, text, got, want)
			}
		}
	})
}

// phrasesThenBoundary's class of skipped bytes, now written as bytes, is
// the \s class it was written as: it answers as that expression does.
func TestPhrasesThenBoundaryOldPrefix(t *testing.T) {
	after, _, _, err := LoadSectionDates(rules.FS, sectionDatesPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, list := range [][]string{after, {"act", "*starred", "’tis", "kelvin"}} {
		b := phrasesThenBoundary(" \t\n\f\r*_[", list)
		old := regexp.MustCompile(`^[\s*_\[]*` + phrase.Expr(list, true) + `(?:[^\pL\pN]|$)`)
		for _, s := range boundedSeeds {
			for _, prefix := range []string{"", " \t\n\f\r", "*_[", "\v", "\u00a0", "x"} {
				if got, want := b.MatchString(prefix+s), old.MatchString(prefix+s); got != want {
					t.Errorf("%q on %q: %v, the old expression %v", list, prefix+s, got, want)
				}
			}
		}
	}
}
