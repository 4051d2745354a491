package stale

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/suggest"
	"github.com/reportlint/reportlint/internal/vocab"
)

var RatingVocabulary = &lint.Rule{
	ID:      "rating-vocabulary",
	Level:   lint.Warning,
	Summary: "a threat rating uses a word outside the rating levels",
	Doc: `A threat rating ("has assessed Accra as being a HIGH-threat location for crime") must use
one of the rating levels in rules/data/vocabulary.yaml: LOW, MEDIUM, HIGH or CRITICAL. Readers
compare ratings across reports and the diff orders them, which a word such as "moderate" or
"severe" defeats. The finding is at the word and suggests a level: from the "synonyms" option
(by default rules/data/rating-synonyms.yaml: moderate is MEDIUM, severe is HIGH or CRITICAL,
…), or the nearest level for a misspelling ("CRITCAL"). Ratings given in Markdown front
matter (ratings: [{category, location, level}]) are checked too.`,
	Bad:  "The U.S. Department of State has assessed Accra as being a **MODERATE**-threat location for crime.",
	Good: "The U.S. Department of State has assessed Accra as being a **MEDIUM**-threat location for crime.",
	Options: func() any {
		syn := map[string][]string{}
		for w, l := range must(defaultRatingSynonyms()) {
			syn[w] = append([]string(nil), l...)
		}
		return &ratingOptions{Synonyms: syn}
	},
	Run: runRatingVocabulary,
}

type ratingOptions struct {
	Synonyms map[string][]string `yaml:"synonyms" doc:"words written for a rating level, each with the level or levels to suggest; the defaults come from rules/data/rating-synonyms.yaml, and words given are added to them or replace their entry"`
}

func (o *ratingOptions) Validate() error {
	v := vocab.Default()
	for w, levels := range o.Synonyms {
		if len(levels) == 0 {
			return fmt.Errorf("synonyms: %q suggests no level", w)
		}
		for _, l := range levels {
			if v.RatingRank(l) < 0 {
				return fmt.Errorf("synonyms: %q suggests %q, which is not one of %s", w, l, strings.Join(v.RatingLevels, ", "))
			}
		}
	}
	if o.Synonyms == nil {
		return errors.New("synonyms: give a mapping (it may be empty)")
	}
	return nil
}

func runRatingVocabulary(pass *lint.Pass) {
	opts := pass.Options.(*ratingOptions)
	v := vocab.Default()
	check := func(where, category string, level document.Text) {
		word := strings.TrimSpace(level.Value)
		if word == "" || v.RatingRank(word) >= 0 {
			return
		}
		what := "threat rating level"
		if category != "" {
			what = "the " + category + " threat rating level"
		}
		pass.Report(lint.Finding{
			Span:    level.Span,
			Message: fmt.Sprintf("%s%s %q is not one of %s", where, what, word, strings.Join(v.RatingLevels, ", ")),
			Hint:    ratingHint(word, opts.Synonyms, v.RatingLevels),
		})
	}
	for _, rt := range pass.Doc.Ratings {
		word := written(pass, rt.Level.Span)
		if !strings.EqualFold(word, rt.Level.Value) {
			word = rt.Level.Value // a JSON or YAML report: the span holds a quoted string
		}
		check("", rt.Category.Value, document.Text{Value: word, Span: rt.Level.Span})
	}
	if fm := pass.Doc.FrontMatter; fm != nil {
		if list := fm.Get("ratings"); list != nil && list.Kind == document.NodeList {
			for _, item := range list.Items {
				lv := item.Get("level")
				if lv == nil || lv.Kind != document.NodeString {
					continue
				}
				cat := ""
				if c := item.Get("category"); c != nil && c.Kind == document.NodeString {
					cat = strings.ToLower(strings.TrimSpace(c.Scalar))
				}
				check("front matter: ", cat, document.Text{Value: lv.Scalar, Span: lv.Span})
			}
		}
	}
}

// ratingHint suggests the level or levels for a word outside the vocabulary.
func ratingHint(word string, synonyms map[string][]string, levels []string) string {
	var sugg []string
	for w, l := range synonyms {
		if strings.EqualFold(w, word) {
			sugg = l
			break
		}
	}
	if sugg == nil {
		if s, ok := suggest.Closest(word, levels); ok {
			sugg = []string{s}
		}
	}
	if len(sugg) == 0 {
		return "use " + orList(levels)
	}
	sorted := append([]string(nil), sugg...)
	sort.SliceStable(sorted, func(i, j int) bool {
		return vocab.Default().RatingRank(sorted[i]) < vocab.Default().RatingRank(sorted[j])
	})
	for i, s := range sorted {
		sorted[i] = strings.ToUpper(s)
	}
	if len(sorted) == 1 {
		return fmt.Sprintf("did you mean %s? The levels are %s", sorted[0], orList(levels))
	}
	return fmt.Sprintf("did you mean %s? Choose the level the assessment means", orList(sorted))
}

// orList writes "A, B, C or D".
func orList(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}
