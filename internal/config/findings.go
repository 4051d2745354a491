package config

import (
	"path"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/suggest"
)

// findingIgnore is one entry of ignore-findings: a way to suppress a
// finding that leaves the report's text alone, for plain-text reports,
// whose published text cannot hold a directive.
type findingIgnore struct {
	globs    []glob     // files it applies to; none: every file
	rules    []string   // rule ids or globs (style/*); none: every rule
	ruleNode *yaml.Node // where rules was written, for unknown ids
	text     string     // the finding's line holds this text; "": any line
}

var findingIgnoreKeys = []string{"files", "rules", "text"}

func (l *loader) findingIgnores(n *yaml.Node) ([]findingIgnore, error) {
	if isNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, l.errorf(n, "ignore-findings should be a list of entries, each with files, rules or text, not %s", describe(n))
	}
	var out []findingIgnore
	for _, item := range n.Content {
		item = deref(item)
		pairs, err := l.mapping(item, "an ignore-findings entry", findingIgnoreKeys)
		if err != nil {
			return nil, err
		}
		var fi findingIgnore
		for _, kv := range pairs {
			key, val := kv[0], kv[1]
			switch key.Value {
			case "files":
				var patterns []string
				if patterns, err = l.list(val, "files", "reports/mali.txt", true); err != nil {
					return nil, err
				}
				for _, p := range patterns {
					g, _ := compileGlob(p) // checked by list
					fi.globs = append(fi.globs, g)
				}
			case "rules":
				if fi.rules, err = l.list(val, "rules", "undated-relative-time", false); err != nil {
					return nil, err
				}
				for i, r := range fi.rules {
					if _, err := path.Match(r, ""); err != nil {
						return nil, l.errorf(deref(val).Content[i], "bad rule pattern %q in ignore-findings: %v", r, err)
					}
				}
				fi.ruleNode = val
			case "text":
				if fi.text, err = l.scalar(val, "text"); err != nil {
					return nil, err
				}
				if strings.TrimSpace(fi.text) == "" {
					return nil, l.errorf(val, "text should be words of the line to leave alone, not empty")
				}
			}
		}
		if len(fi.rules) == 0 && fi.text == "" {
			// Every finding of some files is what ignore: is for.
			return nil, l.errorf(item, "an ignore-findings entry needs rules or text (or both); to skip whole files, list them under ignore")
		}
		out = append(out, fi)
	}
	return out, nil
}

// checkFindingRules refuses a rule in ignore-findings that names no rule
// of the run: a typo would silence nothing, and nothing would say so.
func (c *Config) checkFindingRules(reg *lint.Registry) error {
	var ids []string
	for _, r := range reg.All() {
		ids = append(ids, r.ID)
	}
	for _, fi := range c.ignoreFindings {
		for i, pattern := range fi.rules {
			matched := false
			for _, id := range ids {
				if ok, _ := path.Match(pattern, id); ok {
					matched = true
					break
				}
			}
			if !matched {
				at := deref(fi.ruleNode).Content[i]
				return &Error{Path: c.Path, Line: at.Line, Column: at.Column, Msg: "ignore-findings: " + suggest.Unknown("rule", pattern, ids)}
			}
		}
	}
	return nil
}

// FindingIgnored tells whether ignore-findings suppresses a finding of the
// report at path whose first line reads line: an entry applies when the
// path matches its files (relative to the configuration's folder), the
// rule one of its rules, and the line holds its text.
func (c *Config) FindingIgnored(p, rule, line string) bool {
	if len(c.ignoreFindings) == 0 {
		return false
	}
	rel, inside := relSlash(c.Dir, p)
	for _, fi := range c.ignoreFindings {
		if len(fi.globs) > 0 {
			if !inside || !matchAny(fi.globs, rel) {
				continue
			}
		}
		if len(fi.rules) > 0 && !matchRule(fi.rules, rule) {
			continue
		}
		if fi.text != "" && !strings.Contains(line, fi.text) {
			continue
		}
		return true
	}
	return false
}

// IgnoresFindings tells whether the configuration has ignore-findings.
func (c *Config) IgnoresFindings() bool { return len(c.ignoreFindings) > 0 }

func matchAny(globs []glob, rel string) bool {
	for _, g := range globs {
		if g.match(rel) {
			return true
		}
	}
	return false
}

func matchRule(patterns []string, rule string) bool {
	for _, p := range patterns {
		if ok, _ := path.Match(p, rule); ok {
			return true
		}
	}
	return false
}
