package modules

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"encoding/hex"
	"hash"
	"math/big"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
)

// CPython 3.12's built-in hash modules, which hashlib falls back to
// when there is no _hashlib (OpenSSL): _md5, _sha1, _sha2 and _sha3
// here, over Go's crypto packages; _blake2 in hash_blake2.go. Every
// hash object is a hashObject; its kind says which algorithm and which
// Python type.

// hashState is a running hash: its digest does not end it.
type hashState interface {
	write(p []byte)
	sum(n int) []byte // the digest (n bytes for an extendable output)
	clone() hashState
}

// stdHash adapts a Go hash that can be cloned.
type stdHash struct{ h hash.Cloner }

func (s stdHash) write(p []byte)   { s.h.Write(p) }
func (s stdHash) sum(int) []byte   { return s.h.Sum(nil) }
func (s stdHash) clone() hashState { c, _ := s.h.Clone(); return stdHash{c} }

// shakeHash adapts a SHAKE, whose Read would end absorbing: the digest
// reads from a copy.
type shakeHash struct {
	s       *sha3.SHAKE
	newFunc func() *sha3.SHAKE
}

func (s shakeHash) write(p []byte) { s.s.Write(p) }
func (s shakeHash) sum(n int) []byte {
	out := make([]byte, n)
	s.clone().(shakeHash).s.Read(out)
	return out
}

// clone restores the state into a new SHAKE of the same kind (its
// zero value is a SHAKE256, which would not take a SHAKE128 state).
func (s shakeHash) clone() hashState {
	st, _ := s.s.MarshalBinary()
	c := s.newFunc()
	c.UnmarshalBinary(st)
	return shakeHash{c, s.newFunc}
}

// hashKind describes one hash type.
type hashKind struct {
	name       string // the object's .name
	digestSize int    // 0 for SHAKE
	blockSize  int
	newState   func() hashState
	typ        *interp.Type
	// Keccak's parameters, which _sha3 objects show.
	capacity int
	suffix   byte
	// copyQual names copy() in its message: "" for argument clinic's
	// "copy() takes no arguments" (md5, sha1, sha2).
	copyQual string
}

type hashObject struct {
	alloc.Header
	kind       *hashKind
	st         hashState
	digestSize int
}

// hashType defines the Python type of a kind.
func hashType(module, typeName string, construct func(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error)) *interp.Type {
	return interp.NewType[hashObject](interp.TypeSpec{Name: typeName, Module: module, Construct: construct})
}

func std(newHash func() hash.Hash) func() hashState {
	return func() hashState { return stdHash{newHash().(hash.Cloner)} }
}

var (
	md5Kind    = &hashKind{name: "md5", digestSize: 16, blockSize: 64, newState: std(md5.New)}
	sha1Kind   = &hashKind{name: "sha1", digestSize: 20, blockSize: 64, newState: std(sha1.New)}
	sha224Kind = &hashKind{name: "sha224", digestSize: 28, blockSize: 64, newState: std(sha256.New224)}
	sha256Kind = &hashKind{name: "sha256", digestSize: 32, blockSize: 64, newState: std(sha256.New)}
	sha384Kind = &hashKind{name: "sha384", digestSize: 48, blockSize: 128, newState: std(sha512.New384)}
	sha512Kind = &hashKind{name: "sha512", digestSize: 64, blockSize: 128, newState: std(sha512.New)}

	sha3Kinds = []*hashKind{
		{name: "sha3_224", digestSize: 28, capacity: 448, suffix: 0x06, newState: func() hashState { return stdHash{sha3.New224()} }},
		{name: "sha3_256", digestSize: 32, capacity: 512, suffix: 0x06, newState: func() hashState { return stdHash{sha3.New256()} }},
		{name: "sha3_384", digestSize: 48, capacity: 768, suffix: 0x06, newState: func() hashState { return stdHash{sha3.New384()} }},
		{name: "sha3_512", digestSize: 64, capacity: 1024, suffix: 0x06, newState: func() hashState { return stdHash{sha3.New512()} }},
		{name: "shake_128", capacity: 256, suffix: 0x1f, newState: func() hashState { return shakeHash{sha3.NewSHAKE128(), sha3.NewSHAKE128} }},
		{name: "shake_256", capacity: 512, suffix: 0x1f, newState: func() hashState { return shakeHash{sha3.NewSHAKE256(), sha3.NewSHAKE256} }},
	}
)

// Module tables.
var md5Table, sha1Table, sha2Table, sha3Table moduleTable

func init() {
	md5Kind.typ = hashType("_md5", "md5", nil)
	sha1Kind.typ = hashType("_sha1", "sha1", nil)
	for _, k := range []*hashKind{sha224Kind, sha256Kind, sha384Kind, sha512Kind} {
		k.typ = hashType("_sha2", "SHA"+k.name[3:]+"Type", nil)
	}
	for _, k := range []*hashKind{md5Kind, sha1Kind, sha224Kind, sha256Kind, sha384Kind, sha512Kind} {
		addHashMethods(k.typ, false)
	}
	for _, k := range sha3Kinds {
		k.blockSize = (1600 - k.capacity) / 8
		k.copyQual = k.name
		k.typ = hashType("_sha3", k.name, sha3Construct(k))
		addHashMethods(k.typ, k.digestSize == 0)
		addSha3Attrs(k.typ)
		sha3Table.typ(k.name, k.typ)
	}
	sha3Table.set("implementation", interp.ImmortalStr("HACL"))

	md5Table.typ("MD5Type", md5Kind.typ)
	md5Table.fn("md5", hashConstructorFunc(md5Kind))
	sha1Table.typ("SHA1Type", sha1Kind.typ)
	sha1Table.fn("sha1", hashConstructorFunc(sha1Kind))
	for _, k := range []*hashKind{sha224Kind, sha256Kind, sha384Kind, sha512Kind} {
		sha2Table.typ(typeNameOf(k.typ), k.typ)
		sha2Table.fn(k.name, hashConstructorFunc(k))
	}
	interp.RegisterModule("_md5", func(in *interp.Interp, m *interp.Module) error { return md5Table.fill(in, m) })
	interp.RegisterModule("_sha1", func(in *interp.Interp, m *interp.Module) error { return sha1Table.fill(in, m) })
	interp.RegisterModule("_sha2", func(in *interp.Interp, m *interp.Module) error { return sha2Table.fill(in, m) })
	interp.RegisterModule("_sha3", func(in *interp.Interp, m *interp.Module) error { return sha3Table.fill(in, m) })
}

// newHashObject makes a hash object of kind k over state st.
func newHashObject(in *interp.Interp, k *hashKind, st hashState, digestSize int) (Value, error) {
	o, err := interp.NewObject[hashObject](in, k.typ)
	if err != nil {
		return Value{}, err
	}
	o.kind, o.st, o.digestSize = k, st, digestSize
	return interp.ValueOf(o), nil
}

// hashData is the buffer to hash: CPython's GET_BUFFER_VIEW_OR_ERROUT.
func hashData(in *interp.Interp, v Value) ([]byte, error) {
	if interp.IsStr(v) {
		return nil, in.Raise(interp.TypeError, "Strings must be encoded before hashing")
	}
	b, ok, err := simpleBuffer(in, v)
	if err != nil || ok {
		return b, err
	}
	return nil, in.Raise(interp.TypeError, "object supporting the buffer API required")
}

// hashConstructorFunc makes md5() and the like: (string=b”, *,
// usedforsecurity=True).
func hashConstructorFunc(k *hashKind) interp.BuiltinFunc {
	params := &interp.Params{Func: k.name, Names: []string{"string", "usedforsecurity"}, KwOnly: 1}
	return func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		var data, usedfor Value
		if err := in.Unpack(params, args, kwnames, &data, &usedfor); err != nil {
			return Value{}, err
		}
		return newHashFrom(in, k, data, usedfor)
	}
}

// newHashFrom makes a hash of kind k, first fed data (nil: nothing).
func newHashFrom(in *interp.Interp, k *hashKind, data, usedfor Value) (Value, error) {
	if _, err := truthArg(in, usedfor, true); err != nil {
		return Value{}, err
	}
	var b []byte
	if !data.IsNil() {
		var err error
		if b, err = hashData(in, data); err != nil {
			return Value{}, err
		}
	}
	st := k.newState()
	st.write(b)
	return newHashObject(in, k, st, k.digestSize)
}

// sha3Params are every _sha3 constructor's: CPython 3.12.1 names them
// all sha3_224 in its messages.
var sha3Params = interp.Params{Func: "sha3_224", Names: []string{"data", "usedforsecurity"}, PosOnly: 1, KwOnly: 1}

func sha3Construct(k *hashKind) func(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
	return func(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
		var data, usedfor Value
		if err := in.Unpack(&sha3Params, args, kwnames, &data, &usedfor); err != nil {
			return Value{}, err
		}
		return newHashFrom(in, k, data, usedfor)
	}
}

// addHashMethods gives a hash type update, digest, hexdigest, copy and
// the name, digest_size and block_size attributes; an extendable
// output (SHAKE) takes the length of its digest.
func addHashMethods(t *interp.Type, xof bool) {
	short := typeNameOf(t)
	t.AddMethod("update", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.MethOneArg(short+".update", args, kwnames); err != nil {
			return Value{}, err
		}
		b, err := hashData(in, args[1])
		if err != nil {
			return Value{}, err
		}
		interp.ObjectOf[hashObject](args[0]).st.write(b)
		return interp.None, nil
	})
	for _, hexOut := range []bool{false, true} {
		name := "digest"
		if hexOut {
			name = "hexdigest"
		}
		qual := short + "." + name
		t.AddMethod(name, func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
			o := interp.ObjectOf[hashObject](args[0])
			n := o.digestSize
			if xof {
				if err := in.MethOneArg(qual, args, kwnames); err != nil {
					return Value{}, err
				}
				length, err := ulongArg(in, args[1], "Python int too large to convert to C unsigned long")
				if err != nil {
					return Value{}, err
				}
				if length >= 1<<29 {
					return Value{}, in.Raise(interp.ValueError, "length is too large")
				}
				n = int(length)
			} else if err := in.MethNoArgs(qual, args, kwnames); err != nil {
				return Value{}, err
			}
			d := o.st.sum(n)[:n]
			if hexOut {
				return in.NewStr(hex.EncodeToString(d))
			}
			return in.NewBytes(d)
		})
	}
	t.AddMethod("copy", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		o := interp.ObjectOf[hashObject](args[0])
		if o.kind.copyQual != "" {
			if err := in.MethNoArgs(o.kind.copyQual+".copy", args, kwnames); err != nil {
				return Value{}, err
			}
		} else if err := noArgsMethod(in, "copy", args, kwnames); err != nil {
			return Value{}, err
		}
		return newHashObject(in, o.kind, o.st.clone(), o.digestSize)
	})
	t.AddGetSet("name", func(in *interp.Interp, obj Value) (Value, error) {
		return in.NewStr(interp.ObjectOf[hashObject](obj).kind.name)
	}, nil)
	t.AddGetSet("digest_size", func(in *interp.Interp, obj Value) (Value, error) {
		return interp.Int(int64(interp.ObjectOf[hashObject](obj).digestSize)), nil
	}, nil)
	t.AddGetSet("block_size", func(in *interp.Interp, obj Value) (Value, error) {
		return interp.Int(int64(interp.ObjectOf[hashObject](obj).kind.blockSize)), nil
	}, nil)
}

// addSha3Attrs adds the Keccak parameters _sha3 objects expose.
func addSha3Attrs(t *interp.Type) {
	t.AddGetSet("_capacity_bits", func(in *interp.Interp, obj Value) (Value, error) {
		return interp.Int(int64(interp.ObjectOf[hashObject](obj).kind.capacity)), nil
	}, nil)
	t.AddGetSet("_rate_bits", func(in *interp.Interp, obj Value) (Value, error) {
		return interp.Int(int64(1600 - interp.ObjectOf[hashObject](obj).kind.capacity)), nil
	}, nil)
	t.AddGetSet("_suffix", func(in *interp.Interp, obj Value) (Value, error) {
		return in.NewBytes([]byte{interp.ObjectOf[hashObject](obj).kind.suffix})
	}, nil)
}

// ulongArg is CPython's unsigned long converter: an int (no __index__),
// not negative, within 64 bits (overflow: OverflowError tooLarge).
func ulongArg(in *interp.Interp, v Value, tooLarge string) (uint64, error) {
	if !interp.IsInt(v) {
		return 0, in.Raise(interp.TypeError, "an integer is required")
	}
	if n, ok := interp.IntValue(v); ok {
		if n < 0 {
			return 0, in.Raise(interp.ValueError, "value must be positive")
		}
		return uint64(n), nil
	}
	b := interp.BigIntOf(v)
	switch {
	case b.Sign() < 0:
		return 0, in.Raise(interp.ValueError, "value must be positive")
	case b.Cmp(new(big.Int).SetUint64(^uint64(0))) > 0:
		return 0, in.Raise(interp.OverflowError, "%s", tooLarge)
	}
	return b.Uint64(), nil
}
