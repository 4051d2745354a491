package parse

import (
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/source"
)

// A 5 MB line is not looked up as a country's name word by word.
func TestLongHeaderLineIsNotACountry(t *testing.T) {
	line := strings.Repeat("Niger ", 1<<20/6)
	f, err := source.New("long.txt", []byte("Title\n\n"+line+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	allocs := testing.AllocsPerRun(1, func() {
		if _, err := Parse(f, Options{}); err != nil {
			t.Fatal(err)
		}
	})
	// Splitting the line into its 170,000 words would allocate for each.
	if allocs > 50000 {
		t.Errorf("parsing allocated %v times", allocs)
	}
	r, _ := Parse(f, Options{})
	if r.Country.Value != "" {
		t.Errorf("country = %q", r.Country.Value)
	}
	short, _ := source.New("short.txt", []byte("Title\n\nNiger\n"))
	if r, _ := Parse(short, Options{}); r.Country.Value != "Niger" {
		t.Errorf("short country line: %q", r.Country.Value)
	}
}
