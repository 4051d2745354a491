package cli

import (
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
)

// countingListener accepts every connection made to a local port and
// counts them.
type countingListener struct {
	ln       net.Listener
	accepted atomic.Int64
	sentinel chan struct{}
}

func listen(t *testing.T) *countingListener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skip("cannot listen on 127.0.0.1:", err)
	}
	l := &countingListener{ln: ln, sentinel: make(chan struct{}, 1)}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			l.accepted.Add(1)
			var b [1]byte
			// The sentinel connection writes one byte; any other
			// connection is closed unanswered.
			go func() {
				if n, _ := c.Read(b[:]); n == 1 && b[0] == '!' {
					l.sentinel <- struct{}{}
				}
				c.Close()
			}()
		}
	}()
	t.Cleanup(func() { ln.Close() })
	return l
}

// connections returns how many connections other than its own reached
// the listener. It makes one itself and waits until it is accepted: the
// kernel queues connections in order, so by then every earlier one has
// been accepted and counted too.
func (l *countingListener) connections(t *testing.T) int64 {
	t.Helper()
	c, err := net.Dial("tcp", l.ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := c.Write([]byte("!")); err != nil {
		t.Fatal(err)
	}
	<-l.sentinel
	return l.accepted.Load() - 1
}

// A house schema that refers to a schema on the network is refused by
// check as a whole (exit 2), naming the address, and reportlint connects
// to nothing: not for a $ref at the top, in a property, in a schema it
// $refs by relative path, over https, nor for a remote $schema.
func TestHouseSchemaNeverReachesTheNetwork(t *testing.T) {
	report, err := filepath.Abs("../../testdata/reports/niger-csr.txt")
	if err != nil {
		t.Fatal(err)
	}
	l := listen(t)
	addr := l.ln.Addr().String()
	for _, tt := range []struct {
		name   string
		files  map[string]string // house.json and what it refers to
		remote string            // the address the message must name
		says   string            // a regexp the message must match, if set
	}{
		{
			name:   "top-level http $ref",
			files:  map[string]string{"house.json": `{"$schema": "https://json-schema.org/draft/2020-12/schema", "$ref": "http://ADDR/x.json"}`},
			remote: "http://ADDR/x.json",
		},
		{
			name:   "https $ref in a property",
			files:  map[string]string{"house.json": "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"title\": {\"$ref\": \"https://ADDR/defs.json#/$defs/title\"}\n  }\n}"},
			remote: "https://ADDR/defs.json",
		},
		{
			name: "http $ref in a schema the house schema refers to by relative path",
			files: map[string]string{
				"house.json":  `{"$ref": "common.json"}`,
				"common.json": `{"$defs": {"x": {"type": "string"}}, "$ref": "http://ADDR/common.json"}`,
			},
			remote: "http://ADDR/common.json",
		},
		{
			name:   "remote $schema",
			files:  map[string]string{"house.json": `{"$schema": "http://ADDR/meta.json", "type": "object"}`},
			remote: "http://ADDR/meta.json",
			says:   `house\.json:1:13: remote \$schema "[^"]+" refused: .*draft 2020-12 built in`,
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, text := range tt.files {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(strings.ReplaceAll(text, "ADDR", addr)), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			t.Chdir(dir) // no .reportlint.yaml of the repository's
			before := l.accepted.Load()
			code, stdout, stderr := runCLI("check", "--schema", filepath.Join(dir, "house.json"), report)
			if code != ExitError {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, ExitError, stdout, stderr)
			}
			remote := strings.ReplaceAll(tt.remote, "ADDR", addr)
			if !strings.Contains(stderr, remote) || !strings.Contains(stderr, "never reaches the network") {
				t.Errorf("message does not name %s as refused:\n%s", remote, stderr)
			}
			if tt.says != "" && !regexp.MustCompile(tt.says).MatchString(stderr) {
				t.Errorf("message does not match %s:\n%s", tt.says, stderr)
			}
			if strings.Contains(stdout, "checked") {
				t.Errorf("reports were checked without the schema:\n%s", stdout)
			}
			if n := l.connections(t) - before; n != 0 {
				t.Errorf("%d connections reached %s", n, addr)
			}
		})
	}
}
