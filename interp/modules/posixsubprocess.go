//go:build linux

package modules

import (
	"math/big"
	"strings"

	"github.com/parallel-py/parallel/interp"
)

// The _posixsubprocess module: fork_exec, with which subprocess.Popen
// (and multiprocessing's spawnv_passfds) start a child process. This
// file converts fork_exec's 23 arguments as CPython 3.12 does, in its
// order and with its messages; posixsubprocess_spawn.go starts the
// child.
//
// A Go process cannot fork and go on running Python in the child, so
// preexec_fn (Python code run between fork and exec) raises
// NotImplementedError; so does child_umask, which Go's ForkExec cannot
// set in the child alone (the umask is process-wide in the parent).

var posixSubprocessTable moduleTable

func init() {
	posixSubprocessTable.fn("fork_exec", forkExec)
	interp.RegisterModule("_posixsubprocess", func(in *interp.Interp, m *interp.Module) error {
		if err := setModuleDoc(in, m, "A POSIX helper for the subprocess module."); err != nil {
			return err
		}
		return posixSubprocessTable.fill(in, m)
	})
}

// setModuleDoc sets a module's __doc__.
func setModuleDoc(in *interp.Interp, m *interp.Module, doc string) error {
	s, err := in.NewStr(doc)
	if err != nil {
		return err
	}
	defer in.DecRef(s)
	return m.Set(in, "__doc__", s)
}

// forkExec is fork_exec(args, executable_list, close_fds, fds_to_keep,
// cwd, env_list, p2cread, p2cwrite, c2pread, c2pwrite, errread,
// errwrite, errpipe_read, errpipe_write, restore_signals, call_setsid,
// pgid_to_set, gid, extra_groups, uid, child_umask, preexec_fn,
// allow_vfork): it returns the child's pid.
func forkExec(in *interp.Interp, args, kwnames []interp.Value) (interp.Value, error) {
	if err := in.NoKeywords("_posixsubprocess.fork_exec", kwnames); err != nil {
		return interp.Value{}, err
	}
	if err := in.CheckArgCount("fork_exec", args, nil, 23, 23); err != nil {
		return interp.Value{}, err
	}
	s := childSpec{uid: -1, gid: -1}
	var err error
	// Argument clinic's conversions come first, in the order of the
	// parameters.
	if s.closeFDs, err = in.Truth(args[2]); err != nil {
		return interp.Value{}, err
	}
	if !interp.IsInstance(args[3], interp.TupleType) {
		return interp.Value{}, in.Raise(interp.TypeError, "fork_exec() argument 4 must be tuple, not %s", args[3].Type().Name)
	}
	var fds [8]int // p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write
	for i := range fds {
		if fds[i], err = cInt(in, args[6+i]); err != nil {
			return interp.Value{}, err
		}
	}
	if _, err = in.Truth(args[14]); err != nil { // restore_signals: see spawn
		return interp.Value{}, err
	}
	if s.setsid, err = in.Truth(args[15]); err != nil {
		return interp.Value{}, err
	}
	pgid, err := int64Arg(in, args[16])
	if err != nil {
		return interp.Value{}, err
	}
	// pid_t is a C int: CPython truncates the C long it reads.
	s.pgid = int(int32(pgid))
	umask, err := cInt(in, args[20])
	if err != nil {
		return interp.Value{}, err
	}
	if _, err = in.Truth(args[22]); err != nil { // allow_vfork: Go's ForkExec vforks
		return interp.Value{}, err
	}
	s.stdio = [3]int{fds[0], fds[3], fds[5]}
	s.closeInChild = []int{fds[1], fds[2], fds[4]}
	s.errpipeWrite = fds[7]

	// Then the function's own checks.
	if s.closeFDs && s.errpipeWrite < 3 {
		return interp.Value{}, in.Raise(interp.ValueError, "errpipe_write must be >= 3")
	}
	if s.keep, err = fdsToKeep(in, args[3], s.errpipeWrite); err != nil {
		return interp.Value{}, err
	}
	if s.execs, err = bytesSeq(in, args[1]); err != nil {
		return interp.Value{}, err
	}
	if !args[0].IsNone() {
		if s.argv, err = argvOf(in, args[0]); err != nil {
			return interp.Value{}, err
		}
	}
	if !args[5].IsNone() {
		if s.env, err = bytesSeq(in, args[5]); err != nil {
			return interp.Value{}, err
		}
		if s.env == nil {
			s.env = []string{}
		}
	}
	if !args[4].IsNone() {
		if s.cwd, err = fsConvert(in, args[4]); err != nil {
			return interp.Value{}, err
		}
		s.hasCwd = true
	}
	if !args[18].IsNone() {
		if s.groups, err = extraGroups(in, args[18]); err != nil {
			return interp.Value{}, err
		}
		s.hasGroups = true
	}
	if !args[17].IsNone() {
		if s.gid, err = idArg(in, args[17], "gid"); err != nil {
			return interp.Value{}, err
		}
	}
	if !args[19].IsNone() {
		if s.uid, err = idArg(in, args[19], "uid"); err != nil {
			return interp.Value{}, err
		}
	}
	if !args[21].IsNone() {
		return interp.Value{}, in.Raise(interp.NotImplementedError, "subprocess's preexec_fn is not implemented")
	}
	if umask >= 0 {
		return interp.Value{}, in.Raise(interp.NotImplementedError, "subprocess's umask argument is not implemented yet")
	}
	return interp.Int(int64(s.start())), nil
}

// fdsToKeep checks fds_to_keep as CPython does (ints in increasing
// order, none negative or above a C int) and returns those other than
// errpipe_write, which the child must not inherit.
func fdsToKeep(in *interp.Interp, v interp.Value, errpipeWrite int) ([]int, error) {
	items, _ := interp.TupleItems(v)
	keep := make([]int, 0, len(items))
	prev := -1
	for _, it := range items {
		n, ok := intValueOf(it)
		if !interp.IsInt(it) || !ok || n < 0 || n <= int64(prev) || n > 1<<31-1 {
			return nil, in.Raise(interp.ValueError, "bad value(s) in fds_to_keep")
		}
		prev = int(n)
		if prev != errpipeWrite {
			keep = append(keep, prev)
		}
	}
	return keep, nil
}

// seqItemsOf returns new references to the items of a sequence, read
// with len() and indexing as PySequence_Size and PySequence_GetItem do.
func seqItemsOf(in *interp.Interp, v interp.Value) ([]interp.Value, error) {
	items, ok := interp.TupleItems(v)
	if !ok {
		items, ok = interp.ListItems(v)
	}
	if ok {
		out := append([]interp.Value(nil), items...)
		for _, x := range out {
			interp.IncRef(x)
		}
		return out, nil
	}
	if interp.IsInstance(v, interp.DictType) {
		return nil, in.Raise(interp.TypeError, "%s is not a sequence", v.Type().Name)
	}
	n, err := in.Len(v)
	if err != nil {
		return nil, err
	}
	out := make([]interp.Value, 0, n)
	for i := 0; i < n; i++ {
		x, err := in.GetItem(v, interp.Int(int64(i)))
		if err != nil {
			releaseAll(in, out)
			return nil, err
		}
		out = append(out, x)
	}
	return out, nil
}

// bytesSeq converts executable_list or env_list: a sequence of bytes
// without NUL characters.
func bytesSeq(in *interp.Interp, v interp.Value) ([]string, error) {
	items, err := seqItemsOf(in, v)
	if err != nil {
		return nil, err
	}
	defer releaseAll(in, items)
	var out []string
	for _, x := range items {
		if !interp.IsBytes(x) {
			return nil, in.Raise(interp.TypeError, "expected bytes, %s found", x.Type().Name)
		}
		b, _ := interp.BufferBytes(x)
		if strings.IndexByte(string(b), 0) >= 0 {
			return nil, in.Raise(interp.ValueError, "embedded null byte")
		}
		out = append(out, string(b))
	}
	return out, nil
}

// argvOf converts the args argument: any iterable (PySequence_Fast)
// of file names.
func argvOf(in *interp.Interp, v interp.Value) ([]string, error) {
	items, ok := interp.TupleItems(v)
	if !ok {
		items, ok = interp.ListItems(v)
	}
	var owned []interp.Value
	if !ok {
		it, err := in.Iter(v)
		if err != nil {
			if !interp.ErrorIs(err, interp.TypeError) {
				return nil, err
			}
			in.DiscardError(err)
			return nil, in.Raise(interp.TypeError, "argv must be a tuple")
		}
		for {
			x, more, err := in.Next(it)
			if err != nil {
				in.DecRef(it)
				releaseAll(in, owned)
				return nil, err
			}
			if !more {
				break
			}
			owned = append(owned, x)
		}
		in.DecRef(it)
		defer releaseAll(in, owned)
		items = owned
	} else {
		// The items are read while converting, which may run
		// __fspath__: hold them.
		owned = append(owned, items...)
		for _, x := range owned {
			interp.IncRef(x)
		}
		defer releaseAll(in, owned)
		items = owned
	}
	argv := make([]string, 0, len(items))
	for _, x := range items {
		s, err := fsConvert(in, x)
		if err != nil {
			return nil, err
		}
		argv = append(argv, s)
	}
	return argv, nil
}

// maxGroups is NGROUPS_MAX on Linux.
const maxGroups = 65536

// extraGroups converts extra_groups: a list of group ids.
func extraGroups(in *interp.Interp, v interp.Value) ([]uint32, error) {
	items, ok := interp.ListItems(v)
	if !ok {
		return nil, in.Raise(interp.TypeError, "setgroups argument must be a list")
	}
	if len(items) > maxGroups {
		return nil, in.Raise(interp.ValueError, "too many extra_groups")
	}
	groups := make([]uint32, 0, len(items))
	for _, x := range items {
		if !interp.IsInt(x) {
			return nil, in.Raise(interp.TypeError, "extra_groups must be integers")
		}
		n, ok := intValueOf(x)
		if !ok || n < -1 || n > 1<<32-1 {
			return nil, in.Raise(interp.ValueError, "invalid group id")
		}
		groups = append(groups, uint32(n))
	}
	return groups, nil
}

// idArg converts a uid or gid as CPython's _Py_Uid_Converter does; -1
// (or its unsigned form) means unchanged and comes back as -1.
func idArg(in *interp.Interp, v interp.Value, what string) (int64, error) {
	if !interp.IsInt(v) {
		if _, found, err := lookupIndex(in, v); err != nil {
			return 0, err
		} else if !found {
			return 0, in.Raise(interp.TypeError, "%s should be integer, not %s", what, v.Type().Name)
		}
	}
	iv, err := in.Index(v)
	if err != nil {
		return 0, err
	}
	defer in.DecRef(iv)
	n, ok := intValueOf(iv)
	if !ok {
		if interp.BigIntOf(iv).Cmp(big.NewInt(0)) < 0 {
			return 0, in.Raise(interp.OverflowError, "%s is less than minimum", what)
		}
		return 0, in.Raise(interp.OverflowError, "%s is greater than maximum", what)
	}
	switch {
	case n == -1 || n == 1<<32-1:
		return -1, nil
	case n < -1 || n > 1<<32-1:
		// Between 2**32 and 2**63 CPython also says "less than
		// minimum": the value does not survive the cast to uid_t.
		return 0, in.Raise(interp.OverflowError, "%s is less than minimum", what)
	}
	return n, nil
}

// childSpec is what fork_exec's arguments ask of the child.
type childSpec struct {
	argv  []string
	execs []string
	// env is nil to pass the parent's environment.
	env    []string
	cwd    string
	hasCwd bool
	// stdio are p2cread, c2pwrite and errwrite, which become the
	// child's 0, 1 and 2 (-1: the parent's own).
	stdio [3]int
	// closeInChild are p2cwrite, c2pread and errread, the parent's
	// ends of the pipes.
	closeInChild []int
	closeFDs     bool
	// keep is fds_to_keep but errpipe_write.
	keep         []int
	errpipeWrite int
	setsid       bool
	// pgid is the process group to join (-1: none).
	pgid      int
	uid, gid  int64 // -1: unchanged
	groups    []uint32
	hasGroups bool
}
