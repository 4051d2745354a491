package profile

import (
	"regexp"
	"testing"

	"github.com/reportlint/reportlint/internal/prefilter"
	"github.com/reportlint/reportlint/rules"
)

// furnitureLinePatterns are line patterns of other shapes than the
// built-in ones: unanchored, anchored per line, anchored in a group,
// case-folded, alternatives.
var furnitureLinePatterns = []string{
	`^\[[A-Z]\]\(x\)$`, `^null$`, `\[ab`, `(?m)^ab`, `(?:^ab|cd)`, `^(?:ab|ac)`, `(^ab)c`, `(?i)^null`, `^`, `x*`, `^\Qa[\E`,
}

// FuzzFurnitureLine holds FurnitureLine, which tries a pattern only on a
// line that holds (begins with) what every match begins with, and holds
// every literal a match holds, to trying
// every pattern, for the built-in travel advisory's furniture and others.
func FuzzFurnitureLine(f *testing.F) {
	set, err := load(rules.FS, "profiles", false)
	if err != nil {
		f.Fatal(err)
	}
	ta, _ := set.Get("travel-advisory")
	own := &Profile{}
	for _, pat := range furnitureLinePatterns {
		re := regexp.MustCompile(pat)
		fu := Furniture{Line: re}
		fu.lineLead, fu.lineAtStart = leadOf(re, pat)
		fu.lineFilter = prefilter.For(pat)
		own.Furniture = append(own.Furniture, fu)
	}
	old := func(p *Profile, line string) bool {
		for _, f := range p.Furniture {
			if f.Line != nil && f.Line.MatchString(line) {
				return true
			}
		}
		return false
	}
	for _, s := range []string{"null", "[A](javascript:void(0); \"Tool Tip: x\")", "[View Larger Map](m)", "x[ab", "y\nab", "cd", "ac", "abc", "NULL", "a[", "",
		"[O](javascript:void(0); \"Tool Tip: Other\")", "[ALL /](javascript:void(0); \"Open all accordions\")",
		"[![Levels](l.png)](/levels \"Travel Advisory Levels\")", "[Country Summary](https://x.gov) and more"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		for _, p := range []*Profile{ta, own} {
			for i := range p.Furniture {
				one := &Profile{Furniture: p.Furniture[i : i+1]}
				if got, want := one.FurnitureLine(line), old(one, line); got != want {
					t.Errorf("%v on %q: %v, want %v", one.Furniture[0].Line, line, got, want)
				}
			}
		}
	})
}

// The built-in line furniture is anchored and led by a literal, so that
// FurnitureLine passes over most lines without a regexp.
func TestFurnitureLineLeads(t *testing.T) {
	set, err := load(rules.FS, "profiles", false)
	if err != nil {
		t.Fatal(err)
	}
	ta, _ := set.Get("travel-advisory")
	n := 0
	for _, f := range ta.Furniture {
		if f.Line == nil {
			continue
		}
		n++
		if !f.lineAtStart || f.lineLead == "" {
			t.Errorf("%v: lead %q, at start %v", f.Line, f.lineLead, f.lineAtStart)
		}
	}
	if n == 0 {
		t.Error("travel-advisory has no line furniture")
	}
}
