package codecache

import (
	"io/fs"
	"syscall"
)

func sysStamp(fi fs.FileInfo) (Stamp, bool) {
	s, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return Stamp{}, false
	}
	return Stamp{
		Dev:   uint64(s.Dev),
		Ino:   uint64(s.Ino),
		Size:  s.Size,
		Mtime: s.Mtim.Nano(),
		Ctime: s.Ctim.Nano(),
	}, true
}
