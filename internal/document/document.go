// Package document is the model of a report that every parser produces and
// every check reads. It is a leaf: it imports nothing of ours.
//
// Every extracted item carries a Span, a byte range in the normalised source
// text (see package source); line and column are computed from spans in one
// place, when the model is projected to JSON or a finding is printed.
package document

// Span is the half-open byte range [Start, End) in the normalised source text.
type Span struct {
	Start int
	End   int
}

// IsZero reports whether the span was never set.
func (s Span) IsZero() bool { return s.Start == 0 && s.End == 0 }

// Contains reports whether o lies within s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Format is how a report was written.
type Format string

const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatJSON     Format = "json"
	FormatYAML     Format = "yaml"
)

// Text is a string taken from the source, with its place.
type Text struct {
	Value string
	Span  Span
}

// Report is one parsed report.
type Report struct {
	Path    string
	Format  Format
	Profile string

	Title     Text
	Country   Text
	Published Text // Value is YYYY-MM-DD; Span covers the date as written
	// PublishedBy says where a published date the report does not state
	// was given ("--published", or an override's "file:line"); its Span is
	// then the title's. "" when the report states its date.
	PublishedBy string

	// Preamble holds the paragraphs before the first section heading (the
	// header lines, an introduction).
	Preamble []*Paragraph
	Sections []*Section

	Advisory *Advisory
	Ratings  []Rating
	Contacts []Contact
	Dates    []DateMention
	Links    []Link
	// HTML is the raw HTML of a Markdown report (inline or a block; not
	// comments), as written, in source order. It is markup, so no part of
	// any text above; a diff shows it, so that a <script> added is seen.
	HTML []Text

	// Furniture is what the web page's template left in a converted report
	// (profile key "furniture"): kept out of Preamble and Sections, so that
	// no rule reads it, and listed here in document order.
	Furniture []Furniture
	// Notes say which facts the parser looked for and could not read, or
	// read with a reservation (a country the table does not know), so that
	// a fact missing from the model is said, not silently dropped.
	Notes []Note

	// FrontMatter is the YAML block at the top of a Markdown report, or nil.
	FrontMatter *Node
	// Data is the instance as written for JSON and YAML reports, or nil.
	Data *Node
}

// Section is a heading and what follows it up to the next heading of the
// same or a higher level.
type Section struct {
	Title      Text // the heading text, inline markup removed
	Level      int  // 1 is the document title; report sections start at 2
	Heading    Span // the whole heading line(s) as written
	Span       Span // from the heading to the end of the section's last block
	Paragraphs []*Paragraph
	Sections   []*Section
}

// Furniture is a heading or a paragraph the page's template put in, not
// the report's author.
type Furniture struct {
	Heading bool   // a heading; else a paragraph
	Text    string // the heading's text, or the paragraph as written
	Span    Span
}

// ParagraphKind tells a plain paragraph from a list item.
type ParagraphKind string

const (
	KindParagraph ParagraphKind = "paragraph"
	KindListItem  ParagraphKind = "list-item"
)

// Paragraph is a block of running text. Text has the inline markup removed
// (bold markers, link targets) and its line breaks turned into spaces; Map
// turns offsets in Text back into source spans.
type Paragraph struct {
	Kind ParagraphKind
	Span Span
	Inline
}

// Advisory is the travel advisory level a report states, and why.
type Advisory struct {
	Level      int
	LevelSpan  Span
	Wording    Text // "Do Not Travel"; taken from the level table when the text gives only the number
	Indicators []Indicator
	Reasons    []Text // "crime", "terrorism", … as the advisory's own sentence gives them
	Regions    []Region
	Span       Span // the sentence or heading that states the level
}

// Indicator is one of the advisory's risk indicator letters.
type Indicator struct {
	Code     string // C, T, U, H, N, E, K, D, O
	Included bool
	// Source is "statement" when the text says the indicator is (not)
	// included, "reason" when it is implied by a reason the advisory gives
	// for its level, "area" by a reason given for an area's level, and
	// "update" by the reason an update line gives. The schemas' indicator
	// source lists the same four.
	Source string
	Span   Span
}

// Region is an area given its own advisory level.
type Region struct {
	Name    Text
	Level   int
	Wording Text
	Span    Span
}

// Rating is a threat rating such as "Bamako … CRITICAL-threat location for crime".
type Rating struct {
	Category Text // crime, terrorism, political violence, …
	Location Text
	Level    Text // as written, upper case: LOW, MEDIUM, HIGH, CRITICAL (or a word outside that vocabulary)
	Span     Span // the whole assessment phrase
}

// ContactKind names what a contact is.
type ContactKind string

const (
	ContactPhone     ContactKind = "phone"
	ContactEmergency ContactKind = "emergency"
	ContactFax       ContactKind = "fax"
	ContactEmail     ContactKind = "email"
	ContactAddress   ContactKind = "address"
	ContactHours     ContactKind = "hours"
	ContactWebsite   ContactKind = "website"
)

// Contact is a phone number, email, address, opening hours or website.
type Contact struct {
	Kind  ContactKind
	Value string // as written, markup removed
	Label string // the label the text gives it ("Tel", "Emergency"), if any
	Span  Span
}

// DateKind tells an explicit date from a relative time phrase.
type DateKind string

const (
	DateExplicit DateKind = "date"
	DateRelative DateKind = "relative"
)

// Precision says how much of a date the text gives.
type Precision string

const (
	PrecisionDay         Precision = "day"          // November 29, 2024
	PrecisionMonth       Precision = "month"        // May 2022
	PrecisionPartOfYear  Precision = "part-of-year" // early 2022, mid-2022, late 2021
	PrecisionYear        Precision = "year"         // 2018
	PrecisionDecade      Precision = "decade"       // the 2010s
	PrecisionDayNoYear   Precision = "day-no-year"  // September 17
	PrecisionMonthNoYear Precision = "month-no-year"
	PrecisionRelative    Precision = "relative" // recently, last year
)

// DateMention is a date or a relative time phrase found in the text.
type DateMention struct {
	Kind      DateKind
	Text      string // as written
	Span      Span
	Precision Precision
	// Value is the date in ISO 8601 form to its precision: 2024-11-29,
	// 2022-05, 2022, --09-17 (no year), --04 (month, no year). Empty for
	// relative phrases.
	Value string
	// From and To bound the time meant, as YYYY-MM-DD, when a year is known.
	// A range ("early to mid-2022", "2023 and 2024" is two mentions) spans both ends.
	From, To  string
	Qualifier string // early, mid, late, when the text gives one
	Range     bool   // the mention is a range ("April to July", "early to mid-2022")
	// Points says which way a relative phrase points from the time of
	// writing: past (recently), present (currently) or future (next year).
	Points string
}

// Note is a fact the parser could not read, or read with a reservation:
// Fact names it as the projection does ("country", "advisory.level",
// "advisory.regions"), Message says what was found and why it was not read,
// Span is where (the line that could not be read, or the heading that names
// the report).
type Note struct {
	Fact    string
	Message string
	Span    Span
}

// Link is an inline link.
type Link struct {
	Text   string
	Target string
	Span   Span
}
