package extract

import (
	"regexp"
	"sync"
)

// lazyRegexp is a regular expression compiled when first used. extract's
// forty-odd patterns took about 1.5 ms to compile as the program started,
// before any command ran, even `reportlint --version`; compiled lazily they
// cost only the runs that parse, and pipeline.Warm compiles them on a
// spare core while the run starts (Preload). A pattern that does not
// compile panics on every use, with its own message, not only the first:
// Warm's goroutine, which recovers, may be the first (sync.Once would
// leave a nil regexp behind it). TestPatternsCompile calls Preload.
type lazyRegexp struct {
	expr string
	get  func() *regexp.Regexp
}

var lazyRegexps []*lazyRegexp

// lazyRE declares a pattern; call it only in package-level declarations.
func lazyRE(expr string) *lazyRegexp {
	l := newLazyRegexp(expr)
	lazyRegexps = append(lazyRegexps, l)
	return l
}

func newLazyRegexp(expr string) *lazyRegexp {
	return &lazyRegexp{expr: expr, get: sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })}
}

// Preload compiles every pattern of the package now.
func Preload() {
	for _, l := range lazyRegexps {
		l.get()
	}
}

func (l *lazyRegexp) MatchString(s string) bool      { return l.get().MatchString(s) }
func (l *lazyRegexp) FindStringIndex(s string) []int { return l.get().FindStringIndex(s) }
func (l *lazyRegexp) FindStringSubmatchIndex(s string) []int {
	return l.get().FindStringSubmatchIndex(s)
}
func (l *lazyRegexp) FindAllStringIndex(s string, n int) [][]int {
	return l.get().FindAllStringIndex(s, n)
}
func (l *lazyRegexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return l.get().FindAllStringSubmatchIndex(s, n)
}
func (l *lazyRegexp) SubexpIndex(name string) int          { return l.get().SubexpIndex(name) }
func (l *lazyRegexp) FindStringSubmatch(s string) []string { return l.get().FindStringSubmatch(s) }
func (l *lazyRegexp) Split(s string, n int) []string       { return l.get().Split(s, n) }
func (l *lazyRegexp) ReplaceAllString(src, repl string) string {
	return l.get().ReplaceAllString(src, repl)
}

func (l *lazyRegexp) FindString(s string) string { return l.get().FindString(s) }
