//go:build linux

package modules

import (
	"encoding/binary"
	"net"
	"os"
	"strconv"
	"strings"
	"syscall"

	"github.com/parallel-py/parallel/interp"
)

// The functions of _socket: the resolver's front ends, the address
// conversions, byte order, socketpair/dup/close and the default
// timeout.

// sockFuncOneArg checks the call of a METH_O module function.
func sockFuncOneArg(in *interp.Interp, name string, args, kwnames []Value) error {
	if len(kwnames) > 0 {
		return in.Raise(interp.TypeError, "_socket.%s() takes no keyword arguments", name)
	}
	if len(args) != 1 {
		return in.Raise(interp.TypeError, "_socket.%s() takes exactly one argument (%d given)", name, len(args))
	}
	return nil
}

// sockFuncNoArgs checks the call of a METH_NOARGS module function.
func sockFuncNoArgs(in *interp.Interp, name string, args, kwnames []Value) error {
	if len(kwnames) > 0 {
		return in.Raise(interp.TypeError, "_socket.%s() takes no keyword arguments", name)
	}
	if len(args) != 0 {
		return in.Raise(interp.TypeError, "_socket.%s() takes no arguments (%d given)", name, len(args))
	}
	return nil
}

// sockFuncArgs checks a PyArg_ParseTuple-style module function call.
func sockFuncArgs(in *interp.Interp, name string, args, kwnames []Value, lo, hi int) error {
	return sockClassicArgs(in, name, name, append([]Value{interp.None}, args...), kwnames, lo, hi)
}

// sockStrArg is the "s" format: a str as a Go string.
func sockStrArg(in *interp.Interp, v Value, fname string, pos int) (string, error) {
	if !interp.IsStr(v) {
		return "", in.Raise(interp.TypeError, "%s() argument %d must be str, not %s", fname, pos, typeNameForArg(v))
	}
	s := v.GoString()
	if strings.IndexByte(s, 0) >= 0 {
		return "", in.Raise(interp.ValueError, "embedded null character")
	}
	return s, nil
}

var getaddrinfoParams = interp.Params{Func: "getaddrinfo", Names: []string{"host", "port", "family", "type", "proto", "flags"}, Required: 2}

func socketGetaddrinfo(in *interp.Interp, args, kwnames []Value) (Value, error) {
	var hostv, portv, famv, typv, protov, flagsv Value
	if err := in.Unpack(&getaddrinfoParams, args, kwnames, &hostv, &portv, &famv, &typv, &protov, &flagsv); err != nil {
		return Value{}, err
	}
	var host, port *string
	switch {
	case hostv.IsNone():
	case interp.IsStr(hostv), interp.IsBytes(hostv):
		b, err := sockIdnaArg(in, hostv, "")
		if err != nil {
			return Value{}, err
		}
		h := string(b)
		host = &h
	default:
		return Value{}, in.Raise(interp.TypeError, "getaddrinfo() argument 1 must be string or None")
	}
	switch {
	case portv.IsNone():
	case interp.IsInt(portv):
		n, ok := interp.IntValue(portv)
		if !ok {
			return Value{}, in.Raise(interp.OverflowError, "Python int too large to convert to C long")
		}
		p := strconv.FormatInt(n, 10)
		port = &p
	case interp.IsStr(portv):
		p := portv.GoString()
		port = &p
	case interp.IsBytes(portv):
		b, _ := interp.BufferBytes(portv)
		p := string(b)
		port = &p
	default:
		return Value{}, in.Raise(interp.OSError, "Int or String expected")
	}
	ints := [4]int{}
	for i, v := range []Value{famv, typv, protov, flagsv} {
		if v.IsNil() {
			continue
		}
		n, err := intArg(in, v)
		if err != nil {
			return Value{}, err
		}
		ints[i] = n
	}
	entries, code := getAddrInfo(host, port, ints[0], ints[1], ints[2], ints[3])
	if code != 0 {
		return Value{}, sockGaiError(in, code)
	}
	l, err := in.NewList()
	if err != nil {
		return Value{}, err
	}
	for _, e := range entries {
		item, err := gaiTuple(in, e)
		if err == nil {
			err = in.Append(interp.AsList(l), item)
			in.DecRef(item)
		}
		if err != nil {
			in.DecRef(l)
			return Value{}, err
		}
	}
	return l, nil
}

// gaiTuple is (family, type, proto, canonname, sockaddr).
func gaiTuple(in *interp.Interp, e gaiEntry) (Value, error) {
	canon, err := in.NewStr(e.canon)
	if err != nil {
		return Value{}, err
	}
	addr, err := sockMakeSockaddr(in, e.sockaddr)
	if err != nil {
		in.DecRef(canon)
		return Value{}, err
	}
	return newTupleOwned(in, []Value{interp.Int(int64(e.family)), interp.Int(int64(e.socktype)), interp.Int(int64(e.proto)), canon, addr})
}

func socketGetnameinfo(in *interp.Interp, args, kwnames []Value) (Value, error) {
	if err := sockFuncArgs(in, "getnameinfo", args, kwnames, 2, 2); err != nil {
		return Value{}, err
	}
	items, ok := interp.TupleItems(args[0])
	if !ok {
		return Value{}, in.Raise(interp.TypeError, "getnameinfo() argument 1 must be a tuple")
	}
	flags, err := intArg(in, args[1])
	if err != nil {
		return Value{}, err
	}
	const illegal = "getnameinfo(): illegal sockaddr argument"
	if len(items) < 2 || len(items) > 4 || !interp.IsStr(items[0]) || !interp.IsInt(items[1]) {
		return Value{}, in.Raise(interp.TypeError, illegal)
	}
	host := items[0].GoString()
	port, err := intArg(in, items[1])
	if err != nil {
		return Value{}, err
	}
	var flowinfo, scope uint32
	if len(items) > 2 {
		if flowinfo, err = sockUintMaskArg(in, items[2]); err != nil {
			return Value{}, err
		}
	}
	if len(items) > 3 {
		if scope, err = sockUintMaskArg(in, items[3]); err != nil {
			return Value{}, err
		}
	}
	if flowinfo > 0xfffff {
		return Value{}, in.Raise(interp.OverflowError, "getnameinfo(): flowinfo must be 0-1048575.")
	}
	pstr := strconv.Itoa(port)
	entries, code := getAddrInfo(&host, &pstr, syscall.AF_UNSPEC, syscall.SOCK_DGRAM, 0, aiNumericHost)
	if code != 0 {
		return Value{}, sockGaiError(in, code)
	}
	if len(entries) > 1 {
		return Value{}, in.Raise(interp.OSError, "sockaddr resolved to multiple addresses")
	}
	e := entries[0]
	var ip []byte
	if e.family == syscall.AF_INET {
		if len(items) != 2 {
			return Value{}, in.Raise(interp.OSError, "IPv4 sockaddr must be 2 tuple")
		}
		ip = e.sockaddr[4:8]
	} else {
		ip = e.sockaddr[8:24]
		binary.NativeEndian.PutUint32(e.sockaddr[24:], scope)
	}
	port = int(binary.BigEndian.Uint16(e.sockaddr[2:]))
	var hostName string
	if flags&niNumericHost == 0 {
		if name, _, ok := sockReverseLookup(ip); ok {
			hostName = name
		} else if flags&niNameReqd != 0 {
			return Value{}, sockGaiError(in, eaiNoName)
		}
	}
	if hostName == "" {
		if len(ip) == 4 {
			hostName = formatIPv4(ip)
		} else {
			hostName = formatIPv6Scoped(ip, binary.NativeEndian.Uint32(e.sockaddr[24:]))
		}
	}
	serv := strconv.Itoa(port)
	if flags&niNumericServ == 0 {
		proto := "tcp"
		if flags&niDgram != 0 {
			proto = "udp"
		}
		if s, ok := serviceByPort(port, proto); ok {
			serv = s.names[0]
		}
	}
	h, err := in.NewStr(hostName)
	if err != nil {
		return Value{}, err
	}
	sv, err := in.NewStr(serv)
	if err != nil {
		in.DecRef(h)
		return Value{}, err
	}
	return newTupleOwned(in, []Value{h, sv})
}

// hostByName is gethostbyname_r over /etc/hosts then DNS: the
// canonical name, the aliases and the IPv4 addresses.
func hostByName(name string) (string, []string, [][]byte, bool) {
	if ip, ok := parseInetAton(name, true); ok {
		return name, nil, [][]byte{ip}, true
	}
	canon := ""
	var aliases []string
	var addrs [][]byte
	for _, e := range sockReadHosts() {
		if len(e.addr.ip) != 4 {
			continue
		}
		for _, n := range e.names {
			if strings.EqualFold(n, name) {
				if canon == "" {
					canon, aliases = e.names[0], e.names[1:]
				}
				addrs = append(addrs, e.addr.ip)
				break
			}
		}
	}
	if len(addrs) > 0 {
		return canon, aliases, addrs, true
	}
	found, _, code := sockLookupDNS(name, syscall.AF_INET, 0)
	if code != 0 {
		return "", nil, nil, false
	}
	for _, a := range found {
		addrs = append(addrs, a.ip)
	}
	return name, nil, addrs, true
}

// sockHostTuple is (name, aliases, addresses) of gethostbyname_ex and
// gethostbyaddr.
func sockHostTuple(in *interp.Interp, name string, aliases, addrs []string) (Value, error) {
	strList := func(ss []string) (Value, error) {
		l, err := in.NewList()
		if err != nil {
			return Value{}, err
		}
		for _, s := range ss {
			v, err := in.NewStr(s)
			if err == nil {
				err = in.Append(interp.AsList(l), v)
				in.DecRef(v)
			}
			if err != nil {
				in.DecRef(l)
				return Value{}, err
			}
		}
		return l, nil
	}
	n, err := in.NewStr(name)
	if err != nil {
		return Value{}, err
	}
	al, err := strList(aliases)
	if err != nil {
		in.DecRef(n)
		return Value{}, err
	}
	ad, err := strList(addrs)
	if err != nil {
		in.DecRef(n)
		in.DecRef(al)
		return Value{}, err
	}
	return newTupleOwned(in, []Value{n, al, ad})
}

// sockIPString formats 4 or 16 address bytes.
func sockIPString(ip []byte) string {
	if len(ip) == 4 {
		return formatIPv4(ip)
	}
	return formatIPv6(ip)
}

// sockUint16Arg converts htons's argument with its messages.
func sockUint16Arg(in *interp.Interp, v Value, fname string) (uint16, error) {
	if v.IsFloat() {
		return 0, in.Raise(interp.TypeError, "'float' object cannot be interpreted as an integer")
	}
	i, err := in.Index(v)
	if err != nil {
		return 0, err
	}
	defer in.DecRef(i)
	n, ok := interp.IntValue(i)
	switch {
	case !ok && interp.BigIntOf(i).Sign() < 0, ok && n < 0:
		return 0, in.Raise(interp.OverflowError, "%s: can't convert negative Python int to C 16-bit unsigned integer", fname)
	case !ok, n > 0xffff:
		return 0, in.Raise(interp.OverflowError, "%s: Python int too large to convert to C 16-bit unsigned integer", fname)
	}
	return uint16(n), nil
}

// sockUint32Arg converts htonl's argument with its messages.
func sockUint32Arg(in *interp.Interp, v Value) (uint32, error) {
	if !interp.IsInt(v) {
		return 0, in.Raise(interp.TypeError, "expected int, %s found", v.Type().Name)
	}
	n, ok := interp.IntValue(v)
	switch {
	case !ok && interp.BigIntOf(v).Sign() < 0, ok && n < 0:
		return 0, in.Raise(interp.OverflowError, "can't convert negative value to unsigned int")
	case !ok, n > 0xffffffff:
		return 0, in.Raise(interp.OverflowError, "int larger than 32 bits")
	}
	return uint32(n), nil
}

// sockUnsignedArg is PyLong_AsUnsignedLong, which if_indextoname uses: a
// non-negative int.
func sockUnsignedArg(in *interp.Interp, v Value) (uint64, error) {
	if !interp.IsInt(v) {
		return 0, in.Raise(interp.TypeError, "an integer is required")
	}
	n, ok := interp.IntValue(v)
	switch {
	case !ok && interp.BigIntOf(v).Sign() < 0, ok && n < 0:
		return 0, in.Raise(interp.OverflowError, "can't convert negative value to unsigned int")
	case !ok:
		return 0, in.Raise(interp.OverflowError, "Python int too large to convert to C unsigned long")
	}
	return uint64(n), nil
}

func initSocketFuncs(c *moduleTable) {
	c.fn("getaddrinfo", socketGetaddrinfo)
	c.fn("getnameinfo", socketGetnameinfo)
	c.fn("gethostname", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := sockFuncNoArgs(in, "gethostname", args, kwnames); err != nil {
			return Value{}, err
		}
		name, err := os.Hostname()
		if err != nil {
			return Value{}, in.OSErrorFrom(err, Value{})
		}
		return in.NewStr(name)
	})
	c.fn("sethostname", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := sockFuncArgs(in, "sethostname", args, kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		var name []byte
		if interp.IsStr(args[0]) {
			b, err := in.FSEncode(args[0])
			if err != nil {
				return Value{}, err
			}
			name = b
		} else {
			b, err := in.BufferSimple(args[0])
			if err != nil {
				return Value{}, err
			}
			name = b
		}
		if err := syscall.Sethostname(name); err != nil {
			return Value{}, sockError(in, err)
		}
		return interp.None, nil
	})
	c.fn("gethostbyname", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := sockFuncArgs(in, "gethostbyname", args, kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		name, err := sockIdnaArg(in, args[0], "gethostbyname()")
		if err != nil {
			return Value{}, err
		}
		ip, err := setIPAddr(in, name, syscall.AF_INET)
		if err != nil {
			return Value{}, err
		}
		return in.NewStr(formatIPv4(ip))
	})
	c.fn("gethostbyname_ex", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := sockFuncArgs(in, "gethostbyname_ex", args, kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		name, err := sockIdnaArg(in, args[0], "gethostbyname_ex()")
		if err != nil {
			return Value{}, err
		}
		if _, err := setIPAddr(in, name, syscall.AF_INET); err != nil {
			return Value{}, err
		}
		canon, aliases, addrs, ok := hostByName(string(name))
		if !ok {
			return Value{}, sockHError(in, 1)
		}
		strs := make([]string, len(addrs))
		for i, a := range addrs {
			strs[i] = formatIPv4(a)
		}
		return sockHostTuple(in, canon, aliases, strs)
	})
	c.fn("gethostbyaddr", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := sockFuncArgs(in, "gethostbyaddr", args, kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		name, err := sockIdnaArg(in, args[0], "gethostbyaddr()")
		if err != nil {
			return Value{}, err
		}
		ip, err := setIPAddr(in, name, syscall.AF_UNSPEC)
		if err != nil {
			return Value{}, err
		}
		host, aliases, ok := sockReverseLookup(ip)
		if !ok {
			return Value{}, sockHError(in, 1)
		}
		return sockHostTuple(in, host, aliases, []string{sockIPString(ip)})
	})
	c.fn("getservbyname", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := sockFuncArgs(in, "getservbyname", args, kwnames, 1, 2); err != nil {
			return Value{}, err
		}
		name, err := sockStrArg(in, args[0], "getservbyname", 1)
		if err != nil {
			return Value{}, err
		}
		proto := ""
		if len(args) > 1 {
			if proto, err = sockStrArg(in, args[1], "getservbyname", 2); err != nil {
				return Value{}, err
			}
		}
		s, ok := serviceByName(name, proto)
		if !ok {
			return Value{}, in.Raise(interp.OSError, "service/proto not found")
		}
		return interp.Int(int64(s.port)), nil
	})
	c.fn("getservbyport", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := sockFuncArgs(in, "getservbyport", args, kwnames, 1, 2); err != nil {
			return Value{}, err
		}
		port, err := intArg(in, args[0])
		if err != nil {
			return Value{}, err
		}
		proto := ""
		if len(args) > 1 {
			if proto, err = sockStrArg(in, args[1], "getservbyport", 2); err != nil {
				return Value{}, err
			}
		}
		if port < 0 || port > 0xffff {
			return Value{}, in.Raise(interp.OverflowError, "getservbyport: port must be 0-65535.")
		}
		s, ok := serviceByPort(port, proto)
		if !ok {
			return Value{}, in.Raise(interp.OSError, "port/proto not found")
		}
		return in.NewStr(s.names[0])
	})
	c.fn("getprotobyname", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := sockFuncArgs(in, "getprotobyname", args, kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		name, err := sockStrArg(in, args[0], "getprotobyname", 1)
		if err != nil {
			return Value{}, err
		}
		n, ok := protocolByName(name)
		if !ok {
			return Value{}, in.Raise(interp.OSError, "protocol not found")
		}
		return interp.Int(int64(n)), nil
	})
	c.fn("socketpair", socketSocketpair)
	c.fn("dup", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := sockFuncOneArg(in, "dup", args, kwnames); err != nil {
			return Value{}, err
		}
		fd, err := intArg(in, args[0])
		if err != nil {
			return Value{}, err
		}
		r, _, e := syscall.RawSyscall(syscall.SYS_FCNTL, uintptr(fd), syscall.F_DUPFD_CLOEXEC, 0)
		if e != 0 {
			return Value{}, sockError(in, e)
		}
		return interp.Int(int64(r)), nil
	})
	c.fn("close", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := sockFuncOneArg(in, "close", args, kwnames); err != nil {
			return Value{}, err
		}
		fd, err := intArg(in, args[0])
		if err != nil {
			return Value{}, err
		}
		if err := syscall.Close(fd); err != nil && err != syscall.ECONNRESET && err != syscall.EINTR {
			return Value{}, sockError(in, err)
		}
		return interp.None, nil
	})
	c.fn("getdefaulttimeout", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := sockFuncNoArgs(in, "getdefaulttimeout", args, kwnames); err != nil {
			return Value{}, err
		}
		return sockTimeoutValue(socketStateOf(in).defaultTimeout), nil
	})
	c.fn("setdefaulttimeout", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := sockFuncOneArg(in, "setdefaulttimeout", args, kwnames); err != nil {
			return Value{}, err
		}
		d, err := sockTimeoutArg(in, args[0])
		if err != nil {
			return Value{}, err
		}
		socketStateOf(in).defaultTimeout = d
		return interp.None, nil
	})
	initSocketConvFuncs(c)
}

func socketSocketpair(in *interp.Interp, args, kwnames []Value) (Value, error) {
	if err := sockFuncArgs(in, "socketpair", args, kwnames, 0, 3); err != nil {
		return Value{}, err
	}
	ints := [3]int{syscall.AF_UNIX, syscall.SOCK_STREAM, 0}
	for i, a := range args {
		n, err := intArg(in, a)
		if err != nil {
			return Value{}, err
		}
		ints[i] = n
	}
	fds, err := syscall.Socketpair(ints[0], ints[1]|syscall.SOCK_CLOEXEC, ints[2])
	if err != nil {
		return Value{}, sockError(in, err)
	}
	var socks [2]Value
	for i, fd := range fds {
		s, err := interp.NewObject[sockObject](in, socketType)
		if err == nil {
			socks[i] = interp.ValueOf(s)
			s.fd = -1
			err = initSockObject(in, s, fd, ints[0], ints[1], ints[2])
		}
		if err != nil {
			for j := i; j < 2; j++ {
				syscall.Close(fds[j])
			}
			releaseAll(in, socks[:])
			return Value{}, err
		}
	}
	return newTupleOwned(in, socks[:])
}

// initSocketConvFuncs adds the address and byte order conversions and
// the interface and control message helpers.
func initSocketConvFuncs(c *moduleTable) {
	c.fn("inet_aton", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := sockFuncArgs(in, "inet_aton", args, kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		s, err := sockStrArg(in, args[0], "inet_aton", 1)
		if err != nil {
			return Value{}, err
		}
		ip, ok := parseInetAton(s, false)
		if !ok {
			return Value{}, in.Raise(interp.OSError, "illegal IP address string passed to inet_aton")
		}
		return in.NewBytes(ip)
	})
	c.fn("inet_ntoa", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := sockFuncArgs(in, "inet_ntoa", args, kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		b, err := in.BufferSimple(args[0])
		if err != nil {
			return Value{}, err
		}
		if len(b) != 4 {
			return Value{}, in.Raise(interp.OSError, "packed IP wrong length for inet_ntoa")
		}
		return in.NewStr(formatIPv4(b))
	})
	c.fn("inet_pton", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := sockFuncArgs(in, "inet_pton", args, kwnames, 2, 2); err != nil {
			return Value{}, err
		}
		af, err := intArg(in, args[0])
		if err != nil {
			return Value{}, err
		}
		s, err := sockStrArg(in, args[1], "inet_pton", 2)
		if err != nil {
			return Value{}, err
		}
		var ip []byte
		var ok bool
		switch af {
		case syscall.AF_INET:
			ip, ok = parseIPv4(s)
		case syscall.AF_INET6:
			ip, ok = parseIPv6(s)
		default:
			return Value{}, sockError(in, syscall.EAFNOSUPPORT)
		}
		if !ok {
			return Value{}, in.Raise(interp.OSError, "illegal IP address string passed to inet_pton")
		}
		return in.NewBytes(ip)
	})
	c.fn("inet_ntop", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := sockFuncArgs(in, "inet_ntop", args, kwnames, 2, 2); err != nil {
			return Value{}, err
		}
		af, err := intArg(in, args[0])
		if err != nil {
			return Value{}, err
		}
		b, err := in.BufferSimple(args[1])
		if err != nil {
			return Value{}, err
		}
		switch af {
		case syscall.AF_INET:
			if len(b) != 4 {
				return Value{}, in.Raise(interp.ValueError, "invalid length of packed IP address string")
			}
			return in.NewStr(formatIPv4(b))
		case syscall.AF_INET6:
			if len(b) != 16 {
				return Value{}, in.Raise(interp.ValueError, "invalid length of packed IP address string")
			}
			return in.NewStr(formatIPv6(b))
		}
		return Value{}, in.Raise(interp.ValueError, "unknown address family %d", af)
	})
	for _, name := range []string{"htons", "ntohs"} {
		name := name
		c.fn(name, func(in *interp.Interp, args, kwnames []Value) (Value, error) {
			if err := sockFuncArgs(in, name, args, kwnames, 1, 1); err != nil {
				return Value{}, err
			}
			x, err := sockUint16Arg(in, args[0], name)
			if err != nil {
				return Value{}, err
			}
			return interp.Int(int64(x>>8 | x<<8)), nil
		})
	}
	for _, name := range []string{"htonl", "ntohl"} {
		name := name
		c.fn(name, func(in *interp.Interp, args, kwnames []Value) (Value, error) {
			if err := sockFuncOneArg(in, name, args, kwnames); err != nil {
				return Value{}, err
			}
			x, err := sockUint32Arg(in, args[0])
			if err != nil {
				return Value{}, err
			}
			var b [4]byte
			binary.BigEndian.PutUint32(b[:], x)
			return interp.Int(int64(binary.LittleEndian.Uint32(b[:]))), nil
		})
	}
	c.fn("if_nameindex", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := sockFuncNoArgs(in, "if_nameindex", args, kwnames); err != nil {
			return Value{}, err
		}
		ifs, err := net.Interfaces()
		if err != nil {
			return Value{}, in.OSErrorFrom(err, Value{})
		}
		l, err := in.NewList()
		if err != nil {
			return Value{}, err
		}
		for _, ifi := range ifs {
			name, err := in.FSDecode([]byte(ifi.Name))
			var t Value
			if err == nil {
				t, err = newTupleOwned(in, []Value{interp.Int(int64(ifi.Index)), name})
			}
			if err == nil {
				err = in.Append(interp.AsList(l), t)
				in.DecRef(t)
			}
			if err != nil {
				in.DecRef(l)
				return Value{}, err
			}
		}
		return l, nil
	})
	c.fn("if_nametoindex", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := sockFuncArgs(in, "if_nametoindex", args, kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		var name []byte
		switch {
		case interp.IsStr(args[0]):
			b, err := in.FSEncode(args[0])
			if err != nil {
				return Value{}, err
			}
			name = b
		case interp.IsBytes(args[0]):
			b, _ := interp.BufferBytes(args[0])
			name = b
		default:
			return Value{}, in.Raise(interp.TypeError, "expected str, bytes or os.PathLike object, not %s", args[0].Type().Name)
		}
		ifi, err := net.InterfaceByName(string(name))
		if err != nil {
			return Value{}, in.Raise(interp.OSError, "no interface with this name")
		}
		return interp.Int(int64(ifi.Index)), nil
	})
	c.fn("if_indextoname", func(in *interp.Interp, args, kwnames []Value) (Value, error) {
		if err := sockFuncOneArg(in, "if_indextoname", args, kwnames); err != nil {
			return Value{}, err
		}
		idx, err := sockUnsignedArg(in, args[0])
		if err != nil {
			return Value{}, err
		}
		if idx > 0xffffffff {
			return Value{}, in.Raise(interp.OverflowError, "index too large to convert to C unsigned int")
		}
		name, ok := sockInterfaceName(int(idx))
		if !ok {
			return Value{}, sockError(in, syscall.ENXIO)
		}
		return in.FSDecode([]byte(name))
	})
	for _, name := range []string{"CMSG_LEN", "CMSG_SPACE"} {
		name := name
		c.fn(name, func(in *interp.Interp, args, kwnames []Value) (Value, error) {
			if err := sockFuncArgs(in, name, args, kwnames, 1, 1); err != nil {
				return Value{}, err
			}
			n, err := in.AsSsize(args[0])
			if err != nil {
				return Value{}, err
			}
			limit := 1<<31 - 1 - sockCmsgAlign(syscall.SizeofCmsghdr) - sockPtrSize
			if n < 0 || n > limit {
				return Value{}, in.Raise(interp.OverflowError, "%s() argument out of range", name)
			}
			r := syscall.SizeofCmsghdr + n
			if name == "CMSG_SPACE" {
				r = sockCmsgAlign(syscall.SizeofCmsghdr) + sockCmsgAlign(n)
			}
			return interp.Int(int64(r)), nil
		})
	}
}
