package compat

import "testing"

const sample = `test_a (test.test_x.T.test_a) ... ok
test_b (test.test_x.T.test_b)
The docstring's line ... FAIL
test_c (test.test_x.T.test_c) ... printed something
ERROR
test_d (test.test_x.T.test_d) ... skipped 'no network'
test_e (test.test_x.T.test_e) ... expected failure
test_f (test.test_x.T.test_f) ... ok
test_g (test.test_x.T.test_g) ... 
======================================================================
ERROR: test_c (test.test_x.T.test_c)
----------------------------------------------------------------------
Traceback (most recent call last):
  File "x.py", line 3, in test_c
    boom()
NotImplementedError: boom is not implemented yet

======================================================================
FAIL: test_b (test.test_x.T.test_b)
The docstring's line
----------------------------------------------------------------------
Traceback (most recent call last):
  File "x.py", line 5, in test_b
AssertionError: 1 != 2

======================================================================
FAIL: test_f (test.test_x.T.test_f) (i=3)
----------------------------------------------------------------------
AssertionError: subtest

----------------------------------------------------------------------
Ran 7 tests in 0.010s

FAILED (failures=2, errors=1, skipped=1, expected failures=1)
`

func TestParse(t *testing.T) {
	r := Parse("test.test_x", sample)
	want := map[string]Verdict{
		"test.test_x.T.test_a": Pass, "test.test_x.T.test_b": Fail, "test.test_x.T.test_c": Error,
		"test.test_x.T.test_d": Skip, "test.test_x.T.test_e": ExpectedFailure, "test.test_x.T.test_f": Fail,
		"test.test_x.T.test_g": Error,
	}
	for id, v := range want {
		if r.Tests[id] != v {
			t.Errorf("%s: got %q, want %q", id, r.Tests[id], v)
		}
	}
	if len(r.Tests) != len(want) {
		t.Errorf("parsed %d tests, want %d: %v", len(r.Tests), len(want), r.Tests)
	}
	if r.Ran != 7 {
		t.Errorf("Ran = %d", r.Ran)
	}
	for id, reason := range map[string]string{
		"test.test_x.T.test_c": "NotImplementedError: boom is not implemented yet",
		"test.test_x.T.test_b": "AssertionError: 1 != 2",
		"test.test_x.T.test_f": "AssertionError: subtest",
	} {
		if r.Reasons[id] != reason {
			t.Errorf("reason of %s = %q, want %q", id, r.Reasons[id], reason)
		}
	}
	cp := Parse("test.test_x", "test_a (test.test_x.T.test_a) ... ok\ntest_h (test.test_x.T.test_h) ... ok\ntest_d (test.test_x.T.test_d) ... skipped 'no network'\n")
	c := Count(r, cp)
	if c.Total != 8 || c.Passed != 1 || c.Errored != 3 || c.Failed != 2 || c.Skipped != 1 || c.Excluded != 1 {
		t.Errorf("counts %+v", c)
	}
}

func TestMarkdownEscape(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", "(no traceback)"},
		{"a|b <c>", `a\|b &lt;c&gt;`},
		{"+ foo\x00\x00\x00", `+ foo\x00\x00\x00`},
		{"tab\tkept", "tab\tkept"},
	} {
		if got := mdEscape(tc.in); got != tc.want {
			t.Errorf("mdEscape(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
