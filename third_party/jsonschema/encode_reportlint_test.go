package jsonschema

import (
	gourl "net/url"
	"strings"
	"testing"
)

// oldEncode is encode before its fast path (reportlint's change).
func oldEncode(frag string) string {
	var sb strings.Builder
	for i, tok := range strings.Split(frag, "/") {
		if i > 0 {
			sb.WriteByte('/')
		}
		sb.WriteString(gourl.PathEscape(tok))
	}
	return sb.String()
}

func FuzzEncode(f *testing.F) {
	for _, s := range []string{"", "/properties/a b", "/$defs/x~1y", "/items/0", "/a;b,c?d", "/é", "/%41", "/-_.~$&+=:@"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := encode(s), oldEncode(s); got != want {
			t.Fatalf("encode(%q) = %q, want %q", s, got, want)
		}
	})
}
