package modules

import (
	"os"
	"path/filepath"
	"runtime"
	"syscall"

	"github.com/parallel-py/parallel/interp"
)

// os.sysconf and os.sysconf_names: the system limits glibc's sysconf
// reports on Linux, computed here from the kernel (rlimits, sysinfo,
// /proc and /sys) or fixed where glibc's answer is a constant. A name
// glibc knows but this module does not compute raises NotImplementedError.

// sysconfNames is os.sysconf_names: glibc's _SC_* numbers on Linux.
var sysconfNames = map[string]int{
	"SC_ARG_MAX":                      0,
	"SC_CHILD_MAX":                    1,
	"SC_CLK_TCK":                      2,
	"SC_NGROUPS_MAX":                  3,
	"SC_OPEN_MAX":                     4,
	"SC_STREAM_MAX":                   5,
	"SC_TZNAME_MAX":                   6,
	"SC_JOB_CONTROL":                  7,
	"SC_SAVED_IDS":                    8,
	"SC_REALTIME_SIGNALS":             9,
	"SC_PRIORITY_SCHEDULING":          10,
	"SC_TIMERS":                       11,
	"SC_ASYNCHRONOUS_IO":              12,
	"SC_PRIORITIZED_IO":               13,
	"SC_SYNCHRONIZED_IO":              14,
	"SC_FSYNC":                        15,
	"SC_MAPPED_FILES":                 16,
	"SC_MEMLOCK":                      17,
	"SC_MEMLOCK_RANGE":                18,
	"SC_MEMORY_PROTECTION":            19,
	"SC_MESSAGE_PASSING":              20,
	"SC_SEMAPHORES":                   21,
	"SC_SHARED_MEMORY_OBJECTS":        22,
	"SC_AIO_LISTIO_MAX":               23,
	"SC_AIO_MAX":                      24,
	"SC_AIO_PRIO_DELTA_MAX":           25,
	"SC_DELAYTIMER_MAX":               26,
	"SC_MQ_OPEN_MAX":                  27,
	"SC_MQ_PRIO_MAX":                  28,
	"SC_VERSION":                      29,
	"SC_PAGESIZE":                     30,
	"SC_PAGE_SIZE":                    30,
	"SC_RTSIG_MAX":                    31,
	"SC_SEM_NSEMS_MAX":                32,
	"SC_SEM_VALUE_MAX":                33,
	"SC_SIGQUEUE_MAX":                 34,
	"SC_TIMER_MAX":                    35,
	"SC_BC_BASE_MAX":                  36,
	"SC_BC_DIM_MAX":                   37,
	"SC_BC_SCALE_MAX":                 38,
	"SC_BC_STRING_MAX":                39,
	"SC_COLL_WEIGHTS_MAX":             40,
	"SC_EQUIV_CLASS_MAX":              41,
	"SC_EXPR_NEST_MAX":                42,
	"SC_LINE_MAX":                     43,
	"SC_RE_DUP_MAX":                   44,
	"SC_CHARCLASS_NAME_MAX":           45,
	"SC_2_VERSION":                    46,
	"SC_2_C_BIND":                     47,
	"SC_2_C_DEV":                      48,
	"SC_2_FORT_DEV":                   49,
	"SC_2_FORT_RUN":                   50,
	"SC_2_SW_DEV":                     51,
	"SC_2_LOCALEDEF":                  52,
	"SC_PII":                          53,
	"SC_PII_XTI":                      54,
	"SC_PII_SOCKET":                   55,
	"SC_PII_INTERNET":                 56,
	"SC_PII_OSI":                      57,
	"SC_POLL":                         58,
	"SC_SELECT":                       59,
	"SC_IOV_MAX":                      60,
	"SC_UIO_MAXIOV":                   60,
	"SC_PII_INTERNET_STREAM":          61,
	"SC_PII_INTERNET_DGRAM":           62,
	"SC_PII_OSI_COTS":                 63,
	"SC_PII_OSI_CLTS":                 64,
	"SC_PII_OSI_M":                    65,
	"SC_T_IOV_MAX":                    66,
	"SC_THREADS":                      67,
	"SC_THREAD_SAFE_FUNCTIONS":        68,
	"SC_GETGR_R_SIZE_MAX":             69,
	"SC_GETPW_R_SIZE_MAX":             70,
	"SC_LOGIN_NAME_MAX":               71,
	"SC_TTY_NAME_MAX":                 72,
	"SC_THREAD_DESTRUCTOR_ITERATIONS": 73,
	"SC_THREAD_KEYS_MAX":              74,
	"SC_THREAD_STACK_MIN":             75,
	"SC_THREAD_THREADS_MAX":           76,
	"SC_THREAD_ATTR_STACKADDR":        77,
	"SC_THREAD_ATTR_STACKSIZE":        78,
	"SC_THREAD_PRIORITY_SCHEDULING":   79,
	"SC_THREAD_PRIO_INHERIT":          80,
	"SC_THREAD_PRIO_PROTECT":          81,
	"SC_THREAD_PROCESS_SHARED":        82,
	"SC_NPROCESSORS_CONF":             83,
	"SC_NPROCESSORS_ONLN":             84,
	"SC_PHYS_PAGES":                   85,
	"SC_AVPHYS_PAGES":                 86,
	"SC_ATEXIT_MAX":                   87,
	"SC_PASS_MAX":                     88,
	"SC_XOPEN_VERSION":                89,
	"SC_XOPEN_XCU_VERSION":            90,
	"SC_XOPEN_UNIX":                   91,
	"SC_XOPEN_CRYPT":                  92,
	"SC_XOPEN_ENH_I18N":               93,
	"SC_XOPEN_SHM":                    94,
	"SC_2_CHAR_TERM":                  95,
	"SC_2_C_VERSION":                  96,
	"SC_2_UPE":                        97,
	"SC_XOPEN_XPG2":                   98,
	"SC_XOPEN_XPG3":                   99,
	"SC_XOPEN_XPG4":                   100,
	"SC_CHAR_BIT":                     101,
	"SC_CHAR_MAX":                     102,
	"SC_CHAR_MIN":                     103,
	"SC_INT_MAX":                      104,
	"SC_INT_MIN":                      105,
	"SC_LONG_BIT":                     106,
	"SC_WORD_BIT":                     107,
	"SC_MB_LEN_MAX":                   108,
	"SC_NZERO":                        109,
	"SC_SSIZE_MAX":                    110,
	"SC_SCHAR_MAX":                    111,
	"SC_SCHAR_MIN":                    112,
	"SC_SHRT_MAX":                     113,
	"SC_SHRT_MIN":                     114,
	"SC_UCHAR_MAX":                    115,
	"SC_UINT_MAX":                     116,
	"SC_ULONG_MAX":                    117,
	"SC_USHRT_MAX":                    118,
	"SC_NL_ARGMAX":                    119,
	"SC_NL_LANGMAX":                   120,
	"SC_NL_MSGMAX":                    121,
	"SC_NL_NMAX":                      122,
	"SC_NL_SETMAX":                    123,
	"SC_NL_TEXTMAX":                   124,
	"SC_XBS5_ILP32_OFF32":             125,
	"SC_XBS5_ILP32_OFFBIG":            126,
	"SC_XBS5_LP64_OFF64":              127,
	"SC_XBS5_LPBIG_OFFBIG":            128,
	"SC_XOPEN_LEGACY":                 129,
	"SC_XOPEN_REALTIME":               130,
	"SC_XOPEN_REALTIME_THREADS":       131,
	"SC_MINSIGSTKSZ":                  249,
}

// sysconfFixed are the values glibc returns as constants on Linux.
var sysconfFixed = map[string]int64{
	"SC_CLK_TCK":                      100,
	"SC_IOV_MAX":                      1024,
	"SC_LINE_MAX":                     2048,
	"SC_LOGIN_NAME_MAX":               256,
	"SC_TTY_NAME_MAX":                 32,
	"SC_GETPW_R_SIZE_MAX":             1024,
	"SC_GETGR_R_SIZE_MAX":             1024,
	"SC_THREAD_STACK_MIN":             16384,
	"SC_SEM_NSEMS_MAX":                -1,
	"SC_STREAM_MAX":                   16,
	"SC_TZNAME_MAX":                   -1,
	"SC_RE_DUP_MAX":                   0x7fff,
	"SC_BC_BASE_MAX":                  99,
	"SC_BC_DIM_MAX":                   2048,
	"SC_BC_SCALE_MAX":                 99,
	"SC_BC_STRING_MAX":                1000,
	"SC_COLL_WEIGHTS_MAX":             255,
	"SC_EXPR_NEST_MAX":                32,
	"SC_CHARCLASS_NAME_MAX":           2048,
	"SC_SIGQUEUE_MAX":                 -1,
	"SC_PTHREAD_KEYS_MAX":             1024,
	"SC_THREAD_KEYS_MAX":              1024,
	"SC_THREAD_DESTRUCTOR_ITERATIONS": 4,
	"SC_THREAD_THREADS_MAX":           -1,
}

// rlimitValue is a soft resource limit as sysconf gives it (-1 for none).
func rlimitValue(resource int) (int64, bool) {
	var lim syscall.Rlimit
	if syscall.Getrlimit(resource, &lim) != nil {
		return 0, false
	}
	if lim.Cur == ^uint64(0) {
		return -1, true
	}
	return int64(lim.Cur), true
}

// sysconfValue computes the value of name, or ok false when this module
// does not know how.
func sysconfValue(name string) (v int64, ok bool) {
	if v, ok := sysconfFixed[name]; ok {
		return v, true
	}
	switch name {
	case "SC_PAGESIZE", "SC_PAGE_SIZE":
		return int64(os.Getpagesize()), true
	case "SC_OPEN_MAX":
		return rlimitValue(syscall.RLIMIT_NOFILE)
	case "SC_CHILD_MAX":
		const rlimitNproc = 6 // RLIMIT_NPROC on Linux
		return rlimitValue(rlimitNproc)
	case "SC_ARG_MAX":
		// glibc: a quarter of the stack limit, at least the historical
		// ARG_MAX of 128 KiB.
		v, ok := rlimitValue(syscall.RLIMIT_STACK)
		if !ok || v < 0 {
			return 131072, true
		}
		return max(v/4, 131072), true
	case "SC_NGROUPS_MAX":
		if n, err := readProcInt("/proc/sys/kernel/ngroups_max"); err == nil {
			return n, true
		}
		return 65536, true
	case "SC_NPROCESSORS_ONLN":
		if n := onlineCPUs(); n > 0 {
			return int64(n), true
		}
		return int64(runtime.NumCPU()), true
	case "SC_NPROCESSORS_CONF":
		if m, err := filepath.Glob("/sys/devices/system/cpu/cpu[0-9]*"); err == nil && len(m) > 0 {
			return int64(len(m)), true
		}
		return int64(runtime.NumCPU()), true
	case "SC_PHYS_PAGES", "SC_AVPHYS_PAGES":
		var si syscall.Sysinfo_t
		if syscall.Sysinfo(&si) != nil {
			return 0, false
		}
		mem := uint64(si.Totalram)
		if name == "SC_AVPHYS_PAGES" {
			mem = uint64(si.Freeram)
		}
		return int64(mem * uint64(si.Unit) / uint64(os.Getpagesize())), true
	}
	return 0, false
}

// readProcInt reads a number from a /proc file.
func readProcInt(path string) (int64, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	var n int64
	for _, c := range data {
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int64(c-'0')
	}
	return n, nil
}

var sysconfParams = interp.Params{Func: "sysconf", Names: []string{"name"}, PosOnly: 1, Required: 1}

func init() {
	defPosix("sysconf", func(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
		var arg interp.Value
		if err := in.Unpack(&sysconfParams, args, kwnames, &arg); err != nil {
			return interp.Value{}, err
		}
		var name string
		switch {
		case interp.IsStr(arg):
			name = arg.GoString()
			if _, ok := sysconfNames[name]; !ok {
				return interp.Value{}, in.Raise(interp.ValueError, "unrecognized configuration name")
			}
		case interp.IsInt(arg):
			n, fits := interp.IntValue(arg)
			if !fits {
				return interp.Value{}, in.Raise(interp.OverflowError, "Python int too large to convert to C int")
			}
			for k, v := range sysconfNames {
				if int64(v) == n && (name == "" || k < name) {
					name = k
				}
			}
			if name == "" {
				return interp.Value{}, fdError(in, syscall.EINVAL) // sysconf(3) fails so
			}
		default:
			return interp.Value{}, in.Raise(interp.TypeError, "configuration names must be strings or integers")
		}
		v, ok := sysconfValue(name)
		if !ok {
			return interp.Value{}, in.Raise(interp.NotImplementedError, "os.sysconf(%q) is not implemented yet", name)
		}
		return interp.Int(v), nil
	})
}

// initSysconfNames adds os.sysconf_names.
func initSysconfNames(in *interp.Interp, m *interp.Module) error {
	d, err := in.NewDict()
	if err != nil {
		return err
	}
	defer in.DecRef(d)
	for k, v := range sysconfNames {
		if err := in.DictSet(interp.AsDict(d), interp.ImmortalStr(k), interp.Int(int64(v))); err != nil {
			return err
		}
	}
	return m.Set(in, "sysconf_names", d)
}
