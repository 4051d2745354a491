// Package hostile writes the inputs a hostile pull request could hand to
// reportlint, for a test that runs check and diff over them under a time
// and memory budget. The files are made, never committed: some cannot be
// (FIFOs, names with line breaks), some are megabytes, and keeping them as
// code says what each one attacks.
//
// Every case is a folder of its own under the root, with a file outside
// it, "secret", holding Secret: no case may make reportlint print it.
package hostile

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"

	"github.com/reportlint/reportlint/internal/corpus"
)

// Secret stands for a credential on the runner (a token in .git/config, a
// Docker login): every case tries to make reportlint print it.
const Secret = "HOSTILE-SECRET-7f3a9c"

// Case is one hostile input and the command to run on it.
type Case struct {
	Name string // unique: the folder under the root, a slash, and what varies
	What string // what it attacks, for a failing test's message
	Dir  string // where the command runs: the case's folder
	Args []string
	// Exit lists the exit codes that are right; a crash, a hang or any
	// other code is a failure.
	Exit []int
	// Stderr, if set, is a regular expression standard error must match,
	// so that a refusal is a clear message and not only a code.
	Stderr string
	// Forbidden are strings that must appear in neither output, besides
	// Secret and the escape byte, which no case may print.
	Forbidden []string
}

// Options shape the generation; the zero value is the full set.
type Options struct {
	// Big is the size of the one-line and many-values inputs; 10 MiB,
	// reportlint's default size limit, when zero.
	Big int
}

// Generate writes every case under root (which must exist and be empty)
// and returns them in a fixed order.
func Generate(root string, opt Options) ([]Case, error) {
	if opt.Big == 0 {
		opt.Big = 10<<20 - 64
	}
	g := &gen{root: root, big: opt.Big}
	g.write("secret", Secret+"\n")
	// A schema's "const" prints the value it wants: a $ref to #/obj that
	// got through would show the secret in a finding.
	g.write("secret.json", `{"obj": {"const": "`+Secret+`"}}`)
	// outside/sub is where links lead, so that "LINK/.." is outside.
	g.write("outside/secret.yaml", Secret+": 1\n")
	g.write("outside/report.txt", report(19))
	g.write("outside/sub/report.txt", report(23))
	g.names()
	g.longLines()
	g.manyValues()
	g.special()
	g.disclosure()
	g.packs()
	g.encodings()
	g.diffs()
	g.fixes()
	if g.err != nil {
		return nil, g.err
	}
	return g.cases, nil
}

type gen struct {
	root  string
	big   int
	cases []Case
	err   error
}

// report is an ordinary report, the kind every case hides its attack in
// or beside.
func report(seed uint64) string {
	return corpus.Report(seed, corpus.Options{Size: 4 << 10, Country: "Niger", Problems: true})
}

func (g *gen) write(name, text string) {
	g.writeBytes(name, []byte(text))
}

func (g *gen) writeBytes(name string, data []byte) {
	if p := g.place(name); p != "" {
		g.err = os.WriteFile(p, data, 0o644)
	}
}

func (g *gen) symlink(target, name string) {
	if p := g.place(name); p != "" {
		g.err = os.Symlink(target, p)
	}
}

// place makes the folder for name and returns its path, or "" once
// anything has failed.
func (g *gen) place(name string) string {
	if g.err != nil {
		return ""
	}
	p := filepath.Join(g.root, filepath.FromSlash(name))
	if g.err = os.MkdirAll(filepath.Dir(p), 0o755); g.err != nil {
		return ""
	}
	return p
}

// deepLink puts a link to target at the end of a chain of folders under
// folder, so deep that the link's absolute path is over the system's
// limit (4,095 bytes) while its path from folder is within it.
func (g *gen) deepLink(folder, name, target string) {
	if g.err != nil || runtime.GOOS == "windows" {
		return
	}
	const pathMax = 4095
	dir := "."
	for room := pathMax - len(name) - 3; room > 1; {
		n := min(250, room-1)
		dir += "/" + strings.Repeat("d", n)
		room -= n + 1
	}
	// os.Root works a folder at a time, below the limit.
	root, err := os.OpenRoot(g.dir(folder))
	if err != nil {
		g.err = err
		return
	}
	defer root.Close()
	if g.err = root.MkdirAll(dir, 0o755); g.err == nil {
		g.err = root.Symlink(target, dir+"/"+name)
	}
}

// dir is a case's folder, absolute.
func (g *gen) dir(name string) string { return filepath.Join(g.root, name) }

// add records a case that runs in folder; label tells it from the other
// cases of the folder.
func (g *gen) add(folder, label string, c Case) {
	c.Name, c.Dir = folder+"/"+label, g.dir(folder)
	g.cases = append(g.cases, c)
}

// names: file names and text that would print as terminal control
// sequences or as CI workflow commands.
func (g *gen) names() {
	forged := "a\n::error title=Forged::Approved.txt"
	escaped := "b\x1b[31m\x1b]0;owned\a\x9b.txt"
	g.write("names/"+forged, report(1))
	g.write("names/"+escaped, "Title\x1b[2J\n\n"+report(2)+
		"\nHe said \x1b]8;;http://x\a\"x\" \u202eevil\u202c.\n\n::error::Approved\n\n  ##[error]boom\n")
	g.write("names/c\u202etxt.md", report(3))
	g.write("names/::error::d.txt", report(4))
	g.write("names/\ufeff::error::bom.txt", report(18))
	for _, f := range []string{"text", "github", "json", "sarif", "checkstyle", "junit", "rdjsonl"} {
		g.add("names", f, Case{What: "file names and report text with a line break, an escape sequence, a bidi override or a workflow command, in " + f + " output",
			Args: []string{"check", "--as-of", "2026-01-01", "--format", f, "."}, Exit: []int{1}})
	}
	g.add("names", "stderr", Case{What: "an escape sequence and a workflow command in a path that cannot be read, on standard error",
		Args: []string{"check", "missing\x1b[31m\n::error::x.txt"}, Exit: []int{2}, Stderr: `missing`})
	g.add("names", "diff", Case{What: "report text and names in diff output",
		Args: []string{"diff", forged, escaped}, Exit: []int{0}})
	g.add("names", "diff-markdown", Case{What: "names and bidi overrides in a pull-request comment",
		Args: []string{"diff", "--format", "markdown", forged, "c\u202etxt.md"}, Exit: []int{0}})
	g.add("names", "parse", Case{What: "report text in parse's JSON",
		Args: []string{"parse", escaped}, Exit: []int{0}})
	g.add("names", "fix", Case{What: "report text in the diff fix prints",
		Args: []string{"fix", escaped}, Exit: []int{0, 1}})
}

// longLines: one line as long as the size limit allows, in the shapes that
// were quadratic: quotes that clash, unclosed brackets, dates, plain words,
// characters of several bytes, numbers that look like phones and emergency
// numbers, watched names.
func (g *gen) longLines() {
	shapes := []struct{ name, unit string }{
		{"quotes", `He said "x" and “y”, ‘z’ 'w'. `},
		{"brackets", "[x]( [a [b "},
		{"dates", "On 3 March 2023, in May 2021 and recently, 887 attacks. "},
		{"words", "Crime is common in the capital and travellers should be careful. "},
		{"multibyte", "Goïta a dit « non » – 北京 🙂 — "},
		{"phones", "Tel: +227-2072-2661, (+509) 3838-1111 or 999; "},
		// A service's label, and numbers answering a sentence about an
		// emergency, both read back from each number.
		{"services", "Police (capital): 17 or 18. In an emergency, call us. Our number is: 19 or 20 "},
		{"bold", "**HIGH** **x "},
		// Watched names in one sentence that never ends: each mention's
		// tense was judged over the whole sentence.
		{"watched", "MINUSMA remains in Gao while Operation Barkhane continues "},
	}
	for _, s := range shapes {
		folder := "long-" + s.name
		line := strings.Repeat(s.unit, g.big/len(s.unit))
		g.write(folder+"/r.txt", "Title\n\nPublished: March 14, 2025\n\n"+line+"\n")
		g.write(folder+"/r.md", "# Title\n\n"+line+"\n")
		// One file a run: the memory budget is a report's, and --jobs
		// reports at once take --jobs times as much.
		g.add(folder, "text", Case{What: "a one-line report of " + s.name + " near the size limit, as plain text",
			Args: []string{"check", "--as-of", "2026-01-01", "--max-size", "11MiB", "r.txt"}, Exit: []int{0, 1}})
		g.add(folder, "markdown", Case{What: "a one-line report of " + s.name + " near the size limit, as Markdown",
			Args: []string{"check", "--as-of", "2026-01-01", "--max-size", "11MiB", "r.md"}, Exit: []int{0, 1, 2}})
	}
	// Many short paragraphs rather than one long one: the document model's
	// cost is per paragraph.
	g.write("many-paragraphs/r.txt", "Title\n\n"+strings.Repeat("He said \"x\" and “y”.\n\n", g.big/26))
	g.add("many-paragraphs", "text", Case{What: "a report of short paragraphs near the size limit",
		Args: []string{"check", "--as-of", "2026-01-01", "--max-size", "11MiB", "r.txt"}, Exit: []int{0, 1}})
	g.add("long-quotes", "json", Case{What: "every finding of a one-line report, in JSON",
		Args: []string{"check", "--as-of", "2026-01-01", "--max-size", "11MiB", "--format", "json", "r.txt"}, Exit: []int{0, 1}})
	g.add("long-words", "diff", Case{What: "diff of two one-line reports",
		Args: []string{"diff", "--max-size", "11MiB", "r.txt", "r.md"}, Exit: []int{0}})
	g.add("long-quotes", "diff", Case{What: "diff of two one-line reports of quotes, as HTML",
		Args: []string{"diff", "--format", "html", "--max-size", "11MiB", "r.txt", "r.md"}, Exit: []int{0}})
}

// manyValues: reports in the document's own shape with a million values,
// deep nesting, and YAML aliases that expand without end.
func (g *gen) manyValues() {
	var b bytes.Buffer
	b.WriteString(`{"title": "x", "dates": [`)
	for i := 0; b.Len() < g.big-16; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%d", i%10)
	}
	b.WriteString("]}")
	g.writeBytes("values/numbers.json", b.Bytes())
	g.write("values/array.json", "["+strings.Repeat("1,", g.big/2-2)+"1]")
	g.write("values/nested.json", strings.Repeat("[", g.big/2)+strings.Repeat("]", g.big/2))
	g.write("values/lines.yaml", "title: x\ndates:\n"+strings.Repeat("- 1\n", g.big/4-8))
	g.write("values/nested.yaml", strings.Repeat("- ", 100000)+"x\n")
	var laughs strings.Builder
	laughs.WriteString("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
	for c := 'b'; c <= 'j'; c++ {
		fmt.Fprintf(&laughs, "%c: &%c [%s]\n", c, c, strings.TrimSuffix(strings.Repeat("*"+string(c-1)+",", 9), ","))
	}
	laughs.WriteString("title: *j\n")
	g.write("values/laughs.yaml", laughs.String())
	for _, f := range []string{"numbers.json", "array.json", "lines.yaml", "nested.json", "nested.yaml", "laughs.yaml"} {
		g.add("values", f, Case{What: "a report in the document's shape: " + f,
			Args: []string{"check", "--as-of", "2026-01-01", "--max-size", "11MiB", f}, Exit: []int{1, 2}})
	}
	g.add("values", "diff", Case{What: "diff of a million numbers against itself",
		Args: []string{"diff", "--max-size", "11MiB", "numbers.json", "numbers.json"}, Exit: []int{0, 2}})
}

// special: files that are not regular files where a report, a
// configuration, a schema or a pack is expected.
func (g *gen) special() {
	if runtime.GOOS == "windows" {
		return
	}
	g.write("fifo/good.txt", report(5))
	if g.err == nil {
		g.err = syscall.Mkfifo(filepath.Join(g.dir("fifo"), "pipe.txt"), 0o644)
	}
	g.add("fifo", "walk", Case{What: "a named pipe named like a report, found by a walk",
		Args: []string{"check", "--as-of", "2026-01-01", "."}, Exit: []int{2}, Stderr: `pipe\.txt`})
	g.add("fifo", "named", Case{What: "a named pipe named like a report, named on the command line",
		Args: []string{"check", "--as-of", "2026-01-01", "pipe.txt"}, Exit: []int{2}, Stderr: `pipe\.txt`})
	g.add("fifo", "diff", Case{What: "a named pipe as one side of a diff",
		Args: []string{"diff", "good.txt", "pipe.txt"}, Exit: []int{2}, Stderr: `pipe\.txt`})

	g.write("zero/r.txt", report(6))
	g.symlink("/dev/zero", "zero/.reportlint.yaml")
	g.add("zero", "config", Case{What: "the configuration is a link to /dev/zero",
		Args: []string{"check", "r.txt"}, Exit: []int{2}, Stderr: `\.reportlint\.yaml`})
	g.write("zero-schema/r.txt", report(7))
	g.symlink("/dev/zero", "zero-schema/house.schema.json")
	g.write("zero-schema/.reportlint.yaml", "schema: house.schema.json\n")
	g.add("zero-schema", "check", Case{What: "the configured schema is a link to /dev/zero",
		Args: []string{"check", "r.txt"}, Exit: []int{2}, Stderr: `house\.schema\.json`})
	g.write("zero-pack/r.txt", report(8))
	g.symlink("/dev/urandom", "zero-pack/pack.yaml")
	g.write("zero-pack/.reportlint.yaml", "packs: [pack.yaml]\n")
	g.add("zero-pack", "check", Case{What: "the configured pack is a link to /dev/urandom",
		Args: []string{"check", "r.txt"}, Exit: []int{2}, Stderr: `pack\.yaml`})
}

// disclosure: files of the repository that try to make reportlint read and
// print a file outside it, or a credential inside .git.
func (g *gen) disclosure() {
	secret := filepath.Join(g.root, "secret")
	g.write("schema-path/r.txt", report(9))
	g.write("schema-path/.reportlint.yaml", "schema: ../secret\n")
	g.add("schema-path", "check", Case{What: "a configured schema outside the repository",
		Args: []string{"check", "r.txt"}, Exit: []int{2}, Stderr: `secret`})

	g.write("schema-ref/r.txt", report(10))
	g.write("schema-ref/house.schema.json", `{"$ref": "file://`+filepath.ToSlash(secret)+`"}`)
	g.write("schema-ref/.reportlint.yaml", "schema: house.schema.json\n")
	g.add("schema-ref", "check", Case{What: "a $ref to a file:// address outside the schema's folder",
		Args: []string{"check", "r.txt"}, Exit: []int{2}, Stderr: `house\.schema\.json`})
	g.write("schema-dotdot/r.txt", report(11))
	g.write("schema-dotdot/house.schema.json", `{"$ref": "../secret.json"}`)
	g.write("schema-dotdot/.reportlint.yaml", "schema: house.schema.json\n")
	g.add("schema-dotdot", "check", Case{What: "a $ref that climbs out of the schema's folder",
		Args: []string{"check", "r.txt"}, Exit: []int{2}, Stderr: `house\.schema\.json`})

	// A link, then a ".." the loader decodes from %2e%2e: ".." must apply
	// to where the link leads, as the system applies it.
	g.write("schema-link/r.txt", report(20))
	g.symlink("/", "schema-link/schemas/R")
	g.write("schema-link/schemas/h.json", `{"properties": {"title": {"$ref": "R/%2e%2e`+filepath.ToSlash(filepath.Join(g.root, "secret.json"))+`#/obj"}}}`)
	g.write("schema-link/.reportlint.yaml", "schema: schemas/h.json\n")
	g.add("schema-link", "check", Case{What: "a $ref through a link to / and an encoded ..",
		Args: []string{"check", "r.txt"}, Exit: []int{2}, Stderr: `refused`})
	g.write("pack-link/r.txt", report(21))
	g.symlink(filepath.Join(g.root, "outside", "sub"), "pack-link/L")
	// Not filepath.Join, which would clean "L/.." away.
	g.write("pack-link/.reportlint.yaml", "packs: ["+g.dir("pack-link")+"/L/../secret.yaml]\n")
	g.add("pack-link", "check", Case{What: "a configured pack named through a link and ..",
		Args: []string{"check", "r.txt"}, Exit: []int{2}, Stderr: `L/\.\./secret\.yaml is outside`})

	g.write("deep/good.txt", report(22))
	g.deepLink("deep", "evil.txt", secret)
	g.add("deep", "walk", Case{What: "a walked link whose absolute path is over the system's limit",
		Args: []string{"check", "--as-of", "2026-01-01", "."}, Exit: []int{0, 1}, Stderr: `note: skipped .*evil\.txt: .*cannot be told`})

	g.write("walk/good.txt", report(12))
	g.symlink(secret, "walk/leak.txt")
	g.write("walk/.git/config", gitConfig)
	g.symlink(".git/config", "walk/git.txt")
	g.add("walk", "text", Case{What: "a folder walk meets links to a file outside the folder and into .git",
		Args: []string{"check", "--as-of", "2026-01-01", "."}, Exit: []int{0, 1}, Stderr: skippedBoth})
	g.add("walk", "json", Case{What: "a folder walk meets links out, in JSON",
		Args: []string{"check", "--as-of", "2026-01-01", "--format", "json", "."}, Exit: []int{0, 1}, Stderr: skippedBoth})
}

// skippedBoth is the notes of a walk that passes over a link into .git and
// a link out of the folder.
const skippedBoth = `note: skipped \S*git\.txt: .*\.git(?s:.*)note: skipped \S*leak\.txt: .*outside`

// gitConfig is what actions/checkout leaves in .git/config: a token.
const gitConfig = "[http \"https://github.com/\"]\n\textraheader = AUTHORIZATION: basic " + Secret + "\n"

// packs: house packs that print whatever they match, and packs too large
// to compile in quadratic time.
func (g *gen) packs() {
	g.write("pack-all/good.txt", report(13))
	g.write("pack-all/.git/config", gitConfig)
	g.symlink(".git/config", "pack-all/config.txt")
	g.symlink(filepath.Join(g.root, "secret"), "pack-all/secret.md")
	g.write("pack-all/pack.yaml", "pack: leak\nrules:\n  - name: every-line\n    kind: existence\n    message: '{{match}}'\n    patterns: ['(?m)^.+$']\n")
	g.write("pack-all/.reportlint.yaml", "packs: [pack.yaml]\n")
	g.add("pack-all", "check", Case{What: "a pack that quotes every line, over a walk with links out",
		Args: []string{"check", "--as-of", "2026-01-01", "."}, Exit: []int{0, 1}, Stderr: `note: skipped \S*config\.txt(?s:.*)note: skipped \S*secret\.md`})

	var b strings.Builder
	b.WriteString("pack: big\nrules:\n  - name: many\n    kind: existence\n    message: '{{match}}'\n    tokens:\n")
	for i := range 100000 {
		fmt.Fprintf(&b, "      - tok%dx w%d\n", i, i%97)
	}
	g.write("pack-big/pack.yaml", b.String())
	g.write("pack-big/r.txt", report(14))
	g.write("pack-big/.reportlint.yaml", "packs: [pack.yaml]\n")
	g.add("pack-big", "check", Case{What: "a pack of 100,000 tokens",
		Args: []string{"check", "--as-of", "2026-01-01", "r.txt"}, Exit: []int{0, 1}})
}

// encodings: text that is not UTF-8 but says what it is.
func (g *gen) encodings() {
	text := report(15)
	le, be := []byte{0xFF, 0xFE}, []byte{0xFE, 0xFF}
	for _, r := range text {
		le = append(le, byte(r), byte(r>>8))
		be = append(be, byte(r>>8), byte(r))
	}
	g.writeBytes("utf16/le.txt", le)
	g.writeBytes("utf16/be.md", be)
	g.add("utf16", "check", Case{What: "UTF-16 reports with their byte order marks",
		Args: []string{"check", "le.txt", "be.md"}, Exit: []int{2}, Stderr: `le\.txt: is UTF-16 .*\n.*be\.md: is UTF-16`})
}

// diffs: the other command reading hostile pairs.
func (g *gen) diffs() {
	g.write("diff-mentions/old.md", "# Title\n\n## Crime\n\nCrime is common.\n")
	g.write("diff-mentions/new.md", "# Title\n\n## Crime @octocat\n\nCrime is common, says @github/security-team in #123 and GH-42.\n\n<script>alert(1)</script>\n")
	g.add("diff-mentions", "markdown", Case{What: "mentions and references in a pull-request comment",
		Args: []string{"diff", "--format", "markdown", "old.md", "new.md"}, Exit: []int{0},
		Forbidden: []string{" @octocat", " @github/security-team", " #123", "<script>"}})
	g.add("diff-mentions", "html", Case{What: "report HTML in the HTML diff",
		Args: []string{"diff", "--format", "html", "old.md", "new.md"}, Exit: []int{0},
		Forbidden: []string{"<script>alert"}})
	// Editions of many short paragraphs, all replaced or all moved: the
	// alignment and pairing of paragraphs grew with the square of their
	// number. An eighth of the size limit a side keeps the output under
	// its budget.
	var old, replaced, reversed strings.Builder
	for _, b := range []*strings.Builder{&old, &replaced, &reversed} {
		b.WriteString("Title\n\n")
	}
	n := 0
	for ; old.Len() < g.big/8; n++ {
		fmt.Fprintf(&old, "Item %d.\n\n", n)
		fmt.Fprintf(&replaced, "Note %d here?\n\n", n)
	}
	for i := n - 1; i >= 0; i-- {
		fmt.Fprintf(&reversed, "Item %d.\n\n", i)
	}
	g.write("diff-paragraphs/old.txt", old.String())
	g.write("diff-paragraphs/replaced.txt", replaced.String())
	g.write("diff-paragraphs/reversed.txt", reversed.String())
	g.add("diff-paragraphs", "replaced", Case{What: "every one of many paragraphs replaced",
		Args: []string{"diff", "old.txt", "replaced.txt"}, Exit: []int{0}})
	g.add("diff-paragraphs", "reversed", Case{What: "many paragraphs in the opposite order, as Markdown",
		Args: []string{"diff", "--format", "markdown", "old.txt", "reversed.txt"}, Exit: []int{0}})
}

// fixes: fix --write over links that lead out of the repository or into
// its .git folder, where a CI job's write could change any file it may.
func (g *gen) fixes() {
	g.write("outside-report.txt", report(16))
	g.write("fix-link/.git/notes.txt", report(17))
	g.symlink("../outside-report.txt", "fix-link/link.txt")
	g.symlink(".git/notes.txt", "fix-link/hook.txt")
	g.symlink(filepath.Join(g.root, "outside", "sub"), "fix-link/L")
	g.write("fix-link/report.txt", report(19))
	g.add("fix-link", "dotdot", Case{What: "fix --write of a name that leads out through a link and ..",
		Args: []string{"fix", "--write", "L/../report.txt"}, Exit: []int{2}, Stderr: `not written`})
	g.add("fix-link", "write", Case{What: "fix --write through links out of the repository and into .git",
		Args: []string{"fix", "--write", "link.txt", "hook.txt"}, Exit: []int{2},
		Stderr: `link\.txt: not written: .*outside the repository(?s:.*)hook\.txt: not written: .*into the \.git folder`})
}
