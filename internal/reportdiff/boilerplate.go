package reportdiff

import "strings"

// stockOpenings begin the paragraphs that travel advisories repeat from
// country to country and edition to edition (counted over the 155 U.S.
// advisories of the corpus: each opens dozens of them), lower case. An
// edition that rewords, adds or drops them tells the reviewer little, so
// text and Markdown group them on one line per section; the JSON keeps
// each, marked.
var stockOpenings = []string{
	"check with your travel insurance provider",
	"enroll in the smart traveler enrollment program",
	"enroll your trip in the state department's smart traveler enrollment program",
	"follow the department of state on facebook",
	"obtain comprehensive medical insurance",
	"prepare a contingency plan for emergency situations",
	"prepare a plan for emergency situations",
	"read the country information page",
	"review the country security report",
	"review the traveler's checklist",
	"review the traveler’s checklist",
	"visit the cdc page for the latest travel health information",
	"visit our website for travel to high-risk areas",
	"we highly recommend that you buy insurance",
}

// isBoilerplate reports whether a paragraph is one of the stock ones.
func isBoilerplate(text string) bool {
	if len(text) == 0 {
		return false
	}
	head := text[:min(len(text), 120)]
	head = strings.ToLower(strings.TrimLeft(head, "*_-+ "))
	for _, s := range stockOpenings {
		if strings.HasPrefix(head, s) {
			return true
		}
	}
	return false
}

// splitBoilerplate takes the stock paragraphs out of a section's list,
// and words them in one line: "3 stock paragraphs changed, 1 added (lines
// 40→41, →52, 44→45): Enroll in the Smart Traveler…; Visit the CDC…".
func splitBoilerplate(paras []ParagraphDiff) ([]ParagraphDiff, string) {
	var rest []ParagraphDiff
	tally := map[string]int{}
	var lines, heads []string
	for _, p := range paras {
		if !p.Boilerplate || p.Status == ParagraphMoved {
			rest = append(rest, p)
			continue
		}
		tally[p.Status]++
		lines = append(lines, lineSpan("", p.OldLine, p.NewLine))
		text := p.New
		if text == "" {
			text = p.Old
		}
		heads = append(heads, firstWords(text, 6))
	}
	if len(lines) == 0 {
		return paras, ""
	}
	return rest, counts("stock paragraph", tally, Changed, Added, Removed) +
		" (lines " + strings.Join(lines, ", ") + "): " + strings.Join(heads, "; ")
}

// firstWords is the first n words of s, with an ellipsis if there are more.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) <= n {
		return strings.Join(f, " ")
	}
	return strings.Join(f[:n], " ") + Ellipsis
}
