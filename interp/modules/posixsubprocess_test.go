//go:build linux

package modules_test

import (
	"testing"

	"github.com/parallel-py/parallel/interp/stdlib"
)

// Tests of _posixsubprocess.fork_exec, the posix calls on children and
// signals, and CPython's own subprocess module on top of them. Each
// program runs here and in CPython 3.12; children write to pipes, never
// to the test's own output.

// forkExecHelper runs a program through fork_exec as subprocess.py
// does and returns its output, what it wrote on the error pipe and its
// exit code.
const forkExecHelper = `import os
from _posixsubprocess import fork_exec
def run(args, execs, cwd=None, env=None, keep=(), close_fds=True, setsid=False, pgid=-1, stdin=-1):
    r, w = os.pipe()
    er, ew = os.pipe()
    pid = fork_exec(args, execs, close_fds, tuple(sorted(set(keep) | {ew})), cwd, env, stdin, -1, -1, w, -1, w, er, ew, True, setsid, pgid, None, None, None, -1, None, True)
    os.close(w); os.close(ew)
    err = os.read(er, 100); os.close(er)
    out = b''
    while True:
        b = os.read(r, 100)
        if not b: break
        out += b
    os.close(r)
    p, st = os.waitpid(pid, 0)
    return out, err, p == pid, os.waitstatus_to_exitcode(st)
`

var forkExecPrograms = map[string]posixProgram{
	"runs programs": {nil, forkExecHelper + `
print(run([b'echo', b'hi'], [b'/bin/echo']))
print(run(['sh', '-c', 'echo $X; pwd'], [b'/bin/sh'], cwd='/', env=[b'X=1']))
print(run(['sh', '-c', 'echo $X; pwd'], [b'/bin/sh'], cwd=b'/tmp', env=(b'X=2',)))
print(run(['sh', '-c', 'exit 7'], [b'/nonexistent/sh', b'/etc/passwd/sh', b'/bin/sh']))
i1, i2 = os.pipe(); os.write(i2, b'from stdin'); os.close(i2)
print(run(['cat'], [b'/bin/cat'], stdin=i1)); os.close(i1)
print(run(None, [b'/bin/true']), run('t', [b'/bin/true']))
print(run(iter(['sh', '-c', 'echo $0']), [b'/bin/sh']))
class P:
    def __init__(self, p): self.p = p
    def __fspath__(self): return self.p
print(run([P('sh'), '-c', 'echo $0'], [b'/bin/sh']), run(['sh', '-c', 'pwd'], [b'/bin/sh'], cwd=P('/')))
`},
	"exec failures": {nil, forkExecHelper + `
print(run(['x'], [b'/nonexistent']))
print(run(['x'], [b'/nonexistent', b'/etc/passwd/x']))
print(run(['x'], [b'/etc/passwd', b'/nonexistent']))
print(run(['x'], [b'/nonexistent', b'/etc/passwd', b'/etc']))
print(run(['x'], []))
print(run(['ls'], [b'/bin/ls'], cwd='/nonexistent'))
print(run(['ls'], [b'/nonexistent'], cwd='/nonexistent'))
print(run(['ls'], [b'/bin/ls'], cwd='/etc/passwd'))
print(run(['x'], [b'/nonexistent'], cwd='/'))
print(run(['x'], [b'/bin/true'], stdin=99))
print(run(['x'], [b'/bin/true'], keep=(99,)))
`},
	"sessions and descriptors": {nil, forkExecHelper + `
ids = ['sh', '-c', 'read s < /proc/$$/stat; set -- $s; echo $(( $6 == $$ )) $(( $5 == $$ ))']
print(run(ids, [b'/bin/sh'], setsid=True), run(ids, [b'/bin/sh'], pgid=0), run(ids, [b'/bin/sh']))
k1, k2 = os.pipe()
print(run(['sh', '-c', 'echo kept > /proc/self/fd/%d' % k2], [b'/bin/sh'], keep=(k2,)))
os.close(k2); print(os.read(k1, 100)); os.close(k1)
k1, k2 = os.pipe()
print(run(['sh', '-c', 'echo kept > /proc/self/fd/%d' % k2], [b'/bin/sh'])[1:])
os.set_inheritable(k2, True)
print(run(['sh', '-c', 'echo inh > /proc/self/fd/%d' % k2], [b'/bin/sh'], close_fds=False))
print(run(['sh', '-c', 'echo inh > /proc/self/fd/%d' % k2], [b'/bin/sh'], close_fds=True)[1:])
os.close(k2); print(os.read(k1, 100)); os.close(k1)
`},
	"bad arguments": {nil, `import os
from _posixsubprocess import fork_exec as f
r, w = os.pipe()
base = [[b"true"], [b"/bin/true"], True, (w,), None, None, -1, -1, -1, -1, -1, -1, r, w, True, False, -1, None, None, None, -1, None, True]
def t(*kv):
    a = list(base)
    for i, v in zip(kv[::2], kv[1::2]): a[i] = v
    try:
        pid = f(*a)
        os.waitpid(pid, 0)
        print(kv[::2], "ok")
    except Exception as e: print(kv[::2], type(e).__name__, e)
class I:
    def __index__(self): return 5
t(0, 5); t(0, [1]); t(0, (b"a\0",)); t(0, 5.0); t(0, [bytearray(b"x")])
t(1, None); t(1, (1,)); t(1, ("/bin/true",)); t(1, [bytearray(b"/bin/true")]); t(1, [b"/bin/tr\0ue"]); t(1, 5); t(1, "ab"); t(1, {0: b"/bin/true"})
t(3, [w]); t(3, (w, 3)); t(3, (-1,)); t(3, ("a",)); t(3, (w, w)); t(3, (w, 2**40))
t(4, 5); t(4, "/tm\0p"); t(4, bytearray(b"/"))
t(5, 5); t(5, ("A=1",)); t(5, [b"A\0=1"]); t(5, iter([]))
t(6, "x"); t(6, 2**40); t(6, 1.5); t(16, "x"); t(16, 2**63); t(20, 2**40)
t(13, 1); t(13, 1, 2, False)
t(17, "x"); t(17, -5); t(17, 1.5); t(17, 2**32); t(17, 2**63); t(17, -2**40)
t(18, 5); t(18, (1,)); t(18, ["x"]); t(18, [I()]); t(18, [2**40]); t(18, [-2]); t(18, [1] * 65537)
t(19, -5); t(19, "x"); t(19, 2**64)
t(0, 5, 1, 5); t(4, 5, 1, 5); t(18, 5, 4, 5); t(17, "x", 18, 5); t(19, "x", 17, "x")
for call in [lambda: f(), lambda: f(*base[:-1]), lambda: f(*base, x=1)]:
    try: call()
    except TypeError as e: print(e)
print(f.__name__, f.__module__)
`},
}

// TestPosixSubprocessForkExec checks fork_exec itself.
func TestPosixSubprocessForkExec(t *testing.T) { checkPosixPrograms(t, forkExecPrograms, "") }

var processPrograms = map[string]posixProgram{
	"wait statuses": {nil, `import os
for f in [os.WIFEXITED, os.WEXITSTATUS, os.WIFSIGNALED, os.WTERMSIG, os.WIFSTOPPED, os.WSTOPSIG, os.WCOREDUMP, os.WIFCONTINUED]:
    print(f.__name__, [f(s) for s in (0, 256, 768, 9, 137, 0x7f, 0x137f, 0xffff, 0x8b, -1, True)])
    for a, k in [(("x",), {}), ((), {'status': 256}), ((2**40,), {}), ((), {}), ((1, 2), {})]:
        try: print(f(*a, **k))
        except TypeError as e: print(type(e).__name__, e)
        except OverflowError as e: print(type(e).__name__, e)
for s in [256, 9, 0x137f, 0, "x", 2**40, 0xffff, 0x80, -1]:
    try: print(os.waitstatus_to_exitcode(s))
    except Exception as e: print(type(e).__name__, e)
print(os.waitstatus_to_exitcode(status=512))
`},
	"children and signals": {nil, `import os, signal
for f, a in [(os.waitpid, (99999, 0)), (os.waitpid, (-1, os.WNOHANG)), (os.waitpid, ("x", 0)), (os.waitpid, (1,)),
             (os.waitpid, (2**40, 0)), (os.waitpid, (1.5, 0)), (os.wait, ()), (os.kill, (99999, 0)),
             (os.kill, (os.getpid(), 0)), (os.kill, (os.getpid(), signal.Signals(0))), (os.kill, (1, 9999)),
             (os.kill, ("x", 1)), (os.kill, (1, "x")), (os.kill, (2**40, 0)), (os.kill, (os.getpid(), 2**40)),
             (os.kill, ()), (os.killpg, (99999, 0)), (os.killpg, (2**40, 0)), (os.pipe2, ("x",)),
             (os.pipe2, (2**40,)), (os.pipe2, ()), (os.pipe2, (1,)), (os.getpgid, (999999,)), (os.getsid, (999999,))]:
    try: print(f.__name__, f(*a))
    except Exception as e: print(f.__name__, type(e).__name__, e)
for f, k in [(os.waitpid, {'pid': 1, 'options': 0}), (os.kill, {'pid': 1, 'signal': 0}), (os.pipe2, {'flags': 0})]:
    try: f(**k)
    except TypeError as e: print(e)
r, w = os.pipe2(os.O_CLOEXEC | os.O_NONBLOCK)
print(os.get_inheritable(r), os.get_blocking(w)); os.close(r); os.close(w)
r, w = os.pipe2(0)
print(os.get_inheritable(r), os.get_blocking(w)); os.close(r); os.close(w)
print(os.getpgid(0) == os.getpgrp(), os.getsid(0) == os.getsid(os.getpid()))
print(os.system('exit 5'), os.system(b'exit 3'), os.system(command='true'), os.waitstatus_to_exitcode(os.system('kill -9 $$')))
for a in [1, 'a\0']:
    try: os.system(a)
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
`},
}

// TestPosixProcess checks kill, waitpid, the wait status functions,
// pipe2 and system.
func TestPosixProcess(t *testing.T) { checkPosixPrograms(t, processPrograms, "") }

var subprocessPrograms = map[string]posixProgram{
	"run": {[]string{"subprocess"}, `import subprocess, os
print(subprocess.run(["echo", "hi"], stdout=subprocess.PIPE))
print(subprocess.check_output(['sh', '-c', 'echo $X'], env={'X': '1'}))
print(subprocess.run(['sh', '-c', 'exit 3']).returncode, subprocess.call(['true']), subprocess.call(['false']))
try: subprocess.check_call(['sh', '-c', 'exit 4'])
except subprocess.CalledProcessError as e: print(repr(e), e)
try: subprocess.check_output(['sh', '-c', 'echo out; kill -9 $$'])
except subprocess.CalledProcessError as e: print(repr(e), e, e.output)
print(subprocess.run(['pwd'], cwd=D, stdout=subprocess.PIPE).stdout.decode().replace(D, '<D>'))
print(subprocess.run('echo $0', shell=True, stdout=subprocess.PIPE, text=True).stdout)
print(subprocess.run('echo err >&2', shell=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT).stdout)
print(subprocess.run(['env'], env={'A': 'b'}, stdout=subprocess.PIPE).stdout)
os.environ['ZZ_SUBPROCESS_TEST'] = 'zz'
print(subprocess.check_output(['sh', '-c', 'echo $ZZ_SUBPROCESS_TEST']), subprocess.check_output('echo $PPID', shell=True).strip() == str(os.getpid()).encode())
print(subprocess.run(['cat'], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE).stdout)
with open(os.path.join(D, 'in.txt'), 'w') as f: f.write('from a file')
with open(os.path.join(D, 'in.txt')) as f: print(subprocess.check_output(['cat'], stdin=f))
print(subprocess.check_output(['sh', '-c', 'echo $ZZ_SUBPROCESS_TEST'], env=os.environ), os.get_exec_path() == os.environ['PATH'].split(':'))
`},
	"timeouts": {[]string{"subprocess"}, `import subprocess
try: subprocess.run(['sleep', '5'], timeout=0.1)
except subprocess.TimeoutExpired as e: print(type(e).__name__, e.cmd, 0 < e.timeout <= 0.1, e.output)
p = subprocess.Popen(['sleep', '5'])
try: p.wait(timeout=0.05)
except subprocess.TimeoutExpired as e: print(e)
print(p.poll()); p.kill(); print(p.wait())
try: subprocess.call(['sleep', '5'], timeout=0.05)
except subprocess.TimeoutExpired as e: print(e)
`},
	"missing programs": {[]string{"subprocess"}, `import subprocess, pathlib
for a, kw in [(['/nonexistent'], {}), (['nonexistent-program'], {}), (['ls'], {'cwd': '/nonexistent'}), (['/etc/passwd'], {}),
              (['/nonexistent'], {'cwd': '/nonexistent'}), ([b'nonexistent-program'], {}), (['/etc/passwd/x'], {}),
              (['ls'], {'cwd': '/etc/passwd'}), (['ls'], {'stdin': 99}), ([pathlib.Path('/nonexistent')], {}),
              (['ls'], {'executable': '/nonexistent'}), (['ls'], {'env': {'PATH': '/nonexistent'}})]:
    try: subprocess.run(a, **kw)
    except OSError as e: print(type(e).__name__, e, repr(e.filename))
`},
	"Popen": {[]string{"subprocess"}, `import subprocess, signal, os
p = subprocess.Popen(['sleep', '5'])
print(p.poll()); p.kill(); print(p.wait(), p.returncode, p.poll())
p = subprocess.Popen(['sleep', '5']); p.terminate(); print(p.wait())
p = subprocess.Popen(['sleep', '5']); p.send_signal(signal.SIGINT); print(p.wait())
p = subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
p.stdin.write(b'abc'); p.stdin.close(); print(p.stdout.read(), p.wait()); p.stdout.close()
with subprocess.Popen(['sh', '-c', 'exit 9'], stdout=subprocess.PIPE) as p:
    print(p.stdout.read())
print(p.returncode, p.args)
r, w = os.pipe()
p = subprocess.Popen(['sh', '-c', 'echo via $0 > /proc/self/fd/%d' % w], pass_fds=(w,))
os.close(w); print(p.wait(), os.read(r, 100)); os.close(r)
p = subprocess.Popen(['sh', '-c', 'read s < /proc/$$/stat; set -- $s; echo $(( $6 == $$ )) $(( $5 == $$ ))'], stdout=subprocess.PIPE, start_new_session=True)
print(p.stdout.read(), p.wait()); p.stdout.close()
p = subprocess.Popen(['sh', '-c', 'read s < /proc/$$/stat; set -- $s; echo $(( $6 == $$ )) $(( $5 == $$ ))'], stdout=subprocess.PIPE, process_group=0)
print(p.stdout.read(), p.wait()); p.stdout.close()
`},
}

// TestSubprocess runs CPython's subprocess module (the parts that need
// no select: one pipe at a time).
func TestSubprocess(t *testing.T) { checkPosixPrograms(t, subprocessPrograms, "") }

var communicatePrograms = map[string]posixProgram{
	"communicate": {[]string{"subprocess"}, `import subprocess
print(subprocess.run(['echo', 'hi'], capture_output=True))
print(subprocess.run(['cat'], input=b'xyz', capture_output=True).stdout)
print(subprocess.run(['sh', '-c', 'echo out; echo err >&2'], capture_output=True, text=True))
print(subprocess.getoutput('echo hello; echo err >&2'), subprocess.getstatusoutput('exit 3'))
try: subprocess.run(['sleep', '5'], timeout=0.1)
except subprocess.TimeoutExpired as e: print(type(e).__name__, e.cmd, 0 < e.timeout <= 0.1)
p = subprocess.Popen(['sleep', '5'])
try: p.wait(timeout=0.05)
except subprocess.TimeoutExpired as e: print(e)
p.kill(); print(p.wait())
p = subprocess.Popen(['sh', '-c', 'cat; sleep 5'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
try: p.communicate(b'data', timeout=0.2)
except subprocess.TimeoutExpired as e: print(type(e).__name__)
p.kill(); print(p.communicate())
`},
}

// TestSubprocessCommunicate runs subprocess's communicate, which needs
// select and hashable file objects.
func TestSubprocessCommunicate(t *testing.T) {
	checkPosixPrograms(t, communicatePrograms, "import subprocess\nsubprocess.run(['true'], capture_output=True)")
}

// TestPosixSubprocessNotImplemented checks what fork_exec cannot do
// here: run Python code in the child, or set its umask.
func TestPosixSubprocessNotImplemented(t *testing.T) {
	lib, err := stdlib.Find()
	if err != nil {
		t.Skip("no CPython standard library:", err)
	}
	got, exc := runPosix(t, lib.Dir, `import os
from _posixsubprocess import fork_exec
r, w = os.pipe()
for i, v in [(21, lambda: None), (20, 0o22)]:
    a = [[b"true"], [b"/bin/true"], True, (w,), None, None, -1, -1, -1, -1, -1, -1, r, w, True, False, -1, None, None, None, -1, None, True]
    a[i] = v
    try: fork_exec(*a)
    except NotImplementedError as e: print(e)
`, t.TempDir())
	want := "subprocess's preexec_fn is not implemented\nsubprocess's umask argument is not implemented yet\n"
	if got != want || exc != "" {
		t.Errorf("got:\n%s%s\nwant:\n%s", got, exc, want)
	}
}
