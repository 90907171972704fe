//go:build linux

package modules

import (
	"syscall"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
)

// scandir and its DirEntry objects: the entries of a directory with the
// type the directory itself records (d_type), so that is_dir and
// is_file need no stat for most entries, and a stat cached per entry.
// The iterator reads the directory when scandir is called (a snapshot,
// which readdir does not promise to differ from) and closes it at once;
// so an error reading it is raised by scandir rather than by next.
// scandir of a descriptor gives entries whose path is the name and
// that stat relative to the descriptor, which must stay open while
// they are used (os.fwalk and shutil.rmtree's safe path rely on it).

// Directory entry types (d_type).
const (
	dtUnknown = 0
	dtDir     = 4
	dtReg     = 8
	dtLnk     = 10
)

// dirEntryObject is an os.DirEntry.
type dirEntryObject struct {
	alloc.Header
	name, path  interp.Value // str or bytes, as the scandir argument was
	st, lst     interp.Value // the cached stat and lstat results, or empty
	fullName    string       // path's bytes, for the system calls
	dirFD       int          // the scandir descriptor, or AT_FDCWD
	ino         uint64
	dtype       uint8
	nameIsBytes bool
}

var dirEntryType = interp.NewType[dirEntryObject](interp.TypeSpec{
	Name:   "DirEntry",
	Module: "posix",
	Dealloc: func(in *interp.Interp, v interp.Value) {
		e := interp.ObjectOf[dirEntryObject](v)
		releaseAll(in, []interp.Value{e.name, e.path, e.st, e.lst})
	},
	Repr: func(in *interp.Interp, v interp.Value) (interp.Value, error) {
		r, err := reprString(in, interp.ObjectOf[dirEntryObject](v).name)
		if err != nil {
			return interp.Value{}, err
		}
		return in.NewStr("<DirEntry " + r + ">")
	},
})

// scandirObject is the iterator scandir returns.
type scandirObject struct {
	alloc.Header
	ents    []dirent
	pos     int
	prefix  string // the directory's bytes, with a slash, or empty
	dirFD   int    // the descriptor scanned, or AT_FDCWD
	isBytes bool
}

var scandirType = interp.NewType[scandirObject](interp.TypeSpec{
	Name:   "ScandirIterator",
	Module: "posix",
	Iter:   interp.SelfIter,
	Next: func(in *interp.Interp, v interp.Value) (interp.Value, bool, error) {
		s := interp.ObjectOf[scandirObject](v)
		if s.pos >= len(s.ents) {
			s.ents = nil
			return interp.Value{}, false, nil
		}
		ent := s.ents[s.pos]
		s.pos++
		e, err := newDirEntry(in, s, ent)
		return e, err == nil, err
	},
})

var scandirParams = interp.Params{Func: "scandir", Names: []string{"path"}}

// newDirEntry makes the DirEntry of ent.
func newDirEntry(in *interp.Interp, s *scandirObject, ent dirent) (interp.Value, error) {
	name, err := nameResult(in, ent.name, s.isBytes)
	if err != nil {
		return interp.Value{}, err
	}
	full := s.prefix + ent.name
	var path interp.Value
	if s.prefix == "" {
		path = name
		interp.IncRef(path)
	} else if path, err = nameResult(in, full, s.isBytes); err != nil {
		in.DecRef(name)
		return interp.Value{}, err
	}
	e, err := interp.NewObject[dirEntryObject](in, dirEntryType)
	if err != nil {
		in.DecRef(name)
		in.DecRef(path)
		return interp.Value{}, err
	}
	e.name, e.path, e.fullName, e.ino, e.dtype, e.nameIsBytes = name, path, full, ent.ino, ent.dtype, s.isBytes
	e.dirFD = s.dirFD
	return interp.ValueOf(e), nil
}

// fetchStat returns the entry's stat (follow) or lstat result,
// borrowed, stat-ing on first use.
func (e *dirEntryObject) fetchStat(in *interp.Interp, follow bool) (interp.Value, error) {
	if !follow {
		if e.lst.IsNil() {
			p := pathArg{obj: e.path, name: e.fullName}
			st, err := statPath(in, &p, e.dirFD, false)
			if err != nil {
				return interp.Value{}, err
			}
			e.lst = st
		}
		return e.lst, nil
	}
	if e.st.IsNil() {
		link, err := e.isSymlink(in)
		if err != nil {
			return interp.Value{}, err
		}
		if !link {
			st, err := e.fetchStat(in, false)
			if err != nil {
				return interp.Value{}, err
			}
			interp.IncRef(st)
			e.st = st
		} else {
			p := pathArg{obj: e.path, name: e.fullName}
			st, err := statPath(in, &p, e.dirFD, true)
			if err != nil {
				return interp.Value{}, err
			}
			e.st = st
		}
	}
	return e.st, nil
}

// isSymlink is DirEntry.is_symlink().
func (e *dirEntryObject) isSymlink(in *interp.Interp) (bool, error) {
	if e.dtype != dtUnknown {
		return e.dtype == dtLnk, nil
	}
	return e.testMode(in, false, syscall.S_IFLNK)
}

// testMode reports whether the entry's file type is mode, from d_type
// when that suffices, else from a stat; a file gone since the scan is
// no such thing.
func (e *dirEntryObject) testMode(in *interp.Interp, follow bool, mode uint32) (bool, error) {
	needStat := e.dtype == dtUnknown
	if !needStat && follow {
		needStat = e.dtype == dtLnk
	}
	if !needStat {
		switch mode {
		case syscall.S_IFDIR:
			return e.dtype == dtDir, nil
		case syscall.S_IFREG:
			return e.dtype == dtReg, nil
		}
		return e.dtype == dtLnk, nil
	}
	st, err := e.fetchStat(in, follow)
	if err != nil {
		if interp.ErrorIs(err, interp.ExcType("FileNotFoundError")) {
			in.DiscardError(err)
			return false, nil
		}
		return false, err
	}
	m, _ := interp.IntValue(interp.StructSeqFields(st)[0])
	return uint32(m)&syscall.S_IFMT == mode, nil
}

var followParams = map[string]*interp.Params{}

// followArg parses a method's keyword-only follow_symlinks argument.
func followArg(in *interp.Interp, fname string, args, kwnames []interp.Value) (bool, error) {
	p := followParams[fname]
	var follow interp.Value
	if err := in.Unpack(p, args[1:], kwnames, &follow); err != nil {
		return false, err
	}
	return boolArg(in, follow, true)
}

func init() {
	for _, name := range []string{"is_dir", "is_file", "stat"} {
		followParams[name] = &interp.Params{Func: name, Names: []string{"follow_symlinks"}, KwOnly: 1}
	}
	dirEntryType.AddMember("name", "name", true)
	dirEntryType.AddMember("path", "path", true)
	entry := func(args []interp.Value) *dirEntryObject { return interp.ObjectOf[dirEntryObject](args[0]) }
	for _, kind := range []struct {
		name string
		mode uint32
	}{{"is_dir", syscall.S_IFDIR}, {"is_file", syscall.S_IFREG}} {
		kind := kind
		dirEntryType.AddMethod(kind.name, func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
			follow, err := followArg(in, kind.name, args, kwnames)
			if err != nil {
				return interp.Value{}, err
			}
			ok, err := entry(args).testMode(in, follow, kind.mode)
			return interp.Bool(ok), err
		})
	}
	dirEntryType.AddMethod("stat", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		follow, err := followArg(in, "stat", args, kwnames)
		if err != nil {
			return interp.Value{}, err
		}
		st, err := entry(args).fetchStat(in, follow)
		if err != nil {
			return interp.Value{}, err
		}
		interp.IncRef(st)
		return st, nil
	})
	dirEntryType.AddMethod("is_symlink", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := in.MethNoArgs("DirEntry.is_symlink", args, kwnames); err != nil {
			return interp.Value{}, err
		}
		ok, err := entry(args).isSymlink(in)
		return interp.Bool(ok), err
	})
	dirEntryType.AddMethod("is_junction", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := in.MethNoArgs("DirEntry.is_junction", args, kwnames); err != nil {
			return interp.Value{}, err
		}
		return interp.False, nil
	})
	dirEntryType.AddMethod("inode", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := in.MethNoArgs("DirEntry.inode", args, kwnames); err != nil {
			return interp.Value{}, err
		}
		return uintValue(in, entry(args).ino)
	})
	dirEntryType.AddMethod("__fspath__", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := in.MethNoArgs("DirEntry.__fspath__", args, kwnames); err != nil {
			return interp.Value{}, err
		}
		p := entry(args).path
		interp.IncRef(p)
		return p, nil
	})
	dirEntryType.AddClassMethod("__class_getitem__", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := in.MethOneArg("DirEntry.__class_getitem__", args, kwnames); err != nil {
			return interp.Value{}, err
		}
		return in.GenericAlias(args[0], args[1])
	})

	scandirType.AddMethod("close", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := in.MethNoArgs("ScandirIterator.close", args, kwnames); err != nil {
			return interp.Value{}, err
		}
		s := interp.ObjectOf[scandirObject](args[0])
		s.ents, s.pos = nil, 0
		return interp.None, nil
	})
	scandirType.AddMethod("__enter__", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := in.MethNoArgs("ScandirIterator.__enter__", args, kwnames); err != nil {
			return interp.Value{}, err
		}
		interp.IncRef(args[0])
		return args[0], nil
	})
	scandirType.AddMethod("__exit__", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		if err := in.NoKeywords("ScandirIterator.__exit__", kwnames); err != nil {
			return interp.Value{}, err
		}
		s := interp.ObjectOf[scandirObject](args[0])
		s.ents, s.pos = nil, 0
		return interp.None, nil
	})

	defPosix("scandir", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var path interp.Value
		if err := in.Unpack(&scandirParams, args, kwnames, &path); err != nil {
			return interp.Value{}, err
		}
		p, err := dirArg(in, "scandir", path)
		if err != nil {
			return interp.Value{}, err
		}
		defer p.release(in)
		ents, err := scanDir(in, &p)
		if err != nil {
			return interp.Value{}, err
		}
		s, err := interp.NewObject[scandirObject](in, scandirType)
		if err != nil {
			return interp.Value{}, err
		}
		s.ents, s.isBytes, s.dirFD = ents, p.isBytes, atFDCWD
		if p.isFD {
			s.dirFD = p.fd
		} else {
			s.prefix = p.name
			if s.prefix != "" && s.prefix[len(s.prefix)-1] != '/' {
				s.prefix += "/"
			}
		}
		return interp.ValueOf(s), nil
	})
}
