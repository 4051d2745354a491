package countries

import (
	"strings"
	"testing"
	"testing/fstest"
)

func loadString(t *testing.T, yaml string) (*Table, error) {
	t.Helper()
	fsys := fstest.MapFS{"data/countries.yaml": {Data: []byte(yaml)}}
	return Load(fsys, "data/countries.yaml")
}

func TestLoadGoodFile(t *testing.T) {
	table, err := loadString(t, `countries:
  - name: Mali
    code: ML
    calling: 223
    demonym: Malian
  - name: The Gambia
    code: GM
    calling: "+220"
    aliases: [Gambia]
`)
	if err != nil {
		t.Fatal(err)
	}
	mali, ok := table.Lookup("mali")
	if !ok || mali.Calling != "223" || mali.Demonym != "Malian" {
		t.Errorf("Lookup(mali) = %+v, %v", mali, ok)
	}
	if gm, ok := table.Lookup("Gambia"); !ok || gm.Calling != "220" {
		t.Errorf("Lookup(Gambia) = %+v, %v", gm, ok)
	}
}

func TestLoadErrorsNameFileAndLine(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{
			name: "no calling code",
			yaml: "countries:\n  - name: Mali\n    code: ML\n  - name: X\n    code: XX\n",
			want: `data/countries.yaml:2: country "Mali" has no calling code`,
		},
		{
			name: "empty calling code",
			yaml: "countries:\n  - name: Mali\n    code: ML\n    calling:\n",
			want: `data/countries.yaml:2: country "Mali" has no calling code`,
		},
		{
			name: "no name",
			yaml: "countries:\n  - code: ML\n    calling: \"223\"\n",
			want: `data/countries.yaml:2: country has no name`,
		},
		{
			name: "no code",
			yaml: "countries:\n  - name: Mali\n    calling: \"223\"\n",
			want: `data/countries.yaml:2: country "Mali" has no code`,
		},
		{
			name: "code not ISO",
			yaml: "countries:\n  - name: Mali\n    code: MLI\n    calling: \"223\"\n",
			want: `data/countries.yaml:3: country "Mali": code "MLI" is not two capital letters`,
		},
		{
			name: "calling code not digits",
			yaml: "countries:\n  - name: Mali\n    code: ML\n    calling: 22a\n",
			want: `data/countries.yaml:4: country "Mali": calling code "22a" is not 1 to 3 digits`,
		},
		{
			name: "calling code too long",
			yaml: "countries:\n  - name: Mali\n    code: ML\n    calling: \"2230\"\n",
			want: `data/countries.yaml:4: country "Mali": calling code "2230" is not 1 to 3 digits`,
		},
		{
			name: "duplicate code",
			yaml: "countries:\n  - name: Mali\n    code: ML\n    calling: \"223\"\n  - name: Malta\n    code: ML\n    calling: \"356\"\n",
			want: `data/countries.yaml:6: country "Malta": code ML is already used by "Mali" (line 3)`,
		},
		{
			name: "alias clashes with another name",
			yaml: "countries:\n  - name: Mali\n    code: ML\n    calling: \"223\"\n  - name: Malta\n    code: MT\n    calling: \"356\"\n    aliases: [Malte, MALI]\n",
			want: `data/countries.yaml:8: country "Malta": "MALI" is already a name of "Mali" (line 2)`,
		},
		{
			// The line given for the earlier claim is its alias's, not its entry's.
			name: "name clashes with another's alias",
			yaml: "countries:\n  - name: Burma\n    code: MM\n    calling: \"95\"\n    aliases:\n      - Burma Union\n      - Myanmar\n  - name: Myanmar\n    code: XM\n    calling: \"95\"\n",
			want: `data/countries.yaml:8: country "Myanmar": "Myanmar" is already a name of "Burma" (line 7)`,
		},
		{
			name: "names clash after folding",
			yaml: "countries:\n  - name: Côte d'Ivoire\n    code: CI\n    calling: \"225\"\n  - name: Cote d’Ivoire\n    code: XC\n    calling: \"225\"\n",
			want: `data/countries.yaml:5: country "Cote d’Ivoire": "Cote d’Ivoire" is already a name of "Côte d'Ivoire" (line 2)`,
		},
		{
			name: "area codes on a non-NANP country",
			yaml: "countries:\n  - name: Mali\n    code: ML\n    calling: \"223\"\n    area-codes: [\"876\"]\n",
			want: `data/countries.yaml:5: country "Mali": area-codes are only for countries that share +1`,
		},
		{
			name: "bad area code",
			yaml: "countries:\n  - name: Jamaica\n    code: JM\n    calling: \"1\"\n    area-codes:\n      - \"876\"\n      - \"87\"\n",
			want: `data/countries.yaml:7: country "Jamaica": area code "87" is not three digits`,
		},
		{
			name: "area code shared",
			yaml: "countries:\n  - name: Jamaica\n    code: JM\n    calling: \"1\"\n    area-codes: [\"876\"]\n  - name: Bahamas\n    code: BS\n    calling: \"1\"\n    area-codes: [\"876\"]\n",
			want: `data/countries.yaml:9: country "Bahamas": area code 876 is already used by "Jamaica"`,
		},
		{
			name: "unknown field",
			yaml: "countries:\n  - name: Mali\n    code: ML\n    calling: \"223\"\n    alias: [Malian Republic]\n",
			want: `data/countries.yaml:5: unknown field "alias"`,
		},
		{
			name: "field twice",
			yaml: "countries:\n  - name: Mali\n    code: ML\n    code: MX\n    calling: \"223\"\n",
			want: `data/countries.yaml:4: field code appears twice`,
		},
		{
			name: "aliases not a list",
			yaml: "countries:\n  - name: Burma\n    code: MM\n    calling: \"95\"\n    aliases: Myanmar\n",
			want: `data/countries.yaml:5: country "Burma": aliases must be a list`,
		},
		{
			name: "entry not a mapping",
			yaml: "countries:\n  - Mali\n",
			want: `data/countries.yaml:2: each country must be a mapping`,
		},
		{
			name: "no countries key",
			yaml: "# nothing\nnations:\n  - name: Mali\n",
			want: `data/countries.yaml:2: unknown key "nations"`,
		},
		{
			name: "countries not a list",
			yaml: "countries:\n  name: Mali\n",
			want: `data/countries.yaml:2: countries: must be a list`,
		},
		{
			name: "empty file",
			yaml: "# only a comment\n",
			want: `data/countries.yaml:1: the file is empty`,
		},
		{
			name: "syntax error",
			yaml: "countries:\n  - name: Mali\n    code: ML\n    calling \"223\"\n",
			want: `data/countries.yaml:4: could not find expected ':'`,
		},
		{
			name: "invalid UTF-8",
			yaml: "countries:\n  - name: Mali\n    code: ML\n    calling: \"223\"\n    demonym: Mal\xffian\n",
			want: `data/countries.yaml:5: invalid UTF-8 byte 0xff`,
		},
		{
			name: "control character",
			yaml: "countries:\n  - name: Mali\x01\n",
			want: `data/countries.yaml:2: control character U+0001`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadString(t, tt.yaml)
			if err == nil {
				t.Fatalf("Load succeeded, want error %q", tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error = %q\nwant prefix %q", err, tt.want)
			}
		})
	}
}

func TestLoadMissingFileNamesIt(t *testing.T) {
	_, err := Load(fstest.MapFS{}, "data/countries.yaml")
	if err == nil || !strings.HasPrefix(err.Error(), "data/countries.yaml: ") {
		t.Errorf("error = %v, want it to name data/countries.yaml", err)
	}
}

// TestDefaultErrorsNameTheEditorsPath checks that a broken embedded table is
// reported under the path an editor opens, not the path inside rules.FS.
func TestDefaultErrorsNameTheEditorsPath(t *testing.T) {
	fsys := fstest.MapFS{defaultPath: {Data: []byte("countries:\n  - name: Mali\n")}}
	_, err := load(fsys, defaultPath, defaultDisplayName)
	if err == nil || !strings.HasPrefix(err.Error(), "rules/data/countries.yaml:2: ") {
		t.Errorf("error = %v, want it to start rules/data/countries.yaml:2:", err)
	}
}
