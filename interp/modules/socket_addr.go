//go:build linux

package modules

import (
	"encoding/binary"
	"strconv"
	"strings"
	"syscall"

	"github.com/parallel-py/parallel/interp"
)

// Socket addresses: Python address objects to struct sockaddr bytes
// (CPython's getsockaddrarg) and back (makesockaddr), for AF_INET,
// AF_INET6 and AF_UNIX, plus the textual forms of IP addresses that
// inet_pton/inet_ntop and the resolver share.

// Offsets within struct sockaddr_in / sockaddr_in6 / sockaddr_un.
const (
	sockaddrIn4Len = 16
	sockaddrIn6Len = 28
	sunPathOff     = 2
	sunPathMax     = 108
)

// Families CPython knows addresses of but this module does not yet.
var unsupportedFamilies = map[int]string{
	syscall.AF_NETLINK: "AF_NETLINK", syscall.AF_PACKET: "AF_PACKET", 29: "AF_CAN",
	30: "AF_TIPC", 38: "AF_ALG", 40: "AF_VSOCK", 42: "AF_QIPCRTR", 21: "AF_RDS",
	31: "AF_BLUETOOTH",
}

// familyNotImplemented raises NotImplementedError naming the family.
func familyNotImplemented(in *interp.Interp, family int) error {
	name, ok := unsupportedFamilies[family]
	if !ok {
		name = "family " + strconv.Itoa(family)
	}
	return in.Raise(interp.NotImplementedError, "%s socket addresses are not implemented yet", name)
}

// putFamily writes sa_family (host order).
func putFamily(b []byte, family int) { binary.NativeEndian.PutUint16(b, uint16(family)) }

// makeSockaddrIn4 builds a struct sockaddr_in.
func makeSockaddrIn4(ip []byte, port int) []byte {
	b := make([]byte, sockaddrIn4Len)
	putFamily(b, syscall.AF_INET)
	binary.BigEndian.PutUint16(b[2:], uint16(port))
	copy(b[4:8], ip)
	return b
}

// makeSockaddrIn6 builds a struct sockaddr_in6.
func makeSockaddrIn6(ip []byte, port int, flowinfo, scope uint32) []byte {
	b := make([]byte, sockaddrIn6Len)
	putFamily(b, syscall.AF_INET6)
	binary.BigEndian.PutUint16(b[2:], uint16(port))
	binary.BigEndian.PutUint32(b[4:], flowinfo)
	copy(b[8:24], ip)
	binary.NativeEndian.PutUint32(b[24:], scope)
	return b
}

// sockaddrArg converts the address object addr for a socket of family
// into struct sockaddr bytes; caller names the method in messages.
func sockaddrArg(in *interp.Interp, family int, addr Value, caller string) ([]byte, error) {
	switch family {
	case syscall.AF_UNIX:
		var path []byte
		if interp.IsStr(addr) {
			b, err := in.FSEncode(addr)
			if err != nil {
				return nil, err
			}
			path = b
		} else {
			b, err := in.BufferSimple(addr)
			if err != nil {
				return nil, err
			}
			path = b
		}
		if len(path) >= sunPathMax {
			return nil, in.Raise(interp.OSError, "AF_UNIX path too long")
		}
		b := make([]byte, sunPathOff+len(path))
		putFamily(b, syscall.AF_UNIX)
		copy(b[sunPathOff:], path)
		return b, nil
	case syscall.AF_INET:
		items, ok := interp.TupleItems(addr)
		if !ok {
			return nil, in.Raise(interp.TypeError, "%s(): AF_INET address must be tuple, not %s", caller, addr.Type().Name)
		}
		if len(items) != 2 {
			return nil, in.Raise(interp.TypeError, "AF_INET address must be a pair (host, port)")
		}
		host, err := sockIdnaArg(in, items[0], "")
		if err != nil {
			return nil, err
		}
		port, err := intArg(in, items[1])
		if err != nil {
			return nil, err
		}
		ip, err := setIPAddr(in, host, syscall.AF_INET)
		if err != nil {
			return nil, err
		}
		if port < 0 || port > 0xffff {
			return nil, in.Raise(interp.OverflowError, "%s(): port must be 0-65535.", caller)
		}
		return makeSockaddrIn4(ip, port), nil
	case syscall.AF_INET6:
		items, ok := interp.TupleItems(addr)
		if !ok {
			return nil, in.Raise(interp.TypeError, "%s(): AF_INET6 address must be tuple, not %s", caller, addr.Type().Name)
		}
		if len(items) < 2 || len(items) > 4 {
			return nil, in.Raise(interp.TypeError, "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])")
		}
		host, err := sockIdnaArg(in, items[0], "")
		if err != nil {
			return nil, err
		}
		port, err := intArg(in, items[1])
		if err != nil {
			return nil, err
		}
		var flowinfo, scope uint32
		if len(items) > 2 {
			if flowinfo, err = sockUintMaskArg(in, items[2]); err != nil {
				return nil, err
			}
		}
		if len(items) > 3 {
			if scope, err = sockUintMaskArg(in, items[3]); err != nil {
				return nil, err
			}
		}
		ip, err := setIPAddr(in, host, syscall.AF_INET6)
		if err != nil {
			return nil, err
		}
		if port < 0 || port > 0xffff {
			return nil, in.Raise(interp.OverflowError, "%s(): port must be 0-65535.", caller)
		}
		if flowinfo > 0xfffff {
			return nil, in.Raise(interp.OverflowError, "%s(): flowinfo must be 0-1048575.", caller)
		}
		return makeSockaddrIn6(ip, port, flowinfo, scope), nil
	}
	if _, ok := unsupportedFamilies[family]; ok {
		return nil, familyNotImplemented(in, family)
	}
	return nil, in.Raise(interp.OSError, "%s(): bad family", caller)
}

// sockUintMaskArg is the "I" argument format: any int, reduced modulo 2**32.
func sockUintMaskArg(in *interp.Interp, v Value) (uint32, error) {
	if v.IsFloat() {
		return 0, in.Raise(interp.TypeError, "'float' object cannot be interpreted as an integer")
	}
	i, err := in.Index(v)
	if err != nil {
		return 0, err
	}
	defer in.DecRef(i)
	if n, ok := interp.IntValue(i); ok {
		return uint32(n), nil
	}
	return uint32(interp.BigIntOf(i).Uint64()), nil
}

// sockIdnaArg is CPython's idna_converter: a str (encoded with the idna
// codec), bytes or bytearray, as bytes. fname prefixes the message of
// a wrong type ("gethostbyname() argument 1 must be ...") when set.
func sockIdnaArg(in *interp.Interp, v Value, fname string) ([]byte, error) {
	switch {
	case interp.IsStr(v):
		if interp.IsASCII(v) {
			return []byte(v.GoString()), nil
		}
		enc, err := in.CallMethod(v, "encode", []Value{interp.ImmortalStr("idna")}, nil)
		if err != nil {
			return nil, err
		}
		defer in.DecRef(enc)
		b, _ := interp.BufferBytes(enc)
		return append([]byte(nil), b...), nil
	case interp.IsBytes(v), interp.IsInstance(v, interp.ByteArrayType):
		b, _ := interp.BufferBytes(v)
		return append([]byte(nil), b...), nil
	}
	if fname != "" {
		return nil, in.Raise(interp.TypeError, "%s argument 1 must be str, bytes or bytearray, not %s", fname, typeNameForArg(v))
	}
	return nil, in.Raise(interp.TypeError, "str, bytes or bytearray expected, not %s", typeNameForArg(v))
}

// sockMakeSockaddr converts struct sockaddr bytes of a socket's family to
// the Python address object (CPython's makesockaddr): None when the
// kernel gave no address.
func sockMakeSockaddr(in *interp.Interp, sa []byte) (Value, error) {
	if len(sa) < 2 {
		return interp.None, nil
	}
	family := int(binary.NativeEndian.Uint16(sa))
	switch family {
	case syscall.AF_INET:
		if len(sa) < 8 {
			break
		}
		host, err := in.NewStr(formatIPv4(sa[4:8]))
		if err != nil {
			return Value{}, err
		}
		return newTupleOwned(in, []Value{host, interp.Int(int64(binary.BigEndian.Uint16(sa[2:])))})
	case syscall.AF_INET6:
		if len(sa) < sockaddrIn6Len {
			break
		}
		scope := binary.NativeEndian.Uint32(sa[24:])
		host, err := in.NewStr(formatIPv6(sa[8:24]))
		if err != nil {
			return Value{}, err
		}
		return newTupleOwned(in, []Value{host,
			interp.Int(int64(binary.BigEndian.Uint16(sa[2:]))),
			interp.Int(int64(binary.BigEndian.Uint32(sa[4:]))),
			interp.Int(int64(scope))})
	case syscall.AF_UNIX:
		path := sa[sunPathOff:]
		if len(path) > 0 && path[0] == 0 {
			return in.NewBytes(path) // Linux's abstract namespace
		}
		if i := strings.IndexByte(string(path), 0); i >= 0 {
			path = path[:i]
		}
		return in.FSDecode(path)
	case syscall.AF_UNSPEC:
		return interp.None, nil
	}
	if _, ok := unsupportedFamilies[family]; ok {
		return Value{}, familyNotImplemented(in, family)
	}
	// An unknown family: (family, sa_data) as CPython shows it.
	data, err := in.NewBytes(sa[2:min(len(sa), 16)])
	if err != nil {
		return Value{}, err
	}
	return newTupleOwned(in, []Value{interp.Int(int64(family)), data})
}

// formatIPv4 is inet_ntop(AF_INET).
func formatIPv4(b []byte) string {
	return strconv.Itoa(int(b[0])) + "." + strconv.Itoa(int(b[1])) + "." + strconv.Itoa(int(b[2])) + "." + strconv.Itoa(int(b[3]))
}

// formatIPv6 is glibc's inet_ntop(AF_INET6): the longest run of two or
// more zero groups (the first of equal ones) becomes "::", and an
// IPv4-compatible or IPv4-mapped address ends in dotted decimal.
func formatIPv6(b []byte) string {
	var w [8]int
	for i := range w {
		w[i] = int(b[2*i])<<8 | int(b[2*i+1])
	}
	bestBase, bestLen := -1, 0
	for i := 0; i < 8; {
		if w[i] != 0 {
			i++
			continue
		}
		j := i
		for j < 8 && w[j] == 0 {
			j++
		}
		if j-i > bestLen {
			bestBase, bestLen = i, j-i
		}
		i = j
	}
	if bestLen < 2 {
		bestBase = -1
	}
	var sb strings.Builder
	for i := 0; i < 8; i++ {
		if bestBase >= 0 && i >= bestBase && i < bestBase+bestLen {
			if i == bestBase {
				sb.WriteByte(':')
			}
			continue
		}
		if i != 0 {
			sb.WriteByte(':')
		}
		if i == 6 && bestBase == 0 && (bestLen == 6 || bestLen == 7 && w[7] != 1 || bestLen == 5 && w[5] == 0xffff) {
			sb.WriteString(formatIPv4(b[12:16]))
			break
		}
		sb.WriteString(strconv.FormatInt(int64(w[i]), 16))
	}
	if bestBase >= 0 && bestBase+bestLen == 8 {
		sb.WriteByte(':')
	}
	return sb.String()
}

// formatIPv6Scoped is formatIPv6 with the "%scope" glibc's getnameinfo
// adds when there is a scope: the interface's name for a link-local
// address, else (or when no interface has it) the number.
func formatIPv6Scoped(b []byte, scope uint32) string {
	s := formatIPv6(b)
	if scope == 0 {
		return s
	}
	linkLocal := b[0] == 0xfe && b[1]&0xc0 == 0x80 || b[0] == 0xff && b[1]&0x0f == 2
	if name, ok := sockInterfaceName(int(scope)); ok && linkLocal {
		return s + "%" + name
	}
	return s + "%" + strconv.FormatUint(uint64(scope), 10)
}

// parseIPv4 is inet_pton(AF_INET): four decimal numbers, no leading
// zeros.
func parseIPv4(s string) ([]byte, bool) {
	parts := strings.Split(s, ".")
	if len(parts) != 4 {
		return nil, false
	}
	out := make([]byte, 4)
	for i, p := range parts {
		if p == "" || len(p) > 3 || len(p) > 1 && p[0] == '0' {
			return nil, false
		}
		n := 0
		for _, c := range []byte(p) {
			if c < '0' || c > '9' {
				return nil, false
			}
			n = n*10 + int(c-'0')
		}
		if n > 255 {
			return nil, false
		}
		out[i] = byte(n)
	}
	return out, true
}

// parseIPv6 is inet_pton(AF_INET6): hex groups, one "::" at most, and
// an optional dotted IPv4 tail.
func parseIPv6(s string) ([]byte, bool) {
	out := make([]byte, 16)
	if s == "" {
		return nil, false
	}
	words := make([]int, 0, 8)
	gap := -1
	i := 0
	if strings.HasPrefix(s, "::") {
		gap, i = 0, 2
	} else if s[0] == ':' {
		return nil, false
	}
	for i < len(s) {
		if len(words) >= 8 {
			return nil, false
		}
		j := i
		for j < len(s) && sockIsHexDigit(s[j]) {
			j++
		}
		if j < len(s) && s[j] == '.' {
			// The IPv4 tail, the last 32 bits.
			v4, ok := parseIPv4(s[i:])
			if !ok || len(words) > 6 {
				return nil, false
			}
			words = append(words, int(v4[0])<<8|int(v4[1]), int(v4[2])<<8|int(v4[3]))
			i = len(s)
			break
		}
		if j == i || j-i > 4 {
			return nil, false
		}
		n, _ := strconv.ParseUint(s[i:j], 16, 16)
		words = append(words, int(n))
		i = j
		if i == len(s) {
			break
		}
		if s[i] != ':' {
			return nil, false
		}
		i++
		if i < len(s) && s[i] == ':' {
			if gap >= 0 {
				return nil, false
			}
			gap = len(words)
			i++
		} else if i == len(s) {
			return nil, false
		}
	}
	switch {
	case gap < 0 && len(words) != 8:
		return nil, false
	case gap >= 0 && len(words) > 7:
		return nil, false
	}
	if gap >= 0 {
		tail := append([]int(nil), words[gap:]...)
		words = append(words[:gap], make([]int, 8-len(words))...)
		words = append(words, tail...)
	}
	for k, w := range words {
		out[2*k], out[2*k+1] = byte(w>>8), byte(w)
	}
	return out, true
}

func sockIsHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// parseInetAton is glibc's inet_aton: one to four numbers separated by
// dots, each decimal, octal (leading 0) or hex (0x), the last filling
// the remaining bytes; whitespace may end the string and what follows
// it is ignored (exact: nothing may follow, as getaddrinfo requires).
func parseInetAton(s string, exact bool) ([]byte, bool) {
	var parts []uint64
	i := 0
	for {
		if i >= len(s) || s[i] < '0' || s[i] > '9' {
			return nil, false
		}
		base := uint64(10)
		if s[i] == '0' {
			base = 8
			i++
			if i < len(s) && (s[i] == 'x' || s[i] == 'X') {
				base = 16
				i++
			}
		}
		var v uint64
		for i < len(s) {
			c := s[i]
			var d uint64
			switch {
			case c >= '0' && c <= '9':
				d = uint64(c - '0')
				if base == 8 && d >= 8 {
					return nil, false
				}
			case base == 16 && sockIsHexDigit(c):
				d = uint64(c|0x20-'a') + 10
			default:
				goto done
			}
			v = v*base + d
			if v > 0xffffffff {
				return nil, false
			}
			i++
		}
	done:
		parts = append(parts, v)
		if i < len(s) && s[i] == '.' {
			if len(parts) == 4 {
				return nil, false
			}
			i++
			continue
		}
		break
	}
	if i < len(s) {
		if exact || !isCSpace(s[i]) {
			return nil, false
		}
	}
	var val uint64
	switch len(parts) {
	case 1:
		val = parts[0]
	case 2:
		if parts[0] > 0xff || parts[1] > 0xffffff {
			return nil, false
		}
		val = parts[0]<<24 | parts[1]
	case 3:
		if parts[0] > 0xff || parts[1] > 0xff || parts[2] > 0xffff {
			return nil, false
		}
		val = parts[0]<<24 | parts[1]<<16 | parts[2]
	case 4:
		for _, p := range parts {
			if p > 0xff {
				return nil, false
			}
		}
		val = parts[0]<<24 | parts[1]<<16 | parts[2]<<8 | parts[3]
	}
	out := make([]byte, 4)
	binary.BigEndian.PutUint32(out, uint32(val))
	return out, true
}
