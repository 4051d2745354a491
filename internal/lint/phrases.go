package lint

import "github.com/reportlint/reportlint/internal/phrase"

// FindPhrases is s.FindFirst(text, found, first) (first may be nil): for
// a set shared with phrase.Share, every shared set's phrases are found in
// one reading of the text, once a report, and the other sets' questions
// about the text are answered from it.
func (p *Pass) FindPhrases(s *phrase.Set, text string, found []bool, first []int) bool {
	if p.Memo == nil {
		return s.FindFirst(text, found, first)
	}
	m := p.Shared("lint.phrases", func() any { return phrase.NewJointMemo() }).(*phrase.JointMemo)
	return m.FindFirst(s, text, found, first)
}
