package extract

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// oldEmail is the regexp findEmails replaces.
var oldEmail = regexp.MustCompile(`[\p{L}\p{N}._%+\-']+@+[\p{L}\p{N}.\-@]*[\p{L}\p{N}]`)

var emailSeeds = []string{
	"", "Email: BamakoACS@state.gov.", "name@@state.gov", "a@.@.@.@.", "x@b.c%d@e",
	"Écrire à José.Núñez@ambassade.fr ou +223 20", "@state.gov", "name@", "a@-@b",
	"mailto:x@y.z' and 'q'@r", "\xffa@b\xff", "١٢@٣", "a.b-c_d%e+f'g@h-i.j@k.",
}

func TestFindEmails(t *testing.T) {
	for _, s := range emailSeeds {
		if got, want := findEmails(s), oldEmail.FindAllStringIndex(s, -1); !reflect.DeepEqual(got, want) {
			t.Errorf("findEmails(%q) = %v, want %v", s, got, want)
		}
	}
	if got := findEmails("write to LimaACS@state.gov."); len(got) != 1 || got[0][0] != 9 || got[0][1] != 26 {
		t.Errorf("findEmails = %v, want the address at [9 26]", got)
	}
}

// FuzzFindEmails holds findEmails to the regexp it replaces.
func FuzzFindEmails(f *testing.F) {
	for _, s := range emailSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := findEmails(s), oldEmail.FindAllStringIndex(s, -1); !reflect.DeepEqual(got, want) {
			t.Fatalf("findEmails(%q) = %v, want %v", s, got, want)
		}
	})
}

// The regexps nextLabel and endsInAbbreviation replace.
var (
	oldNextLabel          = regexp.MustCompile(`\s+\p{Lu}[\p{L}]*:\s`)
	oldEndsInAbbreviation = regexp.MustCompile(`(?:^|[^\pL])\pL\.\pL\.$`)
)

var labelSeeds = []string{
	"", "12 Main Road Phone: +20", "Rue 10\tÉmail:\n", "at 3 p.m.", "U.S.", "the U.S.", "xU.S.", "é.è.",
	"ends X:", " X: ", "  a Fax: b", "\xffA.b.", "A.\xff.", "Tel:  Fax: ", "ǅ: ", " Ǆa: ",
}

func TestContactMatchers(t *testing.T) {
	for _, s := range labelSeeds {
		checkContactMatchers(t, s)
	}
	if nextLabel("11 Main Road Cairo Phone: +20") != 18 || !endsInAbbreviation("8 a.m.") || endsInAbbreviation("B.Sc.") {
		t.Error("a matcher misreads an everyday value")
	}
}

func FuzzContactMatchers(f *testing.F) {
	for _, s := range labelSeeds {
		f.Add(s)
	}
	f.Fuzz(checkContactMatchers)
}

func checkContactMatchers(t *testing.T, s string) {
	want := -1
	if m := oldNextLabel.FindStringIndex(s); m != nil {
		want = m[0]
	}
	if got := nextLabel(s); got != want {
		t.Fatalf("nextLabel(%q) = %d, want %d", s, got, want)
	}
	if got, want := endsInAbbreviation(s), oldEndsInAbbreviation.MatchString(s); got != want {
		t.Fatalf("endsInAbbreviation(%q) = %v, want %v", s, got, want)
	}
}

// The patterns isPostLine and findInlineLabel replace.
var (
	oldPostLine    = regexp.MustCompile(`^(?:The\s+)?(?:U\.S\.?|US|United States|American)\s+(?:Embassy|Consulate(?:\s+General)?|Consular\s+(?:Agency|Section|Services)|Mission|Institute)\b[^.]{0,60}?:?$`)
	oldInlineLabel = regexp.MustCompile(`^([A-Z][A-Za-z .\-]{1,30}?):\s*`)
)

var postLineSeeds = []string{
	"U.S. Embassy Bamako:", "U.S Consular Services in Abuja", "The American Institute in Taiwan", "US Mission", "U.S. Consulate General Lagos",
	"U.S. Consulate Generally speaking, this line runs on and on past sixty characters:", "U.S. Embassy. Bamako", "United States\tEmbassy é:",
	"U.S. Embassy 123456789012345678901234567890123456789012345678901234567890:", "U.S. Embassy 1234567890123456789012345678901234567890123456789012345678901:",
	"U.S. Embassyx", "Tel: +223 20", "Hours of Operation:\t8", "T: x", "Telephone number of the embassy in: x", "A-b.c d:", "Ab", "Ab:",
	"Abcdefghijklmnopqrstuvwxyzabcde: x", "Abcdefghijklmnopqrstuvwxyzabcd: x",
}

func TestPostLineAndInlineLabel(t *testing.T) {
	for _, s := range postLineSeeds {
		checkPostLineAndLabel(t, s)
	}
	if !isPostLine("U.S. Embassy Bamako:") || isPostLine("U.S. Embassy. Bamako") || !reflect.DeepEqual(findInlineLabel("Tel: 20"), []int{0, 5, 0, 3}) {
		t.Error("an everyday post line or label is misread")
	}
}

// findInlineLabel is inlineLabel as the pattern's submatch indexes, to
// hold it to the pattern.
func findInlineLabel(text string) []int {
	end, colon, ok := inlineLabel(text)
	if !ok {
		return nil
	}
	return []int{0, end, 0, colon}
}

func FuzzIsPostLine(f *testing.F) {
	for _, s := range postLineSeeds {
		f.Add(s)
	}
	f.Fuzz(checkPostLineAndLabel)
}

func checkPostLineAndLabel(t *testing.T, s string) {
	want := len(s) <= 80 && (strings.HasPrefix(s, "U") || strings.HasPrefix(s, "The ") || strings.HasPrefix(s, "American")) && oldPostLine.MatchString(s)
	if got := isPostLine(s); got != want {
		t.Fatalf("isPostLine(%q) = %v, want %v", s, got, want)
	}
	if got, want := findInlineLabel(s), oldInlineLabel.FindStringSubmatchIndex(s); !reflect.DeepEqual(got, want) {
		t.Fatalf("findInlineLabel(%q) = %v, want %v", s, got, want)
	}
}
