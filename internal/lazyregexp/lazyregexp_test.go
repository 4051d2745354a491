package lazyregexp

import (
	"fmt"
	"strings"
	"testing"
)

// A pattern that does not compile says so on every use: the first use may
// be Warm's, whose goroutine swallows the panic, and the next must not
// then find a nil regexp.
func TestPanicsOnEveryUse(t *testing.T) {
	l := New(`(`)
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

func TestDeclaredAndDelegates(t *testing.T) {
	r := New(`(\d+)-(\d+)`)
	if d := Declared(); len(d) == 0 || d[len(d)-1] != r {
		t.Fatal("New did not declare its pattern")
	}
	if r.String() != `(\d+)-(\d+)` || !r.MatchString("a 1-2") || r.FindString("x 10-20 y") != "10-20" ||
		r.ReplaceAllString("1-2", "$2-$1") != "2-1" || len(r.FindAllStringSubmatch("1-2 3-4", -1)) != 2 {
		t.Error("a method does not do what regexp's does")
	}
}

// New may run on several goroutines at once: the stale rules build their
// patterns from data under sync.OnceValues, which Warm and a check's
// rules may enter together. Every pattern is declared, none lost.
func TestNewConcurrently(t *testing.T) {
	before := len(Declared())
	const each = 200
	done := make(chan bool)
	for range 2 {
		go func() {
			for range each {
				New(`x`)
			}
			done <- true
		}()
	}
	<-done
	<-done
	if got := len(Declared()) - before; got != 2*each {
		t.Errorf("%d patterns declared, want %d", got, 2*each)
	}
}

// A pattern built at run time is lazy as a declared one, and not declared.
func TestBuildIsNotDeclared(t *testing.T) {
	before := len(Declared())
	r := Build(`a(b)`)
	if len(Declared()) != before {
		t.Error("Build declared its pattern")
	}
	if m := r.FindStringSubmatch("xab"); len(m) != 2 || m[1] != "b" {
		t.Errorf("Build(`a(b)`) on xab: %q", m)
	}
}
