package modules

import (
	"github.com/parallel-py/parallel/alloc"
	"github.com/parallel-py/parallel/interp"
)

// _hashlib's HMAC (RFC 2104) over any of its digests: the HMAC type,
// hmac_new and hmac_digest, which hmac.py uses for a digest given by
// name or as an openssl_* constructor.

// hmacState is a keyed HMAC: the inner hash has absorbed the key
// xor ipad and the message so far, the outer one the key xor opad.
type hmacState struct {
	alg          *osslAlg
	inner, outer hashState
}

// newHMACState keys an HMAC of alg; an extendable output cannot be
// one, and fails as OpenSSL's HMAC_Init_ex does, without a reason.
func newHMACState(in *interp.Interp, alg *osslAlg, key []byte) (*hmacState, error) {
	if alg.xof || alg.newState == nil {
		return nil, noReason(in)
	}
	if len(key) > alg.blockSize {
		h := alg.newState()
		h.write(key)
		key = h.sum(alg.digestSize)
	}
	pad := make([]byte, alg.blockSize)
	copy(pad, key)
	for i := range pad {
		pad[i] ^= 0x36
	}
	s := &hmacState{alg: alg, inner: alg.newState(), outer: alg.newState()}
	s.inner.write(pad)
	for i := range pad {
		pad[i] ^= 0x36 ^ 0x5c
	}
	s.outer.write(pad)
	return s, nil
}

func (s *hmacState) clone() *hmacState {
	return &hmacState{alg: s.alg, inner: s.inner.clone(), outer: s.outer.clone()}
}

// sum is the MAC of the message so far; the state goes on.
func (s *hmacState) sum() []byte {
	outer := s.outer.clone()
	outer.write(s.inner.sum(s.alg.digestSize))
	return outer.sum(s.alg.digestSize)
}

// digestByDigestmod finds the digest of a digestmod argument as
// CPython's py_digest_by_digestmod does: a name, or one of the
// openssl_* constructors.
func digestByDigestmod(in *interp.Interp, digestmod Value) (*osslAlg, error) {
	var name string
	if interp.IsStr(digestmod) {
		var err error
		if name, err = cStringArg(in, digestmod); err != nil {
			return nil, err
		}
	} else {
		for _, c := range osslConstructors {
			if c.fn == digestmod {
				name = c.alg.name
				break
			}
		}
		if name == "" {
			r, err := reprString(in, digestmod)
			if err != nil {
				return nil, err
			}
			return nil, raiseUnsupportedDigestmod(in, "Unsupported digestmod "+r)
		}
	}
	alg := digestByName(name)
	if alg == nil {
		return nil, unsupportedDigest(in)
	}
	return alg, nil
}

var hmacDigestParams = interp.Params{Func: "hmac_digest", Names: []string{"key", "msg", "digest"}, Required: 3}

// osslHMACDigest is hmac_digest(key, msg, digest): the MAC at once.
func osslHMACDigest(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	var keyArg, msgArg, digestArg Value
	if err := in.Unpack(&hmacDigestParams, args, kwnames, &keyArg, &msgArg, &digestArg); err != nil {
		return Value{}, err
	}
	key, err := bytesLikeArg(in, keyArg)
	if err != nil {
		return Value{}, err
	}
	msg, err := bytesLikeArg(in, msgArg)
	if err != nil {
		return Value{}, err
	}
	alg, err := digestByDigestmod(in, digestArg)
	if err != nil {
		return Value{}, err
	}
	s, err := newHMACState(in, alg, key)
	if err != nil {
		return Value{}, err
	}
	s.inner.write(msg)
	return in.NewBytes(s.sum())
}

// The HMAC type.

type hmacObject struct {
	alloc.Header
	st *hmacState
}

const hmacDoc = `The object used to calculate HMAC of a message.

Methods:

update() -- updates the current digest with an additional string
digest() -- return the current digest value
hexdigest() -- return the current digest as a string of hexadecimal digits
copy() -- return a copy of the current hash object

Attributes:

name -- the name, including the hash algorithm used by this object
digest_size -- number of bytes in digest() output
`

var osslHMACType = interp.NewType[hmacObject](interp.TypeSpec{
	Name: "HMAC", Module: "_hashlib", Doc: hmacDoc,
	Repr: func(in *interp.Interp, v Value) (Value, error) {
		return in.NewStr("<" + interp.ObjectOf[hmacObject](v).st.alg.name + " HMAC object @ 0x" + interp.HexAddr(v) + ">")
	},
})

func newHMACObject(in *interp.Interp, st *hmacState) (Value, error) {
	o, err := interp.NewObject[hmacObject](in, osslHMACType)
	if err != nil {
		return Value{}, err
	}
	o.st = st
	return interp.ValueOf(o), nil
}

var hmacNewParams = interp.Params{Func: "hmac_new", Names: []string{"key", "msg", "digestmod"}, Required: 1}

// osslHMACNew is hmac_new(key, msg=b”, digestmod=None).
func osslHMACNew(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
	var keyArg, msgArg, digestmod Value
	if err := in.Unpack(&hmacNewParams, args, kwnames, &keyArg, &msgArg, &digestmod); err != nil {
		return Value{}, err
	}
	key, err := bytesLikeArg(in, keyArg)
	if err != nil {
		return Value{}, err
	}
	if digestmod.IsNil() {
		return Value{}, in.Raise(interp.TypeError, "Missing required parameter 'digestmod'.")
	}
	alg, err := digestByDigestmod(in, digestmod)
	if err != nil {
		return Value{}, err
	}
	st, err := newHMACState(in, alg, key)
	if err != nil {
		return Value{}, err
	}
	if !msgArg.IsNil() && !msgArg.IsNone() {
		msg, err := hashData(in, msgArg)
		if err != nil {
			return Value{}, err
		}
		st.inner.write(msg)
	}
	return newHMACObject(in, st)
}

var hmacUpdateParams = interp.Params{Func: "update", Names: []string{"msg"}, Required: 1}

func init() {
	t := osslHMACType
	t.AddMethod("update", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		var msgArg Value
		if err := in.Unpack(&hmacUpdateParams, args[1:], kwnames, &msgArg); err != nil {
			return Value{}, err
		}
		msg, err := hashData(in, msgArg)
		if err != nil {
			return Value{}, err
		}
		interp.ObjectOf[hmacObject](args[0]).st.inner.write(msg)
		return interp.None, nil
	})
	for _, hexOut := range []bool{false, true} {
		qual := "HMAC.digest"
		if hexOut {
			qual = "HMAC.hexdigest"
		}
		t.AddMethod(qual[5:], func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
			if err := in.MethNoArgs(qual, args, kwnames); err != nil {
				return Value{}, err
			}
			st := interp.ObjectOf[hmacObject](args[0]).st
			if st.alg.digestSize == 0 {
				// CPython refuses a MAC of no bytes (NULL's).
				return Value{}, noReason(in)
			}
			return osslDigestBytes(in, st.sum(), hexOut)
		})
	}
	t.AddMethod("copy", func(in *interp.Interp, args []Value, kwnames []Value) (Value, error) {
		if err := in.MethNoArgs("HMAC.copy", args, kwnames); err != nil {
			return Value{}, err
		}
		return newHMACObject(in, interp.ObjectOf[hmacObject](args[0]).st.clone())
	})
	t.AddGetSet("name", func(in *interp.Interp, obj Value) (Value, error) {
		return in.NewStr("hmac-" + interp.ObjectOf[hmacObject](obj).st.alg.name)
	}, nil)
	t.AddGetSet("digest_size", func(in *interp.Interp, obj Value) (Value, error) {
		n := interp.ObjectOf[hmacObject](obj).st.alg.digestSize
		if n == 0 {
			// As OpenSSL's HMAC_size fails for NULL.
			return Value{}, noReason(in)
		}
		return interp.Int(int64(n)), nil
	}, nil)
	t.AddGetSet("block_size", func(in *interp.Interp, obj Value) (Value, error) {
		return interp.Int(int64(interp.ObjectOf[hmacObject](obj).st.alg.blockSize)), nil
	}, nil)
}
