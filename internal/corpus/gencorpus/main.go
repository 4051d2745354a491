// Command gencorpus writes a synthetic corpus of reports to a folder, for
// the measurements in docs/performance.md:
//
//	go run ./internal/corpus/gencorpus -n 1000 -size 20480 -out /tmp/corpus
//	go run ./internal/corpus/gencorpus -n 1000 -markdown -out /tmp/corpus-md
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/reportlint/reportlint/internal/corpus"
)

func main() {
	n := flag.Int("n", 1000, "how many reports")
	size := flag.Int("size", 20<<10, "approximate size of each report in bytes")
	markdown := flag.Bool("markdown", false, "write Markdown (.md) instead of plain text (.txt)")
	problems := flag.Bool("problems", true, "plant the problems the rules look for")
	realProse := flag.Bool("real-prose", true, "add what real reports hold: watch-list names told as history, acronyms, many dates a paragraph")
	out := flag.String("out", "", "folder to write to (created if missing)")
	flag.Parse()
	if *out == "" || *n < 1 || *size < 1 {
		fmt.Fprintln(os.Stderr, "usage: gencorpus -out DIR [-n N] [-size BYTES] [-markdown] [-problems=false] [-real-prose=false]")
		os.Exit(2)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(2)
	}
	ext := ".txt"
	if *markdown {
		ext = ".md"
	}
	for i := 0; i < *n; i++ {
		text := corpus.Report(uint64(i), corpus.Options{Size: *size, Problems: *problems, Markdown: *markdown, RealProse: *realProse})
		path := filepath.Join(*out, fmt.Sprintf("report-%05d%s", i, ext))
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gencorpus:", err)
			os.Exit(2)
		}
	}
}
