//go:build linux

package modules

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"syscall"
)

// Starting the child of fork_exec with Go's syscall.ForkExec, which
// forks and execs safely for the Go runtime, and reporting a failure
// the way CPython's child does.
//
// CPython's child reports a failure on errpipe_write as
// "OSError:<hex errno>:" before it exits with status 255, adding
// "noexec" when the failure came before exec (chdir, setsid, the
// credentials, the descriptors), and subprocess.py turns that into the
// exception: FileNotFoundError: [Errno 2] No such file or directory:
// 'nonexistent', naming the program as the caller wrote it, or the cwd
// for a "noexec" failure. ForkExec reports the errno synchronously
// instead and leaves no child, so fork_exec writes the same message on
// errpipe_write itself and returns a "phantom" pid that no process can
// have (above Linux's PID_MAX_LIMIT): waiting for it (posix.waitpid)
// reports an exit status of 255, as for CPython's failed child. That
// way subprocess.py raises exactly CPython's exception, from the same
// place, with the caller's own program name.
//
// ForkExec's errno does not say which step failed. A failure before
// exec is possible only with a cwd, a session, a process group or
// credentials to set (the descriptors are checked here first), and
// then a probe tells the two apart: the same child set-up exec'ing a
// path with a component too long for any file system, which fails with
// ENAMETOOLONG once the set-up succeeded and with the set-up's errno
// otherwise.
//
// Signals: the Go runtime handles every signal itself (this process
// ignores SIGPIPE and SIGXFSZ for Python code only) and handled signals
// return to the default at exec, so the child starts with SIGPIPE and
// SIGXFSZ at their defaults, as CPython's does with restore_signals
// (its default). With restore_signals=False CPython's child would
// inherit them ignored; here they stay at their defaults, as Go's
// ForkExec cannot ignore a signal in the child alone. A signal the
// program set to SIG_IGN stays ignored in the child, as in CPython.

// phantomPidBase is the first phantom pid: Linux pids stay below
// PID_MAX_LIMIT, 4194304.
const phantomPidBase = 1 << 30

// phantoms are the phantom pids not yet waited for.
var phantoms struct {
	sync.Mutex
	next    int
	pending map[int]bool
}

// newPhantomPid returns a pid for a child that failed to start.
func newPhantomPid() int {
	phantoms.Lock()
	defer phantoms.Unlock()
	if phantoms.pending == nil {
		phantoms.pending = map[int]bool{}
	}
	pid := phantomPidBase + phantoms.next
	phantoms.next = (phantoms.next + 1) % (1 << 30)
	phantoms.pending[pid] = true
	return pid
}

// reapPhantom reports whether pid is a phantom child not yet waited
// for, and forgets it.
func reapPhantom(pid int) bool {
	phantoms.Lock()
	defer phantoms.Unlock()
	if !phantoms.pending[pid] {
		return false
	}
	delete(phantoms.pending, pid)
	return true
}

// phantomStatus is the wait status of a phantom child: exit code 255.
const phantomStatus = 255 << 8

// probePath is a path exec cannot find, with its own error.
var probePath = "/" + strings.Repeat("x", 300)

// start starts the child and returns its pid, or reports the failure
// on errpipe_write and returns a phantom pid.
func (s *childSpec) start() int {
	pid, errno, noexec := s.spawn()
	if pid > 0 {
		return pid
	}
	// With no executable to try, CPython's child has no errno either.
	msg := "SubprocessError:0:"
	if errno != 0 {
		msg = fmt.Sprintf("OSError:%x:", int(errno))
	}
	if noexec {
		msg += "noexec"
	}
	retryEINTR(func() error {
		_, err := syscall.Write(s.errpipeWrite, []byte(msg))
		return err
	})
	return newPhantomPid()
}

// spawn tries each executable in turn as CPython's child does: a
// missing one (ENOENT, ENOTDIR) passes to the next, and the error
// reported is the first other one, or else the last.
func (s *childSpec) spawn() (pid int, errno syscall.Errno, noexec bool) {
	attr, errno := s.procAttr()
	if errno != 0 {
		return 0, errno, true
	}
	cred := attr.Sys.Credential != nil
	var first, last syscall.Errno
	for _, exe := range s.execs {
		e, skip := missingFile(exe, cred)
		if !skip {
			pid, err := syscall.ForkExec(exe, s.argv, attr)
			if err == nil {
				return pid, 0, false
			}
			e = errnoOf(err)
		}
		last = e
		if e != syscall.ENOENT && e != syscall.ENOTDIR && first == 0 {
			first = e
		}
	}
	if s.hasCwd || s.setsid || s.pgid >= 0 || cred {
		pid, err := syscall.ForkExec(probePath, s.argv, attr)
		if err == nil {
			// Cannot happen; leave no child unwaited.
			var ws syscall.WaitStatus
			syscall.Wait4(pid, &ws, 0, nil)
		} else if e := errnoOf(err); e != syscall.ENAMETOOLONG {
			return 0, e, true
		}
	}
	if first != 0 {
		return 0, first, false
	}
	return 0, last, false
}

// missingFile reports whether exe is an absolute path that does not
// exist, and its errno: exec would fail the same way, so the fork is
// skipped. Not under other credentials, which can turn it into EACCES.
func missingFile(exe string, cred bool) (syscall.Errno, bool) {
	if cred || !strings.HasPrefix(exe, "/") {
		return 0, false
	}
	var st syscall.Stat_t
	err := syscall.Stat(exe, &st)
	if err == syscall.ENOENT || err == syscall.ENOTDIR {
		return err.(syscall.Errno), true
	}
	return 0, false
}

// closedFD in ProcAttr.Files closes that descriptor in the child.
const closedFD = ^uintptr(0)

// procAttr builds ForkExec's attributes; a descriptor the child needs
// that is not open fails with EBADF, as in CPython's child.
func (s *childSpec) procAttr() (*syscall.ProcAttr, syscall.Errno) {
	attr := &syscall.ProcAttr{Env: s.env, Sys: &syscall.SysProcAttr{}}
	if attr.Env == nil {
		attr.Env = syscall.Environ()
	}
	if s.hasCwd {
		attr.Dir = s.cwd
	}
	// Files maps the child's descriptors 0..n-1 to the parent's; the
	// child closes those mapped to closedFD. It reaches every
	// descriptor that must be closed: with close_fds, all the parent
	// has open.
	n := 3
	for _, fd := range s.keep {
		n = max(n, fd+1)
	}
	for _, fd := range s.closeInChild {
		n = max(n, fd+1)
	}
	if s.closeFDs {
		n = max(n, maxOpenFD()+1)
	}
	files := make([]uintptr, n)
	for i := range files {
		files[i] = closedFD
	}
	for i, src := range s.stdio {
		switch {
		case src >= 0:
			if !fdOpen(src) {
				return nil, syscall.EBADF
			}
			files[i] = uintptr(src)
		case fdInheritable(i):
			files[i] = uintptr(i)
		}
	}
	for _, fd := range s.keep {
		if !fdOpen(fd) {
			return nil, syscall.EBADF
		}
		if fd >= 3 || s.stdio[fd] < 0 {
			files[fd] = uintptr(fd)
		}
	}
	if !s.closeFDs {
		// Without close_fds the child inherits what is inheritable;
		// ForkExec would clear close-on-exec of a descriptor mapped to
		// itself, so only those already inheritable are.
		for fd := 3; fd < n; fd++ {
			if files[fd] == closedFD && fd != s.errpipeWrite && !contains(s.closeInChild, fd) && fdInheritable(fd) {
				files[fd] = uintptr(fd)
			}
		}
	}
	attr.Files = files
	sys := attr.Sys
	sys.Setsid = s.setsid
	if s.pgid >= 0 {
		sys.Setpgid, sys.Pgid = true, s.pgid
	}
	if s.uid >= 0 || s.gid >= 0 || s.hasGroups {
		// Credential sets all three; "unchanged" is the current
		// effective id.
		cred := &syscall.Credential{Uid: uint32(syscall.Geteuid()), Gid: uint32(syscall.Getegid()), Groups: s.groups, NoSetGroups: !s.hasGroups}
		if s.uid >= 0 {
			cred.Uid = uint32(s.uid)
		}
		if s.gid >= 0 {
			cred.Gid = uint32(s.gid)
		}
		sys.Credential = cred
	}
	return attr, 0
}

// contains reports whether fds holds fd.
func contains(fds []int, fd int) bool {
	for _, x := range fds {
		if x == fd {
			return true
		}
	}
	return false
}

// fdOpen reports whether fd is an open descriptor.
func fdOpen(fd int) bool {
	_, err := fcntl(fd, syscall.F_GETFD, 0)
	return err == nil
}

// fdInheritable reports whether fd is open without close-on-exec.
func fdInheritable(fd int) bool {
	flags, err := fcntl(fd, syscall.F_GETFD, 0)
	return err == nil && flags&syscall.FD_CLOEXEC == 0
}

// maxOpenFD is the highest descriptor the process has open, from
// /proc/self/fd; without /proc, the highest it may open (capped).
func maxOpenFD() int {
	ents, err := readDir(&pathArg{name: "/proc/self/fd"})
	if err != nil {
		var lim syscall.Rlimit
		if syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim) != nil {
			return 1023
		}
		return int(min(lim.Cur, 1<<16)) - 1
	}
	hi := 2
	for _, e := range ents {
		if fd, err := strconv.Atoi(e.name); err == nil {
			hi = max(hi, fd)
		}
	}
	return hi
}

// reapFirstPhantom waits for any phantom child not yet waited for.
func reapFirstPhantom() (int, bool) {
	phantoms.Lock()
	defer phantoms.Unlock()
	for pid := range phantoms.pending {
		delete(phantoms.pending, pid)
		return pid, true
	}
	return 0, false
}
