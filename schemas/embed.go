// Package schemas embeds the JSON Schemas (draft 2020-12) reports are
// validated against: common.schema.json holds the shared definitions,
// report.schema.json the document model, and one schema per profile narrows it.
package schemas

import "embed"

// FS holds every *.schema.json.
//
//go:embed *.schema.json
var FS embed.FS
