package checks

import "github.com/reportlint/reportlint/internal/lint"

// Schema stands for JSON Schema validation in the registry, so that it can
// be configured, listed and explained like any rule; the engine runs the
// validation itself, once per file, with the schema compiled once per run.
var Schema = &lint.Rule{
	ID:      "schema",
	Level:   lint.Error,
	Summary: "the report's facts must satisfy its profile's JSON Schema",
	Doc: `Every report is turned into reportlint's document model (what "reportlint parse" prints) and
validated against the JSON Schema of its profile (schemas/*.schema.json, draft 2020-12), or
against a house schema given with --schema or the config's "schema" key. Each error is shown at
the source line of the value it is about: the rating word, the date, the email address; a
missing property is shown at the object that should hold it (for a text report, its title).
JSON and YAML reports are validated as written, with positions in that file.

When a rule reports the very value the schema rejects (rating-vocabulary on a rating word,
email-format on an address), the rule's finding is shown instead, with its hint, at the
schema's level if that is higher: explaining a problem better never makes it pass. Silencing
that rule, inline or in the config, brings the schema's finding back; to pass over the value,
silence "schema" there too.`,
	Bad:  "The U.S. Department of State has assessed Accra as being a **SEVERE**-threat location for crime.",
	Good: "The U.S. Department of State has assessed Accra as being a **HIGH**-threat location for crime.",
	Run:  func(*lint.Pass) {},
}

// BadDirective stands for problems with inline directives, which the engine
// finds while reading them.
var BadDirective = &lint.Rule{
	ID:       "bad-directive",
	TextOnly: true,
	Level:    lint.Warning,
	Summary:  "a reportlint- comment names a rule or a directive that does not exist",
	Doc: "Findings can be silenced where an editor decides, with HTML comments in the report:\n" +
		"`<!-- reportlint-disable RULE… -->` until `<!-- reportlint-enable RULE… -->`,\n" +
		"`<!-- reportlint-disable-line RULE… -->` for the line the comment is on, or\n" +
		"`<!-- reportlint-disable-next-line RULE… -->` for the next non-blank line; without a rule list\n" +
		`they apply to every rule. An unknown rule id silences nothing (the other rules named still
are), and a directive that does not exist ("reportlint-disable-lines") silences nothing at all;
each is reported, with the nearest rule id or directive when one is close.`,
	Bad:  "<!-- reportlint-disable-next-line quote-styel -->",
	Good: "<!-- reportlint-disable-next-line quote-style -->",
	Run:  func(*lint.Pass) {},
}

// TooManyFindings stands for the limit on findings shown, which the engine
// (per file) and check (per run) apply.
var TooManyFindings = &lint.Rule{
	ID:       lint.TooManyFindings,
	TextOnly: true,
	Level:    lint.Warning,
	Summary:  "a file, or a run, has more findings than it shows; one finding stands for the rest",
	Doc: `"reportlint check" shows at most 1,000 findings in a file (--max-findings; 0 shows them all)
and 100,000 in a run (--max-findings-total). The findings shown are the first by position; one
more finding, at the first of those left out, says how many were left out. The limits count only
findings that would be shown: inline directives, the configuration, --changed-since and the
baseline hide theirs first, and a baseline being written records every finding. Its level is
the highest among those left out, so leaving findings out never lowers the exit code they would
have given; for that reason it cannot be silenced, turned off or given another level, and a
baseline never records it. Thousands of findings in one report mean a problem repeated
throughout (a quote style, a dash), or a file built to make reportlint hold millions of
findings: fix the first ones, or raise the limit to see them all.`,
	Bad:  "A report with 1,500 straight quotes among curly ones: 1,000 findings, then \"500 more findings, the first of them here, are not shown\".",
	Good: "The same report with its quotes made curly: no findings.",
	Run:  func(*lint.Pass) {},
}
