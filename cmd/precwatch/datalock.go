package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// dataLockFile is the file in a data directory that a demo locks for as
// long as it runs.
const dataLockFile = "precwatch.lock"

// lockDataDir takes the lock of the data directory dir (creating both if
// missing) for the command cmd and writes this process's pid into it; the
// kernel releases the lock when the process ends, however it ends. The
// index's own lock is taken per shard, once something is indexed: without
// this one, a second demo on a fresh directory would run alongside the
// first until then. Another process holding it is an error naming dir and
// that process's pid.
func lockDataDir(dir, cmd string) (release func(), err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("data directory: %w", err)
	}
	path := filepath.Join(dir, dataLockFile)
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock data directory %s: %w", dir, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, dataDirBusy(dir, path, cmd)
		}
		return nil, fmt.Errorf("lock data directory %s: %w", dir, err)
	}
	// The file stays (removing it could let a third process lock a new
	// file while a second waits on the old one); its text says who holds it.
	if err := f.Truncate(0); err == nil {
		f.WriteAt([]byte(fmt.Sprintf("%d %s\n", os.Getpid(), cmd)), 0)
	}
	return func() { f.Close() }, nil
}

// dataDirBusy is the error of a data directory whose lock another process
// holds, with the pid and command it wrote into the lock file.
func dataDirBusy(dir, path, cmd string) error {
	holder := "another precwatch process"
	if b, err := os.ReadFile(path); err == nil {
		f := strings.Fields(string(b))
		if len(f) >= 1 {
			if pid, err := strconv.Atoi(f[0]); err == nil {
				holder = fmt.Sprintf("another precwatch process (pid %d", pid)
				if len(f) >= 2 {
					holder += ", precwatch " + strings.Join(f[1:], " ")
				}
				holder += ")"
			}
		}
	}
	return fmt.Errorf("data directory %s is in use by %s: stop it first, or give this %s another --data directory (lock file %s)", dir, holder, cmd, path)
}
