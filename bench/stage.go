package main

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// stageBinaries copies the provider and the mock out of binDir into a
// temporary directory: others share the tree, and a `make build` during a
// long run must not swap the provider between phases.
func stageBinaries(binDir string) (string, error) {
	dir, err := os.MkdirTemp("", "tm-bench-bin-")
	if err != nil {
		return "", err
	}
	for _, name := range []string{"terraform-provider-trackingmore", "trackingmore-mock"} {
		if err := copyExecutable(filepath.Join(binDir, name), filepath.Join(dir, name)); err != nil {
			_ = os.RemoveAll(dir)
			return "", err
		}
	}
	return dir, nil
}

func copyExecutable(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o755)
	if err != nil {
		return err
	}
	_, err = io.Copy(dst, src)
	return errors.Join(err, dst.Close())
}

// sourceRevision names the commit the binaries were built from, and says
// when the tree had uncommitted changes.
func sourceRevision() string {
	rev, err := exec.Command("git", "rev-parse", "--short", "HEAD").Output()
	if err != nil {
		return "unknown"
	}
	s := strings.TrimSpace(string(rev))
	if dirty, _ := exec.Command("git", "status", "--porcelain", "--untracked-files=no").Output(); len(dirty) > 0 {
		s += " with uncommitted changes"
	}
	return s
}
