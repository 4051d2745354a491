package lsp

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// stream is the LSP base protocol (Content-Length framed JSON) as a
// jsonrpc2.ObjectStream. Unlike the library's own codec, a message that
// cannot be used is answered with a JSON-RPC error and skipped, not taken
// as the end of the connection: one bad message from a client must not
// stop the server. Reading is bounded: a header line, the header block and
// a message each have a limit, and a message over its limit is discarded
// unread.
type stream struct {
	r      *bufio.Reader
	w      io.Writer
	closer io.Closer
	max    int64 // largest message body read
	mu     sync.Mutex
}

// JSON-RPC error codes.
const (
	codeParseError     = -32700
	codeInvalidRequest = -32600
	codeMethodNotFound = -32601
	codeInvalidParams  = -32602
	codeRequestFailed  = -32803
)

const (
	maxHeaderLine  = 1 << 10
	maxHeaderLines = 32
)

func newStream(r io.Reader, w io.Writer, closer io.Closer, maxMessage int64) *stream {
	return &stream{r: bufio.NewReader(r), w: w, closer: closer, max: maxMessage}
}

// errFrame is a message whose header is unusable but whose end was found:
// the next message can still be read.
var errFrame = errors.New("frame")

func (s *stream) ReadObject(v any) error {
	for {
		body, err := s.readFrame()
		if errors.Is(err, errFrame) {
			s.replyError(codeInvalidRequest, err.Error())
			continue
		}
		if err != nil {
			return err
		}
		if !json.Valid(body) {
			s.replyError(codeParseError, "the message is not JSON")
			continue
		}
		if err := json.Unmarshal(body, v); err != nil {
			s.replyError(codeInvalidRequest, "the message is not a JSON-RPC request, notification or response: "+err.Error())
			continue
		}
		return nil
	}
}

// readFrame reads one header block and the body it announces.
func (s *stream) readFrame() ([]byte, error) {
	length := int64(-1)
	var bad string
	for n := 0; ; n++ {
		line, err := s.readLine()
		if err != nil {
			return nil, err
		}
		if line == "" {
			if n == 0 {
				continue // a stray line end between messages
			}
			break
		}
		if n >= maxHeaderLines {
			bad = "too many header lines"
			continue
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			bad = "a header line without a colon"
			continue
		}
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			l, err := strconv.ParseInt(strings.TrimSpace(value), 10, 64)
			if err != nil || l < 0 {
				bad = "a Content-Length that is not a number"
				continue
			}
			length = l
		}
	}
	if length < 0 {
		if bad == "" {
			bad = "no Content-Length header"
		}
		return nil, fmt.Errorf("%w: %s", errFrame, bad)
	}
	if length > s.max {
		if _, err := io.CopyN(io.Discard, s.r, length); err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("%w: a message of %d bytes is over the limit of %d", errFrame, length, s.max)
	}
	if bad != "" {
		if _, err := io.CopyN(io.Discard, s.r, length); err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("%w: %s", errFrame, bad)
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(s.r, body); err != nil {
		return nil, err
	}
	return body, nil
}

// readLine reads a header line, without its CRLF (or LF), at most
// maxHeaderLine bytes of it kept.
func (s *stream) readLine() (string, error) {
	var b []byte
	for {
		chunk, err := s.r.ReadSlice('\n')
		if len(b) < maxHeaderLine {
			b = append(b, chunk[:min(len(chunk), maxHeaderLine-len(b))]...)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			return "", err
		}
		return strings.TrimRight(string(b), "\r\n"), nil
	}
}

func (s *stream) WriteObject(obj any) error {
	data, err := json.Marshal(obj)
	if err != nil {
		return err
	}
	return s.write(data)
}

func (s *stream) write(data []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := fmt.Fprintf(s.w, "Content-Length: %d\r\n\r\n", len(data)); err != nil {
		return err
	}
	_, err := s.w.Write(data)
	return err
}

// replyError answers a message that could not be read. Its id is unknown,
// so it is null, as JSON-RPC 2.0 says.
func (s *stream) replyError(code int, msg string) {
	data, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": nil, "error": map[string]any{"code": code, "message": msg}})
	_ = s.write(data)
}

func (s *stream) Close() error {
	if s.closer == nil {
		return nil
	}
	return s.closer.Close()
}
