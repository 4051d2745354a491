// Package profile knows the kinds of report reportlint checks: how to
// recognise each, what its header lines say, which sections it has, and
// which contact details it must give.
// Profiles are data (rules/profiles/*.yaml); a house adds its own as files.
package profile

import (
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/internal/datanode"
	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lazyregexp"
	"github.com/reportlint/reportlint/internal/phrase"
	"github.com/reportlint/reportlint/internal/prefilter"
	"github.com/reportlint/reportlint/internal/source"
	"github.com/reportlint/reportlint/rules"
)

// Generic is the profile used when no other is detected.
const Generic = "generic"

// Profile is one kind of report.
type Profile struct {
	Name   string
	Title  string
	Schema string // schema file name under schemas/ (or beside a house profile)
	// SchemaLine is the line of schema: in a house profile's file.
	SchemaLine int
	File       string // where the profile was read from, for messages

	detect []matcher
	header []*regexp.Regexp
	// headerNeeds holds, per header pattern, literal pieces a line must
	// contain to match it (see requiredLiterals).
	headerNeeds [][]string
	Sections    []*Section // top-level sections in canonical order

	// byName maps the normalised names and aliases that need no country to
	// their section; names with {country} are matched per report.
	byName      map[string]*Section
	withCountry []*Section
	// byCountry holds, per country, the normalised names that need one:
	// parse asks of nearly every line whether it is a section's heading,
	// and filling in and normalising each name again for each line was a
	// tenth of the allocations of a check.
	byCountry *countryNames

	// Contacts is what the report's contact block must give (key
	// "contacts"), or nil when the profile requires nothing.
	Contacts *ContactBlock
	// Emergency says where the report gives an emergency number (key
	// "emergency"), or nil when the profile asks for none.
	Emergency *EmergencyNumber
	// Furniture is what the web page's template leaves in a converted
	// report (key "furniture"); see Furniture.
	Furniture []Furniture
	// RevisedAsWhole says that every section of a report of this kind is
	// reviewed for each edition, so that its publication date dates every
	// section (key "revised-as-whole"; true when not said, as a house
	// profile describes its own kind of report, revised per edition; the
	// built-in generic profile says false).
	RevisedAsWhole bool

	// Hints tells an editor how this kind of report writes a fact the
	// schema finds missing, by the fact's property ("published",
	// "country", "advisory"; key "hints"). A fact with no hint here gets
	// the State Department's wording.
	Hints map[string]string

	// Levels is the government's level scale and how its pages state a
	// level (key "levels"), or nil for the U.S. advisories' own shapes.
	Levels *Levels
	// CountryPatterns find the report's country in its text where no
	// header line names it, and CountryMostNamed takes the country the
	// text names most often when none does (key "country").
	CountryPatterns  []*regexp.Regexp
	CountryMostNamed bool
	// Home is the ISO code of the government's own country (key "home"):
	// its ministry's numbers stand in a report about any country.
	Home string
	// detectText is searched in the whole text (key "detect-text").
	detectText []matcher
	// finish compiles what parse left for later, or is nil.
	finish func() error
}

// ContactBlock is the section that holds the report's contact details (the
// embassy's, in the built-in profiles) and the kinds of contact it must give.
type ContactBlock struct {
	Section  *Section               // one of the profile's sections
	Requires []document.ContactKind // address, phone, hours, …
	Line     int                    // line of the key in the profile file
}

// EmergencyNumber lists the sections, any of which may give the emergency
// number the report must have.
type EmergencyNumber struct {
	Sections []*Section
	// Hint says how these pages give the number, for the finding (key
	// "hint"); empty, the rule's own.
	Hint string
	Line int
}

// Section is a section the profile expects or knows.
type Section struct {
	Name     string // canonical name; may contain {country}
	Aliases  []string
	Required bool
	Level    int // 2 for top-level sections, 3 for their subsections
	Parent   *Section
	Sections []*Section
	Line     int // line in the profile file, for messages
}

// HeaderMatch is what a header line tells.
type HeaderMatch struct {
	// Pattern is the index of the header pattern that matched: two lines
	// matched by the same pattern are the same header line in two editions.
	Pattern       int
	Date, Country string
	// DateStart, CountryStart are byte offsets of the groups in the line (-1 if absent).
	DateStart, CountryStart int
}

// MatchHeader reports whether line (markup stripped) is a header line of this
// profile, and what it gives.
func (p *Profile) MatchHeader(line string) (HeaderMatch, bool) {
	for pi, re := range p.header {
		// Only on ASCII lines: (?i) also matches "K" (Kelvin) and "ſ" (long
		// s) for k and s, which an ASCII search would miss.
		if pi < len(p.headerNeeds) && phrase.IsASCII(line) && !containsAll(line, p.headerNeeds[pi]) {
			continue
		}
		m := re.FindStringSubmatchIndex(line)
		if m == nil {
			continue
		}
		h := HeaderMatch{Pattern: pi, DateStart: -1, CountryStart: -1}
		for i, name := range re.SubexpNames() {
			if m[2*i] < 0 {
				continue
			}
			switch name {
			case "date":
				h.Date, h.DateStart = line[m[2*i]:m[2*i+1]], m[2*i]
			case "country":
				h.Country, h.CountryStart = line[m[2*i]:m[2*i+1]], m[2*i]
			}
		}
		return h, true
	}
	return HeaderMatch{}, false
}

// All walks every known section, parents before children.
func (p *Profile) All() []*Section {
	var out []*Section
	var walk func([]*Section)
	walk = func(ss []*Section) {
		for _, s := range ss {
			out = append(out, s)
			walk(s.Sections)
		}
	}
	walk(p.Sections)
	return out
}

// MatchSection finds the known section a heading names, tolerating case,
// punctuation and "&" for "and". country fills {country}.
func (p *Profile) MatchSection(heading, country string) *Section {
	if s := p.matchSection(heading, country); s != nil {
		return s
	}
	// "1. Crime", "3.1 Kidnapping Threat", "II. Kenya Travel Advisory".
	if bare := StripNumbering(heading); bare != heading {
		return p.matchSection(bare, country)
	}
	return nil
}

// numbering is a section number before a heading's words: "1.", "3.1",
// "2)", "II.", "5 -".
var numbering = lazyregexp.New(`^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[IVXLC]{1,5}[.)])(?:\s*[-–—:])?\s+`)

// StripNumbering removes a section number from the start of a heading.
func StripNumbering(heading string) string {
	if m := numbering.FindStringIndex(heading); m != nil && m[1] < len(heading) {
		return heading[m[1]:]
	}
	return heading
}

// NumberingDepth is how many levels a heading's section number has: 1 for
// "1." or "II.", 2 for "3.1", 0 for none.
func NumberingDepth(heading string) int {
	m := numbering.FindString(heading)
	if m == "" {
		return 0
	}
	num := strings.TrimRight(strings.TrimSpace(m), ".)-–—: ")
	return strings.Count(num, ".") + 1
}

// MatchSectionKey is MatchSection for a heading whose key, NormalizeTitle
// of it, the caller has made already (duplicate-section, for every title):
// the key is not made again. It looks the key up as matchSection does.
func (p *Profile) MatchSectionKey(heading, key, country string) *Section {
	if key != "" {
		if s, ok := p.byName[key]; ok {
			return s
		}
		if country != "" {
			for _, n := range p.byCountry.of(p.withCountry, country) {
				if n.key == key {
					return n.s
				}
			}
		}
	}
	if bare := StripNumbering(heading); bare != heading {
		return p.matchSection(bare, country)
	}
	return nil
}

func (p *Profile) matchSection(heading, country string) *Section {
	var buf [128]byte
	key := appendTitle(buf[:0], heading)
	if len(key) == 0 {
		return nil
	}
	if s, ok := p.byName[string(key)]; ok { // no string made for the lookup
		return s
	}
	if country == "" {
		return nil
	}
	// The names without {country} are all in byName, under the section
	// that claimed them first.
	for _, n := range p.byCountry.of(p.withCountry, country) {
		if n.key == string(key) {
			return n.s
		}
	}
	return nil
}

// countryNames caches, per country, the names of the sections that need
// one, filled in and normalised, in the order matchSection tries them.
// At most maxCountryNames countries are kept, so that a run over reports
// of many countries (or of made-up ones) holds a bounded amount.
type countryNames struct {
	m    sync.Map // country -> []countryName
	kept atomic.Int32
}

type countryName struct {
	key string
	s   *Section
}

const maxCountryNames = 64

func (c *countryNames) of(sections []*Section, country string) []countryName {
	if c != nil {
		if v, ok := c.m.Load(country); ok {
			return v.([]countryName)
		}
	}
	var out []countryName
	for _, s := range sections {
		for j := range 1 + len(s.Aliases) {
			name := s.Name
			if j > 0 {
				name = s.Aliases[j-1]
			}
			if strings.Contains(name, "{country}") {
				out = append(out, countryName{NormalizeTitle(strings.ReplaceAll(name, "{country}", country)), s})
			}
		}
	}
	// Load first: counting every miss past the bound, as a long LSP
	// session over many countries would, wraps the count round to room.
	if c != nil && c.kept.Load() < maxCountryNames && c.kept.Add(1) <= maxCountryNames {
		c.m.Store(country, out)
	}
	return out
}

// index fills byName and withCountry; the first section to claim a name keeps it.
func (p *Profile) index() {
	p.byName = map[string]*Section{}
	p.byCountry = &countryNames{}
	for _, s := range p.All() {
		for _, name := range append([]string{s.Name}, s.Aliases...) {
			if strings.Contains(name, "{country}") {
				if len(p.withCountry) == 0 || p.withCountry[len(p.withCountry)-1] != s {
					p.withCountry = append(p.withCountry, s)
				}
				continue
			}
			if key := NormalizeTitle(name); p.byName[key] == nil {
				p.byName[key] = s
			}
		}
	}
}

// Names is the canonical name then the aliases, with {country} filled in.
// Without a country, a name that needs one is left out.
func (s *Section) Names(country string) []string {
	out := make([]string, 0, 1+len(s.Aliases))
	for j := range 1 + len(s.Aliases) {
		n := s.Name
		if j > 0 {
			n = s.Aliases[j-1]
		}
		if strings.Contains(n, "{country}") {
			if country == "" {
				continue
			}
			n = strings.ReplaceAll(n, "{country}", country)
		}
		out = append(out, n)
	}
	return out
}

// NormalizeTitle is how headings are compared: lower case, "&" read as
// "and", periods and apostrophes dropped ("U.S." is "us"), other punctuation
// read as a space, runs of space collapsed, Latin diacritics folded.
func NormalizeTitle(s string) string {
	var buf [128]byte // on the stack: the string made from it is the one allocation
	return string(appendTitle(buf[:0], s))
}

// AppendTitle appends NormalizeTitle(s) to dst: a caller that only looks
// the key up, or compares it, needs no string made for it.
func AppendTitle(dst []byte, s string) []byte { return appendTitle(dst, s) }

// appendTitle appends NormalizeTitle(s) to dst. matchSection normalizes
// into a buffer on its stack and looks the bytes up as they are: every
// check asks for the sections of the same headings, and a string made for
// each lookup was most of it.
func appendTitle(dst []byte, s string) []byte {
	start := len(dst)
	space := false // a separator seen since the last word
	// Most titles are ASCII: read byte by byte, with no rune decoded,
	// up to the first byte outside ASCII, and the rest rune by rune.
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return appendTitleRunes(dst, s[i:], start, space)
		}
		switch {
		case c == '&':
			if len(dst) > start {
				dst = append(dst, ' ')
			}
			dst = append(dst, "and"...)
			space = true
		case c == '.' || c == '\'':
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z':
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
		default:
			space = true
		}
	}
	return dst
}

// appendTitleRunes is appendTitle from a byte outside ASCII on: start is
// where the key starts in dst, space whether a separator came last.
func appendTitleRunes(dst []byte, s string, start int, space bool) []byte {
	for _, r := range s {
		word := r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9' || 'A' <= r && r <= 'Z') ||
			r >= utf8.RuneSelf && isWordRune(r)
		switch {
		case r == '&':
			if len(dst) > start {
				dst = append(dst, ' ')
			}
			dst = append(dst, "and"...)
			space = true
		case r == '.' || r == '\'' || r == '’':
		case word:
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			switch {
			case 'A' <= r && r <= 'Z':
				dst = append(dst, byte(r)+'a'-'A')
			case r < utf8.RuneSelf:
				dst = append(dst, byte(r))
			default:
				dst = utf8.AppendRune(dst, foldRune(unicode.ToLower(r)))
			}
		default:
			space = true
		}
	}
	return dst
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// latinFold maps common accented Latin letters to their base letter, so that
// "Cote d'Ivoire" matches "Côte d’Ivoire".
var latinFold = func() map[rune]rune {
	const from = "àáâãäåçèéêëìíîïñòóôõöøùúûüýÿāăąćčďēėęěğīįıľłńňōőřśşšťūůűųźżž"
	const to = "aaaaaaceeeeiiiinoooooouuuuyyaaaccdeeeegiiillnnoorssstuuuuzzz"
	m := map[rune]rune{}
	for i, r := range []rune(from) {
		m[r] = rune(to[i])
	}
	return m
}()

func foldRune(r rune) rune {
	if f, ok := latinFold[r]; ok {
		return f
	}
	return r
}

// Set is the profiles known to a run, in detection priority order.
type Set struct {
	profiles []*Profile
}

// Get returns the named profile.
func (s *Set) Get(name string) (*Profile, bool) {
	if p := s.find(name); p != nil {
		return p.ready(), true
	}
	return nil, false
}

// find returns the named profile as it is, compiled or not.
func (s *Set) find(name string) *Profile {
	for _, p := range s.profiles {
		if p.Name == name {
			return p
		}
	}
	return nil
}

// SchemaOf returns the schema file the named profile is validated with,
// without compiling what the profile leaves for its first report (Get
// does): the validator asks it of every profile.
func (s *Set) SchemaOf(name string) (string, bool) {
	if p := s.find(name); p != nil {
		return p.Schema, true
	}
	return "", false
}

// ready returns p with every pattern compiled (see parse).
func (p *Profile) ready() *Profile {
	if p.finish != nil {
		if err := p.finish(); err != nil {
			panic("embedded profiles are broken: " + err.Error()) // TestBuiltinProfilesCompile guards this
		}
	}
	return p
}

// Names lists the profiles, sorted.
func (s *Set) Names() []string {
	var out []string
	for _, p := range s.profiles {
		out = append(out, p.Name)
	}
	sort.Strings(out)
	return out
}

// detectLines is how many non-blank lines at the top of a report are read to
// recognise it: titles and header lines are always there.
const detectLines = 12

// Detect recognises the profile of a report from its first lines: the
// profile with a pattern matching the earliest line wins (a Country Security
// Report names the travel advisory further down, but its title comes first).
func (s *Set) Detect(text string) *Profile {
	lines := headLines(text, detectLines)
	for _, line := range lines {
		for _, p := range s.profiles {
			for _, re := range p.detect {
				if re.MatchString(line) {
					return p.ready()
				}
			}
		}
	}
	for _, p := range s.profiles {
		for _, re := range p.detectText {
			if re.MatchString(text) {
				return p.ready()
			}
		}
	}
	g, _ := s.Get(Generic)
	return g
}

// headLines returns up to n non-blank lines from the top of text, with
// Markdown heading marks, emphasis and front matter stripped.
func headLines(text string, n int) []string {
	out := make([]string, 0, n)
	inFront := strings.HasPrefix(text, "---\n")
	// Line by line as strings.Split cuts them: splitting the whole page
	// made a slice of all its lines for the dozen read (800 KB a pass over
	// the real corpus).
	rest, more := text, true
	for i := 0; more && len(out) < n; i++ {
		var line string
		line, rest, more = strings.Cut(rest, "\n")
		line = strings.TrimSpace(line)
		if inFront {
			if i > 0 && (line == "---" || line == "...") {
				inFront = false
			}
			continue
		}
		line = StripLineMarkup(line)
		if line != "" {
			out = append(out, line)
		}
	}
	return out
}

// StripLineMarkup removes what Markdown puts around a heading or a bold line:
// leading #'s, trailing #'s, and wrapping * or _.
func StripLineMarkup(line string) string {
	line = strings.TrimSpace(line)
	if strings.HasPrefix(line, "#") {
		line = strings.TrimLeft(line, "#")
		line = strings.TrimRight(strings.TrimSpace(line), "#")
	}
	line = strings.TrimSpace(line)
	for len(line) >= 2 && (line[0] == '*' || line[0] == '_') && line[len(line)-1] == line[0] {
		line = strings.TrimSpace(line[1 : len(line)-1])
	}
	return line
}

var (
	defaultOnce = sync.OnceValues(func() (*Set, error) { return load(rules.FS, "profiles", true) })
)

// Default returns the built-in profiles.
func Default() *Set {
	s, err := defaultOnce()
	if err != nil {
		panic("embedded profiles are broken: " + err.Error()) // a test guards this
	}
	return s
}

// BuiltinNames lists the built-in profiles, sorted, from their file names
// (each is named as its file: a test checks), without reading them: the
// help of every command names them, and `reportlint --version` should not
// pay for decoding seven YAML files.
func BuiltinNames() []string {
	files, _ := fs.Glob(rules.FS, "profiles/*.yaml")
	var out []string
	for _, f := range files {
		out = append(out, strings.TrimSuffix(path.Base(f), ".yaml"))
	}
	sort.Strings(out)
	return out
}

// Load reads every *.yaml profile in dir of fsys. The generic profile, if
// present, is tried last.
func Load(fsys fs.FS, dir string) (*Set, error) { return load(fsys, dir, false) }

func load(fsys fs.FS, dir string, lazy bool) (*Set, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	s := &Set{}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		p, err := parse(name, data, lazy)
		if err != nil {
			return nil, err
		}
		if s.find(p.Name) != nil {
			return nil, fmt.Errorf("%s: profile %q is defined twice", name, p.Name)
		}
		s.profiles = append(s.profiles, p)
	}
	sort.SliceStable(s.profiles, func(i, j int) bool {
		return s.profiles[i].Name != Generic && s.profiles[j].Name == Generic
	})
	return s, nil
}

// With returns a new set holding the house profiles, first in detection
// order and in the order given, then the profiles of s that they do not
// replace by name. s is not changed: the built-in set is shared.
func (s *Set) With(house ...*Profile) *Set {
	out := &Set{profiles: append([]*Profile(nil), house...)}
	for _, q := range s.profiles {
		if out.find(q.Name) == nil {
			out.profiles = append(out.profiles, q)
		}
	}
	return out
}

// LoadFile reads a house profile from a file. Its schema, if it names one,
// is a path relative to the profile's folder, made absolute here.
func LoadFile(path string) (*Profile, error) {
	data, err := source.ReadAll(path, source.Profile)
	if err != nil {
		return nil, fmt.Errorf("%s: %s", path, source.PathErrorReason(err))
	}
	p, err := Parse(path, data)
	if err != nil {
		return nil, err
	}
	if p.Schema != "" && !filepath.IsAbs(p.Schema) {
		p.Schema = source.Join(filepath.Dir(path), filepath.FromSlash(p.Schema))
	}
	return p, nil
}

type fileSection struct {
	Name     string        `yaml:"name"`
	Aliases  []string      `yaml:"aliases"`
	Required bool          `yaml:"required"`
	Sections []fileSection `yaml:"sections"`
}

type fileProfile struct {
	Name      string            `yaml:"name"`
	Title     string            `yaml:"title"`
	Schema    string            `yaml:"schema"`
	Detect    []string          `yaml:"detect"`
	Header    []string          `yaml:"header"`
	Sections  []fileSection     `yaml:"sections"`
	Contacts  *fileContacts     `yaml:"contacts"`
	Emergency *fileEmergency    `yaml:"emergency"`
	Revised   *bool             `yaml:"revised-as-whole"`
	Home      string            `yaml:"home"`
	Hints     map[string]string `yaml:"hints"`
}

type fileContacts struct {
	Section  string   `yaml:"section"`
	Requires []string `yaml:"requires"`
}

type fileEmergency struct {
	Sections []string `yaml:"sections"`
	Hint     string   `yaml:"hint"`
}

// yamlError names the file and line of a YAML error, without the text's
// words: a path or a link may have made it any file.
func yamlError(file string, err error) error {
	line, msg := datanode.UnquotedYAMLError(err)
	if line > 0 {
		return fmt.Errorf("%s:%d: %s", file, line, msg)
	}
	return fmt.Errorf("%s: %s", file, msg)
}

// Parse reads one profile file. Errors name the file and line.
func Parse(file string, data []byte) (*Profile, error) { return parse(file, data, false) }

// parse is Parse; lazy leaves all but the name, schema and detection
// (the sections, contacts, and the patterns a report of the kind needs:
// header, furniture, levels, country) for the first Get or Detect that
// returns the profile: a run decodes and compiles the built-in profiles'
// detection patterns, and the rest of the one profile its report is of. Only the
// built-in profiles, whose patterns a test compiles, are read lazily: a
// house profile's mistakes are told when it is loaded.
func parse(file string, data []byte, lazy bool) (*Profile, error) {
	var root yaml.Node
	if err := rules.UnmarshalNode(data, &root); err != nil {
		return nil, yamlError(file, err)
	}
	if len(root.Content) == 0 {
		return nil, fmt.Errorf("%s: empty profile", file)
	}
	top := root.Content[0]
	var fp fileProfile
	if lazy {
		// Choosing a profile needs its name, schema and detection only;
		// the rest (decoded by reflection, about a twentieth of a run's
		// CPU for all seven) waits for the one profile a report is of.
		var head struct {
			Name   string   `yaml:"name"`
			Schema string   `yaml:"schema"`
			Detect []string `yaml:"detect"`
		}
		if err := top.Decode(&head); err != nil {
			return nil, yamlError(file, err)
		}
		fp.Name, fp.Schema, fp.Detect = head.Name, head.Schema, head.Detect
	} else if err := decodeProfile(file, top, &fp); err != nil {
		return nil, err
	}
	if fp.Name == "" {
		return nil, fmt.Errorf("%s:1: a profile needs a name", file)
	}
	p := &Profile{Name: fp.Name, Schema: fp.Schema, File: file}
	if n := mapValue(top, "schema"); n != nil {
		p.SchemaLine = n.Line
	}
	var err error
	if p.detect, err = compileDetect(file, top, "detect", fp.Detect, lazy); err != nil {
		return nil, err
	}
	if lazy {
		if err := p.readDetectText(file, top, lazy); err != nil {
			return nil, err
		}
	}
	// The rest, in the order an eager load tells its mistakes.
	rest := func() error {
		if lazy {
			if err := decodeProfile(file, top, &fp); err != nil {
				return err
			}
		}
		var err error
		p.Title, p.RevisedAsWhole, p.Home, p.Hints = fp.Title, fp.Revised == nil || *fp.Revised, strings.ToUpper(strings.TrimSpace(fp.Home)), fp.Hints
		lines := sectionLines(top)
		var build func([]fileSection, *Section, int) []*Section
		build = func(fs []fileSection, parent *Section, level int) []*Section {
			var out []*Section
			for _, f := range fs {
				s := &Section{Name: f.Name, Aliases: f.Aliases, Required: f.Required, Level: level, Parent: parent, Line: lines[f.Name]}
				s.Sections = build(f.Sections, s, level+1)
				out = append(out, s)
			}
			return out
		}
		p.Sections = build(fp.Sections, nil, 2)
		for _, s := range p.All() {
			if strings.TrimSpace(s.Name) == "" {
				return fmt.Errorf("%s:%d: a section needs a name", file, s.Line)
			}
		}
		p.index()
		if err := p.readContacts(file, top, fp); err != nil {
			return err
		}
		if !lazy {
			if err := p.readDetectText(file, top, lazy); err != nil {
				return err
			}
		}
		// What only a report of this kind needs: its header, furniture,
		// levels and country patterns.
		if p.header, err = compileAll(file, top, "header", fp.Header); err != nil {
			return err
		}
		for _, pat := range fp.Header {
			p.headerNeeds = append(p.headerNeeds, requiredLiterals(pat))
		}
		for _, read := range []func(string, *yaml.Node) error{p.readFurniture, p.readLevels, p.readCountry} {
			if err := read(file, top); err != nil {
				return err
			}
		}
		return nil
	}
	if lazy {
		p.finish = sync.OnceValue(rest)
		return p, nil
	}
	if err := rest(); err != nil {
		return nil, err
	}
	return p, nil
}

// decodeProfile checks a profile's keys and decodes it.
func decodeProfile(file string, top *yaml.Node, fp *fileProfile) error {
	if err := checkKeys(file, top, profileKeys); err != nil {
		return err
	}
	for _, sk := range subKeys {
		if n := mapValue(top, sk.key); n != nil && n.Tag != "!!null" {
			if err := checkSubKeys(file, sk.key, n, sk.allowed...); err != nil {
				return err
			}
		}
	}
	if err := top.Decode(fp); err != nil {
		return yamlError(file, err)
	}
	return nil
}

var profileKeys = []string{"name", "title", "schema", "detect", "header", "sections", "contacts", "emergency", "furniture", "revised-as-whole", "levels", "country", "detect-text", "home", "hints"}

// subKeys are the profile settings that are mappings, with their keys.
var subKeys = []struct {
	key     string
	allowed []string
}{
	{"contacts", []string{"section", "requires"}},
	{"emergency", []string{"sections", "hint"}},
	{"hints", []string{"published", "country", "advisory"}},
}

// contactKinds are the kinds a contact block may require, as the document
// model names them.
var contactKinds = []document.ContactKind{
	document.ContactAddress, document.ContactPhone, document.ContactEmergency, document.ContactFax,
	document.ContactEmail, document.ContactHours, document.ContactWebsite,
}

// readContacts reads the "contacts" and "emergency" keys: the sections they
// name must be sections of the profile, and the kinds known ones.
func (p *Profile) readContacts(file string, root *yaml.Node, fp fileProfile) error {
	if n := mapValue(root, "contacts"); n != nil && fp.Contacts != nil {
		line := n.Line
		if v := mapValue(n, "section"); v != nil {
			line = v.Line
		}
		s, err := p.sectionFor(file, "contacts", line, fp.Contacts.Section)
		if err != nil {
			return err
		}
		block := &ContactBlock{Section: s, Line: n.Line}
		for i, k := range fp.Contacts.Requires {
			kind := document.ContactKind(strings.ToLower(strings.TrimSpace(k)))
			if !slices.Contains(contactKinds, kind) {
				var names []string
				for _, c := range contactKinds {
					names = append(names, string(c))
				}
				return fmt.Errorf("%s:%d: contacts: unknown contact kind %q (known: %s)", file, itemLine(n, "requires", i), k, strings.Join(names, ", "))
			}
			block.Requires = append(block.Requires, kind)
		}
		p.Contacts = block
	}
	if n := mapValue(root, "emergency"); n != nil && fp.Emergency != nil {
		if len(fp.Emergency.Sections) == 0 {
			return fmt.Errorf("%s:%d: emergency: list the sections that may give the emergency number", file, n.Line)
		}
		e := &EmergencyNumber{Line: n.Line, Hint: strings.TrimSpace(fp.Emergency.Hint)}
		for i, name := range fp.Emergency.Sections {
			s, err := p.sectionFor(file, "emergency", itemLine(n, "sections", i), name)
			if err != nil {
				return err
			}
			e.Sections = append(e.Sections, s)
		}
		p.Emergency = e
	}
	return nil
}

// sectionFor finds the profile's section that name names (its name or an
// alias, compared as headings are; "{country}" written as such).
func (p *Profile) sectionFor(file, key string, line int, name string) (*Section, error) {
	if strings.TrimSpace(name) == "" {
		return nil, fmt.Errorf("%s:%d: %s: name a section of the profile", file, line, key)
	}
	want := NormalizeTitle(name)
	for _, s := range p.All() {
		for _, n := range append([]string{s.Name}, s.Aliases...) {
			if n == name || NormalizeTitle(n) == want {
				return s, nil
			}
		}
	}
	return nil, fmt.Errorf("%s:%d: %s: %q is not one of the profile's sections", file, line, key, name)
}

// itemLine is the line of item i of the list under key in n.
func itemLine(n *yaml.Node, key string, i int) int {
	v := mapValue(n, key)
	if v == nil {
		return n.Line
	}
	if v.Kind == yaml.SequenceNode && i < len(v.Content) {
		return v.Content[i].Line
	}
	return v.Line
}

// checkSubKeys rejects an unknown key in the mapping under key.
func checkSubKeys(file, key string, n *yaml.Node, allowed ...string) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("%s:%d: %s: expected a mapping (%s)", file, n.Line, key, strings.Join(allowed, ", "))
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if !slices.Contains(allowed, k.Value) {
			return fmt.Errorf("%s:%d: %s: unknown key %q (known: %s)", file, k.Line, key, k.Value, strings.Join(allowed, ", "))
		}
	}
	return nil
}

func checkKeys(file string, n *yaml.Node, allowed []string) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("%s:%d: expected a mapping of profile settings", file, n.Line)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		ok := false
		for _, a := range allowed {
			ok = ok || a == k.Value
		}
		if !ok {
			return fmt.Errorf("%s:%d: unknown key %q (known: %s)", file, k.Line, k.Value, strings.Join(allowed, ", "))
		}
	}
	return nil
}

// matcher is a detection pattern: a *regexp.Regexp, or for a built-in
// profile a *lazyregexp.Regexp compiled when Detect first tries it.
type matcher interface {
	MatchString(string) bool
	String() string
}

// compileDetect is compileAll for detection patterns; lazy leaves them
// uncompiled until tried. Detect stops at the first profile whose pattern
// matches a line, so a run compiled the patterns of profiles its report is
// not of, and the detect-text of every profile, for nothing (about 3% of a
// one-report run). A built-in profile's patterns are compiled by
// TestBuiltinProfilesCompile.
func compileDetect(file string, root *yaml.Node, key string, pats []string, lazy bool) ([]matcher, error) {
	out := make([]matcher, 0, len(pats))
	if lazy {
		for _, pat := range pats {
			out = append(out, filtered(lazyregexp.Build(pat), pat))
		}
		return out, nil
	}
	res, err := compileAll(file, root, key, pats)
	if err != nil {
		return nil, err
	}
	for i, re := range res {
		out = append(out, filtered(re, pats[i]))
	}
	return out, nil
}

// filtered is m tried only on a text holding the literals every match of
// pat holds (prefilter): a detect-text pattern ("Irish citizens" … "Department
// of Foreign Affairs") was run over the whole text of every report of
// another kind, about a tenth of checking the corpus. The filter is made
// when first asked, as the lazy pattern is compiled.
func filtered(m matcher, pat string) matcher {
	return filteredMatcher{m,
		sync.OnceValue(func() *prefilter.Filter { return prefilter.For(pat) }),
		sync.OnceValue(func() *pairMatcher { return newPairMatcher(pat) })}
}

type filteredMatcher struct {
	matcher
	filter func() *prefilter.Filter
	pair   func() *pairMatcher // nil unless pat is literals in pairs (pair.go)
}

func (m filteredMatcher) MatchString(s string) bool {
	if !m.filter().MayMatch(s) {
		return false
	}
	if p := m.pair(); p != nil {
		if matched, ok := p.match(s); ok {
			return matched
		}
	}
	return m.matcher.MatchString(s)
}

func compileAll(file string, root *yaml.Node, key string, pats []string) ([]*regexp.Regexp, error) {
	var out []*regexp.Regexp
	for i, pat := range pats {
		re, err := regexp.Compile(pat)
		if err != nil {
			line := root.Line
			if v := mapValue(root, key); v != nil && i < len(v.Content) {
				line = v.Content[i].Line
			}
			return nil, fmt.Errorf("%s:%d: bad %s pattern: %v", file, line, key, err)
		}
		out = append(out, re)
	}
	return out, nil
}

func containsAll(line string, lits []string) bool {
	for _, lit := range lits {
		if !phrase.ContainsFold(line, lit) {
			return false
		}
	}
	return true
}

func mapValue(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// sectionLines maps each section name to the line it is declared on.
func sectionLines(root *yaml.Node) map[string]int {
	out := map[string]int{}
	var walk func(*yaml.Node)
	walk = func(n *yaml.Node) {
		if n == nil {
			return
		}
		if n.Kind == yaml.MappingNode {
			if v := mapValue(n, "name"); v != nil {
				if _, seen := out[v.Value]; !seen {
					out[v.Value] = v.Line
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(mapValue(root, "sections"))
	return out
}
