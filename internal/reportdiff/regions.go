package reportdiff

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lazyregexp"
	"github.com/reportlint/reportlint/internal/profile"
)

// regionLink and regionMarks are the Markdown a region's name may still
// carry from the page: a link around a place, bold around a word.
var (
	regionLink  = lazyregexp.New(`\[([^\]]*)\]\([^)]*\)`)
	regionMarks = lazyregexp.New(`[*_]{1,3}`)
)

// regionName is a region's name as a reader wants it: no link syntax, no
// bold marks, spaces where the marks stood between words.
func regionName(s string) string {
	if !strings.ContainsAny(s, "[*_") {
		return s
	}
	s = regionLink.ReplaceAllString(s, "$1")
	s = regionMarks.ReplaceAllStringFunc(s, func(string) string { return " " })
	s = strings.Join(strings.Fields(s), " ")
	return strings.NewReplacer("- ", "-", " -", "-").Replace(s)
}

// regionStopWords say what kind of place a name is, not which one: a
// region "Cibitoke province" is the one "Cibitoke" was.
var regionStopWords = map[string]bool{
	"the": true, "and": true, "of": true, "a": true, "an": true, "in": true, "to": true, "with": true,
	"within": true, "near": true, "along": true, "area": true, "areas": true, "region": true, "regions": true,
	"province": true, "provinces": true, "district": true, "districts": true, "state": true, "states": true,
	"governorate": true, "governorates": true, "county": true, "department": true, "departments": true,
}

// regionWords are the words that name the place, lower case.
func regionWords(name string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(regionName(name)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if !regionStopWords[w] {
			out = append(out, w)
		}
	}
	return out
}

// regionSimilarity is how alike two regions' words must be (Dice, a
// spelling off by a letter or two counting as the same word) to be one
// region renamed or reworded.
const regionSimilarity = 0.6

// regionPairBudget bounds the regions weighed against each other: an
// advisory names a dozen; past the bound the rest are added and removed.
const regionPairBudget = 250_000

// sameWord reports whether two words are one place spelled two ways
// ("Jleeb", "Jeleeb"): equal, or an edit or two apart in a long word.
func sameWord(a, b string) bool {
	if a == b {
		return true
	}
	la, lb := len([]rune(a)), len([]rune(b))
	if min(la, lb) < 4 || max(la, lb) > 40 {
		return false
	}
	limit := 1
	if min(la, lb) >= 8 {
		limit = 2
	}
	return editDistance([]rune(a), []rune(b), limit) <= limit
}

// editDistance is the Levenshtein distance of a and b, or limit+1 once it
// is known to exceed limit.
func editDistance(a, b []rune, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// regionScore is the Dice coefficient of two regions' words, each word of
// a counted once against the first unused word of b it may be.
func regionScore(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	used := make([]bool, len(b))
	same := 0
	for _, x := range a {
		for j, y := range b {
			if !used[j] && sameWord(x, y) {
				used[j], same = true, same+1
				break
			}
		}
	}
	return 2 * float64(same) / float64(len(a)+len(b))
}

// compareRegions lists each region's level old → new, in the new
// edition's order, then the regions removed. A region is the same across
// editions by its name, or failing that by a name alike enough (names
// reordered, a word added, a spelling changed): then it is one row, with
// its old name, escalated or lowered, never one removed and one added.
func compareRegions(o, n *document.Advisory) []RegionChange {
	type entry struct {
		r     document.Region
		key   string
		words []string
	}
	list := func(a *document.Advisory) []entry {
		var out []entry
		seen := map[string]int{}
		if a == nil {
			return out
		}
		for _, r := range a.Regions {
			k := profile.NormalizeTitle(strings.TrimPrefix(strings.TrimPrefix(regionName(r.Name.Value), "The "), "the "))
			if i, dup := seen[k]; dup {
				out[i].r = r // the last statement of a region's level stands
				continue
			}
			seen[k] = len(out)
			out = append(out, entry{r: r, key: k})
		}
		return out
	}
	olds, news := list(o), list(n)
	match := make([]int, len(news)) // new -> old, or -1
	taken := make([]bool, len(olds))
	byKey := map[string]int{}
	for j, e := range olds {
		byKey[e.key] = j
	}
	for i, e := range news {
		match[i] = -1
		if j, ok := byKey[e.key]; ok {
			match[i], taken[j] = j, true
		}
	}
	// Names alike enough, the most alike first.
	type cand struct {
		i, j  int
		score float64
	}
	var cands []cand
	budget := regionPairBudget
weigh:
	for i := range news {
		if match[i] >= 0 {
			continue
		}
		if news[i].words == nil {
			news[i].words = regionWords(news[i].r.Name.Value)
		}
		for j := range olds {
			if taken[j] {
				continue
			}
			if olds[j].words == nil {
				olds[j].words = regionWords(olds[j].r.Name.Value)
			}
			if budget -= len(news[i].words) * len(olds[j].words); budget < 0 {
				break weigh
			}
			if s := regionScore(news[i].words, olds[j].words); s >= regionSimilarity {
				cands = append(cands, cand{i, j, s})
			}
		}
	}
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].score > cands[b].score })
	renamed := make([]bool, len(news))
	for _, c := range cands {
		if match[c.i] < 0 && !taken[c.j] {
			match[c.i], taken[c.j], renamed[c.i] = c.j, true, true
		}
	}
	// An old region left over whose every place word is in a new region
	// of the same level was merged into it ("Abbottabad district" into
	// "Haripur and Abbottabad districts"): the area is still at its level,
	// so it is shown in that region's old names, not as removed. At
	// another level it stays removed: the merge may hide a change.
	merged := make([][]string, len(news))
merge:
	for j := range olds {
		if taken[j] || olds[j].r.Level == 0 {
			continue
		}
		if olds[j].words == nil {
			olds[j].words = regionWords(olds[j].r.Name.Value)
		}
		for i := range news {
			if news[i].words == nil {
				news[i].words = regionWords(news[i].r.Name.Value)
			}
			if budget -= len(news[i].words) * len(olds[j].words); budget < 0 {
				break merge
			}
			if news[i].r.Level != olds[j].r.Level || !containsWords(news[i].words, olds[j].words) {
				continue
			}
			taken[j] = true
			if match[i] < 0 {
				match[i], renamed[i] = j, true
			} else {
				merged[i] = append(merged[i], regionName(olds[j].r.Name.Value))
			}
			break
		}
	}
	out := []RegionChange{}
	for i, e := range news {
		level := func(l int) int { // 0, a level not read, is absent
			if l == 0 {
				return -1
			}
			return l
		}
		// A region of the new edition only is added, its level read or
		// not, as one of the old edition only is removed.
		rc := RegionChange{Name: regionName(e.r.Name.Value), New: e.r.Level, Change: Added}
		if j := match[i]; j >= 0 {
			rc.Old = olds[j].r.Level
			if renamed[i] || len(merged[i]) > 0 {
				rc.OldName = strings.Join(append([]string{regionName(olds[j].r.Name.Value)}, merged[i]...), "; ")
			}
			rc.Change = direction(level(olds[j].r.Level), level(e.r.Level))
		}
		out = append(out, rc)
	}
	for j, e := range olds {
		if !taken[j] {
			out = append(out, RegionChange{Name: regionName(e.r.Name.Value), Old: e.r.Level, Change: Removed})
		}
	}
	return out
}

// containsWords reports whether every word of part is one of whole's,
// spelt alike (sameWord), and part has a word.
func containsWords(whole, part []string) bool {
	if len(part) == 0 || len(part) >= len(whole) {
		return false
	}
	for _, w := range part {
		if !slices.ContainsFunc(whole, func(x string) bool { return sameWord(x, w) }) {
			return false
		}
	}
	return true
}

// regionLabel names a region in a fact: "Jeleeb (was Jleeb)" when the
// editions name it differently.
func regionLabel(x RegionChange) string {
	if x.OldName != "" && x.OldName != x.Name {
		return x.Name + " (was " + x.OldName + ")"
	}
	return x.Name
}
