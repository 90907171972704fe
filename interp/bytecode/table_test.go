package bytecode

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"reflect"
	"strings"
	"testing"

	"github.com/parallel-py/parallel/interp/bytecode/internal/opgen"
)

// cpythonDump is what dumpScript prints: CPython 3.12's view of the
// instruction set.
type cpythonDump struct {
	Version string
	Ops     map[string]struct {
		Effects [][3]int // oparg, effect without jump, effect with jump
	}
	Sets  map[string][]string // hasarg, hasconst, ... as names
	Specs map[string][]string
	NbOps [][2]string
	Intr1 []string
	Intr2 []string
	Cmp   []string
	MakeF []string
}

// testOpargs are the opargs the effects are compared at: every flag bit
// combination the table's expressions look at, and UNPACK_EX's high byte.
var testOpargs = []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 255, 256, 257, 258, 0x0302}

const dumpScript = `
import dis, json, opcode, sys
args = json.loads(sys.argv[1])
ops = {}
for name, op in opcode.opmap.items():
    effects = []
    for a in (args if op in opcode.hasarg else [None]):
        try:
            effects.append([a or 0, dis.stack_effect(op, a, jump=False), dis.stack_effect(op, a, jump=True)])
        except ValueError:
            pass
    ops[name] = {"Effects": effects}
sets = {k: [opcode.opname[o] for o in getattr(opcode, k)]
        for k in ("hasarg", "hasconst", "hasname", "hasjrel", "haslocal", "hasfree", "hasexc")}
print(json.dumps({
    "Version": sys.version, "Ops": ops, "Sets": sets,
    "Specs": opcode._specializations, "NbOps": opcode._nb_ops,
    "Intr1": opcode._intrinsic_1_descs, "Intr2": opcode._intrinsic_2_descs,
    "Cmp": list(opcode.cmp_op), "MakeF": list(dis.MAKE_FUNCTION_FLAGS),
}))
`

// runCPython runs the oracle once for all the tests that need it.
func runCPython(t *testing.T) *cpythonDump {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: cannot compare with CPython 3.12")
	}
	args, _ := json.Marshal(testOpargs)
	cmd := exec.Command(py, "-c", dumpScript, string(args))
	cmd.Env = append(os.Environ(), "PYENV_VERSION=3.12.1")
	out, err := cmd.Output()
	if err != nil {
		t.Skipf("CPython 3.12 (PYENV_VERSION=3.12.1 python3) not usable: %v", err)
	}
	var d cpythonDump
	if err := json.Unmarshal(out, &d); err != nil {
		t.Fatalf("bad oracle output: %v", err)
	}
	if !strings.HasPrefix(d.Version, "3.12.") {
		t.Skipf("python3 is %q, not 3.12", d.Version)
	}
	return &d
}

// notInTable are CPython 3.12 opcodes we leave out on purpose.
var notInTable = map[string]string{
	"CACHE":                  "caches are not in the instruction stream",
	"EXTENDED_ARG":           "opargs have 24 bits",
	"RESERVED":               "unused in 3.12",
	"LOAD_SUPER_METHOD":      "the compiler emits LOAD_SUPER_ATTR with its flag bits",
	"LOAD_ZERO_SUPER_METHOD": "as LOAD_SUPER_METHOD",
	"LOAD_ZERO_SUPER_ATTR":   "as LOAD_SUPER_METHOD",
	// Specializations that also consume the next instruction.
	"BINARY_OP_INPLACE_ADD_UNICODE": "superinstruction",
}

func TestStackEffectsMatchCPython(t *testing.T) {
	d := runCPython(t)
	for name, o := range d.Ops {
		if strings.HasPrefix(name, "INSTRUMENTED_") || notInTable[name] != "" {
			continue
		}
		op, ok := Lookup(name)
		if !ok {
			t.Errorf("CPython 3.12 opcode %s is missing from opcodes.def", name)
			continue
		}
		if len(o.Effects) == 0 {
			t.Errorf("%s: oracle gave no stack effects", name)
		}
		for _, e := range o.Effects {
			arg := e[0]
			if got := op.StackEffect(arg, false); got != e[1] {
				t.Errorf("%s oparg %d: stack effect %d, CPython %d", name, arg, got, e[1])
			}
			if got := op.StackEffect(arg, true); got != e[2] {
				t.Errorf("%s oparg %d jump: stack effect %d, CPython %d", name, arg, got, e[2])
			}
		}
	}
	flagOf := map[string]Flags{
		"hasarg": HasArg, "hasconst": HasConst, "hasname": HasName, "hasjrel": HasJump,
		"haslocal": HasLocal, "hasfree": HasFree, "hasexc": HasHandler,
	}
	for set, names := range d.Sets {
		in := map[string]bool{}
		for _, n := range names {
			in[n] = true
		}
		for _, op := range Ops() {
			if op.IsSpecialized() {
				continue
			}
			if _, ok := d.Ops[op.String()]; !ok {
				continue // ours only
			}
			if got := op.Has(flagOf[set]); got != in[op.String()] {
				t.Errorf("%v: in %s is %v, CPython says %v", op, set, got, in[op.String()])
			}
		}
	}
	for base, specs := range d.Specs {
		for _, s := range specs {
			if notInTable[s] != "" {
				continue
			}
			op, ok := Lookup(s)
			if !ok || op.Base().String() != base {
				t.Errorf("specialization %s of %s: have %v (ok %v) with base %v", s, base, op, ok, op.Base())
			}
		}
	}
	for i, nb := range d.NbOps {
		if got := BinaryOp(i).String(); got != nb[1] {
			t.Errorf("BinaryOp(%d) = %q, CPython %v", i, got, nb)
		}
	}
	for i, s := range d.Intr1 {
		if got := Intrinsic1(i).String(); got != s {
			t.Errorf("Intrinsic1(%d) = %q, CPython %q", i, got, s)
		}
	}
	for i, s := range d.Intr2 {
		if got := Intrinsic2(i).String(); got != s {
			t.Errorf("Intrinsic2(%d) = %q, CPython %q", i, got, s)
		}
	}
	for i, s := range d.Cmp {
		if got := CompareOp(i).String(); got != s {
			t.Errorf("CompareOp(%d) = %q, CPython %q", i, got, s)
		}
	}
	for i, s := range d.MakeF {
		if got := MakeFunctionFlag(1 << i).String(); got != s {
			t.Errorf("MakeFunctionFlag(%d) = %q, CPython %q", 1<<i, got, s)
		}
	}
}

// TestFamilies checks the invariants the specializer relies on: a
// specialized form behaves on the stack like its base, has its flags and
// its cache size (so specializing in place never moves a cache), and every
// adaptive base has a counter in cache entry 0.
func TestFamilies(t *testing.T) {
	for _, op := range Ops() {
		base := op.Base()
		if !base.Valid() || base.IsSpecialized() {
			t.Fatalf("%v: bad base %v", op, base)
		}
		if op.IsAdaptive() && op.CacheSize() < 1 {
			t.Errorf("%v is adaptive but has no cache for its counter", op)
		}
		if !op.IsSpecialized() {
			continue
		}
		if !reflect.DeepEqual(op.Specializations(), []Op(nil)) {
			t.Errorf("%v: a specialized op heads a family", op)
		}
		if !contains(base.Specializations(), op) {
			t.Errorf("%v is not listed in %v's family", op, base)
		}
		if op.CacheSize() != base.CacheSize() || op.Flags() != base.Flags() {
			t.Errorf("%v: cache %d flags %b, base %v: cache %d flags %b",
				op, op.CacheSize(), op.Flags(), base, base.CacheSize(), base.Flags())
		}
		for _, arg := range testOpargs {
			for _, jump := range []bool{false, true} {
				p1, q1 := op.Effect(arg, jump)
				p2, q2 := base.Effect(arg, jump)
				if p1 != p2 || q1 != q2 {
					t.Errorf("%v oparg %d jump %v: effect %d/%d, base %v %d/%d", op, arg, jump, p1, q1, base, p2, q2)
				}
			}
		}
	}
}

func contains(ops []Op, op Op) bool {
	for _, o := range ops {
		if o == op {
			return true
		}
	}
	return false
}

func TestTableBasics(t *testing.T) {
	if Op(0).Valid() || Op(numOps).Valid() {
		t.Error("Op 0 and numOps must be invalid")
	}
	if numOps > 256 {
		t.Errorf("%d opcodes do not fit in 8 bits", numOps)
	}
	for _, op := range Ops() {
		if got, ok := Lookup(op.String()); !ok || got != op {
			t.Errorf("Lookup(%q) = %v, %v", op, got, ok)
		}
		f := op.Flags()
		if f&(HasConst|HasName|HasLocal|HasFree|HasJump) != 0 && f&HasArg == 0 {
			t.Errorf("%v: operand flag without HasArg", op)
		}
		if f&IsBranch != 0 && f&(HasJump|HasHandler) == 0 {
			t.Errorf("%v: branch without target", op)
		}
		if f&IsPseudo != 0 && (op.CacheSize() != 0 || op.IsAdaptive()) {
			t.Errorf("%v: pseudo-instruction with cache or family", op)
		}
		if s, _ := op.StackPicture(); !strings.Contains(s, " -- ") {
			t.Errorf("%v: bad picture %q", op, s)
		}
	}
	for _, op := range []Op{0, numOps, 255} {
		if op.String() != fmt.Sprintf("<%d>", op) || op.Flags() != 0 || op.CacheSize() != 0 ||
			op.IsAdaptive() || op.Base() != op || op.StackEffect(3, true) != 0 {
			t.Errorf("invalid Op %d must read as an empty row", uint8(op))
		}
	}
	if got := MAKE_FUNCTION.StackEffect(15, false); got != -4 {
		t.Errorf("MAKE_FUNCTION 15: %d", got)
	}
	if got := SETUP_CLEANUP.MaxStackEffect(0); got != 2 {
		t.Errorf("SETUP_CLEANUP max effect %d", got)
	}
}

func TestCompareOparg(t *testing.T) {
	// From CPython 3.12: dis.dis("a<b; a<=b; a==b; a!=b; a>b; a>=b").
	want := map[CompareOp]int{CMP_LT: 2, CMP_LE: 26, CMP_EQ: 40, CMP_NE: 55, CMP_GT: 68, CMP_GE: 92}
	for cmp, w := range want {
		if got := CompareOparg(cmp); got != w {
			t.Errorf("CompareOparg(%v) = %d, want %d", cmp, got, w)
		}
	}
}

func TestGeneratedUpToDate(t *testing.T) {
	src, err := os.ReadFile("opcodes.def")
	if err != nil {
		t.Fatal(err)
	}
	want, err := opgen.Generate(src)
	if err != nil {
		t.Fatal(err)
	}
	have, err := os.ReadFile("opcodes_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(have, want) {
		t.Error("opcodes_gen.go is stale: run go generate ./interp/bytecode")
	}
}

func TestOpgenErrors(t *testing.T) {
	for _, src := range []string{
		"inst A (x --)\ninst A (x --)",
		"spec A",
		"inst A bogus (x --)",
		"inst A (x -- y",
		"inst A (x y)",
		"pseudo P ( -- )\ninst A ( -- )",
		"inst A ( -- ) jump=( -- x",
		"inst A\nspec B ( -- )",
		"enum T X",
		"frob A",
	} {
		if _, err := opgen.Generate([]byte(src)); err == nil {
			t.Errorf("no error for %q", src)
		}
	}
}
