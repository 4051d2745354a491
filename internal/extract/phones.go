package extract

// localNumbers are the shapes of a local phone number, read by hand where
// a regexp of them (kept in phones_test.go, FuzzLocalNumbers's oracle) was
// run at every byte of each paragraph that names a phone word: the number
// is runs of ASCII digits joined by one space, period or hyphen, beginning
// and ending on a word boundary as the regexps' \b reads it.
type localNumbers struct {
	minRun   int // digits a run has at least (at most maxRunDigits)
	maxJoins int // runs joined after the first, at most
}

// maxRunDigits is the most digits of one run: a longer run is no part of a
// local number.
const maxRunDigits = 5

var (
	// A local number: "8000-1115", "17", "112". Only read near a phone
	// word. `\b\d{2,5}(?:[ .\-]\d{2,5}){0,3}\b`
	localPhone = localNumbers{minRun: 2, maxJoins: 3}
	// A local number after a label, where nothing but numbers is expected:
	// it may have one-digit groups and more of them ("593-2-398-5000",
	// "235 22 53 91 02"), so that one number is read as one.
	// `\b\d{1,5}(?:[ .\-]\d{1,5}){0,6}\b`
	labelledPhone = localNumbers{minRun: 1, maxJoins: 6}
)

// find is the regexp's FindAllStringIndex on t. Each run of a match is a
// whole run of digits (a digit after it would break the \b or the join
// that follows), so a match is the longest chain of fitting runs from a
// run that begins on a boundary; a run that does not fit ends the chain,
// or, first, starts none, and the search goes on after it.
func (l localNumbers) find(t string) [][2]int {
	var out [][2]int
	for i := 0; i < len(t); {
		if !isDigit(t[i]) {
			i++
			continue
		}
		start := i
		end, ok := l.run(t, start)
		if !ok || start > 0 && isWordByte(t[start-1]) {
			i = digitsEnd(t, start)
			continue
		}
		for joins := 0; joins < l.maxJoins && end+1 < len(t) && isJoin(t[end]) && isDigit(t[end+1]); joins++ {
			next, ok := l.run(t, end+1)
			if !ok {
				break
			}
			end = next
		}
		out = append(out, [2]int{start, end})
		i = end
	}
	return out
}

// run is the end of the run of digits at i, and whether it fits: as long
// as the shape asks, and no word character after it.
func (l localNumbers) run(t string, i int) (int, bool) {
	end := digitsEnd(t, i)
	n := end - i
	return end, l.minRun <= n && n <= maxRunDigits && (end == len(t) || !isWordByte(t[end]))
}

func digitsEnd(t string, i int) int {
	for i < len(t) && isDigit(t[i]) {
		i++
	}
	return i
}

// isJoin is the class [ .\-] between runs.
func isJoin(c byte) bool { return c == ' ' || c == '.' || c == '-' }
