package main

import (
	"bytes"
	"context"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestDemoFirstCrawlRefusesUI: the demo's first crawl, which runs before
// its UI listens, already refuses the UI's address. The UI's --addr is made
// the address of the first demo marketplace (--sites-addr, same port), so
// that crawl has pages at the UI's address: they must be refused, not
// read. Everything is on 127.0.0.1.
func TestDemoFirstCrawlRefusesUI(t *testing.T) {
	var port int
	for try := 0; try < 20 && port == 0; try++ {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		p := ln.Addr().(*net.TCPAddr).Port
		ln.Close()
		free := p+2 < 65536
		for i := 1; i <= 2 && free; i++ { // the demo takes P, P+1 and P+2
			if l, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(p+i)); err != nil {
				free = false
			} else {
				l.Close()
			}
		}
		if free {
			port = p
		}
	}
	if port == 0 {
		t.Skip("no three free ports in a row on 127.0.0.1")
	}
	addr := "127.0.0.1:" + strconv.Itoa(port)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	code := Run(ctx, env, []string{"demo", "--data", t.TempDir(), "--addr", addr, "--sites-addr", addr})
	if code == 0 {
		t.Fatalf("demo with its UI on its first marketplace's address: exit 0, want a failure (the marketplace holds the port)")
	}
	if want := "127.0.0.1:" + strconv.Itoa(port) + " is precwatch's own listen address"; !strings.Contains(errb.String(), want) {
		t.Errorf("demo's first crawl with its UI address on a marketplace: stderr lacks %q (the marketplace at the UI's address was crawled):\n%s\nstdout:\n%s", want, errb.String(), out.String())
	}
}
