package modules

import (
	"encoding/binary"
	"math/bits"
	"strconv"

	"github.com/parallel-py/parallel/interp"
)

// The _blake2 module of CPython 3.12: BLAKE2b and BLAKE2s (RFC 7693)
// with every parameter of the BLAKE2 parameter block (digest size, key,
// salt, personalization and the tree-hashing fields), written here from
// the RFC since Go's standard library has no BLAKE2.

// blake2Variant holds what differs between BLAKE2b and BLAKE2s.
type blake2Variant struct {
	name                         string
	blockSize, maxDigest, maxKey int
	saltSize, personSize         int
	nodeOffsetBytes              int // 8 for b, 6 for s
	kind                         *hashKind
}

var (
	blake2bVariant = &blake2Variant{name: "blake2b", blockSize: 128, maxDigest: 64, maxKey: 64, saltSize: 16, personSize: 16, nodeOffsetBytes: 8}
	blake2sVariant = &blake2Variant{name: "blake2s", blockSize: 64, maxDigest: 32, maxKey: 32, saltSize: 8, personSize: 8, nodeOffsetBytes: 6}
)

// blake2Sigma is the message schedule of the rounds.
var blake2Sigma = [10][16]uint8{
	{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
	{14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
	{11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
	{7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
	{9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
	{2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
	{12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
	{13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
	{6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
	{10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
}

// The initialization vectors: SHA-512's and SHA-256's.
var (
	blake2bIV = [8]uint64{0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
		0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179}
	blake2sIV = [8]uint32{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19}
)

// blake2State is a running BLAKE2b or BLAKE2s. Words are kept as
// uint64 for both; BLAKE2s uses their low 32 bits. The last block
// waits in buf until more data or the digest, since the final block is
// compressed differently.
type blake2State struct {
	v        *blake2Variant
	h        [8]uint64
	t        [2]uint64 // bytes compressed, a 128-bit (b) or 64-bit (s) counter
	buf      [128]byte
	n        int
	lastNode bool
	outLen   int
}

func (s *blake2State) clone() hashState { c := *s; return &c }

func (s *blake2State) write(p []byte) {
	bs := s.v.blockSize
	for len(p) > 0 {
		if s.n == bs {
			s.addCounter(uint64(bs))
			s.compress(false)
			s.n = 0
		}
		k := copy(s.buf[s.n:bs], p)
		s.n += k
		p = p[k:]
	}
}

func (s *blake2State) addCounter(n uint64) {
	if s.v.blockSize == 64 {
		// BLAKE2s: a 64-bit counter in two 32-bit words.
		c := s.t[0] | s.t[1]<<32
		c += n
		s.t[0], s.t[1] = c&0xffffffff, c>>32
		return
	}
	var carry uint64
	s.t[0], carry = bits.Add64(s.t[0], n, 0)
	s.t[1] += carry
}

func (s *blake2State) sum(int) []byte {
	c := *s
	c.addCounter(uint64(c.n))
	clear(c.buf[c.n:c.v.blockSize])
	c.compress(true)
	out := make([]byte, 0, 64)
	for _, w := range c.h {
		if c.v.blockSize == 64 {
			out = binary.LittleEndian.AppendUint32(out, uint32(w))
		} else {
			out = binary.LittleEndian.AppendUint64(out, w)
		}
	}
	return out[:c.outLen]
}

// compress mixes buf into h (RFC 7693, 3.2).
func (s *blake2State) compress(last bool) {
	if s.v.blockSize == 64 {
		s.compressS(last)
		return
	}
	var m [16]uint64
	for i := range m {
		m[i] = binary.LittleEndian.Uint64(s.buf[8*i:])
	}
	var v [16]uint64
	copy(v[:8], s.h[:])
	copy(v[8:], blake2bIV[:])
	v[12] ^= s.t[0]
	v[13] ^= s.t[1]
	if last {
		v[14] = ^v[14]
		if s.lastNode {
			v[15] = ^v[15]
		}
	}
	g := func(a, b, c, d int, x, y uint64) {
		v[a] += v[b] + x
		v[d] = bits.RotateLeft64(v[d]^v[a], -32)
		v[c] += v[d]
		v[b] = bits.RotateLeft64(v[b]^v[c], -24)
		v[a] += v[b] + y
		v[d] = bits.RotateLeft64(v[d]^v[a], -16)
		v[c] += v[d]
		v[b] = bits.RotateLeft64(v[b]^v[c], -63)
	}
	for r := 0; r < 12; r++ {
		sg := &blake2Sigma[r%10]
		g(0, 4, 8, 12, m[sg[0]], m[sg[1]])
		g(1, 5, 9, 13, m[sg[2]], m[sg[3]])
		g(2, 6, 10, 14, m[sg[4]], m[sg[5]])
		g(3, 7, 11, 15, m[sg[6]], m[sg[7]])
		g(0, 5, 10, 15, m[sg[8]], m[sg[9]])
		g(1, 6, 11, 12, m[sg[10]], m[sg[11]])
		g(2, 7, 8, 13, m[sg[12]], m[sg[13]])
		g(3, 4, 9, 14, m[sg[14]], m[sg[15]])
	}
	for i := range s.h {
		s.h[i] ^= v[i] ^ v[i+8]
	}
}

func (s *blake2State) compressS(last bool) {
	var m [16]uint32
	for i := range m {
		m[i] = binary.LittleEndian.Uint32(s.buf[4*i:])
	}
	var v [16]uint32
	for i := 0; i < 8; i++ {
		v[i], v[i+8] = uint32(s.h[i]), blake2sIV[i]
	}
	v[12] ^= uint32(s.t[0])
	v[13] ^= uint32(s.t[1])
	if last {
		v[14] = ^v[14]
		if s.lastNode {
			v[15] = ^v[15]
		}
	}
	g := func(a, b, c, d int, x, y uint32) {
		v[a] += v[b] + x
		v[d] = bits.RotateLeft32(v[d]^v[a], -16)
		v[c] += v[d]
		v[b] = bits.RotateLeft32(v[b]^v[c], -12)
		v[a] += v[b] + y
		v[d] = bits.RotateLeft32(v[d]^v[a], -8)
		v[c] += v[d]
		v[b] = bits.RotateLeft32(v[b]^v[c], -7)
	}
	for r := 0; r < 10; r++ {
		sg := &blake2Sigma[r]
		g(0, 4, 8, 12, m[sg[0]], m[sg[1]])
		g(1, 5, 9, 13, m[sg[2]], m[sg[3]])
		g(2, 6, 10, 14, m[sg[4]], m[sg[5]])
		g(3, 7, 11, 15, m[sg[6]], m[sg[7]])
		g(0, 5, 10, 15, m[sg[8]], m[sg[9]])
		g(1, 6, 11, 12, m[sg[10]], m[sg[11]])
		g(2, 7, 8, 13, m[sg[12]], m[sg[13]])
		g(3, 4, 9, 14, m[sg[14]], m[sg[15]])
	}
	for i := range s.h {
		s.h[i] = uint64(uint32(s.h[i]) ^ v[i] ^ v[i+8])
	}
}

// blake2Params is the parameter block's content.
type blake2Params struct {
	digestSize, fanout, depth, nodeDepth, innerSize int
	leafSize, nodeOffset                            uint64
	key, salt, person                               []byte
	lastNode                                        bool
}

// newBlake2 starts a hash from the parameter block (RFC 7693, 2.5, and
// the BLAKE2 paper's tree parameters); a key is the first block.
func newBlake2(v *blake2Variant, p *blake2Params) *blake2State {
	var pb [64]byte
	pb[0], pb[1], pb[2], pb[3] = byte(p.digestSize), byte(len(p.key)), byte(p.fanout), byte(p.depth)
	binary.LittleEndian.PutUint32(pb[4:], uint32(p.leafSize))
	var off [8]byte
	binary.LittleEndian.PutUint64(off[:], p.nodeOffset)
	copy(pb[8:], off[:v.nodeOffsetBytes])
	i := 8 + v.nodeOffsetBytes
	pb[i], pb[i+1] = byte(p.nodeDepth), byte(p.innerSize)
	// BLAKE2b has 14 reserved bytes before the salt; BLAKE2s none.
	saltAt := 32
	if v.blockSize == 64 {
		saltAt = 16
	}
	copy(pb[saltAt:saltAt+v.saltSize], p.salt)
	copy(pb[saltAt+v.saltSize:saltAt+2*v.saltSize], p.person)
	s := &blake2State{v: v, lastNode: p.lastNode, outLen: p.digestSize}
	for k := 0; k < 8; k++ {
		if v.blockSize == 64 {
			s.h[k] = uint64(blake2sIV[k] ^ binary.LittleEndian.Uint32(pb[4*k:]))
		} else {
			s.h[k] = blake2bIV[k] ^ binary.LittleEndian.Uint64(pb[8*k:])
		}
	}
	if len(p.key) > 0 {
		var block [128]byte
		copy(block[:], p.key)
		s.write(block[:v.blockSize])
	}
	return s
}

func init() {
	var table moduleTable
	for _, v := range []*blake2Variant{blake2bVariant, blake2sVariant} {
		v := v
		k := &hashKind{name: v.name, digestSize: v.maxDigest, blockSize: v.blockSize, copyQual: v.name}
		v.kind = k
		k.typ = interp.NewType[hashObject](interp.TypeSpec{
			Name: v.name, Module: "_blake2", Doc: "Return a new BLAKE2" + v.name[6:] + " hash object.",
			Construct: func(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
				return blake2Construct(in, v, args, kwnames)
			},
		})
		addHashMethods(k.typ, false)
		upper := "BLAKE2" + string(v.name[6]-'a'+'A')
		for _, c := range []struct {
			name string
			n    int
		}{{"SALT_SIZE", v.saltSize}, {"PERSON_SIZE", v.personSize}, {"MAX_KEY_SIZE", v.maxKey}, {"MAX_DIGEST_SIZE", v.maxDigest}} {
			k.typ.AddAttr(c.name, interp.Int(int64(c.n)))
			table.set(upper+"_"+c.name, interp.Int(int64(c.n)))
		}
		table.typ(v.name, k.typ)
	}
	interp.RegisterModule("_blake2", func(in *interp.Interp, m *interp.Module) error { return table.fill(in, m) })
}

var blake2Names = []string{"data", "digest_size", "key", "salt", "person", "fanout", "depth", "leaf_size",
	"node_offset", "node_depth", "inner_size", "last_node", "usedforsecurity"}

// blake2Construct is blake2b() and blake2s(): the arguments converted
// in order, then checked in CPython's order, then the data hashed.
func blake2Construct(in *interp.Interp, v *blake2Variant, args, kwnames []Value) (Value, error) {
	params := &interp.Params{Func: v.name, Names: blake2Names, PosOnly: 1, KwOnly: len(blake2Names) - 1}
	var a [13]Value
	outs := make([]*Value, len(a))
	for i := range a {
		outs[i] = &a[i]
	}
	if err := in.Unpack(params, args, kwnames, outs...); err != nil {
		return Value{}, err
	}
	p := blake2Params{digestSize: v.maxDigest, fanout: 1, depth: 1}
	var err error
	if !a[1].IsNil() {
		if p.digestSize, err = cIntArg(in, a[1]); err != nil {
			return Value{}, err
		}
	}
	for i, dst := range []*[]byte{&p.key, &p.salt, &p.person} {
		if arg := a[2+i]; !arg.IsNil() {
			if *dst, err = bytesLikeArg(in, arg); err != nil {
				return Value{}, err
			}
		}
	}
	for i, dst := range []*int{&p.fanout, &p.depth} {
		if arg := a[5+i]; !arg.IsNil() {
			if *dst, err = cIntArg(in, arg); err != nil {
				return Value{}, err
			}
		}
	}
	if !a[7].IsNil() {
		if p.leafSize, err = ulongArg(in, a[7], "Python int too large to convert to C unsigned long"); err != nil {
			return Value{}, err
		}
	}
	if !a[8].IsNil() {
		if p.nodeOffset, err = ulongArg(in, a[8], "int too big to convert"); err != nil {
			return Value{}, err
		}
	}
	for i, dst := range []*int{&p.nodeDepth, &p.innerSize} {
		if arg := a[9+i]; !arg.IsNil() {
			if *dst, err = cIntArg(in, arg); err != nil {
				return Value{}, err
			}
		}
	}
	if p.lastNode, err = truthArg(in, a[11], false); err != nil {
		return Value{}, err
	}
	if _, err = truthArg(in, a[12], true); err != nil {
		return Value{}, err
	}
	if msg := p.check(v); msg != "" {
		t := interp.ValueError
		if msg[0] == '!' {
			t, msg = interp.OverflowError, msg[1:]
		}
		return Value{}, in.Raise(t, "%s", msg)
	}
	var data []byte
	if !a[0].IsNil() {
		if data, err = hashData(in, a[0]); err != nil {
			return Value{}, err
		}
	}
	s := newBlake2(v, &p)
	s.write(data)
	return newHashObject(in, v.kind, s, p.digestSize)
}

// check validates the parameters as CPython does, in its order; a
// message starting with '!' is an OverflowError.
func (p *blake2Params) check(v *blake2Variant) string {
	switch {
	case p.digestSize <= 0 || p.digestSize > v.maxDigest:
		return "digest_size must be between 1 and " + strconv.Itoa(v.maxDigest) + " bytes"
	case len(p.salt) > v.saltSize:
		return "maximum salt length is " + strconv.Itoa(v.saltSize) + " bytes"
	case len(p.person) > v.personSize:
		return "maximum person length is " + strconv.Itoa(v.personSize) + " bytes"
	case p.fanout < 0 || p.fanout > 255:
		return "fanout must be between 0 and 255"
	case p.depth <= 0 || p.depth > 255:
		return "depth must be between 1 and 255"
	case p.leafSize > 0xffffffff:
		return "!leaf_size is too large"
	case v.nodeOffsetBytes == 6 && p.nodeOffset > 0xffffffffffff:
		return "!node_offset is too large"
	case p.nodeDepth < 0 || p.nodeDepth > 255:
		return "node_depth must be between 0 and 255"
	case p.innerSize < 0 || p.innerSize > v.maxDigest:
		return "inner_size must be between 0 and is " + strconv.Itoa(v.maxDigest)
	case len(p.key) > v.maxKey:
		return "maximum key length is " + strconv.Itoa(v.maxKey) + " bytes"
	}
	return ""
}
