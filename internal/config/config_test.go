package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestFind(t *testing.T) {
	root := t.TempDir()
	mkdir := func(rel string) string {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write := func(rel string) string {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.WriteFile(p, []byte("rules: {}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	mkdir("team/reports/africa/mali")
	mkdir("team/nested/inner")
	mkdir("loose/deeper")
	top := write("team/" + FileName)
	nested := write("team/nested/" + FileName)
	// A folder with the config's name is not a config; the search goes on.
	mkdir("team/reports/" + FileName)

	tests := []struct {
		start     string
		want      string
		wantFound bool
	}{
		{"team", top, true},
		{"team/reports/africa/mali", top, true},
		{"team/reports", top, true},
		{"team/nested/inner", nested, true}, // the nearest wins
		{"team/nested", nested, true},
		{"loose/deeper", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.start, func(t *testing.T) {
			got, found, err := Find(filepath.Join(root, filepath.FromSlash(tt.start)))
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want || found != tt.wantFound {
				t.Errorf("Find = %q, %v; want %q, %v", got, found, tt.want, tt.wantFound)
			}
		})
	}

	t.Run("relative start", func(t *testing.T) {
		t.Chdir(filepath.Join(root, "team", "reports"))
		got, found, err := Find("africa")
		if err != nil || !found || got != top {
			t.Errorf("Find = %q, %v, %v; want %q", got, found, err, top)
		}
	})
}

func TestLoadFull(t *testing.T) {
	path := filepath.Join("testdata", "full", FileName)
	c, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	dir, _ := filepath.Abs(filepath.Join("testdata", "full"))
	if c.Path != path || c.Dir != dir {
		t.Errorf("Path, Dir = %q, %q; want %q, %q", c.Path, c.Dir, path, dir)
	}
	if c.Profile != "osac-csr" {
		t.Errorf("Profile = %q", c.Profile)
	}
	if want := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC); !c.AsOf.Equal(want) {
		t.Errorf("AsOf = %v, want %v", c.AsOf, want)
	}
	if want := filepath.Join(dir, "schemas", "house.schema.json"); c.Schema != want {
		t.Errorf("Schema = %q, want %q", c.Schema, want)
	}
	if want := []string{filepath.Join(dir, "rules", "house-style.yaml"), "/opt/packs/shared.yaml"}; !reflect.DeepEqual(c.Packs, want) {
		t.Errorf("Packs = %q, want %q", c.Packs, want)
	}
	if want := []string{"drafts/**", "*.tmp.md"}; !reflect.DeepEqual(c.Ignore, want) {
		t.Errorf("Ignore = %q, want %q", c.Ignore, want)
	}
	if len(c.rules) != 3 || len(c.overrides) != 1 || len(c.overrides[0].globs) != 2 || c.overrides[0].profile != "generic" {
		t.Errorf("rules = %+v, overrides = %+v", c.rules, c.overrides)
	}
}

func TestLoadEmpty(t *testing.T) {
	for _, text := range []string{"", "\n\n", "# nothing set yet\n", "---\n", "---\n# later\n", "profile:\n---\n"} {
		c, err := Parse("cfg.yaml", []byte(text))
		if err != nil {
			t.Errorf("%q: %v", text, err)
			continue
		}
		if c.Profile != "" || !c.AsOf.IsZero() || c.Schema != "" || c.Packs != nil || c.Ignore != nil || c.rules != nil || c.overrides != nil {
			t.Errorf("%q: not the defaults: %+v", text, c)
		}
	}
	// A key with no value is as if it were not there.
	c, err := Parse("cfg.yaml", []byte("profile:\nas-of:\npacks:\nignore:\nrules:\noverrides:\n"))
	if err != nil || c.Profile != "" || !c.AsOf.IsZero() || c.Packs != nil || c.rules != nil {
		t.Errorf("empty values: %+v, %v", c, err)
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "nope.yaml"))
	var ce *Error
	if !errors.As(err, &ce) || ce.Line != 0 || ce.Msg != "no such file or directory; check the path" {
		t.Errorf("err = %#v", err)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown top-level key", "profile: generic\nrule:\n  quote-style: off\n",
			`cfg.yaml:2:1: unknown key "rule"; did you mean "rules"?`},
		{"unknown top-level key, nothing near", "colour: red\n",
			`cfg.yaml:1:1: unknown key "colour" (known: profile, profiles, as-of, schema, packs, ignore, include, ignore-findings, rules, overrides)`},
		{"unknown key in an override", "overrides:\n  - files: [a]\n    rule:\n      quote-style: off\n",
			`cfg.yaml:3:5: unknown key "rule"; did you mean "rules"?`},
		{"unknown key in a rule's mapping", "rules:\n  dash-style:\n    levle: error\n",
			`cfg.yaml:3:5: unknown key "levle"; did you mean "level"?`},
		{"unknown key in a rule's mapping, flow style", "rules:\n  dash-style: {level: error, option: {prefer: x}}\n",
			`cfg.yaml:2:30: unknown key "option"; did you mean "options"?`},
		{"bad level word", "rules:\n  quote-style: warnin\n",
			`cfg.yaml:2:16: unknown level "warnin" for rule quote-style; did you mean "warning"?`},
		{"bad level word, nothing near", "rules:\n  quote-style: loud\n",
			`cfg.yaml:2:16: unknown level "loud" for rule quote-style; use error, warning, info or off`},
		{"bad level in a mapping", "rules:\n  dash-style:\n    level: eror\n",
			`cfg.yaml:3:12: unknown level "eror" for rule dash-style; did you mean "error"?`},
		{"bad level in an override", "overrides:\n  - files: [a]\n    rules:\n      quote-style: of\n",
			`cfg.yaml:4:20: unknown level "of" for rule quote-style; did you mean "off"?`},
		{"rule without a value", "rules:\n  quote-style:\n",
			`cfg.yaml:2:15: rule quote-style needs a level (error, warning, info) or off, not empty`},
		{"rule as a list", "rules:\n  quote-style: [error]\n",
			`cfg.yaml:2:16: rule quote-style should be a level (error, warning, info), off, or a mapping with level and options; not a list`},
		{"options not a mapping", "rules:\n  dash-style:\n    options: en-dash\n",
			`cfg.yaml:3:14: options of rule dash-style should be a mapping of option names to values, not "en-dash"`},
		{"bad as-of date", "as-of: 2025-13-01\n",
			`cfg.yaml:1:8: as-of "2025-13-01" is not a date; write it as YYYY-MM-DD, like 2025-06-01`},
		{"as-of in another format", "as-of: 1 June 2025\n",
			`cfg.yaml:1:8: as-of "1 June 2025" is not a date; write it as YYYY-MM-DD, like 2025-06-01`},
		{"as-of as a list", "as-of: [2025-06-01]\n",
			`cfg.yaml:1:8: as-of should be a single value, not a list`},
		{"profile as a mapping", "profile: {name: generic}\n",
			`cfg.yaml:1:10: profile should be a single value, not a mapping`},
		{"packs not a list", "packs: rules/house-style.yaml\n",
			`cfg.yaml:1:8: packs should be a list, not "rules/house-style.yaml"; write ["rules/house-style.yaml"]`},
		{"ignore not a list", "ignore:\n  drafts: yes\n",
			`cfg.yaml:2:3: ignore should be a list, not a mapping; write ["drafts/**"]`},
		{"files not a list", "overrides:\n  - files: archive/**\n",
			`cfg.yaml:2:12: files should be a list, not "archive/**"; write ["archive/**"]`},
		{"empty list item", "packs: [a.yaml, '']\n",
			`cfg.yaml:1:17: each item of packs should be a non-empty value, not ""`},
		{"bad glob in ignore", "ignore: [\"drafts/[a\"]\n",
			`cfg.yaml:1:10: bad glob "drafts/[a" in ignore: syntax error in pattern`},
		{"bad glob in an override", "overrides:\n  - files:\n      - ok/**\n      - \"[z\"\n",
			`cfg.yaml:4:9: bad glob "[z" in files: syntax error in pattern`},
		{"overrides not a list", "overrides:\n  files: [a]\n",
			`cfg.yaml:2:3: overrides should be a list of entries, each starting with "- files:", not a mapping`},
		{"override without files", "overrides:\n  - profile: generic\n",
			`cfg.yaml:2:5: an override needs files: a list of globs it applies to, like ["archive/**"]`},
		{"override with empty files", "overrides:\n  - files: []\n",
			`cfg.yaml:2:12: an override needs files: a list of globs it applies to, like ["archive/**"]`},
		{"rules as a list", "rules:\n  - quote-style\n",
			`cfg.yaml:2:3: rules should be a mapping of keys to values, not a list`},
		{"top level a list", "- rules\n",
			`cfg.yaml:1:1: the configuration should be a mapping of keys to values (key: value lines), not a list; is this a reportlint configuration?`},
		{"key twice", "rules:\n  quote-style: off\n  quote-style: error\n",
			`cfg.yaml:3:3: "quote-style" is set twice in rules (first on line 2)`},
		{"syntax error with a line", "profile: generic\nrules:\n  a: b: c\n",
			`cfg.yaml:3: mapping values are not allowed in this context`},
		{"syntax error on the first line", "profile: a: b\n",
			`cfg.yaml:1: mapping values are not allowed in this context`},
		{"tab indentation", "rules:\n\tquote-style: off\n",
			`cfg.yaml:2: found character that cannot start any token`},
		{"unknown alias", "rules:\n  quote-style: off\n  dash-style: *shared\n",
			`cfg.yaml:3:15: an alias (*) refers to an anchor (&) that is not defined before it`},
		{"an override's published not a day", "overrides:\n  - files: [a]\n    published: 2026-02-30\n",
			`cfg.yaml:3:16: published "2026-02-30" is not a date; write it as YYYY-MM-DD, like 2025-06-01`},
		{"an override's published a list", "overrides:\n  - files: [a]\n    published: [2026-02-01]\n",
			`cfg.yaml:3:16: published should be a single value, not a list`},
		{"two documents, the first empty", "---\n---\nprofile: generic\n",
			`cfg.yaml:2:1: a configuration is one YAML document; remove the second "---"`},
		{"two documents", "profile: generic\n---\nprofile: osac-csr\n",
			`cfg.yaml:2:1: a configuration is one YAML document; remove the second "---"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("cfg.yaml", []byte(tt.yaml))
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("err = %v (%T), want an *Error", err, err)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestAliasesAreFollowed(t *testing.T) {
	c, err := Parse("cfg.yaml", []byte("ignore: &globs [\"drafts/**\"]\noverrides:\n  - files: *globs\n    rules: {quote-style: off}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.overrides) != 1 || len(c.overrides[0].globs) != 1 || c.overrides[0].globs[0].pattern != "drafts/**" {
		t.Errorf("overrides = %+v", c.overrides)
	}
}

func TestErrorString(t *testing.T) {
	tests := []struct {
		err  Error
		want string
	}{
		{Error{Path: "a.yaml", Line: 3, Column: 7, Msg: "m"}, "a.yaml:3:7: m"},
		{Error{Path: "a.yaml", Line: 3, Msg: "m"}, "a.yaml:3: m"},
		{Error{Path: "a.yaml", Msg: "m"}, "a.yaml: m"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func TestCheckProfiles(t *testing.T) {
	known := []string{"generic", "osac-csr", "travel-advisory"}
	tests := []struct {
		yaml, want string
	}{
		{"profile: osac-csr\noverrides:\n  - files: [a]\n    profile: generic\n", ""},
		{"profile: osac-cs\n", `cfg.yaml:1:10: unknown profile "osac-cs"; did you mean "osac-csr"?`},
		{"overrides:\n  - files: [a]\n    profile: travel\n", `cfg.yaml:3:14: unknown profile "travel" (known: generic, osac-csr, travel-advisory)`},
	}
	for _, tt := range tests {
		c, err := Parse("cfg.yaml", []byte(tt.yaml))
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if err := c.CheckProfiles(known); err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.yaml, got, tt.want)
		}
	}
}

// Ignore globs read as overrides' do, relative to the configuration's
// folder: a folder is skipped however it is written, a pattern without a
// slash matches at any depth, and a glob that could never match is refused.
func TestIgnored(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	for _, pattern := range []string{"drafts", "drafts/", "drafts/**", "./drafts/**", "/drafts"} {
		c, err := Parse(path, []byte("ignore: ["+strconv.Quote(pattern)+", \"*.tmp.md\", \"legacy/*.txt\"]\n"))
		if err != nil {
			t.Fatalf("%s: %v", pattern, err)
		}
		for p, want := range map[string]bool{
			"drafts":               true,
			"drafts/a.md":          true,
			"drafts/deep/a.md":     true,
			"reports/drafts.md":    false,
			"reports/x.tmp.md":     true,
			"legacy/a.txt":         true,
			"reports/legacy/a.txt": false,
			"reports/a.md":         false,
		} {
			if got := c.Ignored(filepath.Join(dir, filepath.FromSlash(p))); got != want {
				t.Errorf("ignore %q: Ignored(%s) = %v, want %v", pattern, p, got, want)
			}
		}
		if c.Ignored(filepath.Join(filepath.Dir(dir), "drafts", "a.md")) {
			t.Errorf("ignore %q: a path outside the configuration's folder is ignored", pattern)
		}
	}
	for pattern, want := range map[string]string{
		"../x/**":                            "reaches outside the configuration's folder",
		filepath.ToSlash(dir) + "/drafts/**": `is an absolute path; globs are relative to the configuration's folder: write "drafts/**"`,
	} {
		_, err := Parse(path, []byte("ignore: ["+strconv.Quote(pattern)+"]\n"))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ignore %q: err = %v, want %q", pattern, err, want)
		}
	}
}

// An empty schema key names no file, and CheckFiles keeps to the keys
// asked for.
func TestCheckFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	for _, text := range []string{"schema:\n", "schema: ~\n", "schema: ''\n"} {
		c, err := Parse(path, []byte(text))
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		if err := c.CheckFiles(); err != nil {
			t.Errorf("%q: %v", text, err)
		}
	}
	c, err := Parse(path, []byte("packs: [missing.yaml]\nprofiles: [house.yaml]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "house.yaml"), []byte("name: h\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := c.CheckFiles("profiles"); err != nil {
		t.Errorf("profiles only: %v", err)
	}
	if err := c.CheckFiles(); err == nil || !strings.Contains(err.Error(), ":1:9: missing.yaml: no such file") {
		t.Errorf("all: %v", err)
	}
}

// A file the configuration names must lie inside its repository (its
// folder, when it is in none), links resolved, and outside .git; it is
// refused at its line before it is looked for, so that the refusal does
// not tell whether the file exists. --allow-outside lets one be read.
func TestCheckFilesConfined(t *testing.T) {
	top, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	repo := filepath.Join(top, "repo")
	for name, content := range map[string]string{
		"secret.json":                  "root:x:0:0",
		"shared/pack.yaml":             "pack: p\nrules: []\n",
		"repo/.github/house.json":      "{}",
		"repo/.git/config":             "[core]",
		"repo/schemas/house.json":      "{}",
		"repo/reports/.reportlint.cfg": "",
	} {
		p := filepath.Join(top, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("../secret.json", filepath.Join(repo, "link.json")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	path := filepath.Join(repo, "reports", FileName)
	for text, want := range map[string]string{
		"schema: ../../secret.json\n":                         ":1:9: ../../secret.json is outside the repository; name a file inside it, or pass --allow-outside PATH to read files under PATH",
		"schema: ../../missing.json\n":                        ":1:9: ../../missing.json is outside the repository;",
		"schema: " + filepath.Join(top, "secret.json") + "\n": "is outside the repository;",
		"schema: ../link.json\n":                              ":1:9: ../link.json is outside the repository;",
		"packs: [../.git/config]\n":                           ":1:9: ../.git/config is inside .git, which reportlint does not read; name a file outside it",
		"profiles:\n  - ../../shared/pack.yaml\n":             ":2:5: ../../shared/pack.yaml is outside the repository;",
		"schema: ../.github/house.json\n":                     "",
		"schema: ../schemas/house.json\n":                     "",
	} {
		c, err := Parse(path, []byte(text))
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		err = c.CheckFiles()
		switch {
		case want == "" && err != nil:
			t.Errorf("%q: %v", text, err)
		case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
			t.Errorf("%q: err = %v, want %q", text, err, want)
		}
	}
	c, err := Parse(path, []byte("packs: [../../shared/pack.yaml]\n"))
	if err != nil {
		t.Fatal(err)
	}
	c.AllowOutside = []string{filepath.Join(top, "shared")}
	if err := c.CheckFiles(); err != nil {
		t.Errorf("--allow-outside: %v", err)
	}
	// Not in a repository, the configuration's folder is the bound.
	if err := os.Rename(filepath.Join(repo, ".git"), filepath.Join(repo, "git")); err != nil {
		t.Fatal(err)
	}
	c, err = Parse(path, []byte("schema: ../schemas/house.json\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.CheckFiles(); err == nil || !strings.Contains(err.Error(), "is outside the configuration's folder") {
		t.Errorf("outside a repository: %v", err)
	}
}

// A path the configuration names is judged as the system resolves it: a
// ".." after a link leaves where the link leads, in an absolute path as in
// a relative one. What is judged is what is read: CheckFiles leaves each
// path it passes resolved. A path whose place cannot be told is refused.
func TestCheckFilesAsTheSystemResolves(t *testing.T) {
	top, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	repo := filepath.Join(top, "repo")
	for name, content := range map[string]string{
		"outside/secret.yaml":    "AKIA_SECRET: x",
		"outside/sub/.keep":      "",
		"repo/.git/config":       "[core]",
		"repo/.git/hooks/.keep":  "",
		"repo/a/b/.keep":         "",
		"repo/a/house.json":      "{}",
		"repo/house.json":        "{}",
		"repo/secret.yaml":       "pack: p\nrules: []\n",
		"repo/config":            "",
		"repo/reports/.keep":     "",
		"repo/reports/pack.yaml": "pack: p\nrules: []\n",
	} {
		p := filepath.Join(top, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{
		"L": filepath.Join(top, "outside", "sub"), // out of the repository
		"G": filepath.Join(repo, ".git", "hooks"), // into .git
		"A": filepath.Join(repo, "a", "b"),        // within
	} {
		if err := os.Symlink(target, filepath.Join(repo, link)); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	raw := func(parts ...string) string { return strings.Join(parts, "/") } // not cleaned
	path := filepath.Join(repo, FileName)
	for text, want := range map[string]string{
		"packs: [" + raw(repo, "L", "..", "secret.yaml") + "]\n": ":1:9: " + raw(repo, "L", "..", "secret.yaml") + " is outside the repository;",
		"packs: [L/../secret.yaml]\n":                            ":1:9: L/../secret.yaml is outside the repository;",
		"packs: [" + raw(repo, "G", "..", "config") + "]\n":      "is inside .git, which reportlint does not read",
		"packs: [G/../config]\n":                                 ":1:9: G/../config is inside .git, which reportlint does not read",
		"packs: [" + strings.Repeat("a", 300) + ".yaml]\n":       ":1:9: " + strings.Repeat("a", 300) + ".yaml is not read: where it leads cannot be told (file name too long); name a file inside the repository by a path the system can follow",
	} {
		c, err := Parse(path, []byte(text))
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		if err := c.CheckFiles(); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%.60q: err = %v, want %q", text, err, want)
		}
	}
	// Within the repository, the file the system opens is the one read
	// (cleaned as text, A/../house.json would be repo/house.json).
	c, err := Parse(path, []byte("schema: A/../house.json\npacks: ["+raw(repo, "reports", ".", "pack.yaml")+"]\nprofiles: [./A/../house.json]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.CheckFiles(); err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(repo, "a", "house.json")
	if c.Schema != want || c.Packs[0] != filepath.Join(repo, "reports", "pack.yaml") || c.Profiles[0] != want {
		t.Errorf("schema %q, packs %q, profiles %q; want the files the system opens, resolved", c.Schema, c.Packs, c.Profiles)
	}
	if resolved, reason := c.Confine(raw(repo, "A", "..", "..", "house.json")); reason != "" || resolved != filepath.Join(repo, "house.json") {
		t.Errorf("Confine = %q, %q", resolved, reason)
	}
}

// A configuration found by walking up that is a link out of its
// repository is refused; --config is the user's choice.
func TestCheckFound(t *testing.T) {
	top, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(top, "repo", ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(top, "elsewhere.yaml"), []byte("rules: {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	found := filepath.Join(top, "repo", FileName)
	if err := os.Symlink("../elsewhere.yaml", found); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	_, err = LoadFound(found, nil)
	if err == nil || err.Error() != found+": is a symbolic link that leads outside the repository; put the file itself there, name it with --config, or pass --allow-outside PATH to read files under PATH" {
		t.Errorf("err = %v", err)
	}
	c, err := LoadFound(found, []string{filepath.Join(top, "elsewhere.yaml")})
	if err != nil || c.Path != found || c.Dir != filepath.Join(top, "repo") {
		t.Errorf("allowed: %+v, %v; want it read, named where it was found", c, err)
	}
	// A link whose end cannot be told is refused, not read.
	if err := os.Remove(found); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(FileName, found); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadFound(found, nil); err == nil || err.Error() != found+": is not read: where it leads cannot be told (too many levels of symbolic links); put the file itself there, or name it with --config" {
		t.Errorf("a loop: %v", err)
	}
}

func TestPublishedFor(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	c, err := Parse(path, []byte("overrides:\n  - files: [\"canada/**\"]\n    published: 2026-02-01\n  - files: [\"canada/chad.md\"]\n    published: 2026-03-01\n  - files: [\"canada/**\"]\n    profile: canada\n"))
	if err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]string{
		"canada/chad.md":  "2026-03-01 " + path + ":5",
		"canada/mali.md":  "2026-02-01 " + path + ":3",
		"reports/mali.md": " ",
	} {
		date, by := c.PublishedFor(filepath.Join(dir, filepath.FromSlash(p)))
		if got := date + " " + by; got != want {
			t.Errorf("%s: got %q, want %q", p, got, want)
		}
	}
	if date, _ := c.PublishedFor("-"); date != "" {
		t.Errorf("standard input: got %q, want none", date)
	}
}
