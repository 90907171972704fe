//go:build linux

package modules_test

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/parallel-py/parallel/interp"
	"github.com/parallel-py/parallel/interp/compile"
	"github.com/parallel-py/parallel/interp/stdlib"
	"github.com/parallel-py/parallel/interp/syntax"
)

// posixProgram is a program run against CPython's own os, os.path,
// shutil... on top of posix. Each run gets a fresh temporary directory
// as D; the output shows it as <D>. needs lists the modules (other
// than os) it imports, so that it is skipped while one of them cannot
// be imported here yet.
type posixProgram struct {
	needs []string
	src   string
}

var posixPrograms = map[string]posixProgram{
	"errno": {nil, `import errno
print(errno.ENOENT, errno.EAGAIN, errno.EWOULDBLOCK, errno.errorcode[11], errno.errorcode[2], len(errno.errorcode))
print(list(errno.errorcode.items())[:4], sorted(n for n in dir(errno) if n.startswith('E'))[:5])
`},
	"stat constants": {nil, `import _stat, stat
print(_stat.S_IFMT(0o100644), _stat.S_IMODE(0o104755), _stat.filemode(0o040755), _stat.filemode(0o120777))
print(stat.filemode(0o106754), stat.filemode(0o171001), stat.S_ISDIR(0o040000), stat.S_ISREG(0o040000), stat.S_ISLNK(0o120000))
print(stat.ST_MTIME, stat.S_IRWXU, stat.UF_HIDDEN, stat.S_ISDOOR(0), stat.filemode(0o010600), stat.filemode(0o140000))
for bad in ['x', -1, 2**40, 2**70, 1.5]:
    try: stat.S_ISDIR(bad)
    except Exception as e: print(type(e).__name__, e)
try: _stat.S_ISDIR(1, 2)
except TypeError as e: print(e)
`},
	"listdir and stat": {nil, `import os, stat
os.mkdir(os.path.join(D, 'sub'))
with open(os.path.join(D, 'a.txt'), 'w') as f: f.write('hello')
os.symlink('a.txt', os.path.join(D, 'link'))
print(sorted(os.listdir(D)), sorted(os.listdir(D.encode())))
st = os.stat(os.path.join(D, 'a.txt'))
print(type(st).__name__, len(st), st.st_size, st[6], stat.S_ISREG(st.st_mode), stat.S_ISDIR(os.stat(D).st_mode))
print(type(st.st_mtime).__name__, type(st[8]).__name__, st.st_mtime_ns // 10**9 == st[8], int(st.st_mtime) == st[stat.ST_MTIME])
print(st.n_fields, st.n_sequence_fields, st.n_unnamed_fields, os.stat_result.__module__, type(st.st_blksize).__name__)
print(stat.S_ISLNK(os.lstat(os.path.join(D, 'link')).st_mode), os.stat(os.path.join(D, 'link')).st_size, os.readlink(os.path.join(D, 'link')))
print(os.readlink(os.path.join(D, 'link').encode()), os.stat(os.path.join(D, 'link'), follow_symlinks=False).st_mode == os.lstat(os.path.join(D, 'link')).st_mode)
fd = os.open(os.path.join(D, 'a.txt'), os.O_RDONLY)
print(os.fstat(fd).st_size, os.stat(fd).st_size, os.read(fd, 3), os.lseek(fd, 0, os.SEEK_END), os.read(fd, 3), os.isatty(fd), os.get_inheritable(fd), os.get_blocking(fd))
os.close(fd)
print(os.stat_result(range(10)), os.stat_result(range(19)).st_atime)
`},
	"file descriptors": {nil, `import os
r, w = os.pipe()
print(os.write(w, b'abc'), os.write(w, memoryview(b'de')), os.read(r, 10))
d = os.dup(w); print(d > w, os.get_inheritable(d)); os.close(d)
print(os.dup2(w, r + 10, inheritable=False) == r + 10, os.get_inheritable(r + 10)); os.close(r + 10)
os.set_blocking(r, False); print(os.get_blocking(r))
try: os.read(r, 1)
except BlockingIOError as e: print(type(e).__name__, e.errno)
os.close(r); os.close(w)
for f, a in [(os.close, (r,)), (os.read, (r, 1)), (os.fstat, (r,)), (os.lseek, (r, 0, 0))]:
    try: f(*a)
    except OSError as e: print(f.__name__, type(e).__name__, e, e.filename)
p = os.path.join(D, 'f')
fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
os.write(fd, b'12345'); os.ftruncate(fd, 2); os.close(fd)
print(os.stat(p).st_size, oct(os.stat(p).st_mode & 0o777))
try: os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
except FileExistsError as e: print(e.errno, e.strerror, e.filename == p)
print(os.get_blocking(0) in (True, False), os.device_encoding(12345))
`},
	"paths and errors": {nil, `import os
class P:
    def __init__(self, p): self.p = p
    def __fspath__(self): return self.p
print(os.fspath('x'), os.fspath(b'y'), os.fspath(P('z')))
for f, a in [(os.stat, ([],)), (os.mkdir, ([],)), (os.listdir, ([],)), (os.stat, (1.5,)), (os.fspath, (1,)), (os.stat, (P(3),)),
             (os.access, (None, 0)), (os.chdir, (None,)), (os.stat, ('a\0b',)), (os.stat, (b'a\0b',)), (os.stat, (2**70,)),
             (os.rename, ('x', 1)), (os.getcwd, (1,)), (os.strerror, ('x',)), (os.urandom, (-1,)), (os.stat, ('x',), ),
             (os.putenv, ('A=B', 'x')), (os.register_at_fork, ()), (os.register_at_fork, ()), (os.stat, ()), (os.open, ('x',))]:
    try: print(f(*a))
    except Exception as e: print(f.__name__, type(e).__name__, e)
missing = os.path.join(D, 'missing')
for f, a in [(os.stat, (missing,)), (os.lstat, (missing.encode(),)), (os.stat, (P(missing),)), (os.listdir, (missing,)),
             (os.rmdir, (missing,)), (os.unlink, (D,)), (os.rmdir, (D + '/..',)), (os.mkdir, (D,)), (os.readlink, (D,)),
             (os.rename, (missing, missing + '2')), (os.replace, (missing, D)), (os.symlink, (missing, D)), (os.link, (missing, missing + '3')),
             (os.chdir, (missing,)), (os.chmod, (missing, 0o644)), (os.utime, (missing,)), (os.open, (missing, os.O_RDONLY))]:
    try: f(*a)
    except OSError as e: print(f.__name__, type(e).__name__, e.args, str(e).replace(D, '<D>'), e.errno, e.strerror, e.filename == a[0] or e.filename, e.filename2)
print(os.strerror(2), os.strerror(1000), os.strerror(0))
print(os.access(D, os.F_OK), os.access(missing, os.F_OK), os.access(D, os.R_OK | os.W_OK | os.X_OK), os.F_OK, os.R_OK, os.W_OK, os.X_OK)
print(len(os.urandom(16)), os.urandom(0), os.getpid() > 0, os.getppid() > 0, os.getuid() >= 0, os.getgid() >= 0, os.geteuid() == os.getuid())
print(os.cpu_count() >= 1, len(os.times()), type(os.uname()).__name__, os.uname().sysname, os.uname()[0], os.name, os.sep, os.linesep == '\n')
old = os.umask(0o22); print(os.umask(old) == 0o22)
print(os.register_at_fork(before=lambda: None), os.error is OSError, os.SEEK_SET, os.SEEK_CUR, os.SEEK_END, os.O_RDONLY, os.O_CREAT)
`},
	"directories": {nil, `import os
os.makedirs(os.path.join(D, 'a', 'b', 'c'))
os.makedirs(os.path.join(D, 'a', 'b'), exist_ok=True)
try: os.makedirs(os.path.join(D, 'a'))
except FileExistsError as e: print('exists', e.errno)
with open(os.path.join(D, 'a', 'f.txt'), 'w') as f: f.write('x')
os.symlink('b', os.path.join(D, 'a', 'lb'))
with os.scandir(os.path.join(D, 'a')) as it:
    ents = sorted(it, key=lambda e: e.name)
for e in ents:
    print(repr(e), e.name, e.path.replace(D, '<D>'), e.is_dir(), e.is_dir(follow_symlinks=False), e.is_file(), e.is_symlink(), e.is_junction(), e.stat().st_ino == e.inode() or e.is_symlink(), os.fspath(e).replace(D, '<D>'))
print([repr(e) for e in sorted(os.scandir(os.path.join(D, 'a').encode()), key=lambda e: e.name)])
print(type(os.scandir(D)).__name__, os.DirEntry.__module__, os.DirEntry[str])
for top, dirs, files in os.walk(D):
    dirs.sort()
    print(top.replace(D, '<D>'), dirs, sorted(files))
print([t.replace(D, '<D>') for t, d, f in os.walk(D, topdown=False)])
cwd = os.getcwd()
os.chdir(os.path.join(D, 'a'))
print(os.getcwd().replace(D, '<D>'), os.getcwdb().decode().replace(D, '<D>'), sorted(os.listdir()), sorted(e.name for e in os.scandir()), [e.path for e in os.scandir() if e.name == 'f.txt'])
os.chdir(cwd)
os.rename(os.path.join(D, 'a', 'f.txt'), os.path.join(D, 'g.txt'))
os.replace(os.path.join(D, 'g.txt'), os.path.join(D, 'h.txt'))
os.link(os.path.join(D, 'h.txt'), os.path.join(D, 'i.txt'))
print(sorted(os.listdir(D)), os.stat(os.path.join(D, 'h.txt')).st_nlink)
os.remove(os.path.join(D, 'h.txt')); os.unlink(os.path.join(D, 'i.txt'))
os.unlink(os.path.join(D, 'a', 'lb'))
os.removedirs(os.path.join(D, 'a', 'b', 'c'))
print(os.listdir(D))
os.chmod(D, 0o700); print(oct(os.stat(D).st_mode & 0o777))
p = os.path.join(D, 't'); open(p, 'w').close()
os.utime(p, (1000000000, 1500000000.25)); st = os.stat(p); print(st.st_atime, st.st_mtime, st.st_mtime_ns)
os.utime(p, ns=(5, 2000000000123456789)); st = os.stat(p); print(st.st_atime_ns, st.st_mtime_ns, st[8])
os.truncate(p, 3); print(os.stat(p).st_size)
for bad in [dict(times=(1, 2), ns=(1, 2)), dict(times=1), dict(ns=1)]:
    try: os.utime(p, **bad)
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
`},
	"os.path": {nil, `import os, os.path as op
os.mkdir(os.path.join(D, 'd'))
f = os.path.join(D, 'd', 'file.tar.gz')
with open(f, 'wb') as fh: fh.write(b'12345')
os.symlink(f, os.path.join(D, 'l')); os.symlink(os.path.join(D, 'nowhere'), os.path.join(D, 'dangling'))
print(op.exists(f), op.isfile(f), op.isdir(f), op.isdir(os.path.join(D, 'd')), op.islink(os.path.join(D, 'l')), op.getsize(f))
print(op.exists(os.path.join(D, 'dangling')), op.lexists(os.path.join(D, 'dangling')), op.ismount('/'), op.ismount(D), op.exists('a\0b'))
print(op.splitext(f)[1], op.basename(f), op.dirname(f).replace(D, '<D>'), op.split('/a/b'), op.join('/a', 'b', '../c'), op.normpath('/a/./b/../c//d'))
print(op.realpath(os.path.join(D, 'l')) == op.realpath(f), op.relpath(f, D), op.commonpath([f, D]) == D, op.samefile(f, os.path.join(D, 'l')))
print(op.isabs(D), op.abspath('.') == os.getcwd(), op.expanduser('~') == os.environ['HOME'], op.getmtime(f) == os.stat(f).st_mtime)
print(op.sameopenfile(0, 0), op.commonprefix(['/abc', '/abd']), op.splitdrive('/x'), op.normcase('A'), op.curdir, op.pardir, op.extsep, op.devnull)
print(op.exists(b'/'), op.join(b'a', b'b'), op.isdir(D.encode()))
`},
	"environ": {nil, `import os
print(type(os.environ).__name__, isinstance(os.environb[b'HOME'], bytes), os.environ['HOME'] == os.environb[b'HOME'].decode())
os.environ['PARALLEL_POSIX_TEST'] = 'v1'
print(os.environ.get('PARALLEL_POSIX_TEST'), os.getenv('PARALLEL_POSIX_TEST'), 'PARALLEL_POSIX_TEST' in os.environ)
del os.environ['PARALLEL_POSIX_TEST']
print(os.getenv('PARALLEL_POSIX_TEST', 'gone'))
import posix; print(type(posix.environ).__name__, all(isinstance(k, bytes) for k in posix.environ))
`},
	"glob and fnmatch": {[]string{"glob", "fnmatch"}, `import os, glob, fnmatch
for n in ['a.py', 'b.py', 'c.txt', '.hidden.py']:
    open(os.path.join(D, n), 'w').close()
os.makedirs(os.path.join(D, 'sub', 'deep')); open(os.path.join(D, 'sub', 'deep', 'd.py'), 'w').close()
print(sorted(os.path.relpath(p, D) for p in glob.glob(os.path.join(D, '*.py'))))
print(sorted(os.path.relpath(p, D) for p in glob.glob(os.path.join(D, '**', '*.py'), recursive=True)))
print(sorted(glob.glob('*.txt', root_dir=D)), fnmatch.filter(sorted(os.listdir(D)), '[ab]*'), glob.escape('a[b]*'))
`},
	"shutil": {[]string{"shutil"}, `import os, shutil
src = os.path.join(D, 'src'); os.makedirs(os.path.join(src, 'x', 'y'))
with open(os.path.join(src, 'x', 'f.txt'), 'w') as f: f.write('data' * 1000)
os.chmod(os.path.join(src, 'x', 'f.txt'), 0o640)
print(shutil.copy(os.path.join(src, 'x', 'f.txt'), D).replace(D, '<D>'), oct(os.stat(os.path.join(D, 'f.txt')).st_mode & 0o777))
shutil.copy2(os.path.join(src, 'x', 'f.txt'), os.path.join(D, 'g.txt'))
print(os.stat(os.path.join(D, 'g.txt')).st_mtime == os.stat(os.path.join(src, 'x', 'f.txt')).st_mtime)
shutil.copytree(src, os.path.join(D, 'dst'))
print(sorted(os.path.relpath(os.path.join(t, n), D) for t, ds, fs in os.walk(os.path.join(D, 'dst')) for n in ds + fs))
shutil.move(os.path.join(D, 'g.txt'), os.path.join(D, 'dst', 'moved.txt'))
shutil.rmtree(src); shutil.rmtree(os.path.join(D, 'dst'))
print(sorted(os.listdir(D)), shutil.disk_usage(D).total > 0 if hasattr(os, 'statvfs') else True, shutil.which('sh') is not None)
try: shutil.rmtree(os.path.join(D, 'nope'))
except FileNotFoundError as e: print(type(e).__name__, e.errno)
print(shutil.get_terminal_size((81, 25)))
`},
	"tempfile": {[]string{"tempfile"}, `import os, tempfile
with tempfile.TemporaryDirectory(dir=D) as t:
    print(os.path.isdir(t), os.path.dirname(t) == D)
    with open(os.path.join(t, 'x'), 'w') as f: f.write('1')
print(os.path.exists(t))
fd, name = tempfile.mkstemp(dir=D, suffix='.s'); os.write(fd, b'q'); os.close(fd)
print(name.endswith('.s'), oct(os.stat(name).st_mode & 0o777), os.path.getsize(name))
d = tempfile.mkdtemp(dir=D, prefix='p'); print(os.path.basename(d).startswith('p'), oct(os.stat(d).st_mode & 0o777))
with tempfile.NamedTemporaryFile(dir=D) as f:
    f.write(b'abc'); f.flush(); print(os.path.getsize(f.name))
print(tempfile.gettempdir() != '')
`},
	"pathlib": {[]string{"pathlib"}, `import os, pathlib
p = pathlib.Path(D)
(p / 'a' / 'b').mkdir(parents=True)
(p / 'a' / 'f.txt').write_text('hi')
print((p / 'a' / 'f.txt').read_text(), (p / 'a').is_dir(), (p / 'a' / 'f.txt').is_file(), (p / 'zz').exists())
print(sorted(x.name for x in (p / 'a').iterdir()), sorted(str(x.relative_to(p)) for x in p.rglob('*')), (p / 'a' / 'f.txt').stat().st_size)
(p / 'a' / 'f.txt').rename(p / 'g.txt'); print(sorted(x.name for x in p.iterdir()), (p / 'g.txt').suffix, p.joinpath('x', 'y').parts[-2:])
(p / 'g.txt').unlink(); (p / 'a' / 'b').rmdir(); print([x.name for x in p.glob('**/*')])
print(pathlib.PurePosixPath('/a/b.c').stem, pathlib.Path('x/y').with_suffix('.z'), repr(pathlib.PurePath('a')))
`},
}

// TestPosix runs the programs here and in CPython 3.12 and compares.
func TestPosix(t *testing.T) { checkPosixPrograms(t, posixPrograms, "") }

// checkPosixPrograms runs each program here and in CPython 3.12 and
// compares. A program is skipped while one of the modules it needs
// cannot be imported, or while gate (when not empty) fails here.
func checkPosixPrograms(t *testing.T, programs map[string]posixProgram, gate string) {
	lib, err := stdlib.Find()
	if err != nil {
		t.Skip("no CPython standard library:", err)
	}
	for name, prog := range programs {
		t.Run(name, func(t *testing.T) {
			for _, m := range prog.needs {
				if _, exc := runPosix(t, lib.Dir, "import os, "+m, t.TempDir()); exc != "" {
					t.Skipf("%s cannot be imported yet: %s", m, exc)
				}
			}
			if gate != "" {
				if _, exc := runPosix(t, lib.Dir, gate, t.TempDir()); exc != "" {
					t.Skipf("not working here yet: %s", exc)
				}
			}
			dir := t.TempDir()
			want, wantExc := cpython(t, "D = "+strconv.Quote(dir)+"\n"+prog.src)
			want = strings.ReplaceAll(want, dir, "<D>")
			wantExc = strings.ReplaceAll(wantExc, dir, "<D>")
			got, gotExc := runPosix(t, lib.Dir, prog.src, t.TempDir())
			if got != want || gotExc != wantExc {
				t.Errorf("got:\n%s%s\nCPython 3.12:\n%s%s", got, gotExc, want, wantExc)
			}
		})
	}
}

// runPosix runs src here with the standard library on sys.path and D
// bound to dir; the output shows dir as <D>.
func runPosix(t *testing.T, lib, src, dir string) (stdout, exc string) {
	t.Helper()
	src = "D = " + strconv.Quote(dir) + "\n" + src
	mod, err := syntax.Parse("<test>", []byte(src), syntax.ModeExec)
	if err != nil {
		t.Fatal(err)
	}
	code, err := compile.Compile(mod, "<test>", syntax.ModeExec, compile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	in := interp.New(interp.Options{Stdout: &out, Path: []string{"", lib}})
	if err := in.RunMain(code); err != nil {
		var b strings.Builder
		if perr := in.PrintException(&b, err, nil); perr != nil {
			t.Fatalf("a non-Python error: %v", err)
		}
		lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
		exc = lines[len(lines)-1]
	}
	if reports := in.Heap().Reports(); len(reports) > 0 {
		t.Errorf("reference-count reports: %+v", reports)
	}
	return strings.ReplaceAll(out.String(), dir, "<D>"), strings.ReplaceAll(exc, dir, "<D>")
}

// TestPosixNotImplemented checks the process calls this interpreter
// does not provide: fork is absent (a Go process cannot fork and go on
// running Python), exec raises NotImplementedError.
func TestPosixNotImplemented(t *testing.T) {
	lib, err := stdlib.Find()
	if err != nil {
		t.Skip("no CPython standard library:", err)
	}
	got, exc := runPosix(t, lib.Dir, `import os
print(hasattr(os, 'fork'), hasattr(os, 'forkpty'), hasattr(os, 'posix_spawn'))
for f, a in [('execv', ('x', ['x'])), ('wait3', (0,))]:
    try: getattr(os, f)(*a)
    except NotImplementedError as e: print(e)
`, t.TempDir())
	want := "False False False\nos.execv() is not implemented yet\nos.wait3() is not implemented yet\n"
	if got != want || exc != "" {
		t.Errorf("got:\n%s%s\nwant:\n%s", got, exc, want)
	}
}

// TestGetpidIsTheProcess checks that os.getpid() (posix.getpid), asked of the kernel
// once and kept, is this process's id, the same on every call.
func TestGetpidIsTheProcess(t *testing.T) {
	got, exc := runProgram(t, "import posix\nprint(posix.getpid(), posix.getpid() == posix.getpid())\n")
	want := fmt.Sprintf("%d True\n", os.Getpid())
	if got != want || exc != "" {
		t.Errorf("got %q %s, want %q", got, exc, want)
	}
}
