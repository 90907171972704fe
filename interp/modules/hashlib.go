package modules

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"encoding/hex"
	"hash"
	"strings"
	"unicode/utf8"

	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
)

// CPython 3.12's _hashlib, the OpenSSL binding, as it behaves over
// OpenSSL 3.0's default provider, with Go's crypto packages and this
// package's hash states doing the hashing. This file owns the digests
// and their names, the HASH and HASHXOF types, new() and the
// openssl_* constructors and the module itself; hashlib_hmac.go has
// HMAC, hashlib_kdf.go PBKDF2 and scrypt, hashlib_md.go the digests Go
// lacks.

// osslAlg is one digest as _hashlib knows it.
type osslAlg struct {
	name       string // the objects' .name
	digestSize int    // 0 for an extendable output (and NULL)
	blockSize  int
	xof        bool
	// newState starts a hash; nil for the digests not implemented.
	newState func() hashState
	// goHash is Go's own implementation, which PBKDF2 runs fastest;
	// nil: PBKDF2 runs over newState.
	goHash func() hash.Hash
}

func goState(newHash func() hash.Hash) func() hashState {
	return func() hashState { return stdHash{newHash().(hash.Cloner)} }
}

func goAlg(name string, digestSize, blockSize int, newHash func() hash.Hash) *osslAlg {
	return &osslAlg{name: name, digestSize: digestSize, blockSize: blockSize, newState: goState(newHash), goHash: newHash}
}

var (
	osslMD5    = goAlg("md5", 16, 64, md5.New)
	osslSHA1   = goAlg("sha1", 20, 64, sha1.New)
	osslSHA224 = goAlg("sha224", 28, 64, sha256.New224)
	osslSHA256 = goAlg("sha256", 32, 64, sha256.New)
	osslSHA384 = goAlg("sha384", 48, 128, sha512.New384)
	osslSHA512 = goAlg("sha512", 64, 128, sha512.New)

	osslSHA512_224 = goAlg("sha512_224", 28, 128, sha512.New512_224)
	osslSHA512_256 = goAlg("sha512_256", 32, 128, sha512.New512_256)

	osslSHA3_224 = goAlg("sha3_224", 28, 144, func() hash.Hash { return sha3.New224() })
	osslSHA3_256 = goAlg("sha3_256", 32, 136, func() hash.Hash { return sha3.New256() })
	osslSHA3_384 = goAlg("sha3_384", 48, 104, func() hash.Hash { return sha3.New384() })
	osslSHA3_512 = goAlg("sha3_512", 64, 72, func() hash.Hash { return sha3.New512() })

	osslShake128 = &osslAlg{name: "shake_128", blockSize: 168, xof: true,
		newState: func() hashState { return shakeHash{sha3.NewSHAKE128(), sha3.NewSHAKE128} }}
	osslShake256 = &osslAlg{name: "shake_256", blockSize: 136, xof: true,
		newState: func() hashState { return shakeHash{sha3.NewSHAKE256(), sha3.NewSHAKE256} }}

	// OpenSSL's BLAKE2 is the plain BLAKE2b-512 and BLAKE2s-256.
	osslBlake2b = &osslAlg{name: "blake2b", digestSize: 64, blockSize: 128, newState: func() hashState {
		return newBlake2(blake2bVariant, &blake2Params{digestSize: 64, fanout: 1, depth: 1})
	}}
	osslBlake2s = &osslAlg{name: "blake2s", digestSize: 32, blockSize: 64, newState: func() hashState {
		return newBlake2(blake2sVariant, &blake2Params{digestSize: 32, fanout: 1, depth: 1})
	}}

	osslMD5SHA1 = &osslAlg{name: "md5-sha1", digestSize: 36, blockSize: 64, newState: func() hashState {
		return pairState{goState(md5.New)(), goState(sha1.New)()}
	}}
	osslRIPEMD160 = &osslAlg{name: "ripemd160", digestSize: 20, blockSize: 64, newState: func() hashState { return newMDState(ripemd160Alg) }}
	osslSM3       = &osslAlg{name: "sm3", digestSize: 32, blockSize: 64, newState: func() hashState { return newMDState(sm3Alg) }}

	// OpenSSL names the digests it has no Python name for "undefined".
	osslNull = &osslAlg{name: "undefined", newState: func() hashState { return nullState{} }}
	// The Keccak of KMAC: cSHAKE's padding without its prefix.
	osslKMAC128 = &osslAlg{name: "undefined", blockSize: 168, xof: true}
	osslKMAC256 = &osslAlg{name: "undefined", blockSize: 136, xof: true}
)

// osslPyNames are the names CPython maps itself, case-sensitively,
// before asking OpenSSL: the Python names and a few aliases.
var osslPyNames = map[string]*osslAlg{
	"md5": osslMD5, "MD5": osslMD5, "sha1": osslSHA1, "SHA1": osslSHA1,
	"sha224": osslSHA224, "SHA224": osslSHA224, "sha256": osslSHA256, "SHA256": osslSHA256,
	"sha384": osslSHA384, "SHA384": osslSHA384, "sha512": osslSHA512, "SHA512": osslSHA512,
	"sha512_224": osslSHA512_224, "SHA512_224": osslSHA512_224,
	"sha512_256": osslSHA512_256, "SHA512_256": osslSHA512_256,
	"sha3_224": osslSHA3_224, "sha3_256": osslSHA3_256, "sha3_384": osslSHA3_384, "sha3_512": osslSHA3_512,
	"shake_128": osslShake128, "shake_256": osslShake256,
	"blake2b": osslBlake2b, "blake2b512": osslBlake2b, "blake2s": osslBlake2s, "blake2s256": osslBlake2s,
}

// osslNames are the names (upper case) under which OpenSSL 3.0's
// default provider fetches its digests, whatever their case.
var osslNames = map[string]*osslAlg{}

func init() {
	for alg, names := range map[*osslAlg]string{
		osslMD5:        "MD5 SSL3-MD5 1.2.840.113549.2.5",
		osslMD5SHA1:    "MD5-SHA1",
		osslSHA1:       "SHA1 SHA-1 SSL3-SHA1 1.3.14.3.2.26",
		osslSHA224:     "SHA2-224 SHA-224 SHA224 2.16.840.1.101.3.4.2.4",
		osslSHA256:     "SHA2-256 SHA-256 SHA256 2.16.840.1.101.3.4.2.1",
		osslSHA384:     "SHA2-384 SHA-384 SHA384 2.16.840.1.101.3.4.2.2",
		osslSHA512:     "SHA2-512 SHA-512 SHA512 2.16.840.1.101.3.4.2.3",
		osslSHA512_224: "SHA2-512/224 SHA-512/224 SHA512-224 2.16.840.1.101.3.4.2.5",
		osslSHA512_256: "SHA2-512/256 SHA-512/256 SHA512-256 2.16.840.1.101.3.4.2.6",
		osslSHA3_224:   "SHA3-224 2.16.840.1.101.3.4.2.7",
		osslSHA3_256:   "SHA3-256 2.16.840.1.101.3.4.2.8",
		osslSHA3_384:   "SHA3-384 2.16.840.1.101.3.4.2.9",
		osslSHA3_512:   "SHA3-512 2.16.840.1.101.3.4.2.10",
		osslShake128:   "SHAKE-128 SHAKE128 2.16.840.1.101.3.4.2.11",
		osslShake256:   "SHAKE-256 SHAKE256 2.16.840.1.101.3.4.2.12",
		osslBlake2s:    "BLAKE2S-256 BLAKE2S256 1.3.6.1.4.1.1722.12.2.2.8",
		osslBlake2b:    "BLAKE2B-512 BLAKE2B512 1.3.6.1.4.1.1722.12.2.1.16",
		osslSM3:        "SM3 1.2.156.10197.1.401",
		osslRIPEMD160:  "RIPEMD-160 RIPEMD160 RIPEMD RMD160 1.3.36.3.2.1",
		osslKMAC128:    "KECCAK-KMAC-128 KECCAK-KMAC128",
		osslKMAC256:    "KECCAK-KMAC-256 KECCAK-KMAC256",
		osslNull:       "NULL",
	} {
		for _, n := range strings.Fields(names) {
			osslNames[n] = alg
		}
	}
}

// osslMethNames is openssl_md_meth_names: the Python names of the
// digests OpenSSL lists.
var osslMethNames = []string{"blake2b", "blake2s", "md5", "md5-sha1", "ripemd160", "sha1", "sha224", "sha256",
	"sha384", "sha3_224", "sha3_256", "sha3_384", "sha3_512", "sha512", "sha512_224", "sha512_256",
	"shake_128", "shake_256", "sm3"}

// digestByName finds a digest as CPython's py_digest_by_name does; nil
// when OpenSSL has none of that name.
func digestByName(name string) *osslAlg {
	if a := osslPyNames[name]; a != nil {
		return a
	}
	// OpenSSL compares names ignoring ASCII case only.
	up := []byte(name)
	for i, c := range up {
		if 'a' <= c && c <= 'z' {
			up[i] = c - 'a' + 'A'
		}
	}
	return osslNames[string(up)]
}

// unsupportedDigest raises UnsupportedDigestmodError as OpenSSL's
// failed fetch leaves it.
func unsupportedDigest(in *interp.Interp) error {
	return raiseUnsupportedDigestmod(in, "[digital envelope routines] unsupported")
}

// noReason is the ValueError of an OpenSSL call that failed without
// queueing a reason (an HMAC or PBKDF2 over an extendable output).
func noReason(in *interp.Interp) error {
	return in.Raise(interp.ValueError, "no reason supplied")
}

// hashlibState is the module's state in one interpreter.
type hashlibState struct {
	unsupported Value // the UnsupportedDigestmodError class
}

var hashlibStateKey = new(byte)

// unsupportedClass returns UnsupportedDigestmodError (borrowed), made
// the first time this interpreter needs it.
func unsupportedClass(in *interp.Interp) (Value, error) {
	st := in.ModuleState(hashlibStateKey, func() any { return &hashlibState{} }).(*hashlibState)
	if st.unsupported.IsNil() {
		cls, err := newExceptionClassFrom(in, "UnsupportedDigestmodError", "_hashlib", interp.ValueError)
		if err != nil {
			return Value{}, err
		}
		st.unsupported = cls
	}
	return st.unsupported, nil
}

// raiseUnsupportedDigestmod raises UnsupportedDigestmodError(msg).
func raiseUnsupportedDigestmod(in *interp.Interp, msg string) error {
	cls, err := unsupportedClass(in)
	if err != nil {
		return err
	}
	m, err := in.NewStr(msg)
	if err != nil {
		return err
	}
	defer in.DecRef(m)
	e, err := in.Call(cls, []Value{m}, nil)
	if err != nil {
		return err
	}
	defer in.DecRef(e)
	return in.RaiseValue(e)
}

// newExceptionClassFrom makes class name(base) with __module__ module.
func newExceptionClassFrom(in *interp.Interp, name, module string, base *interp.Type) (Value, error) {
	n, err := in.NewStr(name)
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(n)
	bases, err := in.NewTuple(interp.TypeValue(base))
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(bases)
	ns, err := in.NewDict()
	if err != nil {
		return Value{}, err
	}
	defer in.DecRef(ns)
	if err := in.DictSet(interp.AsDict(ns), interp.ImmortalStr("__module__"), interp.ImmortalStr(module)); err != nil {
		return Value{}, err
	}
	return in.Call(interp.TypeValue(interp.TypeType), []Value{n, bases, ns}, nil)
}

// cStringArg is a str as the C string PyUnicode_AsUTF8 gives: strict
// UTF-8 (UnicodeEncodeError for a lone surrogate), cut at its first NUL
// as C reads it.
func cStringArg(in *interp.Interp, v Value) (string, error) {
	s := v.GoString()
	if !utf8.ValidString(s) {
		// Let str.encode raise CPython's UnicodeEncodeError.
		r, err := in.CallMethod(v, "encode", []Value{interp.ImmortalStr("utf-8")}, nil)
		if err != nil {
			return "", err
		}
		in.DecRef(r)
	}
	if i := strings.IndexByte(s, 0); i >= 0 {
		s = s[:i]
	}
	return s, nil
}

// The HASH and HASHXOF types.

type osslHashObject struct {
	alloc.Header
	alg *osslAlg
	st  hashState
}

// osslXOFObject is a HASHXOF, a HASH whose digest takes a length.
type osslXOFObject struct{ osslHashObject }

const osslHashDoc = `A hash is an object used to calculate a checksum of a string of information.

Methods:

update() -- updates the current digest with an additional string
digest() -- return the current digest value
hexdigest() -- return the current digest as a string of hexadecimal digits
copy() -- return a copy of the current hash object

Attributes:

name -- the hash algorithm being used by this object
digest_size -- number of bytes in this hashes output`

const osslXOFDoc = `A hash is an object used to calculate a checksum of a string of information.

Methods:

update() -- updates the current digest with an additional string
digest(length) -- return the current digest value
hexdigest(length) -- return the current digest as a string of hexadecimal digits
copy() -- return a copy of the current hash object

Attributes:

name -- the hash algorithm being used by this object
digest_size -- number of bytes in this hashes output`

// noInstances is the New slot of the types Python code may derive from
// but never instantiate.
func noInstances(in *interp.Interp, t *interp.Type, args, kwnames []Value) (Value, error) {
	return Value{}, in.Raise(interp.TypeError, "cannot create '%s' instances", t.Name)
}

var (
	osslHashType = interp.NewType[osslHashObject](interp.TypeSpec{
		Name: "HASH", Module: "_hashlib", Doc: osslHashDoc, Subclassable: true, New: noInstances,
		Repr: osslHashRepr,
	})
	osslXOFType = interp.NewType[osslXOFObject](interp.TypeSpec{
		Name: "HASHXOF", Module: "_hashlib", Doc: osslXOFDoc, Base: osslHashType, Subclassable: true, New: noInstances,
	})
)

func osslHashRepr(in *interp.Interp, v Value) (Value, error) {
	o := interp.ObjectOf[osslHashObject](v)
	return in.NewStr("<" + o.alg.name + " " + v.Type().Name + " object @ 0x" + interp.HexAddr(v) + ">")
}

// newOsslHash makes a HASH (or HASHXOF) of alg over st.
func newOsslHash(in *interp.Interp, alg *osslAlg, st hashState) (Value, error) {
	if alg.xof {
		o, err := interp.NewObject[osslXOFObject](in, osslXOFType)
		if err != nil {
			return Value{}, err
		}
		o.alg, o.st = alg, st
		return interp.ValueOf(o), nil
	}
	o, err := interp.NewObject[osslHashObject](in, osslHashType)
	if err != nil {
		return Value{}, err
	}
	o.alg, o.st = alg, st
	return interp.ValueOf(o), nil
}

// osslDigestBytes returns d as a bytes or, with hexOut, a str of hex
// digits.
func osslDigestBytes(in *interp.Interp, d []byte, hexOut bool) (Value, error) {
	if hexOut {
		return in.NewStr(hex.EncodeToString(d))
	}
	return in.NewBytes(d)
}

var xofLengthParams = [2]interp.Params{
	{Func: "digest", Names: []string{"length"}, Required: 1},
	{Func: "hexdigest", Names: []string{"length"}, Required: 1},
}

func init() {
	t := osslHashType
	t.AddMethod("update", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.MethOneArg("HASH.update", args, kwnames); err != nil {
			return Value{}, err
		}
		b, err := hashData(in, args[1])
		if err != nil {
			return Value{}, err
		}
		interp.ObjectOf[osslHashObject](args[0]).st.write(b)
		return interp.None, nil
	})
	for _, hexOut := range []bool{false, true} {
		qual := "HASH.digest"
		if hexOut {
			qual = "HASH.hexdigest"
		}
		t.AddMethod(qual[5:], func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.MethNoArgs(qual, args, kwnames); err != nil {
				return Value{}, err
			}
			o := interp.ObjectOf[osslHashObject](args[0])
			return osslDigestBytes(in, o.st.sum(o.alg.digestSize), hexOut)
		})
		params := &xofLengthParams[0]
		if hexOut {
			params = &xofLengthParams[1]
		}
		osslXOFType.AddMethod(params.Func, func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
			var lengthArg Value
			if err := in.Unpack(params, args[1:], kwnames, &lengthArg); err != nil {
				return Value{}, err
			}
			n, err := in.AsSsize(lengthArg)
			if err != nil {
				return Value{}, err
			}
			return xofDigest(in, interp.ObjectOf[osslHashObject](args[0]), n, hexOut)
		})
	}
	t.AddMethod("copy", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.MethNoArgs("HASH.copy", args, kwnames); err != nil {
			return Value{}, err
		}
		o := interp.ObjectOf[osslHashObject](args[0])
		return newOsslHash(in, o.alg, o.st.clone())
	})
	t.AddGetSet("name", func(in *interp.Interp, obj Value) (Value, error) {
		return in.NewStr(interp.ObjectOf[osslHashObject](obj).alg.name)
	}, nil)
	t.AddGetSet("digest_size", func(in *interp.Interp, obj Value) (Value, error) {
		return interp.Int(int64(interp.ObjectOf[osslHashObject](obj).alg.digestSize)), nil
	}, nil)
	t.AddGetSet("block_size", func(in *interp.Interp, obj Value) (Value, error) {
		return interp.Int(int64(interp.ObjectOf[osslHashObject](obj).alg.blockSize)), nil
	}, nil)
}

// xofDigest is HASHXOF.digest(n) or hexdigest(n): the size is checked
// before the output is computed, so a huge one is a MemoryError.
func xofDigest(in *interp.Interp, o *osslHashObject, n int, hexOut bool) (Value, error) {
	if n < 0 {
		if hexOut {
			return Value{}, in.NoMemory()
		}
		return Value{}, in.Raise(interp.ExcType("SystemError"), "Negative size passed to PyBytes_FromStringAndSize")
	}
	if hexOut {
		if n > 1<<31 {
			return Value{}, in.NoMemory()
		}
		return osslDigestBytes(in, o.st.sum(n), true)
	}
	v, buf, err := in.AllocBytes(n)
	if err != nil {
		return Value{}, err
	}
	copy(buf, o.st.sum(n))
	return v, nil
}

// The constructors.

var osslNewParams = interp.Params{Func: "new", Names: []string{"name", "string", "usedforsecurity"}, KwOnly: 1, Required: 1}

// osslNew is _hashlib.new(name, string=b”, *, usedforsecurity=True).
func osslNew(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	var nameArg, data, usedfor Value
	if err := in.Unpack(&osslNewParams, args, kwnames, &nameArg, &data, &usedfor); err != nil {
		return Value{}, err
	}
	if _, err := truthArg(in, usedfor, true); err != nil {
		return Value{}, err
	}
	// PyArg_Parse's "s" fails for a non-str, a lone surrogate and a NUL.
	name := ""
	ok := interp.IsStr(nameArg)
	if ok {
		name = nameArg.GoString()
		ok = utf8.ValidString(name) && strings.IndexByte(name, 0) < 0
	}
	if !ok {
		return Value{}, in.Raise(interp.TypeError, "name must be a string")
	}
	return osslFromName(in, name, data)
}

// osslFromName makes a hash of the named digest, first fed data (nil:
// nothing), as CPython's py_evp_fromname does.
func osslFromName(in *interp.Interp, name string, data Value) (Value, error) {
	var b []byte
	if !data.IsNil() {
		var err error
		if b, err = hashData(in, data); err != nil {
			return Value{}, err
		}
	}
	alg := digestByName(name)
	if alg == nil {
		return Value{}, unsupportedDigest(in)
	}
	if alg.newState == nil {
		return Value{}, in.Raise(interp.NotImplementedError, "the KECCAK-KMAC digests are not implemented yet")
	}
	st := alg.newState()
	st.write(b)
	return newOsslHash(in, alg, st)
}

// osslConstructor is one of the openssl_* functions and its digest.
type osslConstructor struct {
	fn  Value
	alg *osslAlg
}

// osslConstructors are the openssl_* functions in _constructors' order;
// hmac_new and hmac_digest take them for their digest.
var osslConstructors []osslConstructor

func newOsslConstructor(alg *osslAlg) Value {
	fname := "openssl_" + alg.name
	params := &interp.Params{Func: fname, Names: []string{"string", "usedforsecurity"}, KwOnly: 1}
	return interp.NewBuiltin(fname, func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		var data, usedfor Value
		if err := in.Unpack(params, args, kwnames, &data, &usedfor); err != nil {
			return Value{}, err
		}
		if _, err := truthArg(in, usedfor, true); err != nil {
			return Value{}, err
		}
		return osslFromName(in, alg.name, data)
	})
}

// The module.

var hashlibTable moduleTable

func init() {
	hashlibTable.typ("HASH", osslHashType)
	hashlibTable.typ("HASHXOF", osslXOFType)
	hashlibTable.typ("HMAC", osslHMACType)
	hashlibTable.fn("new", osslNew)
	for _, alg := range []*osslAlg{osslMD5, osslSHA1, osslSHA224, osslSHA256, osslSHA384, osslSHA512,
		osslSHA3_224, osslSHA3_256, osslSHA3_384, osslSHA3_512, osslShake128, osslShake256} {
		fn := newOsslConstructor(alg)
		osslConstructors = append(osslConstructors, osslConstructor{fn, alg})
		hashlibTable.set("openssl_"+alg.name, fn)
	}
	hashlibTable.fn("pbkdf2_hmac", osslPBKDF2)
	hashlibTable.fn("scrypt", osslScrypt)
	hashlibTable.fn("hmac_digest", osslHMACDigest)
	hashlibTable.fn("hmac_new", osslHMACNew)
	hashlibTable.fn("get_fips_mode", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if len(kwnames) > 0 {
			return Value{}, in.Raise(interp.TypeError, "_hashlib.get_fips_mode() takes no keyword arguments")
		}
		if len(args) > 0 {
			return Value{}, in.Raise(interp.TypeError, "_hashlib.get_fips_mode() takes no arguments (%d given)", len(args))
		}
		return interp.Int(0), nil
	})
	hashlibTable.fn("compare_digest", osslCompareDigest)
	interp.RegisterModule("_hashlib", initHashlib)
}

func initHashlib(in *interp.Interp, m *interp.Module) error {
	if err := hashlibTable.fill(in, m); err != nil {
		return err
	}
	cls, err := unsupportedClass(in)
	if err != nil {
		return err
	}
	if err := m.Set(in, "UnsupportedDigestmodError", cls); err != nil {
		return err
	}
	names := make([]Value, len(osslMethNames))
	for i, n := range osslMethNames {
		names[i] = interp.ImmortalStr(n)
	}
	list, err := in.NewList(names...)
	if err != nil {
		return err
	}
	set, err := in.Call(interp.TypeValue(interp.FrozenSetType), []Value{list}, nil)
	in.DecRef(list)
	if err != nil {
		return err
	}
	err = m.Set(in, "openssl_md_meth_names", set)
	in.DecRef(set)
	if err != nil {
		return err
	}
	d, err := in.NewDict()
	if err != nil {
		return err
	}
	defer in.DecRef(d)
	for _, c := range osslConstructors {
		if err := in.DictSet(interp.AsDict(d), c.fn, interp.ImmortalStr(c.alg.name)); err != nil {
			return err
		}
	}
	proxy, err := in.NewMappingProxy(d)
	if err != nil {
		return err
	}
	defer in.DecRef(proxy)
	return m.Set(in, "_constructors", proxy)
}

// osslCompareDigest is compare_digest(a, b, /): a == b for two ASCII
// strs or two bytes-like objects, in time independent of their values.
func osslCompareDigest(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	if len(kwnames) > 0 {
		return Value{}, in.Raise(interp.TypeError, "_hashlib.compare_digest() takes no keyword arguments")
	}
	if err := in.CheckArgCount("compare_digest", args, nil, 2, 2); err != nil {
		return Value{}, err
	}
	a, b := args[0], args[1]
	if interp.IsStr(a) && interp.IsStr(b) {
		if !interp.IsASCII(a) || !interp.IsASCII(b) {
			return Value{}, in.Raise(interp.TypeError, "comparing strings with non-ASCII characters is not supported")
		}
		return interp.Bool(constantTimeEqual([]byte(a.GoString()), []byte(b.GoString()))), nil
	}
	x, okA := interp.BufferBytes(a)
	y, okB := interp.BufferBytes(b)
	switch {
	case !okA && !okB:
		return Value{}, in.Raise(interp.TypeError, "unsupported operand types(s) or combination of types: '%s' and '%s'", a.Type().Name, b.Type().Name)
	case !okA:
		return Value{}, in.Raise(interp.TypeError, "a bytes-like object is required, not '%s'", a.Type().Name)
	case !okB:
		return Value{}, in.Raise(interp.TypeError, "a bytes-like object is required, not '%s'", b.Type().Name)
	}
	return interp.Bool(constantTimeEqual(x, y)), nil
}

// constantTimeEqual compares in time that depends on the lengths only.
func constantTimeEqual(x, y []byte) bool {
	var diff byte
	if len(x) != len(y) {
		diff = 1
		x = y
	}
	for i := range y {
		diff |= x[i] ^ y[i]
	}
	return diff == 0
}
