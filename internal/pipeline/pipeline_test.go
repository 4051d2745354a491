package pipeline

import (
	"testing"
	"time"

	"github.com/reportlint/reportlint/internal/config"
	"github.com/reportlint/reportlint/internal/engine"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/profile"
	"github.com/reportlint/reportlint/internal/registry"
)

// The run with no configuration is the one the corpus evaluation measures:
// every shipped rule at its own level, the schema, today as the as-of date.
func TestDefault(t *testing.T) {
	opt, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if opt.Rules == nil || opt.Validate == nil || opt.Settings == nil || opt.Parse.Profiles == nil {
		t.Fatalf("incomplete options: rules %v, validate %v, settings %v, profiles %v", opt.Rules != nil, opt.Validate != nil, opt.Settings != nil, opt.Parse.Profiles != nil)
	}
	if !opt.AsOf.Equal(Today()) {
		t.Errorf("as of %v, want today %v", opt.AsOf, Today())
	}
	_, settings := opt.Settings("report.txt")
	for id := range registry.Shipped() {
		s, ok := settings[id]
		if !ok || !s.Enabled {
			t.Errorf("rule %s is not enabled by default: %+v", id, s)
			continue
		}
		if r, _ := opt.Rules.Get(id); r != nil && s.Level != r.Level {
			t.Errorf("rule %s at level %v, want its own %v", id, s.Level, r.Level)
		}
	}
}

// The configuration's as-of date and rule levels reach the options.
func TestConfigure(t *testing.T) {
	cfg, err := config.Parse("/tmp/.reportlint.yaml", []byte("as-of: 2024-05-01\nrules:\n  dash-style: error\n"))
	if err != nil {
		t.Fatal(err)
	}
	opt := engine.Options{}
	opt.Parse.Profiles = profile.Default()
	if _, err := Configure(&opt, cfg, nil, ""); err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC); !opt.AsOf.Equal(want) {
		t.Errorf("as of %v, want %v", opt.AsOf, want)
	}
	if _, settings := opt.Settings("/tmp/report.txt"); settings["dash-style"].Level != lint.Error {
		t.Errorf("dash-style at %v, want error", settings["dash-style"].Level)
	}
}
