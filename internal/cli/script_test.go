package cli

import (
	"bufio"
	"context"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/reportlint/reportlint/internal/pipeline"
)

// scriptToday is the day every script runs on, unless it gives --as-of.
const scriptToday = "2026-12-01"

var update = flag.Bool("update", false, "rewrite the expected output in testdata/script")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"reportlint": func() {
			e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
			// Scripts run on a fixed day: a finding that depends on the as-of
			// date (stale-report) must not appear or vanish with the calendar.
			if day := os.Getenv("REPORTLINT_TEST_TODAY"); day != "" {
				d, err := time.Parse("2006-01-02", day)
				if err != nil {
					panic(err)
				}
				pipeline.Now = func() time.Time { return d }
			}
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
			e.Setenv("REPORTLINT_TEST_TODAY", scriptToday)
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
			// mkfile NAME QUOTED: write a file whose name and content are Go
			// string literals (without the quotes), for bytes a txtar archive
			// cannot hold (NUL, invalid UTF-8; a newline or ESC in a name).
			"mkfile": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 2 {
					ts.Fatalf("usage: mkfile NAME QUOTED")
				}
				name, err := strconv.Unquote(`"` + args[0] + `"`)
				ts.Check(err)
				s, err := strconv.Unquote(`"` + args[1] + `"`)
				ts.Check(err)
				ts.Check(os.WriteFile(ts.MkAbs(name), []byte(s), 0o644))
			},
			// envq NAME QUOTED: set a variable to a Go string literal, to name
			// a file a script line cannot spell (exec reportlint check $BAD).
			"envq": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 2 {
					ts.Fatalf("usage: envq NAME QUOTED")
				}
				s, err := strconv.Unquote(`"` + args[1] + `"`)
				ts.Check(err)
				ts.Setenv(args[0], s)
			},
			// printable [-github] FILE: FILE (or stdout, stderr) holds nothing
			// that acts on a terminal or a CI log (see unprintable); with
			// -github, lines of the github format's own shape are allowed.
			"printable": func(ts *testscript.TestScript, neg bool, args []string) {
				github := len(args) == 2 && args[0] == "-github"
				if neg || len(args) != 1 && !github {
					ts.Fatalf("usage: printable [-github] FILE")
				}
				if problems := unprintable(ts.ReadFile(args[len(args)-1]), github); len(problems) > 0 {
					ts.Fatalf("%s:\n%s", args[len(args)-1], strings.Join(problems, "\n"))
				}
			},
			// xmlwf FILE: FILE (or stdout) is well-formed XML.
			"xmlwf": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 1 {
					ts.Fatalf("usage: xmlwf FILE")
				}
				dec := xml.NewDecoder(strings.NewReader(ts.ReadFile(args[0])))
				for {
					if _, err := dec.Token(); err == io.EOF {
						break
					} else if err != nil {
						ts.Fatalf("%s is not well-formed XML: %v", args[0], err)
					}
				}
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
			// deeplink DIR NAME TARGET: make folders under DIR so deep that
			// DIR/.../NAME, from the current folder, is just within the
			// system's limit on a path (4,095 bytes) while the absolute path
			// is over it, and there a symbolic link NAME to TARGET: a file
			// the system opens by the relative path, but whose place cannot
			// be told from the absolute one.
			"deeplink": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 3 {
					ts.Fatalf("usage: deeplink DIR NAME TARGET")
				}
				const pathMax = 4095
				dir, name := args[0], args[1]
				for room := pathMax - len(dir) - len(name) - 2; room > 1; {
					n := min(250, room-1)
					dir += "/" + strings.Repeat("d", n)
					room -= n + 1
				}
				if cwd := ts.MkAbs("."); len(cwd)+1+len(dir)+1+len(name) <= pathMax {
					ts.Fatalf("the absolute path of %s is within the limit: no use", name)
				}
				// os.Root works folder by folder, below the limit.
				root, err := os.OpenRoot(ts.MkAbs("."))
				ts.Check(err)
				defer root.Close()
				ts.Check(root.MkdirAll(dir, 0o755))
				ts.Check(root.Symlink(args[2], dir+"/"+name))
			},
			// mkcount NAME FROM TO FORMAT: append fmt.Sprintf(FORMAT, n) (FORMAT a
			// Go string literal, like mkfile's) to NAME for each n from FROM to
			// TO, counting down if TO is less. For many distinct paragraphs:
			// mkcount f.txt 1 1000 'Item %d.\n\n'.
			"mkcount": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 4 {
					ts.Fatalf("usage: mkcount NAME FROM TO FORMAT")
				}
				from, err := strconv.Atoi(args[1])
				ts.Check(err)
				to, err := strconv.Atoi(args[2])
				ts.Check(err)
				format, err := strconv.Unquote(`"` + args[3] + `"`)
				ts.Check(err)
				step := 1
				if to < from {
					step = -1
				}
				f, err := os.OpenFile(ts.MkAbs(args[0]), os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
				ts.Check(err)
				w := bufio.NewWriter(f)
				for n := from; n != to+step; n += step {
					fmt.Fprintf(w, format, n)
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
