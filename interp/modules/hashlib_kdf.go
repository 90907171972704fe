package modules

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"math"
	"math/bits"

	"github.com/parallel-py/parallel/interp"
)

// _hashlib's key derivation functions: pbkdf2_hmac (PBKDF2 of RFC 8018
// over Go's HMAC) and scrypt (RFC 7914, written here), with the checks
// and messages of CPython 3.12 over OpenSSL 3.0.

// stateHash adapts a hashState to hash.Hash, for Go's HMAC.
type stateHash struct {
	alg *osslAlg
	st  hashState
}

func (h *stateHash) Write(p []byte) (int, error) { h.st.write(p); return len(p), nil }
func (h *stateHash) Sum(b []byte) []byte         { return append(b, h.st.sum(h.alg.digestSize)...) }
func (h *stateHash) Reset()                      { h.st = h.alg.newState() }
func (h *stateHash) Size() int                   { return h.alg.digestSize }
func (h *stateHash) BlockSize() int              { return h.alg.blockSize }

// goHashOf returns a constructor of alg as a hash.Hash.
func goHashOf(alg *osslAlg) func() hash.Hash {
	if alg.goHash != nil {
		return alg.goHash
	}
	return func() hash.Hash { return &stateHash{alg, alg.newState()} }
}

// pbkdf2Into fills out with PBKDF2-HMAC (RFC 8018, 5.2).
func pbkdf2Into(out []byte, newHash func() hash.Hash, password, salt []byte, iterations int) {
	prf := hmac.New(newHash, password)
	u := make([]byte, 0, prf.Size())
	t := make([]byte, prf.Size())
	var counter [4]byte
	for block := uint32(1); len(out) > 0; block++ {
		prf.Reset()
		prf.Write(salt)
		binary.BigEndian.PutUint32(counter[:], block)
		prf.Write(counter[:])
		u = prf.Sum(u[:0])
		copy(t, u)
		for range iterations - 1 {
			prf.Reset()
			prf.Write(u)
			u = prf.Sum(u[:0])
			for i, x := range u {
				t[i] ^= x
			}
		}
		out = out[copy(out, t):]
	}
}

var pbkdf2Params = interp.Params{Func: "pbkdf2_hmac", Names: []string{"hash_name", "password", "salt", "iterations", "dklen"}, Required: 4}

// osslPBKDF2 is pbkdf2_hmac(hash_name, password, salt, iterations,
// dklen=None).
func osslPBKDF2(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	var nameArg, passArg, saltArg, iterArg, dklenArg Value
	if err := in.Unpack(&pbkdf2Params, args, kwnames, &nameArg, &passArg, &saltArg, &iterArg, &dklenArg); err != nil {
		return Value{}, err
	}
	name, err := clinicStrArg(in, "pbkdf2_hmac", "hash_name", nameArg)
	if err != nil {
		return Value{}, err
	}
	password, err := bytesLikeArg(in, passArg)
	if err != nil {
		return Value{}, err
	}
	salt, err := bytesLikeArg(in, saltArg)
	if err != nil {
		return Value{}, err
	}
	iterations, err := int64Arg(in, iterArg)
	if err != nil {
		return Value{}, err
	}
	alg := digestByName(name)
	if alg == nil {
		return Value{}, unsupportedDigest(in)
	}
	if len(password) > math.MaxInt32 {
		return Value{}, in.Raise(interp.OverflowError, "password is too long.")
	}
	if len(salt) > math.MaxInt32 {
		return Value{}, in.Raise(interp.OverflowError, "salt is too long.")
	}
	if iterations < 1 {
		return Value{}, in.Raise(interp.ValueError, "iteration value must be greater than 0.")
	}
	if iterations > math.MaxInt32 {
		return Value{}, in.Raise(interp.OverflowError, "iteration value is too great.")
	}
	dklen := int64(alg.digestSize)
	if alg.xof {
		// OpenSSL gives an extendable output a default size, though
		// PBKDF2 then fails over it.
		dklen = 32
	}
	if !dklenArg.IsNil() && !dklenArg.IsNone() {
		if dklen, err = int64Arg(in, dklenArg); err != nil {
			return Value{}, err
		}
	}
	if dklen < 1 {
		return Value{}, in.Raise(interp.ValueError, "key length must be greater than 0.")
	}
	if dklen > math.MaxInt32 {
		return Value{}, in.Raise(interp.OverflowError, "key length is too great.")
	}
	if alg.xof || alg.digestSize == 0 {
		return Value{}, noReason(in)
	}
	v, out, err := in.AllocBytes(int(dklen))
	if err != nil {
		return Value{}, err
	}
	pbkdf2Into(out, goHashOf(alg), password, salt, int(iterations))
	return v, nil
}

// clinicStrArg is argument clinic's str converter: a str without NULs
// that encodes to UTF-8.
func clinicStrArg(in *interp.Interp, fname, argname string, v Value) (string, error) {
	if !interp.IsStr(v) {
		return "", in.Raise(interp.TypeError, "%s() argument '%s' must be str, not %s", fname, argname, v.Type().Name)
	}
	s, err := cStringArg(in, v)
	if err != nil {
		return "", err
	}
	if len(s) != len(v.GoString()) {
		return "", in.Raise(interp.ValueError, "embedded null character")
	}
	return s, nil
}

// scrypt.

var scryptParams = interp.Params{Func: "scrypt", Names: []string{"password", "salt", "n", "r", "p", "maxmem", "dklen"}, KwOnly: 6, Required: 1}

// scryptMaxMem is OpenSSL's memory bound when maxmem is 0.
const scryptMaxMem = 32 << 20

// osslScrypt is scrypt(password, *, salt=None, n=None, r=None, p=None,
// maxmem=0, dklen=64).
func osslScrypt(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	var passArg, saltArg, nArg, rArg, pArg, maxmemArg, dklenArg Value
	if err := in.Unpack(&scryptParams, args, kwnames, &passArg, &saltArg, &nArg, &rArg, &pArg, &maxmemArg, &dklenArg); err != nil {
		return Value{}, err
	}
	password, err := bytesLikeArg(in, passArg)
	if err != nil {
		return Value{}, err
	}
	var salt []byte
	if !saltArg.IsNil() {
		if salt, err = bytesLikeArg(in, saltArg); err != nil {
			return Value{}, err
		}
	}
	// n, r and p must be ints (a subclass will do, __index__ will not).
	for i, v := range []Value{nArg, rArg, pArg} {
		if !v.IsNil() && !interp.IsInt(v) {
			return Value{}, in.Raise(interp.TypeError, "scrypt() argument '%s' must be int, not %s", scryptParams.Names[2+i], typeNameForArg(v))
		}
	}
	maxmem, dklen := int64(0), int64(64)
	if !maxmemArg.IsNil() {
		if maxmem, err = int64Arg(in, maxmemArg); err != nil {
			return Value{}, err
		}
	}
	if !dklenArg.IsNil() {
		if dklen, err = int64Arg(in, dklenArg); err != nil {
			return Value{}, err
		}
	}
	if len(password) > math.MaxInt32 {
		return Value{}, in.Raise(interp.OverflowError, "password is too long.")
	}
	if saltArg.IsNil() {
		return Value{}, in.Raise(interp.TypeError, "salt is required")
	}
	if len(salt) > math.MaxInt32 {
		return Value{}, in.Raise(interp.OverflowError, "salt is too long.")
	}
	var nrp [3]uint64
	for i, v := range []Value{nArg, rArg, pArg} {
		x, ok := scryptUint(v)
		if !ok {
			return Value{}, in.Raise(interp.TypeError, "%s is required and must be an unsigned int", scryptParams.Names[2+i])
		}
		if i == 0 && (x < 2 || x&(x-1) != 0) {
			return Value{}, in.Raise(interp.ValueError, "n must be a power of 2.")
		}
		nrp[i] = x
	}
	n, r, p := nrp[0], nrp[1], nrp[2]
	if maxmem < 0 || maxmem > math.MaxInt32 {
		return Value{}, in.Raise(interp.ValueError, "maxmem must be positive and smaller than %d", math.MaxInt32)
	}
	if dklen < 1 || dklen > math.MaxInt32 {
		return Value{}, in.Raise(interp.ValueError, "dklen must be greater than 0 and smaller than %d", math.MaxInt32)
	}
	// CPython first asks OpenSSL to check the parameters without a key,
	// which fails (for no reason OpenSSL gives) only for r or p of 0.
	if r == 0 || p == 0 {
		return Value{}, in.Raise(interp.ValueError, "Invalid parameter combination for n, r, p, maxmem.")
	}
	if msg := scryptCheck(n, r, p, uint64(maxmem)); msg != "" {
		return Value{}, in.Raise(interp.ValueError, "[digital envelope routines] %s", msg)
	}
	v, out, err := in.AllocBytes(int(dklen))
	if err != nil {
		return Value{}, err
	}
	scryptInto(out, password, salt, int(n), int(r), int(p))
	return v, nil
}

// typeNameForArg is the type name clinic's messages give ("None" for
// None).
func typeNameForArg(v Value) string {
	if v.IsNone() {
		return "None"
	}
	return v.Type().Name
}

// scryptUint is PyLong_AsUnsignedLong: ok is false for a missing,
// negative or too large value.
func scryptUint(v Value) (uint64, bool) {
	if v.IsNil() {
		return 0, false
	}
	if x, ok := interp.IntValue(v); ok {
		return uint64(x), x >= 0
	}
	b := interp.BigIntOf(v)
	if b.Sign() < 0 || b.BitLen() > 64 {
		return 0, false
	}
	return b.Uint64(), true
}

// scryptCheck is OpenSSL 3.0's check of the parameters before it
// derives a key: "" when they pass, else its reason.
func scryptCheck(n, r, p, maxmem uint64) string {
	const tooLarge, memory = "parameter too large", "memory limit exceeded"
	if r > math.MaxUint32 || p > math.MaxUint32 {
		return tooLarge
	}
	if maxmem == 0 {
		maxmem = scryptMaxMem
	}
	const prMax = 1<<30 - 1
	if p > prMax/r {
		return memory
	}
	// N must be below 2^(128 r / 8).
	if 16*r <= 63 && n >= 1<<(16*r) {
		return memory
	}
	blen := p * 128 * r
	if blen > math.MaxInt32 {
		return memory
	}
	if n+2 > (math.MaxUint64/128)/r {
		return memory
	}
	vlen := 128 * r * (n + 2)
	if blen > math.MaxUint64-vlen || blen+vlen > maxmem {
		return memory
	}
	return ""
}

// scryptInto fills out with scrypt's key (RFC 7914, 6).
func scryptInto(out, password, salt []byte, n, r, p int) {
	blockLen := 128 * r
	b := make([]byte, p*blockLen)
	pbkdf2Into(b, sha256.New, password, salt, 1)
	x := make([]uint32, 32*r)
	y := make([]uint32, 32*r)
	v := make([]uint32, 32*r*n)
	for i := range p {
		chunk := b[i*blockLen : (i+1)*blockLen]
		for k := range x {
			x[k] = binary.LittleEndian.Uint32(chunk[4*k:])
		}
		scryptROMix(x, y, v, n, r)
		for k, w := range x {
			binary.LittleEndian.PutUint32(chunk[4*k:], w)
		}
	}
	pbkdf2Into(out, sha256.New, password, b, 1)
}

// scryptROMix is RFC 7914's scryptROMix over x (32 r words), with y as
// scratch and v as the table of n states.
func scryptROMix(x, y, v []uint32, n, r int) {
	words := 32 * r
	for i := range n {
		copy(v[i*words:], x)
		scryptBlockMix(x, y, r)
	}
	last := (2*r - 1) * 16
	for range n {
		j := int((uint64(x[last]) | uint64(x[last+1])<<32) & uint64(n-1))
		for k, w := range v[j*words : (j+1)*words] {
			x[k] ^= w
		}
		scryptBlockMix(x, y, r)
	}
}

// scryptBlockMix is RFC 7914's scryptBlockMix of b (2r blocks of 16
// words) in place, y being scratch: the even outputs go first.
func scryptBlockMix(b, y []uint32, r int) {
	var t [16]uint32
	copy(t[:], b[(2*r-1)*16:])
	for i := range 2 * r {
		for k := range t {
			t[k] ^= b[i*16+k]
		}
		salsa208(&t)
		dst := (i/2)*16 + (i%2)*r*16
		copy(y[dst:dst+16], t[:])
	}
	copy(b, y)
}

// salsa208 is the Salsa20/8 core (RFC 7914, 3) on t in place.
func salsa208(t *[16]uint32) {
	x := *t
	quarter := func(a, b, c, d int) {
		x[b] ^= bits.RotateLeft32(x[a]+x[d], 7)
		x[c] ^= bits.RotateLeft32(x[b]+x[a], 9)
		x[d] ^= bits.RotateLeft32(x[c]+x[b], 13)
		x[a] ^= bits.RotateLeft32(x[d]+x[c], 18)
	}
	for range 4 {
		// The columns, then the rows.
		quarter(0, 4, 8, 12)
		quarter(5, 9, 13, 1)
		quarter(10, 14, 2, 6)
		quarter(15, 3, 7, 11)
		quarter(0, 1, 2, 3)
		quarter(5, 6, 7, 4)
		quarter(10, 11, 8, 9)
		quarter(15, 12, 13, 14)
	}
	for i := range t {
		t[i] += x[i]
	}
}
