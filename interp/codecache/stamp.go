package codecache

// Stamps: what a source file's inode says about its contents, so that an
// unchanged file is recognised without reading all of it through SHA-256
// (CPython, likewise, trusts a .pyc whose recorded mtime and size match).
// A stamp holds the device and inode numbers, the size, and the
// modification and change times in nanoseconds. The change time cannot be
// set by a user (os.Chtimes sets it to now), so an edit that keeps the
// size and restores the modification time still gives another stamp.
//
// A stamp vouches for the bytes read after it was taken, provided no
// later write can give the file the same stamp again. A write within the
// file system's timestamp granularity of the last one can: reading
// between two such writes would tie the first version's bytes to the
// second version's stamp. So a file changed less than stampSettle before
// the stamp was taken gets none (the zero Stamp, which means: hash the
// source), as git treats a "racily clean" index entry; once the file has
// settled, the next load records its stamp.

import (
	"io"
	"io/fs"
	"os"
	"time"
)

// Stamp identifies one version of a source file; see the comment above.
// The zero Stamp stands for none.
type Stamp struct {
	Dev, Ino     uint64
	Size         int64
	Mtime, Ctime int64 // nanoseconds since the epoch
}

// stampSettle is how long a file must have been left alone for its stamp
// to be trusted: beyond the coarsest timestamps of common file systems
// (FAT's 2 s) and a margin for a file server's clock.
const stampSettle = 3 * time.Second

// stampNow is the clock stamps are judged by (tests move it).
var stampNow = time.Now

// FileStamp returns the stamp of the file fi describes, which must have
// been taken before its contents were read (os.Stat, or Stat of the open
// file, first), or the zero Stamp when the platform gives none or the file
// changed too recently to be judged by its stamp.
func FileStamp(fi fs.FileInfo) Stamp {
	st, ok := sysStamp(fi)
	if !ok || !fi.Mode().IsRegular() {
		return Stamp{}
	}
	settled := stampNow().Add(-stampSettle).UnixNano()
	if st.Mtime >= settled || st.Ctime >= settled {
		return Stamp{}
	}
	return st
}

// ReadSource reads the file at path as os.ReadFile does (with its
// errors), and returns with its contents their stamp, taken from the open
// file before reading it.
func ReadSource(path string) ([]byte, Stamp, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, Stamp{}, err
	}
	defer f.Close()
	var st Stamp
	size := 512
	if fi, err := f.Stat(); err == nil {
		st = FileStamp(fi)
		if n := fi.Size(); n > 0 && int64(int(n)) == n && n < 1<<40 {
			size = int(n) + 1 // one more, to see the end without growing
		}
	}
	data := make([]byte, 0, size)
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err != nil {
			if err == io.EOF {
				return data, st, nil
			}
			return nil, Stamp{}, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}
