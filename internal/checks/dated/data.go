package dated

import (
	"fmt"
	"io/fs"
	"reflect"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/rules"
)

// DataPath is where the rules read their word lists in rules.FS.
const DataPath = "data/dated-claims.yaml"

// Data is the content of rules/data/dated-claims.yaml: the words the rules
// of this package read. The file documents each list.
type Data struct {
	Anchors              []string `yaml:"anchors"`
	ReadingTime          []string `yaml:"reading-time"`
	ReaderPhrases        []string `yaml:"reader-phrases"`
	ComplementOpeners    []string `yaml:"complement-openers"`
	AdviceVerbs          []string `yaml:"advice-verbs"`
	OutlookVerbs         []string `yaml:"outlook-verbs"`
	ClauseTense          []string `yaml:"clause-tense"`
	Recurring            []string `yaml:"recurring"`
	OneTimeMarkers       []string `yaml:"one-time-markers"`
	DateNames            []string `yaml:"date-names"`
	PlaceNouns           []string `yaml:"place-nouns"`
	NameConnectors       []string `yaml:"name-connectors"`
	YearConnectors       []string `yaml:"year-connectors"`
	RelativeYears        []string `yaml:"relative-years"`
	FutureMarkers        []string `yaml:"future-markers"`
	FuturePrepositions   []string `yaml:"future-prepositions"`
	PastAuxiliaries      []string `yaml:"past-auxiliaries"`
	PastVerbs            []string `yaml:"past-verbs"`
	PastParticiples      []string `yaml:"past-participles"`
	PresentVerbs         []string `yaml:"present-verbs"`
	ParticipleAdjectives []string `yaml:"participle-adjectives"`
	ParticipleOpeners    []string `yaml:"participle-openers"`
	ClauseConjunctions   []string `yaml:"clause-conjunctions"`
	ClauseBreaks         []string `yaml:"clause-breaks"`
	Subordinators        []string `yaml:"subordinators"`
	Attributions         []string `yaml:"attributions"`
	SourceVerbs          []string `yaml:"source-verbs"`
	SourceNouns          []string `yaml:"source-nouns"`
	EventNouns           []string `yaml:"event-nouns"`
	PeopleNouns          []string `yaml:"people-nouns"`
	CasualtyWords        []string `yaml:"casualty-words"`
	CountQualifiers      []string `yaml:"count-qualifiers"`
	Units                []string `yaml:"units"`
	NumberLabels         []string `yaml:"number-labels"`
}

// LoadData reads and checks a data file: every list must be present and
// non-empty, so that a typo in a key does not switch a rule off silently.
func LoadData(fsys fs.FS, path string) (*Data, error) {
	raw, err := fs.ReadFile(fsys, path)
	if err != nil {
		return nil, err
	}
	var d Data
	if doc := rules.Parsed(raw); doc == nil || !decodeData(doc, &d) {
		d = Data{}
		if err := rules.DecodeYAML(raw, &d, true); err != nil {
			return nil, fmt.Errorf("%s: %v", path, strings.TrimPrefix(err.Error(), "yaml: "))
		}
	}
	v := reflect.ValueOf(d)
	for i := 0; i < v.NumField(); i++ {
		list := v.Field(i).Interface().([]string)
		key, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("yaml"), ",")
		if len(list) == 0 {
			return nil, fmt.Errorf("%s: %s is missing or empty", path, key)
		}
		for _, p := range list {
			if !hasWords(p) {
				return nil, fmt.Errorf("%s: %s: %q has no words", path, key, p)
			}
		}
	}
	return &d, nil
}

// decodeData fills d from the parsed document n as n.Decode does, when n
// is a mapping of Data's keys, each once, to lists of plain strings; it
// returns false for anything else, which Decode then reads and reports.
// Decode goes through reflection for each of the file's 600 strings, at
// start-up; the snapshot's nodes hold them already.
func decodeData(n *yaml.Node, d *Data) bool {
	n, ok := rules.Mapping(n)
	if !ok {
		return false
	}
	fields := dataFields()
	v := reflect.ValueOf(d).Elem()
	seen := make([]bool, len(fields))
	for k := 0; k+1 < len(n.Content); k += 2 {
		key, val := n.Content[k], n.Content[k+1]
		i, ok := fields[key.Value]
		if !rules.IsString(key) || !ok || seen[i] {
			return false
		}
		seen[i] = true
		list, ok := rules.PlainStrings(val)
		if !ok {
			return false
		}
		*v.Field(i).Addr().Interface().(*[]string) = list
	}
	return true
}

// dataFields gives the index of each of Data's fields by its key.
var dataFields = sync.OnceValue(func() map[string]int {
	t := reflect.TypeFor[Data]()
	m := make(map[string]int, t.NumField())
	for i := range t.NumField() {
		key, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		m[key] = i
	}
	return m
})

// lexicon is Data compiled for matching.
type lexicon struct {
	anchors, readingTime, recurring, yearConnectors, relativeYears phraseSet
	readerPhrases, adviceVerbs, outlookVerbs, clauseTense          phraseSet
	oneTimeMarkers, dateNames, pastParticiples                     phraseSet
	clauseBreaks, subordinators                                    phraseSet
	sourceVerbs, sourceNouns, presentVerbs                         phraseSet
	placeNouns, nameConnectors, complementOpeners                  phraseSet
	futureMarkers, futurePrepositions                              phraseSet
	pastAuxiliaries, pastVerbs, clauseConjunctions                 phraseSet
	participleAdjectives, participleOpeners                        phraseSet
	attributions, eventNouns, peopleNouns, casualtyWords           phraseSet
	countQualifiers, units, numberLabels                           phraseSet
}

func compileData(d *Data) *lexicon {
	return &lexicon{
		anchors:              compileSet(d.Anchors),
		readingTime:          compileSet(d.ReadingTime),
		recurring:            compileSet(d.Recurring),
		readerPhrases:        compileSet(d.ReaderPhrases),
		complementOpeners:    compileSet(d.ComplementOpeners),
		adviceVerbs:          compileSet(d.AdviceVerbs),
		outlookVerbs:         compileSet(d.OutlookVerbs),
		clauseTense:          compileSet(d.ClauseTense),
		oneTimeMarkers:       compileSet(d.OneTimeMarkers),
		dateNames:            compileSet(d.DateNames),
		placeNouns:           compileSet(d.PlaceNouns),
		nameConnectors:       compileSet(d.NameConnectors),
		pastParticiples:      compileSet(d.PastParticiples),
		presentVerbs:         compileSet(d.PresentVerbs),
		yearConnectors:       compileSet(d.YearConnectors),
		relativeYears:        compileSet(d.RelativeYears),
		futureMarkers:        compileSet(d.FutureMarkers),
		futurePrepositions:   compileSet(d.FuturePrepositions),
		pastAuxiliaries:      compileSet(d.PastAuxiliaries),
		pastVerbs:            compileSet(d.PastVerbs),
		clauseConjunctions:   compileSet(d.ClauseConjunctions),
		clauseBreaks:         compileSet(d.ClauseBreaks),
		subordinators:        compileSet(d.Subordinators),
		participleAdjectives: compileSet(d.ParticipleAdjectives),
		participleOpeners:    compileSet(d.ParticipleOpeners),
		attributions:         compileSet(d.Attributions),
		sourceVerbs:          compileSet(d.SourceVerbs),
		sourceNouns:          compileSet(d.SourceNouns),
		eventNouns:           compileSet(d.EventNouns),
		peopleNouns:          compileSet(d.PeopleNouns),
		casualtyWords:        compileSet(d.CasualtyWords),
		countQualifiers:      compileSet(d.CountQualifiers),
		units:                compileSet(d.Units),
		numberLabels:         compileSet(d.NumberLabels),
	}
}

var defaultLexicon = sync.OnceValues(func() (*lexicon, error) {
	d, err := LoadData(rules.FS, DataPath)
	if err != nil {
		return nil, err
	}
	return compileData(d), nil
})

// words is the embedded lexicon. A broken data file is a build defect that
// TestDataLoads catches, so it panics here rather than failing each report.
func words() *lexicon {
	lx, err := defaultLexicon()
	if err != nil {
		panic("dated: embedded word lists are broken: " + err.Error())
	}
	return lx
}
