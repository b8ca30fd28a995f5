//go:build unix

package main

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestMatchConformanceFIFO: a file argument that is a pipe (a FIFO, or
// bash's <(producer)) is answered line by line like stdin; it was sniffed
// 64 KB ahead, so a producer waiting for the first result hung.
func TestMatchConformanceFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "listings")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	opened := make(chan *os.File, 1)
	go func() {
		// Opening a FIFO for writing waits for its reader.
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			t.Error(err)
			close(opened)
			return
		}
		opened <- f
	}()
	w := &lazyWriter{opened: opened}
	checkAnsweredOneByOne(t, nil, w, "match", fifo)
}

// lazyWriter writes to the file that opened delivers, once it is open.
type lazyWriter struct {
	opened chan *os.File
	f      *os.File
}

func (w *lazyWriter) Write(p []byte) (int, error) {
	if w.f == nil {
		w.f = <-w.opened
		if w.f == nil {
			return 0, os.ErrClosed
		}
	}
	return w.f.Write(p)
}

func (w *lazyWriter) Close() error {
	if w.f == nil {
		return nil
	}
	return w.f.Close()
}
