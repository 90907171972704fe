package codecache

// The disk layer. Under the cache root, each compiler identity has a
// directory code-<hash of identity and format versions>; in it each
// (absolute file name, mode, options) has one file <hash>.code:
//
//	magic "PARCACHE", uvarint diskFormat
//	identity, file name, options key (uvarint length + bytes each)
//	32 bytes: SHA-256 of the source
//	40 bytes: the source file's Stamp (stamp.go; zero for none), five
//	  little-endian 64-bit words: Dev, Ino, Size, Mtime, Ctime
//	compile.Marshal of the template (its own version and checksum)
//
// A read compares every header field with what is wanted, so a file for
// an edited source (stale), another build or another file (a hash
// collision) is ignored and then overwritten; compile.Unmarshal rejects
// corrupt or truncated contents. The source is digested only when the
// caller's stamp is not the recorded one; when the digests then agree (a
// file touched, or first recorded when too recent to stamp), the file is
// rewritten with the new stamp, so the next read need not digest. A write goes to a temporary file in the
// same directory, renamed over the name: readers in other processes see
// the old file or the new one, never half of one, and concurrent writers
// of the same template write the same bytes. The program given with -c or
// on standard input ("<string>", "<stdin>") stays in memory only.

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/parallel-py/parallel/interp/compile"
)

// diskFormat numbers the header layout above.
const diskFormat = 2

var diskMagic = []byte("PARCACHE")

// keepGenerations is how many identity directories (builds of the binary)
// stay under the root; making a new one removes the least recently
// written beyond that, so rebuilding does not fill the disk.
const keepGenerations = 8

const dirPrefix = "code-"

type disk struct {
	root, identity string

	resolve sync.Once
	dir     string      // root/code-<hash>, once resolved
	off     atomic.Bool // no identity: the layer is off
	noWrite atomic.Bool // a write failed: stop writing, keep reading

	prepare     sync.Once
	prepareFail atomic.Bool
}

func newDisk(root, identity string) *disk {
	return &disk{root: root, identity: identity}
}

// ready resolves the compiler identity once; false turns the layer off.
func (d *disk) ready() bool {
	d.resolve.Do(func() {
		if d.identity == "" {
			d.identity = executableIdentity()
		}
		if d.identity == "" {
			d.off.Store(true)
			return
		}
		h := sha256.Sum256(fmt.Appendf(nil, "%s\x00compile format %d\x00disk format %d", d.identity, compile.FormatVersion, diskFormat))
		d.dir = filepath.Join(d.root, dirPrefix+hex.EncodeToString(h[:8]))
	})
	return !d.off.Load()
}

// memoryOnly are the names of sources that change from run to run: the
// program given with -c or on standard input, and compile()'s default.
var memoryOnly = map[string]bool{"": true, "<string>": true, "<stdin>": true}

// path returns the file of k, or false when k stays in memory only. A
// source file has one cache file, rewritten when the source changes;
// other names in angle brackets ("<frozen importlib._bootstrap>") have
// one per source text, so k must hold the source's digest for them.
func (d *disk) path(k *key) (string, bool) {
	name := k.filename
	if memoryOnly[name] {
		return "", false
	}
	if strings.HasPrefix(name, "<") {
		name += "\x00" + hex.EncodeToString(k.sum[:])
	} else if !filepath.IsAbs(name) {
		abs, err := filepath.Abs(name)
		if err != nil {
			return "", false
		}
		name = abs
	}
	h := sha256.Sum256([]byte(name + "\x00" + k.optsString()))
	return filepath.Join(d.dir, hex.EncodeToString(h[:16])+".code"), true
}

// load returns k's template from disk, or nil. It digests src into k
// when it has to.
func (d *disk) load(c *Cache, k *key, src []byte) *compile.Code {
	if d == nil || !d.ready() || memoryOnly[k.filename] {
		return nil
	}
	if strings.HasPrefix(k.filename, "<") {
		k.digest(src)
	}
	p, ok := d.path(k)
	if !ok {
		return nil
	}
	data, err := os.ReadFile(p)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			c.stats.diskErrors.Add(1)
		}
		return nil
	}
	code, restamp, err := d.decode(data, k, src)
	if err != nil {
		c.stats.diskRejects.Add(1)
		return nil
	}
	if restamp >= 0 && !d.noWrite.Load() {
		buf := d.appendHeader(make([]byte, 0, len(data)+64), k)
		buf = append(buf, data[restamp:]...)
		if err := writeAtomic(d.dir, p, buf); err != nil {
			c.stats.diskErrors.Add(1)
			d.noWrite.Store(true)
		} else {
			c.stats.diskWrites.Add(1)
		}
	}
	return code
}

// decode checks a file's header against k and decodes its template. When
// the file should be rewritten with k's stamp, restamp is the offset of
// its template, else -1.
func (d *disk) decode(data []byte, k *key, src []byte) (code *compile.Code, restamp int, err error) {
	restamp = -1
	r := reader{data: data}
	if !bytes.Equal(r.take(len(diskMagic)), diskMagic) || r.uvarint() != diskFormat {
		return nil, -1, errors.New("not a code cache file of this format")
	}
	if string(r.bytes()) != d.identity || string(r.bytes()) != k.filename || string(r.bytes()) != k.optsString() {
		return nil, -1, errors.New("written for another compiler, file or options")
	}
	sum := r.take(sha256.Size)
	recorded := r.stamp()
	if r.bad {
		return nil, -1, errors.New("truncated header")
	}
	if k.stamp == (Stamp{}) || recorded != k.stamp {
		k.digest(src)
		if !bytes.Equal(sum, k.sum[:]) {
			return nil, -1, errors.New("stale: the source has changed")
		}
		if k.stamp != (Stamp{}) {
			restamp = r.off
		}
	}
	code, err = compile.Unmarshal(r.data[r.off:])
	if err != nil {
		return nil, -1, err
	}
	if code.Filename != k.filename {
		return nil, -1, errors.New("template of another file")
	}
	return code, restamp, nil
}

// appendHeader appends the header of k's file to buf; k holds the
// source's digest.
func (d *disk) appendHeader(buf []byte, k *key) []byte {
	buf = append(buf, diskMagic...)
	buf = binary.AppendUvarint(buf, diskFormat)
	for _, s := range []string{d.identity, k.filename, k.optsString()} {
		buf = binary.AppendUvarint(buf, uint64(len(s)))
		buf = append(buf, s...)
	}
	buf = append(buf, k.sum[:]...)
	for _, w := range []uint64{k.stamp.Dev, k.stamp.Ino, uint64(k.stamp.Size), uint64(k.stamp.Mtime), uint64(k.stamp.Ctime)} {
		buf = binary.LittleEndian.AppendUint64(buf, w)
	}
	return buf
}

func (d *disk) encode(k *key, code *compile.Code) ([]byte, error) {
	return compile.AppendMarshal(d.appendHeader(nil, k), code)
}

// store writes k's template, atomically. A failure stops later writes.
// k holds the source's digest.
func (d *disk) store(c *Cache, k *key, code *compile.Code) {
	if d == nil || !d.ready() || d.noWrite.Load() {
		return
	}
	p, ok := d.path(k)
	if !ok || !d.makeDir() {
		return
	}
	data, err := d.encode(k, code)
	if err != nil {
		// Only a Code layout this build's Marshal does not know; the
		// memory layer still works.
		c.stats.diskErrors.Add(1)
		d.noWrite.Store(true)
		return
	}
	if err := writeAtomic(d.dir, p, data); err != nil {
		c.stats.diskErrors.Add(1)
		d.noWrite.Store(true)
		return
	}
	c.stats.diskWrites.Add(1)
}

// makeDir creates the identity directory once, pruning old generations
// when it is new.
func (d *disk) makeDir() bool {
	d.prepare.Do(func() {
		_, err := os.Stat(d.dir)
		isNew := errors.Is(err, fs.ErrNotExist)
		if err := os.MkdirAll(d.dir, 0o700); err != nil {
			d.prepareFail.Store(true)
			d.noWrite.Store(true)
			return
		}
		if isNew {
			pruneGenerations(d.root, filepath.Base(d.dir))
		}
	})
	return !d.prepareFail.Load()
}

func writeAtomic(dir, path string, data []byte) error {
	f, err := os.CreateTemp(dir, "tmp-*")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// pruneGenerations removes the identity directories under root beyond the
// keepGenerations most recently modified (ours, just made, among them).
// It touches nothing whose name is not one this package makes; errors
// (another process pruning too) are ignored.
func pruneGenerations(root, ours string) {
	entries, err := os.ReadDir(root)
	if err != nil {
		return
	}
	type gen struct {
		name string
		mod  time.Time
	}
	var gens []gen
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() || name == ours || !isGenerationName(name) {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		gens = append(gens, gen{name, info.ModTime()})
	}
	slices.SortFunc(gens, func(a, b gen) int { return b.mod.Compare(a.mod) })
	for i := keepGenerations - 1; i < len(gens); i++ {
		os.RemoveAll(filepath.Join(root, gens[i].name))
	}
}

func isGenerationName(name string) bool {
	h, ok := strings.CutPrefix(name, dirPrefix)
	if !ok || len(h) != 16 {
		return false
	}
	_, err := hex.DecodeString(h)
	return err == nil
}

// reader reads a file header; bad records a read past the end, after
// which everything reads as zero.
type reader struct {
	data []byte
	off  int
	bad  bool
}

func (r *reader) take(n int) []byte {
	if r.bad || n < 0 || n > len(r.data)-r.off {
		r.bad = true
		return nil
	}
	b := r.data[r.off : r.off+n]
	r.off += n
	return b
}

func (r *reader) uvarint() uint64 {
	if r.bad {
		return 0
	}
	x, n := binary.Uvarint(r.data[r.off:])
	if n <= 0 {
		r.bad = true
		return 0
	}
	r.off += n
	return x
}

// bytes reads a length and as many bytes, not copied (comparing them as
// a string allocates nothing).
func (r *reader) bytes() []byte {
	n := r.uvarint()
	if n > uint64(len(r.data)-r.off) {
		r.bad = true
		return nil
	}
	return r.take(int(n))
}

// stamp reads a Stamp.
func (r *reader) stamp() Stamp {
	var w [5]uint64
	for i := range w {
		if b := r.take(8); b != nil {
			w[i] = binary.LittleEndian.Uint64(b)
		}
	}
	return Stamp{Dev: w[0], Ino: w[1], Size: int64(w[2]), Mtime: int64(w[3]), Ctime: int64(w[4])}
}
