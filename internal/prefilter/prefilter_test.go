package prefilter

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestFilter(t *testing.T) {
	for _, tc := range []struct {
		expr, text string
		may        bool
	}{
		{`(?i)\bwhere fcdo advises\b`, "FCDO advises against travel", false},
		{`(?i)\bwhere fcdo advises\b`, "in places WHERE FCDO Advises", true},
		{`Irish citizens.*?Department of Foreign Affairs`, "Irish citizens abroad", false},
		{`Irish citizens.*?Department of Foreign Affairs`, "Department of Foreign Affairs; Irish citizens", true},
		{`(?i)^(?P<wording>do not travel|reconsider your need to travel)$`, "Exercise caution", false},
		{`(?i)^(?P<wording>do not travel|reconsider your need to travel)$`, "RECONSIDER", false},
		{`(?i)^(?P<wording>do not travel|reconsider your need to travel)$`, "Do Not Travel", true},
		// "avoid (?:all|non-essential) travel" after factoring.
		{`(?i)avoid all travel|avoid non-essential travel`, "avoid travel", false},
		{`(?i)avoid all travel|avoid non-essential travel`, "AVOID NON-ESSENTIAL TRAVEL", true},
		// Case is kept where the expression keeps it.
		{`FCDO advises`, "fcdo advises", false},
		// A branch that needs nothing lets everything through.
		{`(?i)smartraveller|\d+`, "nothing here", true},
		// Ignoring case, k and s also match the Kelvin sign and the long s.
		{`(?i)risk`, "ri\u017fk", true},
		{`(?i)risk`, "ris\u212a", true},
		{`(?i)risk`, "rosk", false},
		// Outside ASCII, only the ASCII runs are looked for.
		{`(?i)caf\x{e9} society`, "CAFÉ SOCIETY", true},
		{`(?i)caf\x{e9} society`, "cafe", false},
		// Optional and repeated parts.
		{`(?:travel )?advice`, "advice", true},
		{`(?:travel )+advice`, "advice", false},
		{`(?:travel ){2,}advice`, "travel travel advice", true},
	} {
		re := regexp.MustCompile(tc.expr)
		if got := For(tc.expr).MayMatch(tc.text); got != tc.may {
			t.Errorf("For(%q).MayMatch(%q) = %v, want %v", tc.expr, tc.text, got, tc.may)
		}
		if re.MatchString(tc.text) && !tc.may {
			t.Errorf("case %q on %q: the expression matches, so the case is wrong", tc.expr, tc.text)
		}
	}
	var words []string
	for i := range maxLiterals + 1 {
		// Backwards, so that no two share a beginning for the parser
		// to factor out.
		w := []byte(fmt.Sprintf("word%03d", i))
		slices.Reverse(w)
		words = append(words, string(w))
	}
	// A long list of words is left to the expression, which reads the
	// text once however many there are.
	many := `\b(?:` + strings.Join(words, "|") + `)\b`
	if For(many[:strings.LastIndex(many, "|")]+`)\b`) == nil {
		t.Errorf("%d words: no filter", maxLiterals)
	}
	for _, expr := range []string{`\d+`, `(?i)ab`, `(?i)[a-z]+ travel|x`, `(`, many} {
		if f := For(expr); f != nil {
			t.Errorf("For(%q) = %v, want nil: it needs no literal worth looking for", expr, f)
		}
	}
}

// profileExprs are the built-in profiles' patterns, the expressions the
// filter is for.
func profileExprs(t testing.TB) []string {
	paths, _ := filepath.Glob("../../rules/profiles/*.yaml")
	var out []string
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var walk func(*yaml.Node)
		walk = func(n *yaml.Node) {
			if n.Kind == yaml.ScalarNode && n.Tag == "!!str" {
				if _, err := regexp.Compile(n.Value); err == nil && strings.ContainsAny(n.Value, `\(^$`) {
					out = append(out, n.Value)
				}
			}
			for _, c := range n.Content {
				walk(c)
			}
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(raw, &doc); err != nil {
			t.Fatal(err)
		}
		walk(&doc)
	}
	if len(out) < 20 {
		t.Fatalf("found %d patterns in the profiles", len(out))
	}
	return out
}

// A text the expression matches always passes its filter.
func FuzzFilterAdmitsMatches(f *testing.F) {
	for _, expr := range profileExprs(f) {
		f.Add(expr, "")
	}
	f.Add(`(?i)risk level`, "RI\u017fK LEVEL")
	f.Add(`(?i)ask`, "A\u017f\u212a")
	f.Add(`(?i)x(?:abc|abd)y`, "XABDY")
	f.Add(`Déjà vu|(?i)naïve`, "NAÏVE")
	f.Add("\uFFFDabc", "\xffabc")
	f.Add(`x\x{FFFD}abc`, "x\xc3abc")
	f.Fuzz(func(t *testing.T, expr, text string) {
		if len(expr) > 400 || len(text) > 2000 {
			return
		}
		re, err := regexp.Compile(expr)
		if err != nil {
			return
		}
		filter := For(expr)
		// The text as given, and the text made of the expression's own
		// words, which it may match.
		for _, s := range []string{text, strings.Trim(expr, `^$()?:<>P\.*+|`), text + expr + text} {
			if re.MatchString(s) && !filter.MayMatch(s) {
				t.Fatalf("%q matches %q, and the filter turns it away", expr, s)
			}
		}
	})
}

// MayMatchMemo answers as MayMatch does, for every filter of a set sharing
// one memo: the profiles' expressions (the level statements share their
// wordings) and two given, over one text.
func FuzzMayMatchMemo(f *testing.F) {
	exprs := profileExprs(f)
	f.Add("", "", "")
	f.Add(`(?i)avoid all travel`, `avoid all travel|exercise caution`, "Avoid all travel to: the north")
	f.Add(`(?i)ask`, `ask`, "A\u017f\u212a ask")
	f.Fuzz(func(t *testing.T, a, b, text string) {
		if len(a) > 400 || len(b) > 400 || len(text) > 2000 {
			return
		}
		var filters []*Filter
		for _, expr := range append([]string{a, b}, exprs...) {
			filters = append(filters, For(expr))
		}
		memo := make([]uint8, Share(filters))
		for i, fl := range filters {
			if got, want := fl.MayMatchMemo(text, memo), fl.MayMatch(text); got != want {
				t.Fatalf("filter %d: MayMatchMemo(%q) = %v, MayMatch %v", i, text, got, want)
			}
		}
		// Asked again, the memo's answers are the same.
		for i, fl := range filters {
			if got, want := fl.MayMatchMemo(text, memo), fl.MayMatch(text); got != want {
				t.Fatalf("filter %d, again: MayMatchMemo(%q) = %v, MayMatch %v", i, text, got, want)
			}
		}
	})
}

// Share gives a literal asked by two filters one number, and a literal
// asked with case and without two.
func TestShareNumbersLiteralsOnce(t *testing.T) {
	filters := []*Filter{For(`(?i)avoid all travel|do not travel`), For(`(?i)^(?:avoid all travel)\s+to`), For(`avoid all travel`)}
	if n := Share(filters); n != 3 {
		t.Fatalf("Share numbered %d literals, want 3", n)
	}
}

// U+FFFD in an expression matches a byte of invalid UTF-8, which is not
// its encoding: a text holding such a byte where the expression has
// U+FFFD passes (the runs around it are still asked for).
func TestFilterReplacementCharacter(t *testing.T) {
	for _, c := range []struct {
		expr, text string
		may        bool
	}{
		{"\uFFFDabc", "\xffabc", true},
		{`\x{FFFD}abc`, "x\xc3abc", true},
		{`abc\x{FFFD}def`, "abc\x80def", true},
		{`abc\x{FFFD}def`, "abc\x80xyz", false},
		{`(?i)\x{FFFD}abc`, "x\xc3ABC", true},
	} {
		if !regexp.MustCompile(c.expr).MatchString(c.text) && c.may {
			t.Fatalf("%q does not match %q: the case tests nothing", c.expr, c.text)
		}
		if got := For(c.expr).MayMatch(c.text); got != c.may {
			t.Errorf("For(%q).MayMatch(%q) = %v, want %v", c.expr, c.text, got, c.may)
		}
	}
}

// Share keeps one place of the memo for the Kelvin sign and the long s
// when a case-ignoring literal holds a "k" or an "s", and MayMatchMemo
// reads it for each such literal: a text holding either lets them all
// through, as MayMatch does.
func TestShareKelvinPlace(t *testing.T) {
	filters := []*Filter{For(`(?i)ask them`), For(`(?i)do not travel|risky`), For(`(?i)avoid all travel`)}
	n := Share(filters)
	if n != 5 {
		t.Fatalf("Share gave a memo of %d, want 4 literals and the Kelvin sign's place", n)
	}
	for _, text := range []string{"A\u212a them", "ri\u017fky", "no", "ASK THEM"} {
		memo := make([]uint8, n)
		for i, fl := range filters {
			if got, want := fl.MayMatchMemo(text, memo), fl.MayMatch(text); got != want {
				t.Fatalf("filter %d: MayMatchMemo(%q) = %v, MayMatch %v", i, text, got, want)
			}
		}
		if holdsKS(text) != (memo[n-1] == 1) {
			t.Fatalf("%q: the Kelvin sign's place holds %d", text, memo[n-1])
		}
	}
	if n := Share([]*Filter{For(`(?i)avoid all travel`), For(`risky`)}); n != 2 {
		t.Fatalf("Share gave a memo of %d without a case-ignoring k or s, want 2", n)
	}
}

// Share puts case-ignoring literals whose searches turn on the same byte
// in one group, each of their nodes, and leaves a literal alone with its
// byte, or asked with case, to its own search; the group's one reading
// answers as each search would.
func TestShareGroupsLiterals(t *testing.T) {
	filters := []*Filter{For(`(?i)avoid all travel|do not travel`), For(`(?i)^do not travel\b`), For(`(?i)exercise`), For(`do not travel`)}
	n := Share(filters)
	avoid, doNot, again := filters[0].root.subs[0], filters[0].root.subs[1], &filters[1].root
	if avoid.group == nil || avoid.group != doNot.group || again.group != avoid.group {
		t.Fatalf("groups: %p, %p and %p, want one", avoid.group, doNot.group, again.group)
	}
	if filters[2].root.group != nil || filters[3].root.group != nil {
		t.Fatal("a literal alone with its byte, or asked with case, is in a group")
	}
	for _, c := range []struct {
		text string
		want []bool
	}{
		{"We say DO NOT TRAVEL there.", []bool{true, true, false, false}},
		{"Avoid all travel.", []bool{true, false, false, false}},
		{"travel: do not", []bool{false, false, false, false}},
		{"do not travel, exercise", []bool{true, true, true, true}},
	} {
		memo := make([]uint8, n)
		for i, fl := range filters {
			if got := fl.MayMatchMemo(c.text, memo); got != c.want[i] || got != fl.MayMatch(c.text) {
				t.Errorf("filter %d: MayMatchMemo(%q) = %v, want %v", i, c.text, got, c.want[i])
			}
		}
	}
}
