// Package lazyregexp is a regular expression compiled when first used, as
// Go's own cmd/go/internal/lazyregexp: a package-level regexp.MustCompile
// runs before main in every run, `reportlint --version` included, and
// most commands use few of the program's patterns.
package lazyregexp

import (
	"regexp"
	"slices"
	"sync"
)

// Regexp is a pattern compiled on first use. A pattern that does not
// compile panics on every use, with its own message, not only the first
// (a goroutine that recovers may be the first; sync.Once alone would
// leave a nil regexp behind it). Each package's tests use its patterns.
type Regexp struct {
	expr string
	get  func() *regexp.Regexp
}

// declared is every pattern New made. Locked, though package-level
// declarations run one at a time before main: a New at run time must not
// race (patterns built from data use Build).
var (
	declaredMu sync.Mutex
	declared   []*Regexp
)

// New declares a pattern; use it in package-level declarations.
func New(expr string) *Regexp {
	r := Build(expr)
	declaredMu.Lock()
	declared = append(declared, r)
	declaredMu.Unlock()
	return r
}

// Build makes a lazy pattern at run time, from data (a phrase list): it
// is not declared, as each loading would add to the list for good, and
// the test that compiles the declared ones is for the fixed patterns.
func Build(expr string) *Regexp {
	return &Regexp{expr: expr, get: sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })}
}

// Declared lists the patterns declared by the packages linked in, for a
// test that compiles them all.
func Declared() []*Regexp {
	declaredMu.Lock()
	defer declaredMu.Unlock()
	return slices.Clone(declared)
}

// Compile compiles the pattern now.
func (r *Regexp) Compile() { r.get() }

func (r *Regexp) String() string                 { return r.expr }
func (r *Regexp) MatchString(s string) bool      { return r.get().MatchString(s) }
func (r *Regexp) Match(b []byte) bool            { return r.get().Match(b) }
func (r *Regexp) FindString(s string) string     { return r.get().FindString(s) }
func (r *Regexp) FindStringIndex(s string) []int { return r.get().FindStringIndex(s) }
func (r *Regexp) FindStringSubmatch(s string) []string {
	return r.get().FindStringSubmatch(s)
}
func (r *Regexp) FindStringSubmatchIndex(s string) []int {
	return r.get().FindStringSubmatchIndex(s)
}
func (r *Regexp) FindAllString(s string, n int) []string { return r.get().FindAllString(s, n) }
func (r *Regexp) FindAllStringIndex(s string, n int) [][]int {
	return r.get().FindAllStringIndex(s, n)
}
func (r *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	return r.get().FindAllStringSubmatch(s, n)
}
func (r *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return r.get().FindAllStringSubmatchIndex(s, n)
}
func (r *Regexp) SubexpIndex(name string) int    { return r.get().SubexpIndex(name) }
func (r *Regexp) Split(s string, n int) []string { return r.get().Split(s, n) }
func (r *Regexp) ReplaceAllString(src, repl string) string {
	return r.get().ReplaceAllString(src, repl)
}
func (r *Regexp) ReplaceAllStringFunc(src string, repl func(string) string) string {
	return r.get().ReplaceAllStringFunc(src, repl)
}
