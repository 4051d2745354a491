package lsp

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// nvimScript starts reportlint lsp from Neovim's own LSP client on the
// report, waits for the diagnostics, applies the "alot" quick fix through
// :lua vim.lsp.buf.code_action() (choosing it as a user would, in
// vim.ui.select), and writes what it saw to result.json. It keeps to the
// API of Neovim 0.7, which Debian ships, and works on later ones.
const nvimScript = `
local out = {}
local function finish()
  vim.fn.writefile({vim.fn.json_encode(out)}, 'result.json')
  vim.cmd('qa!')
end
local client = vim.lsp.start_client({name = 'reportlint', cmd = {os.getenv('REPORTLINT'), 'lsp'}, root_dir = vim.fn.getcwd()})
vim.cmd('edit freedonia.md')
vim.lsp.buf_attach_client(0, client)
out.got_diagnostics = vim.wait(20000, function() return #vim.diagnostic.get(0) >= 3 end, 20)
out.diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  table.insert(out.diagnostics, {d.lnum, d.col, code, d.severity})
end
table.sort(out.diagnostics, function(a, b) return a[1] < b[1] or a[1] == b[1] and a[2] < b[2] end)
if out.got_diagnostics then
  local first = out.diagnostics[1]
  vim.api.nvim_win_set_cursor(0, {first[1] + 1, first[2]})
  out.offered = {}
  vim.ui.select = function(items, opts, on_choice)
    for i, item in ipairs(items) do
      local action = item.action or item[2] or item
      table.insert(out.offered, action.title)
      if action.title == 'Replace "alot" with "a lot"' then
        on_choice(item, i)
        return
      end
    end
    on_choice(nil, nil)
  end
  vim.lsp.buf.code_action()
  out.applied = vim.wait(20000, function()
    return vim.api.nvim_buf_get_lines(0, 10, 11, false)[1]:find('has a lot of', 1, true) ~= nil
  end, 20)
  out.line = vim.api.nvim_buf_get_lines(0, 10, 11, false)[1]
end
vim.lsp.stop_client(client)
finish()
`

// TestNeovim runs the server under a real editor: Neovim, headless.
func TestNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		t.Skip("nvim is not installed")
	}
	if testing.Short() {
		t.Skip("builds reportlint")
	}
	path, _ := workspace(t, "freedonia.md", report)
	dir := filepath.Dir(path)
	bin := filepath.Join(t.TempDir(), "reportlint")
	if out, err := exec.Command("go", "build", "-o", bin, "../../cmd/reportlint").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	script := filepath.Join(dir, "test.lua")
	if err := os.WriteFile(script, []byte(nvimScript), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(nvim, "--headless", "-n", "-u", "NONE", "-i", "NONE", "-c", "luafile "+script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "REPORTLINT="+bin, "XDG_STATE_HOME="+t.TempDir(), "XDG_CACHE_HOME="+t.TempDir())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("nvim: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "result.json"))
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		GotDiagnostics bool     `json:"got_diagnostics"`
		Diagnostics    [][]any  `json:"diagnostics"`
		Offered        []string `json:"offered"`
		Applied        bool     `json:"applied"`
		Line           string   `json:"line"`
	}
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatalf("%v: %s", err, data)
	}
	t.Logf("Neovim saw: %s", data)
	if !got.GotDiagnostics {
		t.Fatalf("Neovim received no diagnostics: %s", data)
	}
	// Neovim's columns are bytes: "alot" follows é and two em dashes, so
	// byte 29 is right only if the server's UTF-16 columns were.
	want := [][]any{{10.0, 29.0, "style/misspelling", 2.0}, {10.0, 53.0, "style/redundant-acronym", 2.0}, {12.0, 7.0, "undated-relative-time", 2.0}}
	if len(got.Diagnostics) != len(want) {
		t.Fatalf("diagnostics %v, want %v", got.Diagnostics, want)
	}
	for i := range want {
		for j := range want[i] {
			if got.Diagnostics[i][j] != want[i][j] {
				t.Errorf("diagnostic %d: %v, want %v", i, got.Diagnostics[i], want[i])
				break
			}
		}
	}
	if !got.Applied || !strings.Contains(got.Line, "has a lot of visitors and an ATM machine.") {
		t.Errorf("after the quick fix through Neovim (offered %q), line 11 is %q", got.Offered, got.Line)
	}
}
