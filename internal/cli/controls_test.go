package cli

import (
	"runtime/debug"
	"testing"
)

// --color auto: only a terminal is coloured, and never one with NO_COLOR
// set or TERM=dumb (a terminal that shows escape codes as text).
func TestAutoColor(t *testing.T) {
	for _, c := range []struct {
		env      map[string]string
		terminal bool
		want     bool
	}{
		{nil, true, true},
		{nil, false, false},
		{map[string]string{"TERM": "xterm-256color"}, true, true},
		{map[string]string{"TERM": "dumb"}, true, false},
		{map[string]string{"NO_COLOR": "1"}, true, false},
		{map[string]string{"NO_COLOR": ""}, true, true},
	} {
		getenv := func(k string) string { return c.env[k] }
		if got := autoColor(getenv, c.terminal); got != c.want {
			t.Errorf("env %v, terminal %v: colour %v, want %v", c.env, c.terminal, got, c.want)
		}
	}
}

// --version names the module version and, when the build recorded it, the
// revision, marked when the work tree had changes.
func TestVersionOf(t *testing.T) {
	for _, c := range []struct {
		main     string
		settings []debug.BuildSetting
		version  string
		revision string
	}{
		{"v1.2.3", nil, "v1.2.3", ""},
		{"", nil, "(devel)", ""},
		{"(devel)", []debug.BuildSetting{{Key: "vcs.revision", Value: "e8fe7218af203b70014e2bcb522b33eff60597fd"}, {Key: "vcs.modified", Value: "false"}},
			"(devel)", "e8fe7218af203b70014e2bcb522b33eff60597fd"},
		{"v0.0.0-20261204214634-e8fe7218af20+dirty", []debug.BuildSetting{{Key: "vcs.modified", Value: "true"}, {Key: "vcs.revision", Value: "e8fe7218af20"}},
			"v0.0.0-20261204214634-e8fe7218af20+dirty", "e8fe7218af20+dirty"},
	} {
		info := &debug.BuildInfo{Main: debug.Module{Version: c.main}, Settings: c.settings}
		v, rev := versionOf(info)
		if v != c.version || rev != c.revision {
			t.Errorf("main %q, settings %v: version %q revision %q, want %q %q", c.main, c.settings, v, rev, c.version, c.revision)
		}
	}
}
