package config

import (
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// commentedSetting is a commented-out line of YAML in the starter file, as
// opposed to a line of explanation: a lower-case key, then a colon.
var commentedSetting = regexp.MustCompile(`(?m)^(\s*)# (\s*(?:- )?[a-z][a-z/-]*:.*)$`)

func uncomment(s string) string { return commentedSetting.ReplaceAllString(s, "$1$2") }

func TestStarterFile(t *testing.T) {
	reg, _ := testRegistry(t)
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	resolve := func(t *testing.T, text string) *Resolved {
		t.Helper()
		c, err := Parse(path, []byte(text))
		if err != nil {
			t.Fatalf("Parse: %v\n%s", err, text)
		}
		r, err := c.Resolve(reg)
		if err != nil {
			t.Fatalf("Resolve: %v\n%s", err, text)
		}
		return r
	}
	defaults, err := Default().Resolve(reg)
	if err != nil {
		t.Fatal(err)
	}
	sameAsDefaults := func(t *testing.T, r *Resolved) {
		t.Helper()
		for _, p := range []string{"a.md", "archive/a.md", "legacy/a.txt"} {
			wantProfile, want := defaults.For(p)
			profile, got := r.For(filepath.Join(dir, p))
			if profile != wantProfile || !reflect.DeepEqual(got, want) {
				t.Errorf("%s: %q %v; want the defaults, %q %v", p, profile, got, wantProfile, want)
			}
		}
	}

	for _, withRules := range []bool{false, true} {
		text := StarterFile(nil)
		if withRules {
			text = StarterFile(reg)
		}
		for _, key := range topKeys {
			if !regexp.MustCompile(`(?m)^(# )?` + key + `:`).MatchString(text) {
				t.Errorf("the starter file does not show %s", key)
			}
		}
		// As written, it changes nothing.
		sameAsDefaults(t, resolve(t, text))
	}

	t.Run("the examples, uncommented, are valid", func(t *testing.T) {
		text := uncomment(StarterFile(nil))
		r := resolve(t, text)
		c := r.Config()
		if c.Profile != "osac-csr" || c.AsOf.IsZero() || c.Schema != filepath.Join(dir, "schemas", "house.schema.json") {
			t.Errorf("top-level examples not read: %+v", c)
		}
		_, settings := r.For(filepath.Join(dir, "reports", "a.md"))
		if got := describeSetting(settings["quote-style"]); got != "error straight" {
			t.Errorf("quote-style = %s", got)
		}
		if got := describeSetting(settings["broken-paragraph"]); got != "off(warning)" {
			t.Errorf("broken-paragraph = %s", got)
		}
		if got := describeSetting(settings["dash-style"]); got != "warning en-dash" {
			t.Errorf("dash-style = %s", got)
		}
		profile, settings := r.For(filepath.Join(dir, "legacy", "a.txt"))
		if profile != "generic" || settings["broken-paragraph"].Enabled {
			t.Errorf("legacy override: %q %+v", profile, settings["broken-paragraph"])
		}
	})

	t.Run("the rule list, uncommented, is the defaults", func(t *testing.T) {
		full := StarterFile(reg)
		head, list, ok := strings.Cut(full, "Every rule at its default")
		if !ok {
			t.Fatalf("no rule list:\n%s", full)
		}
		for _, id := range reg.IDs() {
			if !strings.Contains(list, "# "+id+": ") {
				t.Errorf("rule %s is not listed", id)
			}
		}
		if !strings.Contains(list, "# dash-style: {level: info, options: {prefer: en-dash}}") {
			t.Errorf("dash-style's options are not listed:\n%s", list)
		}
		list, tail, _ := strings.Cut(list, "\n# Settings for some files")
		sameAsDefaults(t, resolve(t, head+"Every rule at its default"+uncomment(list)+"\n# Settings for some files"+tail))
	})
}
