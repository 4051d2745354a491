package stale

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/phrase"
	"github.com/reportlint/reportlint/internal/prefilter"
	"github.com/reportlint/reportlint/internal/vocab"
)

func TestDueToIn(t *testing.T) {
	for _, tt := range []struct {
		text       string
		start, end int
	}{
		{"Reconsider travel due to crime.", 18, 24},
		{"overdue to pay; Due\t\nTO terrorism", 16, 23},
		{"due toll, due to", 10, 16},
		{"dueto", -1, -1},
		{"due to_x", -1, -1},
	} {
		start, end := dueToIn(asciiLowered(tt.text))
		if start != tt.start || end != tt.end {
			t.Errorf("dueToIn(%q) = %d, %d; want %d, %d", tt.text, start, end, tt.start, tt.end)
		}
	}
}

// FuzzDueTo holds the hand-read "due to" to the regexp it stands for, in
// the first match (findDueTo) and the last (elaborates), and the cheap
// tests before the bold label and the indicator words to their regexps:
// a text they pass over holds no match.
func FuzzDueTo(f *testing.F) {
	f.Add("Reconsider travel to Mali due to crime, terrorism and kidnapping.")
	f.Add("overdue to; DUE  TO x, which can include robbery; due\tto")
	f.Add(" 12) **Crime:** most")
	f.Add("* __Health__: polio")
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1000 {
			return
		}
		if !mayLeadBold(text) && boldLabel.MatchString(text) {
			t.Errorf("mayLeadBold(%q) = false, but boldLabel matches", text)
		}
		if !phrase.IsASCII(text) {
			return
		}
		low := asciiLowered(text)
		start, end := dueToIn(low)
		want := dueTo.FindStringIndex(text)
		if want == nil && start != -1 || want != nil && (start != want[0] || end != want[1]) {
			t.Errorf("dueToIn(%q) = %d, %d; the regexp: %v", text, start, end, want)
		}
		if got, want := elaborates(text, low), elaborates(text, ""); got != want {
			t.Errorf("elaborates(%q) = %v on the lowered text, %v by the regexp", text, got, want)
		}
		for _, m := range indicatorMatchers() {
			if m.sieve && !containsAny(low, m.firsts) && m.re.MatchString(text) {
				t.Errorf("%s's words match %q, which holds none of %q", m.code, text, m.firsts)
			}
		}
	})
}

// oldLabelIndicator is labelIndicator before the lowered words were kept:
// FuzzLabelIndicator's oracle.
func oldLabelIndicator(v *vocab.Vocabulary, text string) (vocab.Indicator, bool) {
	t := strings.ToLower(strings.Join(strings.Fields(text), " "))
	for _, ind := range v.Indicators {
		if ind.Code == "O" {
			continue
		}
		for _, w := range append([]string{ind.Name}, ind.Words...) {
			w = strings.ToLower(w)
			if t == w || t == w+"s" || t == w+"es" {
				return ind, true
			}
		}
	}
	return vocab.Indicator{}, false
}

func FuzzLabelIndicator(f *testing.F) {
	for _, s := range []string{"Crime", "Terrorisms", " civil\tUNREST", "Kidnappinges", "Other", "Health Risks"} {
		f.Add(s)
	}
	v := vocab.Default()
	f.Fuzz(func(t *testing.T, text string) {
		got, gotOK := labelIndicator(v, text)
		want, wantOK := oldLabelIndicator(v, text)
		if got.Code != want.Code || gotOK != wantOK {
			t.Errorf("labelIndicator(%q) = %q, %v; want %q, %v", text, got.Code, gotOK, want.Code, wantOK)
		}
	})
}

// The sieve discussed asks of each ASCII unit, and of each of its
// sentences, turns away only a text wordsRegexp's expression cannot match: a sentence
// is a text like any other.
func FuzzDiscussedSieve(f *testing.F) {
	f.Add("crime,civil unrest", "Civil-unrest and CRIMES rose.")
	f.Add("kidnapping", "Kidnappinges. kidnap")
	f.Add("terrorism,health risks", "health  risk; Terrorisms")
	f.Fuzz(func(t *testing.T, list, text string) {
		words, firsts, re, ok := fuzzWordList(list, text)
		if !ok {
			return
		}
		if re.MatchString(text) && !containsAny(strings.ToLower(text), firsts) {
			t.Fatalf("words %q match %q, and the sieve (%q) turns it away", words, text, firsts)
		}
	})
}

// Two word lists never share a cache entry, whatever bytes their words
// hold: joined with NUL, ["", "\x000"] and ["\x00", "0"] did.
func TestWordsKeyTellsListsApart(t *testing.T) {
	lists := [][]string{{"", "\x000"}, {"\x00", "0"}, {"\x000"}, {"a", "b"}, {"a:b"}, {"1:a"}, {"a", ""}, {"a"}}
	seen := map[string]int{}
	for i, l := range lists {
		k := wordsKey(l)
		if j, ok := seen[k]; ok {
			t.Errorf("lists %q and %q share the key %q", lists[j], l, k)
		}
		seen[k] = i
	}
}

// reasonMatcher's key, made on the stack, is wordsKey's of the joined
// list, so it finds the matcher wordsMatcherOf cached for that list.
func FuzzReasonMatcherKey(f *testing.F) {
	f.Add("flooding", "flood", "storm", "")
	f.Add("", "1:a", "", "\x00")
	f.Fuzz(func(t *testing.T, first, w1, w2, extra string) {
		words, extras := []string{w1, w2}, []string{extra}
		var buf [256]byte
		k := appendWordsKey(buf[:0], first)
		for _, w := range append(append([]string(nil), words...), extras...) {
			k = appendWordsKey(k, w)
		}
		if want := wordsKey(append(append([]string{first}, words...), extras...)); string(k) != want {
			t.Fatalf("key %q, wordsKey %q", k, want)
		}
	})
}

func TestReasonMatcherIsTheCachedOne(t *testing.T) {
	want := wordsMatcherOf([]string{"civil unrest", "protest", "riot", "demonstration"})
	got := reasonMatcher("civil unrest", []string{"protest", "riot"}, []string{"demonstration"})
	if got != want {
		t.Error("reasonMatcher compiled its own matcher where wordsMatcherOf had cached one")
	}
	if !got.re.MatchString("Riots broke out") || got.re.MatchString("quiet") {
		t.Error("the matcher does not match its words")
	}
	fresh := reasonMatcher("zzq fresh", nil, nil)
	if fresh != wordsMatcherOf([]string{"zzq fresh"}) {
		t.Error("a matcher reasonMatcher compiled was not cached for wordsMatcherOf")
	}
}

// mayGiveReasonsFourSearches is mayGiveReasons as it was, four searches.
func mayGiveReasonsFourSearches(text string) bool {
	return strings.Contains(text, "ue") && (strings.Contains(text, "due") || strings.Contains(text, "Due") || strings.Contains(text, "DUE"))
}

// FuzzMayGiveReasons holds the one reading to the four searches.
func FuzzMayGiveReasons(f *testing.F) {
	for _, s := range []string{"", "due to", "Due", "DUE", "DUE ue", "DUE UE", "ue", "uedue", "issue due", "true", "DUe", "dUE ue", "xDue", "d", "ueue d ue"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := mayGiveReasons(text), mayGiveReasonsFourSearches(text); got != want {
			t.Errorf("mayGiveReasons(%q) = %v, want %v", text, got, want)
		}
	})
}

// fuzzWordList reads a fuzzed word list ("crime,civil unrest") and text
// as discussed is given them: a vocabulary's words are UTF-8 (YAML), the
// sieve is asked of ASCII texts only, and the list must give a sieve. The
// expression is compiled, not cached: the fuzz's lists would fill the
// cache.
func fuzzWordList(list, text string) (words, firsts []string, re *prefilter.Regexp, ok bool) {
	if len(list) > 200 || len(text) > 2000 || !utf8.ValidString(list) || !phrase.IsASCII(text) {
		return nil, nil, nil, false
	}
	words = strings.Split(list, ",")
	if len(words) > 8 {
		return nil, nil, nil, false
	}
	firsts, ok = firstParts(words)
	if !ok {
		return nil, nil, nil, false
	}
	return words, firsts, compileWords(words), true
}

// FuzzSieveFrom: wordsRegexp's expression run from sieveFrom's place finds
// every match it finds in the whole text, at the same places, and there is
// none when sieveFrom says so; discussed and checkDiscussion ran it on the
// whole text.
func FuzzSieveFrom(f *testing.F) {
	f.Add("crime,civil unrest", "Most civil-unrest and CRIMES rose; crime.")
	f.Add("kidnapping", "unkidnapping. Kidnappinges, kidnap kidnapping")
	f.Add("terrorism,health risks,risk", "xhealth  risk; Terrorisms_ health risks")
	f.Add("a-b,b", "ba-b a_b a--b B")
	f.Fuzz(func(t *testing.T, list, text string) {
		words, firsts, re, ok := fuzzWordList(list, text)
		if !ok {
			return
		}
		want := re.FindAllStringIndex(text, -1)
		from := sieveFrom(text, strings.ToLower(text), firsts)
		if from < 0 {
			if want != nil {
				t.Fatalf("words %q: sieveFrom(%q) = -1, but the expression matches at %v", words, text, want)
			}
			return
		}
		var got [][]int
		for _, m := range re.FindAllStringIndex(text[from:], -1) {
			got = append(got, []int{from + m[0], from + m[1]})
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("words %q, text %q: from %d the matches are %v, want %v", words, text, from, got, want)
		}
		if got := re.MatchString(text[from:]); got != (want != nil) {
			t.Fatalf("words %q, text %q: MatchString from %d = %v", words, text, from, got)
		}
	})
}
