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
// when the tree had uncommitted changes other than the report itself (a run
// rewrites it).
func sourceRevision(report string) string {
	rev, err := exec.Command("git", "rev-parse", "--short", "HEAD").Output()
	if err != nil {
		return "unknown"
	}
	s := strings.TrimSpace(string(rev))
	args := []string{"status", "--porcelain", "--untracked-files=no", "--", "."}
	if abs, err := filepath.Abs(report); err == nil {
		args = append(args, ":(exclude,top)"+gitRelative(abs))
	}
	if dirty, _ := exec.Command("git", args...).Output(); len(dirty) > 0 {
		s += " with uncommitted changes"
	}
	return s
}

// gitRelative is path relative to the top of the git tree ("" outside one).
func gitRelative(path string) string {
	top, err := exec.Command("git", "rev-parse", "--show-toplevel").Output()
	if err != nil {
		return ""
	}
	rel, err := filepath.Rel(strings.TrimSpace(string(top)), path)
	if err != nil {
		return ""
	}
	return rel
}
