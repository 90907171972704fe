//go:build linux

package modules_test

import "testing"

// The dir_fd, follow_symlinks and path-as-descriptor forms of posix's
// calls, statvfs, the descriptor argument conversions, and what the
// standard library builds on them (os.fwalk, shutil.rmtree's safe path,
// shutil.disk_usage), compared with CPython 3.12. Each program works in
// its own temporary directory D and prints no descriptor or inode
// numbers.
var posixDirFDPrograms = map[string]posixProgram{
	"support sets": {[]string{"shutil"}, `import os, posix, shutil
# CPython also has fexecve, fpathconf, eventfd and memfd_create.
missing = {'HAVE_EVENTFD', 'HAVE_FEXECVE', 'HAVE_FPATHCONF', 'HAVE_MEMFD_CREATE'}
print([h for h in posix._have_functions if h not in missing])
names = lambda s: sorted(f.__name__ for f in s if f.__name__ not in ('execve', 'pathconf'))
print(names(os.supports_dir_fd)); print(names(os.supports_fd))
print(names(os.supports_follow_symlinks)); print(names(os.supports_effective_ids))
print(shutil._use_fd_functions, shutil.rmtree.avoids_symlink_attacks, 'fwalk' in os.__all__)
`},
	"dir_fd calls": {nil, `import os, stat
dfd = os.open(D, os.O_RDONLY)
os.mkdir('sub', 0o750, dir_fd=dfd)
fd = os.open('f', os.O_WRONLY | os.O_CREAT, 0o640, dir_fd=dfd); os.write(fd, b'hello'); os.close(fd)
st = os.stat('f', dir_fd=dfd); print(st.st_size, oct(st.st_mode & 0o777), stat.S_ISDIR(os.stat('sub', dir_fd=dfd).st_mode))
os.symlink('f', 'l', dir_fd=dfd)
print(os.readlink('l', dir_fd=dfd), os.readlink(b'l', dir_fd=dfd), stat.S_ISLNK(os.lstat('l', dir_fd=dfd).st_mode))
print(stat.S_ISLNK(os.stat('l', dir_fd=dfd, follow_symlinks=False).st_mode), os.stat('l', dir_fd=dfd).st_size)
os.link('f', 'h', src_dir_fd=dfd, dst_dir_fd=dfd); print(os.stat('f', dir_fd=dfd).st_nlink)
os.link('l', 'hl', src_dir_fd=dfd, dst_dir_fd=dfd, follow_symlinks=False); print(os.path.islink(os.path.join(D, 'hl')))
os.link('l', 'hf', src_dir_fd=dfd, dst_dir_fd=dfd); print(os.path.islink(os.path.join(D, 'hf')))
os.link(os.path.join(D, 'l'), os.path.join(D, 'hp')); print(os.path.islink(os.path.join(D, 'hp')))
os.rename('h', 'h2', src_dir_fd=dfd, dst_dir_fd=dfd)
os.rename(os.path.join(D, 'h2'), 'h3', dst_dir_fd=dfd)
os.replace('h3', os.path.join(D, 'h4'), src_dir_fd=dfd)
os.chmod('f', 0o600, dir_fd=dfd); print(oct(os.stat('f', dir_fd=dfd).st_mode & 0o777))
os.chown('f', -1, -1, dir_fd=dfd); os.chown('l', -1, -1, dir_fd=dfd, follow_symlinks=False)
os.utime('f', ns=(10**9, 2 * 10**9), dir_fd=dfd); print(os.stat('f', dir_fd=dfd).st_mtime_ns)
os.utime('l', times=(5, 6), dir_fd=dfd, follow_symlinks=False); print(os.lstat('l', dir_fd=dfd).st_mtime, os.stat('f', dir_fd=dfd).st_mtime)
print(os.access('f', os.R_OK, dir_fd=dfd), os.access('nope', os.F_OK, dir_fd=dfd), os.access('f', os.W_OK, dir_fd=dfd, effective_ids=True))
os.mkfifo('fifo', dir_fd=dfd); print(stat.S_ISFIFO(os.stat('fifo', dir_fd=dfd).st_mode))
os.mknod('node', stat.S_IFREG | 0o600, dir_fd=dfd); print(stat.S_ISREG(os.stat('node', dir_fd=dfd).st_mode))
print(sorted(os.listdir(dfd)), sorted(os.listdir(dfd)) == sorted(os.listdir(D)))
for n in ['fifo', 'node', 'hl', 'hf', 'hp', 'h4', 'l']: os.unlink(n, dir_fd=dfd)
os.remove('f', dir_fd=dfd); os.rmdir('sub', dir_fd=dfd)
print(os.listdir(dfd), os.stat('.', dir_fd=-100).st_mode == os.stat('.').st_mode)
os.close(dfd)
`},
	"follow_symlinks": {nil, `import os, stat
j = lambda n: os.path.join(D, n)
open(j('f'), 'w').close(); os.mkdir(j('d'))
os.symlink('f', j('l')); os.symlink('d', j('ld')); os.symlink('nowhere', j('dangling'))
for n in ['l', 'ld', 'dangling']:
    print(n, stat.S_ISLNK(os.stat(j(n), follow_symlinks=False).st_mode), os.access(j(n), os.F_OK), os.access(j(n), os.F_OK, follow_symlinks=False))
os.chmod(j('f'), 0o604, follow_symlinks=False); print(oct(os.stat(j('f')).st_mode & 0o777))
try: os.chmod(j('l'), 0o600, follow_symlinks=False)
except NotImplementedError as e: print('NotImplementedError', e)
dfd = os.open(D, os.O_RDONLY)
try: os.chmod('l', 0o600, dir_fd=dfd, follow_symlinks=False)
except ValueError as e: print('ValueError', e)
os.chmod('f', 0o644, dir_fd=dfd, follow_symlinks=False); print(oct(os.stat(j('f')).st_mode & 0o777))
os.close(dfd)
os.utime(j('l'), ns=(1, 2), follow_symlinks=False); print(os.lstat(j('l')).st_mtime_ns, os.stat(j('l')).st_mtime_ns == 2)
os.lchown(j('l'), -1, -1); os.chown(j('dangling'), -1, -1, follow_symlinks=False)
try: os.chown(j('dangling'), -1, -1)
except FileNotFoundError as e: print('FileNotFoundError', e.filename == j('dangling'))
`},
	"descriptors as paths": {nil, `import os, stat
j = lambda n: os.path.join(D, n)
os.mkdir(j('sub')); open(j('a'), 'w').close(); os.symlink('sub', j('ls')); os.symlink('a', j('la'))
dfd = os.open(D, os.O_RDONLY)
print(stat.S_ISDIR(os.stat(dfd).st_mode), os.stat(dfd).st_ino == os.stat(D).st_ino, sorted(os.listdir(dfd)), sorted(os.listdir(dfd)))
with os.scandir(dfd) as it:
    for e in sorted(it, key=lambda e: e.name):
        print(repr(e), repr(e.path), os.fspath(e), e.is_dir(), e.is_dir(follow_symlinks=False), e.is_file(), e.is_symlink(),
              e.stat().st_ino == os.stat(e.name, dir_fd=dfd).st_ino, e.stat(follow_symlinks=False).st_ino == os.lstat(j(e.name)).st_ino)
print(type(os.scandir(dfd)).__name__, sorted(e.name for e in os.scandir(dfd)) == sorted(os.listdir(D)))
es = sorted(os.scandir(dfd), key=lambda e: e.name)
print([e.name for e in es if e.is_dir()])
cwd = os.getcwd(); os.chdir(dfd); print(os.getcwd() == os.path.realpath(D)); os.chdir(cwd)
fd = os.open(j('a'), os.O_RDWR)
os.write(fd, b'12345'); os.truncate(fd, 2); print(os.stat(j('a')).st_size)
os.chmod(fd, 0o601); print(oct(os.stat(j('a')).st_mode & 0o777))
os.utime(fd, ns=(3, 4)); print(os.stat(j('a')).st_mtime_ns)
os.chown(fd, -1, -1)
s1, s2 = os.statvfs(fd), os.statvfs(D); print(s1.f_bsize == s2.f_bsize, s1.f_fsid == s2.f_fsid)
os.close(fd)
e = sorted(os.scandir(dfd), key=lambda e: e.name)[0]
os.close(dfd)
try: e.stat()
except OSError as x: print(type(x).__name__, x.errno, x.filename)
try: os.scandir(dfd)
except OSError as x: print(type(x).__name__, x.errno, x.filename)
try: os.listdir(dfd)
except OSError as x: print(type(x).__name__, x.errno, x.filename)
wfd = os.open(j('a'), os.O_WRONLY)
try: os.listdir(wfd)
except OSError as x: print(type(x).__name__, x.errno, x.filename == wfd)
os.close(wfd)
print([e.path for e in os.scandir(-1)] == [e.path for e in os.scandir()], sorted(os.listdir(-1)) == sorted(os.listdir()))
for f, a in [(os.stat, (-1,)), (os.chdir, (-1,)), (os.statvfs, (-1,)), (os.truncate, (-1, 0)), (os.chmod, (-1, 0)), (os.chown, (-1, -1, -1)), (os.utime, (-1,))]:
    try: f(*a)
    except OSError as x: print(f.__name__, x.errno, x.filename)
print(stat.S_ISCHR(os.stat(0, follow_symlinks=False).st_mode) or True)
`},
	"statvfs": {[]string{"shutil"}, `import os, shutil
s = os.statvfs(D)
print(type(s).__name__, type(s).__module__, len(s), s.n_fields, s.n_sequence_fields, s.n_unnamed_fields)
print([type(x).__name__ for x in s], type(s.f_fsid).__name__, s.f_bavail <= s.f_bfree <= s.f_blocks, s.f_favail == s.f_ffree <= s.f_files)
print(s.f_frsize > 0, s.f_namemax, s[0] == s.f_bsize, s[9] == s.f_namemax, os.statvfs(D.encode()).f_fsid == s.f_fsid)
fd = os.open(D, os.O_RDONLY); print(os.fstatvfs(fd).f_fsid == s.f_fsid, os.statvfs(fd).f_blocks == s.f_blocks); os.close(fd)
print(os.statvfs_result(range(10)), os.statvfs_result(range(11)).f_fsid, os.statvfs_result(range(10)).f_fsid)
try: os.statvfs_result(range(12))
except TypeError as e: print(e)
u = shutil.disk_usage(D); print(type(u).__name__, u._fields, u.total == s.f_blocks * s.f_frsize, 0 <= u.free <= u.total, 0 <= u.used <= u.total)  # free space moves while other processes write
print(os.ST_RDONLY, os.ST_NOSUID, s.f_flag & os.ST_RDONLY)
`},
	"fwalk": {nil, `import os
j = lambda *n: os.path.join(D, *n)
os.makedirs(j('out', 'keep')); open(j('out', 'keep', 'k'), 'w').close()
os.makedirs(j('t', 'a', 'b')); [open(j('t', *n.split('/')), 'w').close() for n in ['a/x', 'a/b/y', 'z']]
os.symlink(j('out'), j('t', 'a', 'link')); os.symlink('nowhere', j('t', 'dangling'))
rel = lambda r: os.path.relpath(r, D) if isinstance(r, str) else os.path.relpath(r, D.encode())
print(sorted((rel(r), sorted(d), sorted(f), type(fd).__name__) for r, d, f, fd in os.fwalk(j('t'))))
print([rel(r) for r, d, f, fd in os.fwalk(j('t'), topdown=False) if not d])
print(sorted((rel(r), sorted(d), sorted(f)) for r, d, f, fd in os.fwalk(j('t'), follow_symlinks=True)))
print(sorted((rel(r), sorted(d), sorted(f)) for r, d, f, fd in os.fwalk(j('t').encode())))
top = os.open(D, os.O_RDONLY)
print(sorted((r, sorted(d), sorted(f)) for r, d, f, fd in os.fwalk('t', dir_fd=top)))
os.close(top)
for r, d, f, fd in os.fwalk(j('t')):
    d[:] = [x for x in d if x != 'b']
    print(rel(r), sorted(d), sorted(os.listdir(fd)))
try: list(os.fwalk(j('missing')))
except FileNotFoundError as e: print('FileNotFoundError', os.path.relpath(e.filename, D))
print(list(os.fwalk(j('t', 'z'))))
try: list(os.fwalk(j('t', 'dangling')))
except FileNotFoundError as e: print('FileNotFoundError', os.path.relpath(e.filename, D))
errs = []
print(list(os.fwalk(j('t', 'z'), onerror=lambda e: errs.append(type(e).__name__))), errs)
fd = os.open(D, os.O_RDONLY)
print([(r, sorted(d)) for r, d, f, rfd in os.fwalk('.', dir_fd=fd) if r == '.'], os.stat(fd).st_ino == os.stat(D).st_ino)
os.close(fd)
`},
	"rmtree safe path": {[]string{"shutil"}, `import os, shutil
j = lambda *n: os.path.join(D, *n)
os.makedirs(j('out', 'keep')); open(j('out', 'keep', 'k'), 'w').close()
os.makedirs(j('t', 'a', 'b')); [open(j('t', *n.split('/')), 'w').close() for n in ['a/x', 'a/b/y', 'z']]
os.symlink(j('out'), j('t', 'a', 'link')); os.symlink(j('out', 'keep', 'k'), j('t', 'flink'))
shutil.rmtree(j('t'))
print(sorted(os.listdir(D)), os.listdir(j('out', 'keep')))
for kw in ['onexc', 'onerror']:
    errs = []
    if kw == 'onexc': shutil.rmtree(j('missing'), onexc=lambda f, p, e: errs.append((f.__name__, os.path.relpath(p, D), type(e).__name__)))
    else: shutil.rmtree(j('missing'), onerror=lambda f, p, e: errs.append((f.__name__, os.path.relpath(p, D), e[0].__name__)))
    print(kw, errs)
shutil.rmtree(j('missing'), ignore_errors=True)
try: shutil.rmtree(j('missing'))
except FileNotFoundError as e: print('FileNotFoundError', os.path.relpath(e.filename, D))
os.symlink(j('out'), j('ln'))
try: shutil.rmtree(j('ln'))
except OSError as e: print(type(e).__name__, e)
errs = []; shutil.rmtree(j('ln'), onexc=lambda f, p, e: errs.append((f.__name__, type(e).__name__))); print(errs)
try: shutil.rmtree(j('out', 'keep', 'k'))
except NotADirectoryError as e: print('NotADirectoryError', os.path.relpath(e.filename, D))
os.makedirs(j('ro', 'inner')); open(j('ro', 'inner', 'f'), 'w').close()
top = os.open(D, os.O_RDONLY)
shutil.rmtree('ro', dir_fd=top); os.close(top)
print(sorted(os.listdir(D)))
shutil.rmtree(j('out').encode()); print(sorted(os.listdir(D)))
`},
	"bad dir_fd and descriptor arguments": {nil, `import os
j = lambda n: os.path.join(D, n)
open(j('f'), 'w').close(); os.symlink('f', j('l'))
dfd = os.open(D, os.O_RDONLY)
class I:
    def __index__(self): return 99999
class F:
    def fileno(self): return 99999
class G:
    def fileno(self): return 'x'
B = 2**40
calls = [(os.stat, (dfd,), dict(dir_fd=dfd)), (os.stat, (dfd,), dict(follow_symlinks=False)), (os.stat, ('f',), dict(dir_fd=1.5)),
    (os.stat, ('f',), dict(dir_fd='a')), (os.stat, ('f',), dict(dir_fd=B)), (os.stat, ('f',), dict(dir_fd=-B)), (os.stat, ('f',), dict(dir_fd=-5)),
    (os.stat, ('f',), dict(dir_fd=99999)), (os.stat, ('nope',), dict(dir_fd=dfd)), (os.stat, ('f',), dict(dir_fd=I())), (os.stat, (3.5,), dict(dir_fd='a')),
    (os.unlink, ('x',), dict(dir_fd='a')), (os.unlink, ('x',), dict(dir_fd=99999)), (os.open, ('f', os.O_RDONLY), dict(dir_fd=99999)),
    (os.open, ('f', B), {}), (os.open, ('f', 0, B), {}), (os.mkdir, ('x', B), {}), (os.chmod, ('f', B), {}), (os.access, ('f', B), {}), (os.umask, (B,), {}),
    (os.chmod, (dfd, 0o700), dict(dir_fd=dfd)), (os.utime, (dfd,), dict(dir_fd=dfd)), (os.utime, (dfd,), dict(follow_symlinks=False)),
    (os.utime, ('nope',), dict(dir_fd=dfd)), (os.utime, ('x',), dict(dir_fd=[])), (os.utime, (3,), dict(times='x', dir_fd=5)), (os.utime, ('f',), dict(times=(1, 2), dir_fd=99999)),
    (os.access, ('f', os.R_OK), dict(dir_fd='x')), (os.listdir, (99999,), {}), (os.scandir, (99999,), {}), (os.chdir, (99999,), {}),
    (os.truncate, (99999, 0), {}), (os.statvfs, (99999,), {}), (os.statvfs, ('nope',), {}), (os.statvfs, (1.5,), {}), (os.statvfs, (), {}),
    (os.fstatvfs, (99999,), {}), (os.fstatvfs, ('x',), {}), (os.fstatvfs, (), {}), (os.fstatvfs, (), dict(fd=0)),
    (os.readlink, ('nope',), dict(dir_fd=dfd)), (os.readlink, (dfd,), {}), (os.rename, ('nope', 'x'), dict(src_dir_fd=dfd, dst_dir_fd=99999)),
    (os.rename, ('x', 'y'), dict(dst_dir_fd=[])), (os.link, ('x', 'y'), dict(dst_dir_fd=99999)), (os.symlink, ('f', 'l'), dict(dir_fd=dfd)), (os.symlink, ('x', 'y'), dict(dir_fd=[])),
    (os.mkfifo, ('f',), dict(dir_fd=dfd)), (os.mkfifo, ('x', -1), dict(dir_fd=99999)), (os.mkfifo, (3,), {}), (os.mkfifo, ('x', 'y'), {}), (os.mkfifo, ('x', B), {}),
    (os.mknod, ('f',), dict(dir_fd=dfd)), (os.mknod, ('x',), dict(dir_fd=99999)), (os.mknod, ('x', 0o600, -2), {}), (os.mknod, ('x', 0o600, 1.5), {}),
    (os.mknod, ('x', 0o600, 2**64), {}), (os.mknod, ('x', 0o600, 0, 5), {}), (os.rmdir, ('nope',), dict(dir_fd=dfd)), (os.rmdir, ('f',), dict(dir_fd=dfd)),
    (os.chown, ('f', 'a', -1), {}), (os.chown, ('f', 1.5, -1), {}), (os.chown, ('f', -2, -1), {}), (os.chown, ('f', 2**32, -1), {}), (os.chown, ('f', 1, 2**64), {}),
    (os.chown, ('f', 1, -2**64), {}), (os.chown, ('f', 2**63, 0), {}), (os.chown, (dfd, -1, -1), dict(follow_symlinks=False)), (os.chown, (dfd, -1, -1), dict(dir_fd=dfd)),
    (os.chown, (99999, -1, -1), {}), (os.lchown, ('nope', -1, -1), {}), (os.lchown, ('x', 0), {}), (os.fchown, (99999, -1, -1), {}), (os.fchown, (1.0, 0, 0), {}),
    (os.fchmod, (99999, 0), {}), (os.fchmod, (dfd, 'x'), {}), (os.fchmod, (1,), {}), (os.fchmod, (), dict(fd=99999, mode=0)), (os.fchmod, (0, 1.5), {}),
    (os.chmod, (j('nope'), 0o600), dict(dir_fd=99999, follow_symlinks=False)), (os.stat, (99999,), {}), (os.chmod, (99999, 0), {}), (os.utime, (99999,), {})]
for name in 'close fsync fdatasync fchdir closerange dup dup2 read write lseek ftruncate isatty fstat get_blocking set_blocking get_inheritable set_inheritable device_encoding'.split():
    f = getattr(os, name)
    calls += [(f, (), {}), (f, (), dict(fd=99999)), (f, (1, 2, 3, 4, 5), {})]
for f in [os.close, os.read, os.fstat, os.fsync, os.dup, os.lseek, os.fchdir, os.isatty, os.dup2, os.ftruncate, os.get_blocking, os.set_blocking,
          os.write, os.get_inheritable, os.device_encoding, os.strerror, os.get_terminal_size, os.fdatasync, os.closerange]:
    n = {os.read: 2, os.lseek: 3, os.dup2: 2, os.ftruncate: 2, os.set_blocking: 2, os.write: 2, os.closerange: 2}.get(f, 1)
    calls.append((f, (B,) + (0, 0)[:n - 1] if f is not os.write else (B, b''), {}))
calls += [(os.lseek, (0, 0, B), {}), (os.fsync, (-1,), {}), (os.fchdir, (-5,), {}), (os.fsync, (F(),), {}), (os.fsync, (G(),), {}),
    (os.fsync, (I(),), {}), (os.close, (I(),), {}), (os.fsync, (1.5,), {}), (os.fchdir, ('a',), {}), (os.close, (1.5,), {}), (os.close, (), dict(fd=-1))]
for f, a, k in calls:
    try: r = f(*a, **k); print(f.__name__, 'ok', r)
    except Exception as e: print(f.__name__, type(e).__name__, str(e).replace(D, '<D>'), isinstance(e, OSError) and (e.filename if not isinstance(e.filename, int) else 'fd'))
os.close(dfd)
`},
	"device numbers": {nil, `import os
for v in [0, 0x1234567, -1, -2, 2**64, 2**64 - 1, 1.5, 'x', True, 2**32]:
    for f, a in [(os.major, (v,)), (os.minor, (v,)), (os.makedev, (v, 0)), (os.makedev, (0, v))]:
        try: print(f.__name__, f(*a))
        except Exception as e: print(f.__name__, type(e).__name__, e)
for f, a in [(os.major, ()), (os.makedev, (1,)), (os.major, (os.makedev(3, 4),)), (os.minor, (os.makedev(3, 4),))]:
    try: print(f.__name__, f(*a))
    except Exception as e: print(f.__name__, type(e).__name__, e)
print(os.sync())
`},
}

// TestPosixDirFD runs the dir_fd, descriptor and statvfs programs here
// and in CPython 3.12 and compares.
func TestPosixDirFD(t *testing.T) { checkPosixPrograms(t, posixDirFDPrograms, "") }
