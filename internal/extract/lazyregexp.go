package extract

import "github.com/reportlint/reportlint/internal/lazyregexp"

// extract's forty-odd patterns took about 1.5 ms to compile as the program
// started; compiled lazily they cost only the runs that parse, and
// pipeline.Warm compiles them on a spare core while the run starts
// (Preload). TestPatternsCompile calls Preload.
var lazyRegexps []*lazyregexp.Regexp

// lazyRE declares a pattern; call it only in package-level declarations.
func lazyRE(expr string) *lazyregexp.Regexp {
	l := lazyregexp.New(expr)
	lazyRegexps = append(lazyRegexps, l)
	return l
}

// Preload compiles every pattern of the package now.
func Preload() {
	for _, l := range lazyRegexps {
		l.Compile()
	}
}
