// Package rules embeds the rule packs and the data they read: section names
// and aliases per profile, advisory levels and indicators, countries and
// their calling codes, time phrases. Editors change these files, not Go code.
package rules

import "embed"

// FS holds profiles/*.yaml, data/*.yaml and packs/*.yaml.
//
//go:embed profiles/*.yaml data/*.yaml packs/*.yaml
var FS embed.FS
