// Package codecache caches compiled code templates so that a module's
// source is parsed and compiled once per process, and, through a directory
// of files, once per build of the binary: Compile looks in memory, then on
// disk, then compiles, and remembers what it got in both places.
//
// It owns the process-wide memory cache (templates keyed by the source
// text, or the SHA-256 of a larger source, the file name, the mode and
// the compiler options) and the disk layer (disk.go: files named by the
// absolute path, mode, options and compiler identity, each holding the
// source hash it was compiled from and the template in compile.Marshal's
// form). Sharing is sound because a
// compile.Code is immutable once compiled and holds only plain Go data (no
// run-time objects), so one template serves every interpreter, and
// package interp builds its immortal run-time Code once per template.
//
// It must not change what programs see: a template it returns is exactly
// the one compile.Compile would give for the same source, file name, mode
// and options, and syntax errors pass through unchanged and are never
// cached. A disk file that is corrupt, truncated, written by another build
// or for other source is ignored and rewritten; disk trouble of any kind
// (no cache directory, unwritable, full) only turns the disk layer off.
// It must not import package interp (interp imports it), nor hold on to
// anything of an interpreter.
//
// Environment: PARALLEL_NO_CACHE=1 turns both layers off;
// PARALLEL_CACHE_DIR names the directory, by default
// os.UserCacheDir()/parallel. Both are read once, at the first Compile.
// The directory must be writable only by its owner: a file put there is
// code the next process runs.
package codecache

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/parallel-py/parallel/interp/compile"
	"github.com/parallel-py/parallel/interp/syntax"
)

// Environment variables read by Default.
const (
	EnvNoCache = "PARALLEL_NO_CACHE"
	EnvDir     = "PARALLEL_CACHE_DIR"
)

// Options configure a Cache.
type Options struct {
	// Dir is the disk layer's directory; "" keeps templates in memory only.
	Dir string
	// NoMemory turns the memory layer off (to measure the disk layer).
	NoMemory bool
	// Identity names the compiler the templates come from; files written
	// under one identity are never read under another. "" means this
	// executable's Go build ID (see identity.go); when that cannot be
	// read the disk layer stays off.
	Identity string
}

// Cache is a two-layer cache of compiled templates. Its methods are safe
// for concurrent use; a nil *Cache compiles every time.
type Cache struct {
	noMemory bool
	mem      sync.Map // memKey -> *compile.Code
	disk     *disk    // nil: no disk layer
	stats    struct {
		memHits, diskHits, compiles, diskWrites, diskRejects, diskErrors atomic.Int64
	}
}

// key identifies a template on disk.
type key struct {
	sum      [sha256.Size]byte // of the source, once hasSum
	hasSum   bool
	stamp    Stamp // of the source file, or zero
	filename string
	mode     syntax.Mode
	opts     compile.Options
}

// digest sets k.sum to the digest of src, once.
func (k *key) digest(src []byte) {
	if !k.hasSum {
		k.sum, k.hasSum = sha256.Sum256(src), true
	}
}

// memKey identifies a template in the memory layer: a small source by
// its text, which is quicker to hash and compare than to digest (Exec of
// a short snippet looks it up every time), a larger one by its file's
// stamp when it has one, else by its digest, so that the layer does not
// keep every module's text.
type memKey struct {
	text     string            // a small source, else ""
	sum      [sha256.Size]byte // a larger source's digest, else zero
	stamp    Stamp             // a larger source's stamp, else zero
	filename string
	mode     syntax.Mode
	opts     compile.Options
}

// memTextMax is the largest source the memory layer keys by its text.
const memTextMax = 4 << 10

// Keys compare by value, every field of compile.Options included: a
// field added there that cannot be compared breaks the build here rather
// than the memory layer's lookups at run time.
var (
	_ map[key]struct{}
	_ map[memKey]struct{}
)

// optsString spells out k's mode and options for the disk layer.
func (k key) optsString() string { return optionsKey(k.mode, k.opts) }

// New returns a cache with its own memory layer.
func New(opts Options) *Cache {
	c := &Cache{noMemory: opts.NoMemory}
	if opts.Dir != "" {
		c.disk = newDisk(opts.Dir, opts.Identity)
	}
	return c
}

var (
	defaultOnce  sync.Once
	defaultCache atomic.Pointer[Cache]
)

// Default returns the process-wide cache configured from the environment
// (nil, which compiles every time, under PARALLEL_NO_CACHE=1).
func Default() *Cache {
	defaultOnce.Do(func() { defaultCache.Store(fromEnv(os.Getenv, os.UserCacheDir)) })
	return defaultCache.Load()
}

// fromEnv builds the cache the environment asks for.
func fromEnv(getenv func(string) string, userCacheDir func() (string, error)) *Cache {
	if v := getenv(EnvNoCache); v != "" && v != "0" {
		return nil
	}
	dir := getenv(EnvDir)
	if dir == "" {
		if d, err := userCacheDir(); err == nil {
			dir = filepath.Join(d, "parallel")
		}
	}
	return New(Options{Dir: dir})
}

// SetDefault replaces the process-wide cache (nil: none), for tests and
// measurements; it should be called before anything compiles.
func SetDefault(c *Cache) {
	defaultOnce.Do(func() {})
	defaultCache.Store(c)
}

// Compile returns the template of src through the process-wide cache; it
// is compile.CompileSource with the same arguments.
func Compile(filename string, src []byte, mode syntax.Mode, opts compile.Options) (*compile.Code, error) {
	return Default().Compile(filename, src, mode, opts)
}

// CompileFile is Compile for the source of the file filename, read
// after taking its stamp st (see ReadSource): a template recorded under
// the same stamp is taken without digesting the source. A zero stamp
// makes it Compile.
func CompileFile(filename string, src []byte, st Stamp, mode syntax.Mode, opts compile.Options) (*compile.Code, error) {
	return Default().CompileFile(filename, src, st, mode, opts)
}

// Compile returns the template of src compiled as filename in mode with
// opts: from memory, else from disk, else compiled (and then stored in
// both, unless compiling issued warnings: see compile.Code.Warnings).
// Errors are compile.CompileSource's, unchanged.
func (c *Cache) Compile(filename string, src []byte, mode syntax.Mode, opts compile.Options) (*compile.Code, error) {
	return c.CompileFile(filename, src, Stamp{}, mode, opts)
}

// CompileFile is Compile for a file's source read after taking its stamp
// st; see the package function.
func (c *Cache) CompileFile(filename string, src []byte, st Stamp, mode syntax.Mode, opts compile.Options) (*compile.Code, error) {
	if c == nil {
		return compileNow(filename, src, mode, opts)
	}
	if strings.HasPrefix(filename, "<") || st.Size != int64(len(src)) {
		// A name in angle brackets is cached by its source text; a
		// stamp whose size is not the source's was not taken of it.
		st = Stamp{}
	}
	mk := memKey{filename: filename, mode: mode, opts: opts}
	k := key{stamp: st, filename: filename, mode: mode, opts: opts}
	small := len(src) <= memTextMax
	if small {
		// Looked up without a copy: Load keeps nothing of its key.
		mk.text = unsafe.String(unsafe.SliceData(src), len(src))
	} else if st != (Stamp{}) {
		mk.stamp = st
	} else {
		k.digest(src)
		mk.sum = k.sum
	}
	if !c.noMemory {
		if v, ok := c.mem.Load(mk); ok {
			c.stats.memHits.Add(1)
			return v.(*compile.Code), nil
		}
	}
	code := c.disk.load(c, &k, src)
	if code != nil {
		c.stats.diskHits.Add(1)
	} else {
		var err error
		if code, err = compileNow(filename, src, mode, opts); err != nil {
			return nil, err
		}
		c.stats.compiles.Add(1)
		if len(code.Warnings) > 0 {
			// CPython compiles such a source, and so warns, each time
			// it loads it when it writes no .pyc file (as under
			// PYTHONDONTWRITEBYTECODE); a cached template would hide
			// the warnings, or keep a warning made an error from
			// failing again.
			return code, nil
		}
		k.digest(src)
		c.disk.store(c, &k, code)
	}
	if c.noMemory {
		return code, nil
	}
	if small {
		mk.text = string(src) // the stored key owns its text
	}
	// Two interpreters may compile the same source at once; both get the
	// template stored first, so they also share its run-time Code.
	v, _ := c.mem.LoadOrStore(mk, code)
	return v.(*compile.Code), nil
}

func compileNow(filename string, src []byte, mode syntax.Mode, opts compile.Options) (*compile.Code, error) {
	return compile.CompileSource(filename, src, mode, opts)
}

// optionsKey spells out everything besides the source and file name that
// Compile's result depends on, for the disk layer's file names and
// headers (the memory layer compares the values themselves). %#v names
// every field of compile.Options, so a knob added there later is part of
// the key without a change here.
func optionsKey(mode syntax.Mode, opts compile.Options) string {
	return fmt.Sprintf("mode=%d %#v", mode, opts)
}

// Stats counts what a Cache did.
type Stats struct {
	MemoryHits  int64 // templates found in memory
	DiskHits    int64 // templates read from disk
	Compiles    int64 // sources compiled (syntax errors not counted)
	DiskWrites  int64 // files written
	DiskRejects int64 // files found but ignored: corrupt, stale or foreign
	DiskErrors  int64 // reads and writes that failed
}

// Stats returns the counts so far (zero for a nil Cache).
func (c *Cache) Stats() Stats {
	if c == nil {
		return Stats{}
	}
	return Stats{
		MemoryHits:  c.stats.memHits.Load(),
		DiskHits:    c.stats.diskHits.Load(),
		Compiles:    c.stats.compiles.Load(),
		DiskWrites:  c.stats.diskWrites.Load(),
		DiskRejects: c.stats.diskRejects.Load(),
		DiskErrors:  c.stats.diskErrors.Load(),
	}
}

// DiskDir returns the directory this cache's files go to under its
// compiler identity, or "" when the disk layer is off.
func (c *Cache) DiskDir() string {
	if c == nil || c.disk == nil || !c.disk.ready() {
		return ""
	}
	return c.disk.dir
}
