package config

import (
	"errors"
	"path"
	"strings"
)

// glob is an override pattern, matched against a report's slash-separated
// path relative to the config's folder. Within a segment it is path.Match
// syntax (`*`, `?`, `[a-z]`); a segment `**` matches any number of
// folders, none included. As in .gitignore, a pattern without a slash
// matches a name at any depth ("*.txt"), one with a slash is anchored to the
// config's folder ("legacy/*.txt", "/top.md"), and a pattern that matches a
// folder covers everything in it ("archive" or "archive/").
type glob struct {
	pattern  string
	segments []string
}

func compileGlob(pattern string) (glob, error) {
	p := strings.TrimPrefix(pattern, "./")
	anchored := strings.Contains(strings.TrimSuffix(p, "/"), "/")
	p = strings.Trim(p, "/")
	if p == "" {
		return glob{}, errors.New("the pattern is empty")
	}
	g := glob{pattern: pattern}
	if !anchored {
		g.segments = []string{"**"}
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == "" {
			continue // "a//b" is "a/b"
		}
		if seg != "**" {
			if _, err := path.Match(seg, ""); err != nil {
				return glob{}, err
			}
		}
		g.segments = append(g.segments, seg)
	}
	return g, nil
}

// match reports whether the glob matches rel or one of its parent folders.
func (g glob) match(rel string) bool {
	parts := strings.Split(rel, "/")
	for n := len(parts); n > 0; n-- {
		if matchSegments(g.segments, parts[:n]) {
			return true
		}
	}
	return false
}

func matchSegments(pattern, parts []string) bool {
	for len(pattern) > 0 {
		if pattern[0] == "**" {
			// Collapse runs of ** and try every number of folders.
			for len(pattern) > 0 && pattern[0] == "**" {
				pattern = pattern[1:]
			}
			if len(pattern) == 0 {
				return true
			}
			for i := 0; i <= len(parts); i++ {
				if matchSegments(pattern, parts[i:]) {
					return true
				}
			}
			return false
		}
		if len(parts) == 0 {
			return false
		}
		if ok, _ := path.Match(pattern[0], parts[0]); !ok {
			return false
		}
		pattern, parts = pattern[1:], parts[1:]
	}
	return len(parts) == 0
}
