//go:build linux

package modules

import (
	"encoding/binary"
	"reflect"
	"syscall"
	"time"
	"unsafe"
)

// The raw system calls of _socket and select: Go's syscall package
// turns socket addresses into its own Sockaddr types, which cannot tell
// an abstract AF_UNIX name from a path beginning with '@', so addresses
// travel here as the kernel's bytes (a struct sockaddr) instead.

// sockaddrMax is sizeof(struct sockaddr_storage).
const sockaddrMax = 128

// sockPtrSize is the size of a pointer (and of size_t).
const sockPtrSize = int(unsafe.Sizeof(uintptr(0)))

// setIovlen sets msg_iovlen, whose Go type differs between ports.
func setIovlen(msg *syscall.Msghdr, n int) {
	reflect.ValueOf(&msg.Iovlen).Elem().SetUint(uint64(n))
}

// sockErrno turns a raw system call's errno into an error (nil for 0).
func sockErrno(e syscall.Errno) error {
	if e != 0 {
		return e
	}
	return nil
}

// sockBufPtr is the address of b's bytes, or of a dummy byte when b is empty
// (the kernel reads nothing then, but the pointer must be valid).
func sockBufPtr(b []byte) unsafe.Pointer {
	if len(b) == 0 {
		var dummy byte
		return unsafe.Pointer(&dummy)
	}
	return unsafe.Pointer(&b[0])
}

func sysBind(fd int, sa []byte) error {
	_, _, e := syscall.Syscall(syscall.SYS_BIND, uintptr(fd), uintptr(sockBufPtr(sa)), uintptr(len(sa)))
	return sockErrno(e)
}

func sysConnect(fd int, sa []byte) error {
	_, _, e := syscall.Syscall(syscall.SYS_CONNECT, uintptr(fd), uintptr(sockBufPtr(sa)), uintptr(len(sa)))
	return sockErrno(e)
}

// sysAccept4 accepts a connection: the new descriptor and the peer's
// address bytes.
func sysAccept4(fd, flags int) (int, []byte, error) {
	buf := make([]byte, sockaddrMax)
	n := uint32(len(buf))
	r, _, e := syscall.Syscall6(syscall.SYS_ACCEPT4, uintptr(fd), uintptr(unsafe.Pointer(&buf[0])), uintptr(unsafe.Pointer(&n)), uintptr(flags), 0, 0)
	if e != 0 {
		return -1, nil, e
	}
	return int(r), buf[:min(int(n), len(buf))], nil
}

// sysSockname is getsockname (peer false) or getpeername (peer true).
func sysSockname(fd int, peer bool) ([]byte, error) {
	buf := make([]byte, sockaddrMax)
	n := uint32(len(buf))
	call := uintptr(syscall.SYS_GETSOCKNAME)
	if peer {
		call = syscall.SYS_GETPEERNAME
	}
	_, _, e := syscall.RawSyscall(call, uintptr(fd), uintptr(unsafe.Pointer(&buf[0])), uintptr(unsafe.Pointer(&n)))
	if e != 0 {
		return nil, e
	}
	return buf[:min(int(n), len(buf))], nil
}

// sysRecvfrom receives into p; from (when wanted) is the sender's
// address bytes, empty when the kernel gave none.
func sysRecvfrom(fd int, p []byte, flags int, wantFrom bool) (int, []byte, error) {
	var buf []byte
	var n uint32
	var bp, np uintptr
	if wantFrom {
		buf = make([]byte, sockaddrMax)
		n = uint32(len(buf))
		bp, np = uintptr(unsafe.Pointer(&buf[0])), uintptr(unsafe.Pointer(&n))
	}
	r, _, e := syscall.Syscall6(syscall.SYS_RECVFROM, uintptr(fd), uintptr(sockBufPtr(p)), uintptr(len(p)), uintptr(flags), bp, np)
	if e != 0 {
		return 0, nil, e
	}
	if wantFrom {
		buf = buf[:min(int(n), len(buf))]
	}
	return int(r), buf, nil
}

// sysSendto sends p, to the address bytes sa when there are any.
func sysSendto(fd int, p []byte, flags int, sa []byte) (int, error) {
	var sp uintptr
	if len(sa) > 0 {
		sp = uintptr(unsafe.Pointer(&sa[0]))
	}
	r, _, e := syscall.Syscall6(syscall.SYS_SENDTO, uintptr(fd), uintptr(sockBufPtr(p)), uintptr(len(p)), uintptr(flags), sp, uintptr(len(sa)))
	if e != 0 {
		return 0, e
	}
	return int(r), nil
}

// sysSendmsg sends the buffers bufs with the control bytes oob to sa
// (none when empty).
func sysSendmsg(fd int, bufs [][]byte, oob []byte, flags int, sa []byte) (int, error) {
	iov := make([]syscall.Iovec, len(bufs))
	for i, b := range bufs {
		iov[i].Base = (*byte)(sockBufPtr(b))
		iov[i].SetLen(len(b))
	}
	var msg syscall.Msghdr
	if len(sa) > 0 {
		msg.Name = &sa[0]
		msg.Namelen = uint32(len(sa))
	}
	if len(iov) > 0 {
		msg.Iov = &iov[0]
		setIovlen(&msg, len(iov))
	}
	if len(oob) > 0 {
		msg.Control = &oob[0]
		msg.SetControllen(len(oob))
	}
	r, _, e := syscall.Syscall(syscall.SYS_SENDMSG, uintptr(fd), uintptr(unsafe.Pointer(&msg)), uintptr(flags))
	if e != 0 {
		return 0, e
	}
	return int(r), nil
}

// sysRecvmsg receives into bufs and oob: the bytes received, the control
// bytes' length, the message flags and the sender's address bytes.
func sysRecvmsg(fd int, bufs [][]byte, oob []byte, flags int) (n, oobn, mflags int, from []byte, err error) {
	iov := make([]syscall.Iovec, len(bufs))
	for i, b := range bufs {
		iov[i].Base = (*byte)(sockBufPtr(b))
		iov[i].SetLen(len(b))
	}
	name := make([]byte, sockaddrMax)
	var msg syscall.Msghdr
	msg.Name = &name[0]
	msg.Namelen = uint32(len(name))
	if len(iov) > 0 {
		msg.Iov = &iov[0]
		setIovlen(&msg, len(iov))
	}
	if len(oob) > 0 {
		msg.Control = &oob[0]
		msg.SetControllen(len(oob))
	}
	r, _, e := syscall.Syscall(syscall.SYS_RECVMSG, uintptr(fd), uintptr(unsafe.Pointer(&msg)), uintptr(flags))
	if e != 0 {
		return 0, 0, 0, nil, e
	}
	return int(r), int(msg.Controllen), int(msg.Flags), name[:min(int(msg.Namelen), len(name))], nil
}

// sysGetsockopt reads an option into buf: the length the kernel wrote.
func sysGetsockopt(fd, level, opt int, buf []byte) (int, error) {
	n := uint32(len(buf))
	_, _, e := syscall.RawSyscall6(syscall.SYS_GETSOCKOPT, uintptr(fd), uintptr(level), uintptr(opt), uintptr(sockBufPtr(buf)), uintptr(unsafe.Pointer(&n)), 0)
	if e != 0 {
		return 0, e
	}
	return int(n), nil
}

// sysSetsockopt sets an option from buf (a NULL value when buf is nil,
// as setsockopt(level, opt, None, optlen) passes).
func sysSetsockopt(fd, level, opt int, buf []byte, n int) error {
	var p uintptr
	if buf != nil {
		p = uintptr(sockBufPtr(buf))
	}
	_, _, e := syscall.RawSyscall6(syscall.SYS_SETSOCKOPT, uintptr(fd), uintptr(level), uintptr(opt), p, uintptr(n), 0)
	return sockErrno(e)
}

// sockoptInt reads an int option.
func sockoptInt(fd, level, opt int) (int, error) {
	var b [4]byte
	if _, err := sysGetsockopt(fd, level, opt, b[:]); err != nil {
		return 0, err
	}
	return int(int32(binary.NativeEndian.Uint32(b[:]))), nil
}

// sysPollFd is struct pollfd.
type sysPollFd struct {
	fd      int32
	events  int16
	revents int16
}

// sysPoll is poll(2) on fds, timeout negative for none: how many
// descriptors have events. It uses ppoll, which every Linux port has.
func sysPoll(fds []sysPollFd, timeout time.Duration) (int, error) {
	var tsp uintptr
	var ts syscall.Timespec
	if timeout >= 0 {
		ts = syscall.NsecToTimespec(int64(timeout))
		tsp = uintptr(unsafe.Pointer(&ts))
	}
	var p uintptr
	if len(fds) > 0 {
		p = uintptr(unsafe.Pointer(&fds[0]))
	}
	r, _, e := syscall.Syscall6(syscall.SYS_PPOLL, p, uintptr(len(fds)), tsp, 0, 0, 0)
	if e != 0 {
		return 0, e
	}
	return int(r), nil
}

// Poll event bits (the same on every Linux port).
const (
	sockPollIn  = 0x1
	sockPollPri = 0x2
	sockPollOut = 0x4
	sockPollErr = 0x8
	sockPollHup = 0x10
)
