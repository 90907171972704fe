package format

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/parallel-py/parallel/interp/syntax"
)

// The tests compare this package with CPython 3.12, run once per test with
// every case in one process. Each case is one line "kind<TAB>a<TAB>b"
// (text fields hex-encoded UTF-8 with surrogatepass); each answer is one
// line "ok<TAB>hex" or "err<TAB>ExceptionName<TAB>hex(str(exc))".

const oracleScript = `
import sys, struct
def dec(h): return bytes.fromhex(h).decode('utf-8', 'surrogatepass')
def enc(s): return s.encode('utf-8', 'surrogatepass').hex()
class Attr:
    def __init__(self, **kw): self.__dict__.update(kw)
    def __repr__(self): return 'Attr()'
def run(kind, a, b):
    if kind == 'int': return format(int(a, 0), dec(b))
    if kind == 'bool': return format(a == '1', dec(b))
    if kind == 'float': return format(struct.unpack('<d', bytes.fromhex(a))[0], dec(b))
    if kind == 'str': return format(dec(a), dec(b))
    if kind == 'pct': return dec(a) % eval(dec(b))
    if kind == 'tmpl':
        args, kwargs = eval(dec(b))
        return dec(a).format(*args, **kwargs)
    if kind == 'tmplmap': return dec(a).format_map(eval(dec(b)))
    if kind == 'parse':
        out = []
        for lit, name, spec, conv in __import__('_string').formatter_parser(dec(a)):
            out.append(repr((lit, name, spec, conv)))
        return '|'.join(out)
    if kind == 'eval': return repr(eval(dec(a)))
    raise SystemError(kind)
out = sys.stdout
for line in sys.stdin:
    kind, a, b = line.rstrip('\n').split('\t')
    try:
        r = run(kind, a, b)
        out.write('ok\t' + enc(r) + '\n')
    except Exception as e:
        out.write('err\t' + type(e).__name__ + '\t' + enc(str(e)) + '\n')
`

type oracleCase struct {
	kind, a, b string
}

func hexText(s string) string { return hex.EncodeToString([]byte(s)) }

func hexFloat(f float64) string {
	var b [8]byte
	bits := math.Float64bits(f)
	for i := range b {
		b[i] = byte(bits >> (8 * i))
	}
	return hex.EncodeToString(b[:])
}

// outcome is a result rendered for comparison: the text, or
// "!ExceptionName: message".
type outcome string

func python() (string, []string) {
	return "python3", []string{"-c", oracleScript}
}

// runOracle returns CPython's outcome for every case, or skips the test
// when CPython 3.12 is not available.
func runOracle(t testing.TB, cases []oracleCase) []outcome {
	t.Helper()
	exe, args := python()
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), "PYENV_VERSION=3.12.1", "PYTHONIOENCODING=utf-8")
	var in bytes.Buffer
	for _, c := range cases {
		fmt.Fprintf(&in, "%s\t%s\t%s\n", c.kind, c.a, c.b)
	}
	cmd.Stdin = &in
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	ver, err := exec.Command(exe, "-c", "import sys; print(sys.version_info[:2] == (3, 12))").Output()
	if err != nil || strings.TrimSpace(string(ver)) != "True" {
		t.Skipf("CPython 3.12 not available (PYENV_VERSION=3.12.1 python3): %v", err)
	}
	outb, err := cmd.Output()
	if err != nil {
		t.Fatalf("oracle failed: %v\n%s", err, stderr.String())
	}
	sc := bufio.NewScanner(bytes.NewReader(outb))
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	var res []outcome
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		switch f[0] {
		case "ok":
			b, _ := hex.DecodeString(f[1])
			res = append(res, outcome(b))
		case "err":
			b, _ := hex.DecodeString(f[2])
			res = append(res, outcome("!"+f[1]+": "+string(b)))
		}
	}
	if len(res) != len(cases) {
		t.Fatalf("oracle answered %d of %d cases\n%s", len(res), len(cases), stderr.String())
	}
	return res
}

// oracleScale multiplies the number of randomized cases:
// FORMAT_ORACLE_SCALE=20 go test ./interp/format runs twenty times more.
func oracleScale() int {
	n, err := strconv.Atoi(os.Getenv("FORMAT_ORACLE_SCALE"))
	if err != nil || n < 1 {
		return 1
	}
	return n
}

func init() {
	// The oracle is found through pyenv; honour the version the project
	// names even when the caller's environment does not.
	if os.Getenv("PYENV_VERSION") == "" {
		os.Setenv("PYENV_VERSION", "3.12.1")
	}
}

// render turns a Go result into an outcome.
func render(s string, err error) outcome {
	if err == nil {
		return outcome(s)
	}
	var fe *Error
	if errors.As(err, &fe) {
		if fe.Kind == KeyError {
			return outcome("!KeyError: " + syntax.ReprString(fe.Msg))
		}
		return outcome("!" + fe.Kind.String() + ": " + fe.Msg)
	}
	var de *syntax.IntMaxStrDigitsError
	if errors.As(err, &de) {
		return outcome("!ValueError: " + de.Error())
	}
	var pe *pyError
	if errors.As(err, &pe) {
		return outcome("!" + pe.typ + ": " + pe.msg)
	}
	return outcome("!Go: " + err.Error())
}

// pyError is an exception raised by the test's model of Python objects.
type pyError struct{ typ, msg string }

func (e *pyError) Error() string { return e.typ + ": " + e.msg }

// compare checks got against CPython's answers and reports the first
// mismatches.
func compare(t *testing.T, what []string, got, want []outcome) int {
	t.Helper()
	bad := 0
	for i := range want {
		if got[i] != want[i] {
			bad++
			if bad <= 40 {
				t.Errorf("%s:\n   got %q\n  want %q", what[i], got[i], want[i])
			}
		}
	}
	if bad > 40 {
		t.Errorf("... %d mismatches in all", bad)
	}
	t.Logf("%d cases checked against CPython", len(want))
	return bad
}
