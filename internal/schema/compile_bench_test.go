package schema

import "testing"

// BenchmarkCompile is what a run pays once for its reports' schema: the
// Mali sample's profile, flattened, as check compiles it.
func BenchmarkCompile(b *testing.B) {
	for b.Loop() {
		v := validator(b, "")
		if _, err := v.compileEmbedded("osac-csr.schema.json"); err != nil {
			b.Fatal(err)
		}
	}
}
