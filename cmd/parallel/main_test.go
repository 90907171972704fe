package main

import "testing"

func TestMemProfileWanted(t *testing.T) {
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == "PARALLEL_MEMPROFILE" {
				return v
			}
			return ""
		}
	}
	for _, tc := range []struct {
		args []string
		env  string
		want bool
	}{
		{[]string{"parallel", "run", "x.py"}, "", false},
		{[]string{"parallel", "run", "--memprofile", "m.out", "x.py"}, "", true},
		{[]string{"parallel", "run", "-memprofile=m.out", "x.py"}, "", true},
		{[]string{"parallel", "run", "x.py"}, "m.out", true},
		{[]string{"parallel", "run", "memprofile.py"}, "", false},
		{[]string{"parallel"}, "", false},
		{nil, "", false},
	} {
		if got := memProfileWanted(tc.args, env(tc.env)); got != tc.want {
			t.Errorf("%q with PARALLEL_MEMPROFILE=%q: %v, want %v", tc.args, tc.env, got, tc.want)
		}
	}
}
