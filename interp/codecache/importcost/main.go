// Command importcost measures what the code cache saves when big
// standard-library modules are imported (docs/performance.md, "Import cost
// and the code cache").
//
// Each round starts child processes of itself, so that every "first"
// import really is the first of its process: in each child, one fresh
// interpreter imports the modules, then a second fresh interpreter imports
// them again. The children differ in the cache they run with: none
// (PARALLEL_NO_CACHE), memory only (the first import compiles, the second
// finds the templates in memory), and memory over a warm disk directory
// (the first import reads the templates from disk). With -bin it also
// times whole runs of `BIN run -c "import ..."`: cold (empty cache
// directory), warm, and with PARALLEL_NO_CACHE=1. Every figure is the
// median of -rounds runs, as wall time and as the process's CPU time
// (user+system; steadier on a busy machine).
//
//	go build -o /tmp/cc/par ./cmd/parallel
//	go run ./interp/codecache/importcost -bin /tmp/cc/par
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/interp/codecache"
	"github.com/parallel-py/parallel/interp/compile"
	_ "github.com/parallel-py/parallel/interp/modules" // the built-in modules register themselves
	"github.com/parallel-py/parallel/interp/stdlib"
	"github.com/parallel-py/parallel/interp/syntax"
)

func main() {
	rounds := flag.Int("rounds", 7, "runs per figure (the median is shown)")
	bin := flag.String("bin", "", "a parallel binary to time whole runs of")
	mods := flag.String("modules", "typing,dataclasses,enum,json,re,collections,argparse,logging", "the modules to import")
	child := flag.String("child", "", "internal: run one measurement (none, memory or disk) and print it")
	dir := flag.String("dir", "", "internal: the warm cache directory of -child disk")
	profile := flag.String("profile", "", "internal: first:FILE or second:FILE writes a CPU profile of -child's first or second import")
	flag.Parse()
	lib, err := stdlib.Find()
	if err != nil {
		fail(err)
	}
	path := []string{"", lib.Dir}
	if *child != "" {
		runChild(path, *child, *dir, *mods, *profile)
		return
	}

	// Which modules import at all, each in a fresh interpreter.
	codecache.SetDefault(codecache.New(codecache.Options{}))
	var ok []string
	for _, m := range strings.Split(*mods, ",") {
		if msg := importIn(path, m); msg != "" {
			fmt.Printf("import %s fails: %s\n", m, msg)
			continue
		}
		ok = append(ok, m)
	}
	if len(ok) == 0 {
		fail(fmt.Errorf("no module imports"))
	}
	list := strings.Join(ok, ",")
	stmt := "import " + strings.Join(ok, ", ")
	fmt.Printf("measuring %q, %d rounds, %s, GOMAXPROCS %d\n\n", stmt, *rounds, runtime.Version(), runtime.GOMAXPROCS(0))

	warmDir, err := os.MkdirTemp("", "importcost-")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(warmDir)
	self, err := os.Executable()
	if err != nil {
		fail(err)
	}
	// A first child fills the disk directory.
	childRun(self, "disk", warmDir, list)

	kinds := []string{"none", "memory", "disk"}
	res := map[string]*[4][]time.Duration{}
	for _, k := range kinds {
		res[k] = new([4][]time.Duration)
	}
	for range *rounds {
		for _, k := range kinds {
			got := childRun(self, k, warmDir, list)
			for i := range got {
				res[k][i] = append(res[k][i], got[i])
			}
		}
	}
	base := res["memory"]
	fmt.Println("one process, two fresh interpreters importing in turn (median wall, CPU ms):")
	line := func(what string, r *[4][]time.Duration, i int) {
		w, c := median(r[2*i]), median(r[2*i+1])
		fmt.Printf("  %-44s %7.1f %7.1f  (%3.0f%%, %3.0f%% of the first)\n", what, ms(w), ms(c),
			100*float64(w)/float64(median(base[0])), 100*float64(c)/float64(median(base[1])))
	}
	line("no cache: first import", res["none"], 0)
	line("no cache: second import", res["none"], 1)
	line("memory cache: first import (compiles)", base, 0)
	line("memory cache: second import (memory hits)", base, 1)
	line("warm disk: first import (disk hits)", res["disk"], 0)
	line("warm disk: second import (memory hits)", res["disk"], 1)

	if *bin == "" {
		return
	}
	tmp, err := os.MkdirTemp("", "importcost-proc-")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(tmp)
	cacheDir := filepath.Join(tmp, "cache")
	var runs [3][2][]time.Duration // none, cold, warm × wall, CPU
	add := func(i int, noCache bool) {
		w, c := timeRun(*bin, stmt, cacheDir, noCache)
		runs[i][0] = append(runs[i][0], w)
		runs[i][1] = append(runs[i][1], c)
	}
	for range *rounds {
		os.RemoveAll(cacheDir)
		add(1, false)
		add(2, false)
		add(0, true)
	}
	fmt.Printf("\nwhole runs of %s run -c %q (median wall, CPU ms):\n", filepath.Base(*bin), stmt)
	for i, what := range []string{"PARALLEL_NO_CACHE=1", "cold (empty cache directory)", "warm (disk cache)"} {
		w, c := median(runs[i][0]), median(runs[i][1])
		fmt.Printf("  %-44s %7.1f %7.1f  (%3.0f%%, %3.0f%% of cold)\n", what, ms(w), ms(c),
			100*float64(w)/float64(median(runs[1][0])), 100*float64(c)/float64(median(runs[1][1])))
	}
}

// runChild is one child process: two fresh interpreters import the
// modules in turn; it prints their wall and CPU times in nanoseconds.
func runChild(path []string, kind, dir, mods, profile string) {
	switch kind {
	case "none":
		codecache.SetDefault(nil)
	case "memory":
		codecache.SetDefault(codecache.New(codecache.Options{}))
	case "disk":
		codecache.SetDefault(codecache.New(codecache.Options{Dir: dir}))
	default:
		fail(fmt.Errorf("unknown -child %q", kind))
	}
	stmt := "import " + strings.ReplaceAll(mods, ",", ", ")
	startProfile := func(which string) func() {
		file, ok := strings.CutPrefix(profile, which+":")
		if !ok {
			return func() {}
		}
		f, err := os.Create(file)
		if err != nil {
			fail(err)
		}
		pprof.StartCPUProfile(f)
		return func() { pprof.StopCPUProfile(); f.Close() }
	}
	stop := startProfile("first")
	w1, c1 := timeImport(path, stmt)
	stop()
	stop = startProfile("second")
	w2, c2 := timeImport(path, stmt)
	stop()
	fmt.Println(int64(w1), int64(c1), int64(w2), int64(c2))
}

func childRun(self, kind, dir, mods string) [4]time.Duration {
	out, err := exec.Command(self, "-child", kind, "-dir", dir, "-modules", mods).Output()
	if err != nil {
		fail(fmt.Errorf("child %s: %v", kind, err))
	}
	var r [4]time.Duration
	if _, err := fmt.Sscan(string(out), &r[0], &r[1], &r[2], &r[3]); err != nil {
		fail(fmt.Errorf("child %s said %q", kind, out))
	}
	return r
}

// importIn imports module m in a fresh interpreter and returns the error's
// last line, or "".
func importIn(path []string, m string) string {
	in := interp.New(interp.Options{Stdout: io.Discard, Stderr: io.Discard, Path: path})
	defer in.Close()
	err := in.RunMain(program("import " + m))
	if err == nil {
		return ""
	}
	var b strings.Builder
	in.PrintException(&b, err, nil)
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	return lines[len(lines)-1]
}

// timeImport runs stmt in a fresh interpreter and returns how long the
// import took, wall and process CPU time (the interpreter's start-up and
// teardown not included).
func timeImport(path []string, stmt string) (wall, cpu time.Duration) {
	code := program(stmt)
	in := interp.New(interp.Options{Stdout: io.Discard, Stderr: io.Discard, Path: path})
	defer in.Close()
	c0, start := cpuTime(), time.Now()
	if err := in.RunMain(code); err != nil {
		fail(fmt.Errorf("%s: %v", stmt, err))
	}
	return time.Since(start), cpuTime() - c0
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// program compiles the main program itself without the cache.
func program(src string) *compile.Code {
	mod, err := syntax.Parse("<string>", []byte(src), syntax.ModeExec)
	if err != nil {
		fail(err)
	}
	code, err := compile.Compile(mod, "<string>", syntax.ModeExec, compile.Options{})
	if err != nil {
		fail(err)
	}
	return code
}

func timeRun(bin, stmt, cacheDir string, noCache bool) (wall, cpu time.Duration) {
	cmd := exec.Command(bin, "run", "-c", stmt)
	cmd.Env = append(os.Environ(), "PARALLEL_CACHE_DIR="+cacheDir, "PARALLEL_NO_CACHE=0")
	if noCache {
		cmd.Env = append(cmd.Env, "PARALLEL_NO_CACHE=1")
	}
	start := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		fail(fmt.Errorf("%s run -c %q: %v\n%s", bin, stmt, err, out))
	}
	return time.Since(start), cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func fail(err error) {
	fmt.Fprintln(os.Stderr, "importcost:", err)
	os.Exit(1)
}
