package checks

import "testing"

// FuzzSameFoldedWords holds the paragraphs' word-by-word test to what the
// list items' hash tells apart: equal hashes of at least three words.
func FuzzSameFoldedWords(f *testing.F) {
	f.Add("Stay  alert at\tall times.", "stay alert AT all times.")
	f.Add("Stay alert at all", "Stay alert at all times.")
	f.Add("Stay alert at all times.", "Stay alert at alltimes.")
	f.Add("Stay alert.", "stay alert.")
	f.Add(" Avoid the crowds ", "avoid the crowds")
	f.Add("Évitez les foules", "évitez les foules")
	f.Fuzz(func(t *testing.T, a, b string) {
		want := wordsHash(a) != 0 && wordsHash(a) == wordsHash(b)
		if got := sameFoldedWords(a, b); got != want {
			t.Errorf("sameFoldedWords(%q, %q) = %v, hashes say %v", a, b, got, want)
		}
	})
}
