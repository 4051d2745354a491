package phrase

import (
	"reflect"
	"testing"
)

func TestFind(t *testing.T) {
	re := Regexp([]string{"alot", "free reign", "Mali's army"}, true)
	text := "Alotau has alot of free\n reign, and Mali’s army; Malis army."
	var got []string
	for _, m := range Find(re, text, nil) {
		got = append(got, text[m.Start:m.End])
	}
	want := []string{"alot", "free\n reign", "Mali’s army"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Find = %q, want %q", got, want)
	}
	// accept can refuse a match; the search goes on after it.
	capsOnly := Find(Regexp([]string{"twitter"}, true), "birds twitter; Twitter posts", func(s, e int) bool {
		return "birds twitter; Twitter posts"[s] == 'T'
	})
	if len(capsOnly) != 1 || capsOnly[0].Start != 15 {
		t.Errorf("accept: %v", capsOnly)
	}
	if Key("Mali’s   Army", true) != "mali's army" || Key("Mali’s Army", false) != "Mali's Army" {
		t.Errorf("Key")
	}
}
