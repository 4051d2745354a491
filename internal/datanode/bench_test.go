package datanode

import (
	"encoding/json"
	"fmt"
	"testing"

	yaml "go.yaml.in/yaml/v3"
)

// benchReport is a report-shaped document; scale 1 makes about 20 KB of
// indented JSON, scale 1.25 about as much YAML.
func benchReport(scale float64) map[string]any {
	levels := []string{"LOW", "MEDIUM", "HIGH", "CRITICAL"}
	var ratings, sections []any
	for i := 0; i < int(100*scale); i++ {
		ratings = append(ratings, map[string]any{
			"category": "crime",
			"location": fmt.Sprintf("Région n°%d – “centre”", i),
			"level":    levels[i%len(levels)],
			"score":    1.5 + float64(i),
		})
	}
	for i := 0; i < int(24*scale); i++ {
		sections = append(sections, map[string]any{
			"title": fmt.Sprintf("Section %d", i),
			"body":  "Travellers should exercise increased caution.\nCrime is common in the capital; “petty theft” occurs – mostly at night.\n",
			"tags":  []any{"crime", "terrorism", "unrest"},
		})
	}
	return map[string]any{
		"title":     "Mali 2024 Crime & Safety Report",
		"published": "2024-11-29",
		"advisory":  map[string]any{"level": 4, "wording": "Do Not Travel", "indicators": []any{"C", "T", "K"}},
		"ratings":   ratings,
		"sections":  sections,
		"contacts":  []any{map[string]any{"kind": "phone", "value": "+223 20 70 23 00"}},
	}
}

func BenchmarkFromJSON(b *testing.B) {
	data, err := json.MarshalIndent(benchReport(1), "", "  ")
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := FromJSON(text); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFromYAML(b *testing.B) {
	data, err := yaml.Marshal(benchReport(1.25))
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := FromYAML(text); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkYAMLParseOnly is yaml.v3 alone on the same text, to show what
// the spans and the conversion add.
func BenchmarkYAMLParseOnly(b *testing.B) {
	data, err := yaml.Marshal(benchReport(1.25))
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := parseYAML(text); err != nil {
			b.Fatal(err)
		}
	}
}

func TestBenchmarkDocumentsAreAbout20KB(t *testing.T) {
	j, _ := json.MarshalIndent(benchReport(1), "", "  ")
	y, _ := yaml.Marshal(benchReport(1.25))
	for name, n := range map[string]int{"JSON": len(j), "YAML": len(y)} {
		t.Logf("%s benchmark document: %d bytes", name, n)
		if n < 15_000 || n > 25_000 {
			t.Errorf("%s benchmark document is %d bytes", name, n)
		}
	}
	// The YAML one must keep every span exact too.
	if _, problems, err := fromYAML(string(y)); err != nil || len(problems) > 0 {
		t.Errorf("%v %v", err, problems)
	}
}
