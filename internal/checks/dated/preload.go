package dated

// Preload reads and compiles the embedded lexicon the dated rules use,
// which they otherwise do when the first report needs it (see
// stale.Preload). A broken file is left for the rules to report.
func Preload() { _, _ = defaultLexicon() }
