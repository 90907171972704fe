package main

import "testing"

func TestWantsDeterministicStress(t *testing.T) {
	t.Setenv("PARALLEL_STRESS_DETERMINISTIC", "")
	for _, c := range []struct {
		args []string
		want bool
	}{
		{[]string{"parallel", "stress", "x.py", "--deterministic"}, true},
		{[]string{"parallel", "stress", "--deterministic", "x.py"}, true},
		{[]string{"parallel", "stress", "-deterministic=true", "x.py"}, true},
		{[]string{"parallel", "stress", "--deterministic=false", "x.py"}, false},
		{[]string{"parallel", "stress", "x.py"}, false},
		{[]string{"parallel", "stress", "--", "--deterministic"}, false},
		{[]string{"parallel", "run", "--deterministic"}, false},
		{[]string{"parallel"}, false},
	} {
		if got := wantsDeterministicStress(c.args); got != c.want {
			t.Errorf("%q: %v, want %v", c.args, got, c.want)
		}
	}
	t.Setenv("PARALLEL_STRESS_DETERMINISTIC", "1")
	if !wantsDeterministicStress([]string{"parallel", "stress", "x.py"}) {
		t.Error("the environment variable was not honoured")
	}
}
