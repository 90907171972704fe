package codecache

// The compiler's identity for the disk layer: the Go build ID of the
// running executable. The Go toolchain derives it from the content of
// everything linked in, so any change to the compiler (or to anything
// else in the binary) gives a new identity and a fresh directory, with no
// version number for the people editing the compiler to remember; two
// identical builds share their cache. Without a build ID (a binary linked
// with -buildid=) the executable's path, size and modification time stand
// in; without even those the disk layer stays off.
//
// On Linux the identity is read from /proc/self/exe, the running file
// itself, never from a path another build may have replaced.

import (
	"bytes"
	"debug/elf"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"sync"
)

var (
	identityOnce sync.Once
	identity     string
)

// executableIdentity returns this executable's identity, or "".
func executableIdentity() string {
	identityOnce.Do(func() {
		// /proc/self/exe is the running file even after a rebuild has
		// replaced the one at its path: reading the path instead would
		// give the new build's identity to this build's templates.
		exe := "/proc/self/exe"
		if _, err := os.Stat(exe); err != nil {
			if exe, err = os.Executable(); err != nil {
				return
			}
		}
		if id := goBuildID(exe); id != "" {
			identity = "go build id " + id
			return
		}
		if st, err := os.Stat(exe); err == nil {
			identity = fmt.Sprintf("executable %s %d %d", exe, st.Size(), st.ModTime().UnixNano())
		}
	})
	return identity
}

// goBuildID reads the Go build ID of the executable at path: from the ELF
// note Go writes, else from the marker string the linker puts at the
// start of the text of other formats.
func goBuildID(path string) string {
	if f, err := elf.Open(path); err == nil {
		defer f.Close()
		if s := f.Section(".note.go.buildid"); s != nil {
			if data, err := s.Data(); err == nil {
				return parseGoNote(data)
			}
		}
		return ""
	}
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	head := make([]byte, 64<<10)
	n, _ := io.ReadFull(f, head)
	return parseMarker(head[:n])
}

// parseGoNote decodes an ELF note of name "Go" and type 4 (Go's build ID).
func parseGoNote(data []byte) string {
	for len(data) >= 12 {
		namesz := int(binary.LittleEndian.Uint32(data))
		descsz := int(binary.LittleEndian.Uint32(data[4:]))
		typ := binary.LittleEndian.Uint32(data[8:])
		name := 12 + (namesz+3)&^3
		end := name + (descsz+3)&^3
		if namesz < 0 || descsz < 0 || end > len(data) || name+descsz > len(data) {
			return ""
		}
		if typ == 4 && string(bytes.TrimRight(data[12:12+namesz], "\x00")) == "Go" {
			return string(data[name : name+descsz])
		}
		data = data[end:]
	}
	return ""
}

var (
	markerStart = []byte("\xff Go build ID: \"")
	markerEnd   = []byte("\"\n \xff")
)

func parseMarker(head []byte) string {
	i := bytes.Index(head, markerStart)
	if i < 0 {
		return ""
	}
	rest := head[i+len(markerStart):]
	j := bytes.Index(rest, markerEnd)
	if j <= 0 {
		return ""
	}
	return string(rest[:j])
}
