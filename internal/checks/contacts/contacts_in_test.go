package contacts

import (
	"reflect"
	"testing"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/profile"
)

// contactsListed is contactsIn as it was, a list of copies.
func contactsListed(pass *lint.Pass, sections []*document.Section) []document.Contact {
	if pass.Doc.Data != nil {
		return pass.Doc.Contacts
	}
	var out []document.Contact
	for _, c := range pass.Doc.Contacts {
		for _, s := range sections {
			if s.Span.Contains(c.Span) {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// TestContactsInAsListed: contactsIn yields the contacts the list held, in
// its order, for each section of the fixtures and the real corpus (when
// ../shared is there), for no section and for all of them.
func TestContactsInAsListed(t *testing.T) {
	yielded := 0
	forEachPass(t, func(path string, pass *lint.Pass, r *document.Report, _ *profile.Profile) {
		all := r.AllSections()
		sets := [][]*document.Section{nil, all}
		for _, s := range all {
			sets = append(sets, []*document.Section{s})
		}
		for _, set := range sets {
			var got []document.Contact
			for c := range contactsIn(pass, set) {
				got = append(got, *c)
			}
			yielded += len(got)
			if want := contactsListed(pass, set); !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
				t.Errorf("%s: %d sections: yielded %d contacts, want %d", path, len(set), len(got), len(want))
			}
		}
	})
	if yielded == 0 {
		t.Error("no contact yielded: the test compares nothing")
	}
}
