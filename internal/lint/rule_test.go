package lint

import (
	"maps"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/reportlint/reportlint/internal/source"
)

// TestRegistryAllSorted: the registry keeps its rules sorted as they are
// added, in any order, rather than sorting them at every check; the list
// it hands out is a copy.
func TestRegistryAllSorted(t *testing.T) {
	rule := func(id string) *Rule {
		return &Rule{ID: id, Summary: "s", Level: Warning, Run: func(*Pass) {}}
	}
	reg, err := NewRegistry(rule("style/b"), rule("quote-style"), rule("a"), rule("style/a"), rule("zz"), rule("b-c"))
	if err != nil {
		t.Fatal(err)
	}
	if err := reg.Add(rule("m")); err != nil {
		t.Fatal(err)
	}
	want := []string{"a", "b-c", "m", "quote-style", "style/a", "style/b", "zz"}
	if got := reg.IDs(); !slices.Equal(got, want) {
		t.Fatalf("IDs() = %q, want %q", got, want)
	}
	all := reg.All()
	all[0] = nil
	if reg.All()[0] == nil {
		t.Fatal("All() handed out the registry's own list")
	}
	if err := reg.Add(rule("m")); err == nil {
		t.Fatal("a rule added twice was accepted")
	}
}

// SharedDefaults is Defaults, made once (the same map each time) until a
// rule is added, which it then holds too.
func TestSharedDefaults(t *testing.T) {
	type opts struct{ N int }
	rule := func(id string, level Level) *Rule {
		return &Rule{ID: id, Summary: "s", Level: level, Run: func(*Pass) {},
			Options: func() any { return &opts{N: 3} }}
	}
	reg, err := NewRegistry(rule("a", Warning), rule("b", Error))
	if err != nil {
		t.Fatal(err)
	}
	same := func(got, want map[string]Setting) bool {
		return maps.EqualFunc(got, want, func(g, w Setting) bool {
			return g.Enabled == w.Enabled && g.Level == w.Level && *g.Options.(*opts) == *w.Options.(*opts)
		})
	}
	first := reg.SharedDefaults()
	if !same(first, reg.Defaults()) || len(first) != 2 {
		t.Fatalf("SharedDefaults %v, Defaults %v", first, reg.Defaults())
	}
	if again := reg.SharedDefaults(); reflect.ValueOf(again).UnsafePointer() != reflect.ValueOf(first).UnsafePointer() {
		t.Error("SharedDefaults made a second map")
	}
	if err := reg.Add(rule("c", Info)); err != nil {
		t.Fatal(err)
	}
	if after := reg.SharedDefaults(); !same(after, reg.Defaults()) || after["c"].Level != Info {
		t.Errorf("after Add: %v, want %v", after, reg.Defaults())
	}
}

// Init over a pass already used makes it what NewPass makes, nothing of
// the earlier rule's left (its memo, its reporting function).
func TestPassInit(t *testing.T) {
	rule := &Rule{ID: "a", Summary: "s", Level: Warning, Run: func(*Pass) {}}
	var got []string
	report := func(f Finding) { got = append(got, f.Rule) }
	p := NewPass(&Rule{ID: "old"}, nil, nil, nil, time.Time{}, 1, Error, func(Finding) { t.Error("the old reporter ran") })
	p.Memo = map[string]any{"k": 1}
	f := &source.File{Path: "r.txt"}
	p.Init(rule, f, nil, nil, time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), "opts", Warning, report)
	want := NewPass(rule, f, nil, nil, time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), "opts", Warning, report)
	if p.Memo != nil || p.Rule != want.Rule || p.File != want.File || p.AsOf != want.AsOf || p.Options != want.Options || p.Level != want.Level {
		t.Errorf("Init: %+v, want %+v", p, want)
	}
	p.Report(Finding{Message: "m"})
	if !slices.Equal(got, []string{"a"}) {
		t.Errorf("findings reported by rule %q, want [a]", got)
	}
}
