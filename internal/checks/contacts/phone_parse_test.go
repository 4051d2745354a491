package contacts

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// FuzzParsePhone holds parsePhone, which reads bytes and cuts its groups
// from the number, to parsePhoneRunes, the rune-slice reading it replaced:
// the same groups, digits, problems and styles for any text.
func FuzzParsePhone(f *testing.F) {
	for _, s := range []string{
		"+(20) 2-1234-5678", "+223-2044-5100", "8200-1717", "+ 44 (0)20 7008 1500",
		"(+1) 202 501 4444", "+1 (202) 501-4444", "00 33 1 43 12 22 22", "1-888–407–4747",
		"+61 2 6261 3305 / 3306", "12 (34) (56)", "+1 - -  202", "911", "x123", "(\xff)", "1\xe2\x80",
		"", "+", "(", ")", "1.2.3", "+49 30 - 5000 – 0", "12 —34‑56",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := parsePhone(s), parsePhoneRunes(s)
		if len(got.groups) == 0 && len(want.groups) == 0 {
			// The new code sizes its groups before it meets a problem:
			// empty, not nil, which no caller tells apart (len only).
			got.groups, want.groups = nil, nil
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("parsePhone(%q) = %+v, want %+v", s, got, want)
		}
	})
}

// TestParsePhoneGroupsShareText checks the point of the byte reader: the
// groups of a number are pieces of it, not copies, so that parsing costs
// the groups' slice and the digits' one string.
func TestParsePhoneGroupsShareText(t *testing.T) {
	s := "+223 2044 5100"
	p := parsePhone(s)
	if len(p.groups) != 3 || p.digits != "22320445100" {
		t.Fatalf("parsePhone(%q) = %+v", s, p)
	}
	for _, g := range p.groups {
		if !strings.Contains(s, g.digits) {
			t.Fatalf("group %q not in %q", g.digits, s)
		}
	}
	if n := testing.AllocsPerRun(20, func() { parsePhone(s) }); n > 2 {
		t.Errorf("parsePhone(%q) made %v allocations, want at most 2 (groups, digits)", s, n)
	}
}

// parsePhoneRunes is parsePhone as it was, reading a slice of runes and
// copying each group of digits, kept to hold the new one to. It reads "+(20) 2-1234-5678", "+223-2044-5100", "8200-1717".
func parsePhoneRunes(s string) phone {
	p := phone{written: s}
	rs := []rune(s)
	i := 0
	open := false // inside parentheses
	openAt := -1  // group index at the opening parenthesis
	plusAt := -1  // rune index of the plus sign
	groupsInParens := 0
	for i < len(rs) {
		r := rs[i]
		switch {
		case r >= '0' && r <= '9':
			j := i
			for j < len(rs) && rs[j] >= '0' && rs[j] <= '9' {
				j++
			}
			p.groups = append(p.groups, digitGroup{digits: string(rs[i:j]), parens: open})
			if open {
				groupsInParens++
			}
			p.digits += string(rs[i:j])
			i = j
			continue
		case r == '+':
			if plusAt >= 0 || len(p.groups) > 0 {
				p.problem = "has a plus sign inside the number"
				return p
			}
			plusAt = i
			p.international = true
			if i+1 < len(rs) && rs[i+1] == ' ' {
				p.addStyle("has a space after the plus sign", "write the calling code right after the plus sign")
				i++
			}
		case r == '(':
			if open {
				p.problem = "has nested parentheses"
				return p
			}
			open, openAt, groupsInParens = true, len(p.groups), 0
		case r == ')':
			if !open {
				p.problem = "has a closing parenthesis without an opening one"
				return p
			}
			open = false
			if groupsInParens != 1 {
				p.problem = "has parentheses around more or less than one group of digits"
				return p
			}
			g := &p.groups[len(p.groups)-1]
			if g.digits == "0" && openAt > 0 && p.international {
				p.addStyle("has a trunk prefix (0), which is not dialled from abroad", "drop the (0)")
			} else if openAt > 1 {
				p.addStyle(fmt.Sprintf("has parentheses around %q, a group deep in the number", g.digits), "keep parentheses for the calling code or the area code only")
			}
		case r == ' ' || r == '-' || r == '.':
			j := i + 1
			for j < len(rs) && (rs[j] == ' ' || rs[j] == '-' || rs[j] == '.' || rs[j] == '–' || rs[j] == '/') {
				j++
			}
			if sep := string(rs[i:j]); j-i > 1 && strings.TrimSpace(sep) != "" && len(p.groups) > 0 {
				p.addStyle(fmt.Sprintf("separates digits with %q", sep), "separate groups of digits with one space, hyphen or dot")
			}
			i = j
			continue
		case r == '–' || r == '—' || r == '/' || r == '‑':
			p.addStyle(fmt.Sprintf("separates digits with %q", string(r)), "separate groups of digits with a space, hyphen or dot")
		default:
			p.problem = fmt.Sprintf("has %q, which is not a digit, separator or parenthesis", string(r))
			return p
		}
		i++
	}
	if open {
		p.problem = "has an opening parenthesis that is not closed"
		return p
	}
	if len(p.groups) == 0 {
		p.problem = "has no digits"
		return p
	}
	if !p.international && strings.HasPrefix(p.digits, "00") && len(p.digits) > 8 {
		p.exitPrefix = true
	}
	if p.international && plusAt > 0 && !(plusAt == 1 && rs[0] == '(') {
		p.problem = "has a plus sign inside the number"
	}
	return p
}
