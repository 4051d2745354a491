package stale

// Preload reads and compiles the embedded data the stale rules use, which
// they otherwise do when the first report needs it. A run calls it on a
// spare core while it reads its configuration and parses its first
// report. A broken file is left for the rule to report. The indicator
// matchers are not among it: only a travel advisory that states no
// indicators uses them (none of the Mali sample's 200 copies, 195 of the
// corpus's 198), and compiling them costs about 0.12 ms of CPU.
func Preload() {
	if _, err := defaultWatchlist(); err == nil {
		builtinSet()
	}
	_, _ = defaultRevisionNote()
	_, _ = defaultSectionDates()
	defaultJudge()
}
