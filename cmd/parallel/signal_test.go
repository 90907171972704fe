package main

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestRunInterrupt sends SIGINT to a running program: the first one is
// caught as KeyboardInterrupt inside a try, the second ends the program
// with CPython's traceback and exit status 130.
func TestRunInterrupt(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "parallel")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	src := "import sys\ntry:\n    print('ready', flush=True)\n    while True:\n        pass\nexcept KeyboardInterrupt:\n    print('caught', flush=True)\nwhile True:\n    pass\n"
	cmd := exec.Command(bin, "run", "-c", src)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(stdout)
	for _, want := range []string{"ready", "caught"} {
		if want == "caught" {
			cmd.Process.Signal(os.Interrupt)
		}
		done := make(chan bool, 1)
		go func() { done <- lines.Scan() }()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			cmd.Process.Kill()
			t.Fatalf("no %q line", want)
		}
		if got := lines.Text(); got != want {
			t.Fatalf("got %q, want %q", got, want)
		}
	}
	time.Sleep(100 * time.Millisecond)
	cmd.Process.Signal(syscall.SIGINT)
	err = cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 130 {
		t.Fatalf("exit: %v, want status 130; stderr:\n%s", err, stderr.String())
	}
	if !strings.HasSuffix(stderr.String(), "\nKeyboardInterrupt\n") || !strings.HasPrefix(stderr.String(), "Traceback (most recent call last):\n") {
		t.Errorf("stderr:\n%s", stderr.String())
	}
}
