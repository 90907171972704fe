package modules_test

import "testing"

// _signal (in package interp): handlers run when a signal is raised,
// SIG_IGN and the default SIGINT handler, and the errors of bad input.
func TestSignal(t *testing.T) {
	checkModulePrograms(t, map[string]string{
		"handlers": `import _signal as s
seen = []
old = s.signal(s.SIGUSR1, lambda n, f: seen.append((n, f is not None)))
print(old == s.SIG_DFL, s.getsignal(s.SIGINT) is s.default_int_handler)
s.raise_signal(s.SIGUSR1)
print(seen)
s.signal(s.SIGUSR1, s.SIG_IGN)
s.raise_signal(s.SIGUSR1)
print(seen, s.getsignal(s.SIGUSR1) == s.SIG_IGN)
try:
    s.raise_signal(s.SIGINT)
except KeyboardInterrupt:
    print('KeyboardInterrupt')
print(s.strsignal(s.SIGINT), s.strsignal(s.SIGTERM), len(s.valid_signals()), s.NSIG)
for bad in [lambda: s.signal(0, s.SIG_IGN), lambda: s.signal(s.SIGUSR1, 5), lambda: s.getsignal(1000), lambda: s.signal(s.SIGKILL, s.SIG_IGN)]:
    try:
        bad()
    except (ValueError, TypeError, OSError) as e:
        print(type(e).__name__, e)
print(s.siginterrupt(s.SIGINT, False))
`,
	})
}
