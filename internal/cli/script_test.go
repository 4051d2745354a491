package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/script")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"reportlint": func() {
			e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
			// A script sets this to have a file change between fix reading
			// and writing it.
			if target := os.Getenv("REPORTLINT_TEST_CHANGE_BEFORE_WRITE"); target != "" {
				e.beforeWrite = func(path string) {
					if path == target {
						f, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
						f.WriteString("\nAn editor added this line meanwhile.\n")
						f.Close()
					}
				}
			}
			os.Exit(run(context.Background(), os.Args, e))
		},
	})
}

// TestScripts runs the end-to-end CLI cases in testdata/script/*.txtar.
func TestScripts(t *testing.T) {
	fixtures, err := filepath.Abs("../../testdata/reports")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:           "../../testdata/script",
		UpdateScripts: *update,
		Setup: func(e *testscript.Env) error {
			e.Setenv("FIXTURES", fixtures)
			e.Setenv("NO_COLOR", "")
			return nil
		},
		Condition: func(cond string) (bool, error) {
			if cond == "root" {
				return os.Geteuid() == 0, nil
			}
			return false, errors.New("unknown condition " + cond)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// exits [-within DURATION] CODE PROGRAM ARGS...: run a program and
			// require its exit code, and that it ended within the duration.
			"exits": func(ts *testscript.TestScript, neg bool, args []string) {
				var within time.Duration
				if len(args) > 1 && args[0] == "-within" {
					d, err := time.ParseDuration(args[1])
					ts.Check(err)
					within, args = d, args[2:]
				}
				if neg || len(args) < 2 {
					ts.Fatalf("usage: exits [-within DURATION] CODE PROGRAM [ARGS...]")
				}
				want, err := strconv.Atoi(args[0])
				ts.Check(err)
				got := 0
				start := time.Now()
				err = ts.Exec(args[1], args[2:]...)
				if took := time.Since(start); within > 0 && took > within {
					ts.Fatalf("%s took %v, more than %v", args[1], took.Round(time.Millisecond), within)
				}
				if err != nil {
					var ee *exec.ExitError
					if !errors.As(err, &ee) {
						ts.Fatalf("%s: %v", args[1], err)
					}
					got = ee.ExitCode()
				}
				if got != want {
					ts.Fatalf("%s exited with %d, want %d", args[1], got, want)
				}
			},
			// mkfile NAME QUOTED: write a file whose content is a Go string
			// literal, for bytes a txtar archive cannot hold (NUL, invalid UTF-8).
			"mkfile": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 2 {
					ts.Fatalf("usage: mkfile NAME QUOTED")
				}
				s, err := strconv.Unquote(`"` + args[1] + `"`)
				ts.Check(err)
				ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(s), 0o644))
			},
			// mkrepeat NAME COUNT UNIT [STEP]: append COUNT copies of UNIT (a Go
			// string literal, like mkfile's) to NAME, creating it; copy i is
			// indented by STEP repeated i times. For deep and long inputs:
			// mkrepeat f.md 3000 '- item\n' '  ' is 3,000 nested lists.
			"mkrepeat": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) < 3 || len(args) > 4 {
					ts.Fatalf("usage: mkrepeat NAME COUNT UNIT [STEP]")
				}
				n, err := strconv.Atoi(args[1])
				ts.Check(err)
				unit, err := strconv.Unquote(`"` + args[2] + `"`)
				ts.Check(err)
				step := ""
				if len(args) == 4 {
					step, err = strconv.Unquote(`"` + args[3] + `"`)
					ts.Check(err)
				}
				f, err := os.OpenFile(ts.MkAbs(args[0]), os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
				ts.Check(err)
				w := bufio.NewWriter(f)
				for i := range n {
					if step != "" {
						w.WriteString(strings.Repeat(step, i))
					}
					w.WriteString(unit)
				}
				ts.Check(w.Flush())
				ts.Check(f.Close())
			},
			// mkbig NAME BYTES: write a file of that many bytes of report-like text.
			"mkbig": func(ts *testscript.TestScript, neg bool, args []string) {
				n, err := strconv.Atoi(args[1])
				ts.Check(err)
				line := []byte("Crime is common in the capital.\n")
				out := make([]byte, 0, n)
				for len(out) < n {
					out = append(out, line...)
				}
				ts.Check(os.WriteFile(ts.MkAbs(args[0]), out[:n], 0o644))
			},
		},
	})
}
