package parse

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/source"
)

// The real reports beside the project; absent from a fresh clone.
const samplesDir = "../../../shared/samples"

func sample(t *testing.T, name string) (*source.File, *document.Report) {
	t.Helper()
	path := filepath.Join(samplesDir, name)
	if _, err := os.Stat(path); err != nil {
		t.Skipf("sample %s not available: %v", name, err)
	}
	f, err := source.ReadFile(path, 0)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse(f, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return f, r
}

func countSections(ss []*document.Section) int {
	n := 0
	for _, s := range ss {
		n += 1 + countSections(s.Sections)
	}
	return n
}

// What a careful reader sees in the Mali Country Security Report.
func TestSampleMaliCSR(t *testing.T) {
	f, r := sample(t, "osac-mali-2024.txt")
	if r.Profile != "osac-csr" || r.Format != document.FormatText {
		t.Errorf("profile %s, format %s", r.Profile, r.Format)
	}
	if r.Title.Value != "OSAC Country Security Report" || r.Country.Value != "Mali" {
		t.Errorf("title %q, country %q", r.Title.Value, r.Country.Value)
	}
	if r.Published.Value != "2024-11-29" {
		t.Errorf("published %q, want 2024-11-29", r.Published.Value)
	}
	if got := f.Position(r.Published.Span.Start); got != (source.Position{Line: 9, Column: 12}) {
		t.Errorf("published date at %v, want 9:12", got)
	}
	a := r.Advisory
	if a == nil || a.Level != 4 || a.Wording.Value != "Do Not Travel" {
		t.Fatalf("advisory %+v, want Level 4 Do Not Travel", a)
	}
	included := map[string]bool{}
	for _, ind := range a.Indicators {
		if ind.Source == "statement" {
			included[ind.Code] = ind.Included
		}
	}
	for _, code := range []string{"C", "K", "T"} {
		if inc, ok := included[code]; !ok || !inc {
			t.Errorf("indicator %s should be stated as included: %v", code, included)
		}
	}
	if inc, ok := included["D"]; !ok || inc {
		t.Errorf("indicator D should be stated as not included: %v", included)
	}
	critical := map[string]bool{}
	for _, rt := range r.Ratings {
		if rt.Location.Value == "Bamako" && rt.Level.Value == "CRITICAL" {
			critical[rt.Category.Value] = true
		}
	}
	for _, c := range []string{"crime", "terrorism", "political violence"} {
		if !critical[c] {
			t.Errorf("Bamako should be CRITICAL for %s; ratings %+v", c, r.Ratings)
		}
	}
	if n := countSections(r.Sections); n != 16 {
		t.Errorf("%d section headings, want 16", n)
	}
	if len(r.Links) != 11 {
		t.Errorf("%d links, want 11", len(r.Links))
	}
	phone := false
	for _, c := range r.Contacts {
		phone = phone || c.Kind == document.ContactPhone && c.Value == "+223-2070-2300"
	}
	if !phone {
		t.Errorf("embassy phone +223-2070-2300 not found in %+v", r.Contacts)
	}
}

func TestSampleEgyptAdvisories(t *testing.T) {
	for _, tt := range []struct {
		name      string
		level     int
		published string
	}{
		{"advisory-egypt-2024.txt", 3, "2024-10-15"},
		{"advisory-egypt-2025.txt", 2, "2025-07-15"},
	} {
		_, r := sample(t, tt.name)
		if r.Profile != "travel-advisory" || r.Country.Value != "Egypt" {
			t.Errorf("%s: profile %s, country %q", tt.name, r.Profile, r.Country.Value)
		}
		if r.Advisory == nil || r.Advisory.Level != tt.level {
			t.Errorf("%s: advisory %+v, want level %d", tt.name, r.Advisory, tt.level)
		}
		if r.Published.Value != tt.published {
			t.Errorf("%s: published %q, want %s", tt.name, r.Published.Value, tt.published)
		}
	}
}

func TestSampleMaliAdvisoryReasons(t *testing.T) {
	_, r := sample(t, "advisory-mali-2023.txt")
	if r.Advisory == nil {
		t.Fatal("no advisory")
	}
	var reasons []string
	for _, rs := range r.Advisory.Reasons {
		reasons = append(reasons, rs.Value)
	}
	if len(reasons) != 3 || reasons[0] != "crime" || reasons[1] != "terrorism" || reasons[2] != "kidnapping" {
		t.Errorf("reasons %q, want crime, terrorism, kidnapping", reasons)
	}
	if r.Advisory.Level != 4 || r.Published.Value != "2023-07-31" {
		t.Errorf("level %d published %s", r.Advisory.Level, r.Published.Value)
	}
}
