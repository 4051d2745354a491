package stale

// Preload reads and compiles the embedded data the stale rules use, which
// they otherwise do when the first report needs it. A run calls it on a
// spare core while it reads its configuration and parses its first
// report. A broken file is left for the rule to report.
func Preload() {
	if _, err := defaultWatchlist(); err == nil {
		builtinSet()
	}
	_, _ = defaultRevisionNote()
	_, _ = defaultSectionDates()
	defaultJudge()
	indicatorMatchers()
}
