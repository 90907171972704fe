//go:build linux

package modules

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/parallel-py/parallel/interp"
)

// Name resolution without the C library, as glibc's getaddrinfo does
// it with "hosts: files dns": numeric addresses first, then /etc/hosts,
// then DNS through Go's resolver; /etc/services and /etc/protocols for
// the service and protocol names. The EAI_* codes and their messages
// are glibc's.

// The EAI_* codes.
const (
	eaiBadFlags   = -1
	eaiNoName     = -2
	eaiAgain      = -3
	eaiFail       = -4
	eaiFamily     = -6
	eaiSockType   = -7
	eaiService    = -8
	eaiAddrFamily = -9
)

// gaiMessages are gai_strerror's.
var gaiMessages = map[int]string{
	-1: "Bad value for ai_flags", -2: "Name or service not known",
	-3: "Temporary failure in name resolution", -4: "Non-recoverable failure in name resolution",
	-5: "No address associated with hostname", -6: "ai_family not supported",
	-7: "ai_socktype not supported", -8: "Servname not supported for ai_socktype",
	-9: "Address family for hostname not supported", -10: "Memory allocation failure",
	-11: "System error", -12: "Argument buffer too small",
}

// The AI_* and NI_* flags.
const (
	aiPassive     = 0x1
	aiCanonName   = 0x2
	aiNumericHost = 0x4
	aiV4Mapped    = 0x8
	aiNumericServ = 0x400
	aiKnownFlags  = 0x7ff

	niNumericHost = 1
	niNumericServ = 2
	niNameReqd    = 8
	niDgram       = 16
)

// sockIPAddr is one resolved address: 4 or 16 bytes, and an IPv6 scope.
type sockIPAddr struct {
	ip    []byte
	scope uint32
}

func (a sockIPAddr) family() int {
	if len(a.ip) == 4 {
		return syscall.AF_INET
	}
	return syscall.AF_INET6
}

// sockaddr is the struct sockaddr of a at port.
func (a sockIPAddr) sockaddr(port int) []byte {
	if len(a.ip) == 4 {
		return makeSockaddrIn4(a.ip, port)
	}
	return makeSockaddrIn6(a.ip, port, 0, a.scope)
}

var (
	sockLoopback4 = []byte{127, 0, 0, 1}
	sockLoopback6 = append(make([]byte, 15), 1)
	sockAny4      = make([]byte, 4)
	sockAny6      = make([]byte, 16)
)

// sockV4Mapped is ::ffff:a.b.c.d.
func sockV4Mapped(ip []byte) []byte {
	b := make([]byte, 16)
	b[10], b[11] = 0xff, 0xff
	copy(b[12:], ip)
	return b
}

// sockHostEntry is one line of /etc/hosts.
type sockHostEntry struct {
	addr  sockIPAddr
	names []string
}

// tableLines reads a system table such as /etc/hosts: the fields of
// each line, comments removed, that has at least two (none when the file
// cannot be read).
func tableLines(path string) [][]string {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var out [][]string
	for _, line := range strings.Split(string(data), "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if f := strings.Fields(line); len(f) >= 2 {
			out = append(out, f)
		}
	}
	return out
}

// sockReadHosts parses /etc/hosts (read afresh each time, as glibc does).
func sockReadHosts() []sockHostEntry {
	var out []sockHostEntry
	for _, f := range tableLines("/etc/hosts") {
		a, ok := parseNumericHost(f[0])
		if !ok {
			continue
		}
		out = append(out, sockHostEntry{addr: a, names: f[1:]})
	}
	return out
}

// parseNumericHost reads a numeric address as getaddrinfo does: IPv4
// in inet_aton's forms, or IPv6 with an optional %scope.
func parseNumericHost(s string) (sockIPAddr, bool) {
	if ip, ok := parseInetAton(s, true); ok {
		return sockIPAddr{ip: ip}, true
	}
	host, zone, hasZone := strings.Cut(s, "%")
	ip, ok := parseIPv6(host)
	if !ok {
		return sockIPAddr{}, false
	}
	a := sockIPAddr{ip: ip}
	if hasZone {
		if n, err := strconv.ParseUint(zone, 10, 32); err == nil {
			a.scope = uint32(n)
		} else if ifi, err := net.InterfaceByName(zone); err == nil {
			a.scope = uint32(ifi.Index)
		} else {
			return sockIPAddr{}, false
		}
	}
	return a, true
}

// sockLookupHost resolves a host name to addresses of family (AF_UNSPEC:
// both): the addresses, the canonical name, or an EAI_* code.
func sockLookupHost(name string, family, flags int) ([]sockIPAddr, string, int) {
	if a, ok := parseNumericHost(name); ok {
		switch {
		case family == syscall.AF_INET && len(a.ip) == 16:
			return nil, "", eaiAddrFamily
		case family == syscall.AF_INET6 && len(a.ip) == 4:
			if flags&aiV4Mapped == 0 {
				return nil, "", eaiAddrFamily
			}
			a.ip = sockV4Mapped(a.ip)
		}
		return []sockIPAddr{a}, name, 0
	}
	if flags&aiNumericHost != 0 || name == "" {
		return nil, "", eaiNoName
	}
	var addrs, v4 []sockIPAddr
	canon := ""
	for _, e := range sockReadHosts() {
		matched := false
		for _, n := range e.names {
			if strings.EqualFold(n, name) {
				matched = true
				break
			}
		}
		if !matched {
			continue
		}
		if canon == "" {
			canon = e.names[0]
		}
		switch {
		case family == syscall.AF_UNSPEC || family == e.addr.family():
			addrs = append(addrs, e.addr)
		case family == syscall.AF_INET6:
			v4 = append(v4, sockIPAddr{ip: sockV4Mapped(e.addr.ip)})
		}
	}
	if len(addrs) == 0 && flags&aiV4Mapped != 0 {
		addrs = v4
	}
	if len(addrs) > 0 {
		return addrs, canon, 0
	}
	return sockLookupDNS(name, family, flags)
}

// resolverTimeout bounds one DNS lookup.
const resolverTimeout = 30 * time.Second

// sockLookupDNS asks DNS through Go's resolver.
func sockLookupDNS(name string, family, flags int) ([]sockIPAddr, string, int) {
	network := "ip"
	switch family {
	case syscall.AF_INET:
		network = "ip4"
	case syscall.AF_INET6:
		network = "ip6"
	}
	ctx, cancel := context.WithTimeout(context.Background(), resolverTimeout)
	defer cancel()
	ips, err := net.DefaultResolver.LookupNetIP(ctx, network, name)
	if err != nil {
		return nil, "", dnsErrorCode(err)
	}
	var out []sockIPAddr
	for _, ip := range ips {
		if ip.Is4() || ip.Is4In6() && family == syscall.AF_INET {
			b := ip.Unmap().As4()
			out = append(out, sockIPAddr{ip: b[:]})
		} else {
			b := ip.As16()
			out = append(out, sockIPAddr{ip: b[:]})
		}
	}
	if len(out) == 0 {
		return nil, "", eaiNoName
	}
	canon := name
	if flags&aiCanonName != 0 {
		if c, err := net.DefaultResolver.LookupCNAME(ctx, name); err == nil && c != "" {
			canon = strings.TrimSuffix(c, ".")
		}
	}
	return out, canon, 0
}

// dnsErrorCode maps a Go resolver error to an EAI_* code.
func dnsErrorCode(err error) int {
	var de *net.DNSError
	if errors.As(err, &de) {
		switch {
		case de.IsNotFound:
			return eaiNoName
		case de.IsTemporary || de.IsTimeout:
			return eaiAgain
		}
		return eaiFail
	}
	return eaiNoName
}

// gaiEntry is one answer of getaddrinfo.
type gaiEntry struct {
	family, socktype, proto int
	canon                   string
	sockaddr                []byte
}

// gaiProto is a row of glibc's socket type and protocol table.
type gaiProto struct {
	socktype, proto int
	name            string
	isDefault       bool
	anyProto        bool // also serves any protocol asked for (raw)
}

var gaiProtos = []gaiProto{
	{syscall.SOCK_STREAM, syscall.IPPROTO_TCP, "tcp", true, false},
	{syscall.SOCK_DGRAM, syscall.IPPROTO_UDP, "udp", true, false},
	{6, 33, "dccp", false, false},
	{syscall.SOCK_DGRAM, 136, "udplite", false, false},
	{syscall.SOCK_STREAM, 132, "sctp", false, false},
	{syscall.SOCK_SEQPACKET, 132, "sctp", false, false},
	{syscall.SOCK_RAW, 0, "raw", true, true},
}

// gaiSocket is one (socket type, protocol, port) to answer with.
type gaiSocket struct{ socktype, proto, port int }

// gaiSockets chooses the socket types and ports of an answer from the
// hints and the service (nil for none), or an EAI_* code.
func gaiSockets(service *string, socktype, proto, flags int) ([]gaiSocket, int) {
	var chosen *gaiProto
	if socktype != 0 || proto != 0 {
		for i := range gaiProtos {
			p := &gaiProtos[i]
			if (socktype == 0 || socktype == p.socktype) && (proto == 0 || p.anyProto || proto == p.proto) {
				chosen = p
				break
			}
		}
		if chosen == nil {
			if socktype != 0 {
				return nil, eaiSockType
			}
			return nil, eaiService
		}
	}
	if chosen != nil && chosen.anyProto && service != nil {
		return nil, eaiService // raw sockets have no ports
	}
	port, named := 0, false
	if service != nil {
		n, ok := parseServiceNumber(*service)
		switch {
		case !ok && flags&aiNumericServ != 0:
			return nil, eaiNoName
		case !ok:
			named = true
		default:
			port = n
		}
	}
	protoOr := func(p *gaiProto) int {
		if proto != 0 {
			return proto
		}
		return p.proto
	}
	if named {
		var out []gaiSocket
		if chosen != nil {
			s, ok := serviceByName(*service, chosen.name)
			if !ok {
				return nil, eaiService
			}
			return []gaiSocket{{chosen.socktype, protoOr(chosen), s.port}}, 0
		}
		for i := range gaiProtos {
			p := &gaiProtos[i]
			if p.anyProto {
				continue
			}
			if s, ok := serviceByName(*service, p.name); ok {
				out = append(out, gaiSocket{p.socktype, p.proto, s.port})
			}
		}
		if len(out) == 0 {
			return nil, eaiService
		}
		return out, 0
	}
	if chosen != nil {
		return []gaiSocket{{chosen.socktype, protoOr(chosen), port}}, 0
	}
	var out []gaiSocket
	for _, p := range gaiProtos {
		if p.isDefault {
			out = append(out, gaiSocket{p.socktype, p.proto, port})
		}
	}
	return out, 0
}

// parseServiceNumber reads a port as strtoul does (spaces, a sign,
// decimal digits, nothing after); a value that is negative as a C int
// is a name (there is none such), and the port is the low 16 bits.
func parseServiceNumber(s string) (int, bool) {
	t := strings.TrimLeft(s, " \t\n\v\f\r")
	neg := false
	if t != "" && (t[0] == '+' || t[0] == '-') {
		neg = t[0] == '-'
		t = t[1:]
	}
	if t == "" {
		return 0, false
	}
	var v uint64
	for _, c := range []byte(t) {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + uint64(c-'0')
	}
	if neg {
		v = -v
	}
	if int32(v) < 0 {
		return 0, false
	}
	return int(uint16(v)), true
}

// getAddrInfo is getaddrinfo(3): the answers, or an EAI_* code.
func getAddrInfo(host, service *string, family, socktype, proto, flags int) ([]gaiEntry, int) {
	switch {
	case flags&^aiKnownFlags != 0, flags&aiCanonName != 0 && host == nil:
		return nil, eaiBadFlags
	case host == nil && service == nil:
		return nil, eaiNoName
	case family != syscall.AF_UNSPEC && family != syscall.AF_INET && family != syscall.AF_INET6:
		return nil, eaiFamily
	}
	socks, code := gaiSockets(service, socktype, proto, flags)
	if code != 0 {
		return nil, code
	}
	var addrs []sockIPAddr
	canon := ""
	if host == nil {
		passive := flags&aiPassive != 0
		v4, v6 := sockIPAddr{ip: sockLoopback4}, sockIPAddr{ip: sockLoopback6}
		if passive {
			v4, v6 = sockIPAddr{ip: sockAny4}, sockIPAddr{ip: sockAny6}
		}
		switch {
		case family == syscall.AF_INET:
			addrs = []sockIPAddr{v4}
		case family == syscall.AF_INET6:
			addrs = []sockIPAddr{v6}
		case passive:
			addrs = []sockIPAddr{v4, v6}
		default:
			addrs = []sockIPAddr{v6, v4}
		}
	} else {
		addrs, canon, code = sockLookupHost(*host, family, flags)
		if code != 0 {
			return nil, code
		}
	}
	var out []gaiEntry
	for _, a := range addrs {
		for _, s := range socks {
			e := gaiEntry{family: a.family(), socktype: s.socktype, proto: s.proto, sockaddr: a.sockaddr(s.port)}
			if len(out) == 0 && flags&aiCanonName != 0 {
				e.canon = canon
			}
			out = append(out, e)
		}
	}
	return out, 0
}

// sockServEntry is one line of /etc/services.
type sockServEntry struct {
	names []string // the name, then its aliases
	port  int
	proto string
}

// sockReadServices parses /etc/services.
func sockReadServices() []sockServEntry {
	var out []sockServEntry
	for _, f := range tableLines("/etc/services") {
		p, proto, ok := strings.Cut(f[1], "/")
		n, err := strconv.Atoi(p)
		if !ok || err != nil {
			continue
		}
		out = append(out, sockServEntry{names: append([]string{f[0]}, f[2:]...), port: n, proto: proto})
	}
	return out
}

// serviceByName finds a service by name or alias ("" proto: any).
func serviceByName(name, proto string) (sockServEntry, bool) {
	for _, e := range sockReadServices() {
		if proto != "" && e.proto != proto {
			continue
		}
		for _, n := range e.names {
			if n == name {
				return e, true
			}
		}
	}
	return sockServEntry{}, false
}

// serviceByPort finds a service by port ("" proto: any).
func serviceByPort(port int, proto string) (sockServEntry, bool) {
	for _, e := range sockReadServices() {
		if e.port == port && (proto == "" || e.proto == proto) {
			return e, true
		}
	}
	return sockServEntry{}, false
}

// protocolByName reads /etc/protocols.
func protocolByName(name string) (int, bool) {
	for _, f := range tableLines("/etc/protocols") {
		for i, n := range f {
			if i != 1 && n == name {
				if v, err := strconv.Atoi(f[1]); err == nil {
					return v, true
				}
			}
		}
	}
	return 0, false
}

// sockReverseLookup finds the names of an address: /etc/hosts first, then
// DNS; ok is false when there are none.
func sockReverseLookup(ip []byte) (name string, aliases []string, ok bool) {
	for _, e := range sockReadHosts() {
		if string(e.addr.ip) == string(ip) {
			return e.names[0], e.names[1:], true
		}
	}
	addr, valid := netip.AddrFromSlice(ip)
	if !valid {
		return "", nil, false
	}
	ctx, cancel := context.WithTimeout(context.Background(), resolverTimeout)
	defer cancel()
	names, err := net.DefaultResolver.LookupAddr(ctx, addr.String())
	if err != nil || len(names) == 0 {
		return "", nil, false
	}
	for i := range names {
		names[i] = strings.TrimSuffix(names[i], ".")
	}
	return names[0], names[1:], true
}

// sockInterfaceName is if_indextoname.
func sockInterfaceName(index int) (string, bool) {
	ifi, err := net.InterfaceByIndex(index)
	if err != nil {
		return "", false
	}
	return ifi.Name, true
}

// sockGaiError raises socket.gaierror(code, message).
func sockGaiError(in *interp.Interp, code int) error {
	return raiseSocketError(in, socketStateOf(in).gaierror, code, gaiMessages[code])
}

// sockHError raises socket.herror(code, message) with h_errno's messages.
func sockHError(in *interp.Interp, code int) error {
	msgs := map[int]string{1: "Unknown host", 2: "Host name lookup failure", 3: "Unknown server error", 4: "No address associated with name"}
	return raiseSocketError(in, socketStateOf(in).herror, code, msgs[code])
}

// raiseSocketError raises cls(code, msg), or OSError(code, msg) when
// the module's classes do not exist yet in this interpreter.
func raiseSocketError(in *interp.Interp, cls Value, code int, msg string) error {
	if cls.IsNil() {
		cls = interp.TypeValue(interp.OSError)
	}
	m, err := in.NewStr(msg)
	if err != nil {
		return err
	}
	defer in.DecRef(m)
	e, err := in.Call(cls, []Value{interp.Int(int64(code)), m}, nil)
	if err != nil {
		return err
	}
	defer in.DecRef(e)
	return in.RaiseValue(e)
}

// setIPAddr is CPython's setipaddr: the address a host name of a
// bind/connect address stands for, in family (AF_INET or AF_INET6, or
// AF_UNSPEC for either).
func setIPAddr(in *interp.Interp, host []byte, family int) ([]byte, error) {
	name := string(host)
	if name == "" {
		if family == syscall.AF_INET6 {
			return sockAny6, nil
		}
		return sockAny4, nil
	}
	if name == "<broadcast>" || name == "255.255.255.255" {
		if family != syscall.AF_INET && family != syscall.AF_UNSPEC {
			return nil, in.Raise(interp.OSError, "address family mismatched")
		}
		return []byte{255, 255, 255, 255}, nil
	}
	if family == syscall.AF_INET || family == syscall.AF_UNSPEC {
		if ip, ok := parseIPv4(name); ok {
			return ip, nil
		}
	}
	if family == syscall.AF_INET6 || family == syscall.AF_UNSPEC {
		if ip, ok := parseIPv6(name); ok {
			return ip, nil
		}
	}
	addrs, _, code := sockLookupHost(name, family, 0)
	if code != 0 {
		return nil, sockGaiError(in, code)
	}
	return addrs[0].ip, nil
}
