package modules

import (
	"crypto/sha3"
	"encoding/binary"
	"encoding/hex"
	"math/bits"
)

// The digests OpenSSL 3.0's default provider has and Go's standard
// library lacks, as _hashlib offers them: RIPEMD-160 (from the
// algorithm's publication by Dobbertin, Bosselaers and Preneel), SM3
// (GB/T 32905-2016), MD5-SHA1 (the two digests side by side, as TLS 1.0
// used them), NULL (an empty digest) and the Keccak of KMAC. Each is a
// hashState.

// mdAlg is a Merkle–Damgård digest over 64-byte blocks with 32-bit
// words: its initial chaining value, how many words the digest shows,
// the byte order of its words and length, and its compression.
type mdAlg struct {
	iv        [8]uint32
	words     int
	bigEndian bool
	compress  func(h *[8]uint32, block []byte)
}

// mdState is a running mdAlg digest.
type mdState struct {
	alg    *mdAlg
	h      [8]uint32
	buf    [64]byte
	n      int    // bytes waiting in buf
	length uint64 // bytes written
}

func newMDState(a *mdAlg) hashState { return &mdState{alg: a, h: a.iv} }

func (s *mdState) clone() hashState { c := *s; return &c }

func (s *mdState) write(p []byte) {
	s.length += uint64(len(p))
	if s.n > 0 {
		k := copy(s.buf[s.n:], p)
		s.n += k
		p = p[k:]
		if s.n < 64 {
			return
		}
		s.alg.compress(&s.h, s.buf[:])
		s.n = 0
	}
	for len(p) >= 64 {
		s.alg.compress(&s.h, p[:64])
		p = p[64:]
	}
	s.n = copy(s.buf[:], p)
}

// sum pads a copy with 0x80, zeros and the length in bits.
func (s *mdState) sum(int) []byte {
	c := *s
	bitLen := c.length << 3
	var pad [72]byte
	pad[0] = 0x80
	padLen := 56 - c.n
	if c.n >= 56 {
		padLen += 64
	}
	if c.alg.bigEndian {
		binary.BigEndian.PutUint64(pad[padLen:], bitLen)
	} else {
		binary.LittleEndian.PutUint64(pad[padLen:], bitLen)
	}
	c.write(pad[:padLen+8])
	out := make([]byte, 4*c.alg.words)
	for i := range c.alg.words {
		if c.alg.bigEndian {
			binary.BigEndian.PutUint32(out[4*i:], c.h[i])
		} else {
			binary.LittleEndian.PutUint32(out[4*i:], c.h[i])
		}
	}
	return out
}

// RIPEMD-160: two parallel lines of five rounds of sixteen steps.

var ripemd160Alg = &mdAlg{
	iv:       [8]uint32{0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0},
	words:    5,
	compress: ripemd160Compress,
}

// The message word each step reads and its rotation, for the left and
// the right line, round after round.
var (
	rmdWordL = [80]uint8{
		0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
		7, 4, 13, 1, 10, 6, 15, 3, 12, 0, 9, 5, 2, 14, 11, 8,
		3, 10, 14, 4, 9, 15, 8, 1, 2, 7, 0, 6, 13, 11, 5, 12,
		1, 9, 11, 10, 0, 8, 12, 4, 13, 3, 7, 15, 14, 5, 6, 2,
		4, 0, 5, 9, 7, 12, 2, 10, 14, 1, 3, 8, 11, 6, 15, 13,
	}
	rmdWordR = [80]uint8{
		5, 14, 7, 0, 9, 2, 11, 4, 13, 6, 15, 8, 1, 10, 3, 12,
		6, 11, 3, 7, 0, 13, 5, 10, 14, 15, 8, 12, 4, 9, 1, 2,
		15, 5, 1, 3, 7, 14, 6, 9, 11, 8, 12, 2, 10, 0, 4, 13,
		8, 6, 4, 1, 3, 11, 15, 0, 5, 12, 2, 13, 9, 7, 10, 14,
		12, 15, 10, 4, 1, 5, 8, 7, 6, 2, 13, 14, 0, 3, 9, 11,
	}
	rmdRotL = [80]uint8{
		11, 14, 15, 12, 5, 8, 7, 9, 11, 13, 14, 15, 6, 7, 9, 8,
		7, 6, 8, 13, 11, 9, 7, 15, 7, 12, 15, 9, 11, 7, 13, 12,
		11, 13, 6, 7, 14, 9, 13, 15, 14, 8, 13, 6, 5, 12, 7, 5,
		11, 12, 14, 15, 14, 15, 9, 8, 9, 14, 5, 6, 8, 6, 5, 12,
		9, 15, 5, 11, 6, 8, 13, 12, 5, 12, 13, 14, 11, 8, 5, 6,
	}
	rmdRotR = [80]uint8{
		8, 9, 9, 11, 13, 15, 15, 5, 7, 7, 8, 11, 14, 14, 12, 6,
		9, 13, 15, 7, 12, 8, 9, 11, 7, 7, 12, 7, 6, 15, 13, 11,
		9, 7, 15, 11, 8, 6, 6, 14, 12, 13, 5, 14, 13, 13, 7, 5,
		15, 5, 8, 11, 14, 14, 6, 14, 6, 9, 12, 9, 12, 5, 15, 8,
		8, 5, 12, 9, 12, 5, 14, 6, 8, 13, 6, 5, 15, 13, 11, 11,
	}
	rmdConstL = [5]uint32{0x00000000, 0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xa953fd4e}
	rmdConstR = [5]uint32{0x50a28be6, 0x5c4dd124, 0x6d703ef3, 0x7a6d76e9, 0x00000000}
)

// rmdF is the boolean function of round r (0 to 4).
func rmdF(r int, x, y, z uint32) uint32 {
	switch r {
	case 0:
		return x ^ y ^ z
	case 1:
		return x&y | ^x&z
	case 2:
		return (x | ^y) ^ z
	case 3:
		return x&z | y&^z
	}
	return x ^ (y | ^z)
}

func ripemd160Compress(h *[8]uint32, block []byte) {
	var x [16]uint32
	for i := range x {
		x[i] = binary.LittleEndian.Uint32(block[4*i:])
	}
	al, bl, cl, dl, el := h[0], h[1], h[2], h[3], h[4]
	ar, br, cr, dr, er := al, bl, cl, dl, el
	for j := range 80 {
		r := j / 16
		t := bits.RotateLeft32(al+rmdF(r, bl, cl, dl)+x[rmdWordL[j]]+rmdConstL[r], int(rmdRotL[j])) + el
		al, el, dl, cl, bl = el, dl, bits.RotateLeft32(cl, 10), bl, t
		// The right line runs the functions in the opposite order.
		t = bits.RotateLeft32(ar+rmdF(4-r, br, cr, dr)+x[rmdWordR[j]]+rmdConstR[r], int(rmdRotR[j])) + er
		ar, er, dr, cr, br = er, dr, bits.RotateLeft32(cr, 10), br, t
	}
	t := h[1] + cl + dr
	h[1] = h[2] + dl + er
	h[2] = h[3] + el + ar
	h[3] = h[4] + al + br
	h[4] = h[0] + bl + cr
	h[0] = t
}

// SM3: SHA-256's framing with its own expansion and compression.

var sm3Alg = &mdAlg{
	iv:        [8]uint32{0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e},
	words:     8,
	bigEndian: true,
	compress:  sm3Compress,
}

func sm3P0(x uint32) uint32 { return x ^ bits.RotateLeft32(x, 9) ^ bits.RotateLeft32(x, 17) }
func sm3P1(x uint32) uint32 { return x ^ bits.RotateLeft32(x, 15) ^ bits.RotateLeft32(x, 23) }

func sm3Compress(h *[8]uint32, block []byte) {
	var w [68]uint32
	for i := range 16 {
		w[i] = binary.BigEndian.Uint32(block[4*i:])
	}
	for j := 16; j < 68; j++ {
		w[j] = sm3P1(w[j-16]^w[j-9]^bits.RotateLeft32(w[j-3], 15)) ^ bits.RotateLeft32(w[j-13], 7) ^ w[j-6]
	}
	a, b, c, d, e, f, g, hh := h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]
	for j := range 64 {
		tj, ff, gg := uint32(0x79cc4519), a^b^c, e^f^g
		if j >= 16 {
			tj, ff, gg = 0x7a879d8a, a&b|a&c|b&c, e&f|^e&g
		}
		a12 := bits.RotateLeft32(a, 12)
		ss1 := bits.RotateLeft32(a12+e+bits.RotateLeft32(tj, j%32), 7)
		ss2 := ss1 ^ a12
		tt1 := ff + d + ss2 + (w[j] ^ w[j+4])
		tt2 := gg + hh + ss1 + w[j]
		d, c, b, a = c, bits.RotateLeft32(b, 9), a, tt1
		hh, g, f, e = g, bits.RotateLeft32(f, 19), e, sm3P0(tt2)
	}
	h[0] ^= a
	h[1] ^= b
	h[2] ^= c
	h[3] ^= d
	h[4] ^= e
	h[5] ^= f
	h[6] ^= g
	h[7] ^= hh
}

// pairState is MD5-SHA1: both digests of the same data, concatenated.
type pairState struct{ a, b hashState }

func (s pairState) write(p []byte)   { s.a.write(p); s.b.write(p) }
func (s pairState) sum(n int) []byte { return append(s.a.sum(n), s.b.sum(n)...) }
func (s pairState) clone() hashState { return pairState{s.a.clone(), s.b.clone()} }

// nullState is OpenSSL's NULL digest: it ignores its input and its
// digest is empty.
type nullState struct{}

func (nullState) write([]byte)     {}
func (nullState) sum(int) []byte   { return nil }
func (nullState) clone() hashState { return nullState{} }

// kmacKeccak returns a constructor of the Keccak that KMAC runs on
// (OpenSSL's KECCAK-KMAC digests): cSHAKE's padding byte, 0x04, on an
// empty state, without the customization prefix cSHAKE would absorb.
// Go's sha3 has no such constructor, so a fresh SHAKE's state is
// restored into a cSHAKE. It returns nil if Go's state format changed
// and the result is not the expected digest (the digests then raise
// NotImplementedError).
func kmacKeccak(newCSHAKE func(n, s []byte) *sha3.SHAKE, newSHAKE func() *sha3.SHAKE, want string) func() *sha3.SHAKE {
	mk := func() *sha3.SHAKE {
		st, err := newSHAKE().MarshalBinary()
		if err != nil || len(st) < 4 {
			return nil
		}
		// The marshaled state begins with a tag naming the padding.
		copy(st, "sha\x0a")
		c := newCSHAKE([]byte{1}, nil)
		if c.UnmarshalBinary(st) != nil {
			return nil
		}
		return c
	}
	s := mk()
	if s == nil {
		return nil
	}
	s.Write([]byte("abc"))
	out := make([]byte, len(want)/2)
	s.Read(out)
	if hex.EncodeToString(out) != want {
		return nil
	}
	return mk
}

func init() {
	for _, k := range []struct {
		alg       *osslAlg
		newCSHAKE func(n, s []byte) *sha3.SHAKE
		newSHAKE  func() *sha3.SHAKE
		want      string
	}{
		{osslKMAC128, sha3.NewCSHAKE128, sha3.NewSHAKE128, "3bcfe6e0471a2168f61c"},
		{osslKMAC256, sha3.NewCSHAKE256, sha3.NewSHAKE256, "f4e4a2d747910716f38c"},
	} {
		if mk := kmacKeccak(k.newCSHAKE, k.newSHAKE, k.want); mk != nil {
			k.alg.newState = func() hashState { return shakeHash{mk(), mk} }
		}
	}
}
