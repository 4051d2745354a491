package extract

import (
	"fmt"
	"strings"
	"testing"
)

// A pattern that does not compile says so on every use: the first use may
// be Warm's, whose goroutine swallows the panic, and the next must not
// then find a nil regexp.
func TestLazyRegexpPanicsOnEveryUse(t *testing.T) {
	l := newLazyRegexp(`(`)
	for i := range 2 {
		func() {
			defer func() {
				err := recover()
				if err == nil || !strings.Contains(fmt.Sprint(err), "missing closing )") {
					t.Errorf("use %d: recovered %v, want the compile error", i+1, err)
				}
			}()
			l.MatchString("x")
		}()
	}
}
