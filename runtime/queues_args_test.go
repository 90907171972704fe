package runtime

import "testing"

// put(obj) and get() take a short path past argument matching; every
// other shape of call still goes through it, with the same errors, and
// the cached queue follows a switch from one queue to another.
func TestQueueMethodArgs(t *testing.T) {
	got := runPython(t, queuesPrelude+`
q = I.create_queue()
r = I.create_queue()
q.put(1); r.put(2); q.put(3)
print(q.get(), r.get(), q.get())
show(q.put)
show(q.get, True, None, 1)
show(q.put, 1, 2, 3, 4)
q.put(4, True)
q.put(5, True, None)
print(q.get(True), q.get(True, None))
show(q.get, False)
del q
import gc; gc.collect()
r.put(6)
print(r.get(), r.empty())
`)
	want := "1 2 3\n" +
		"TypeError: put() missing required argument 'obj' (pos 2)\n" +
		"TypeError: get() takes at most 3 arguments (4 given)\n" +
		"TypeError: put() takes at most 4 positional arguments (5 given)\n" +
		"4 5\n" +
		"QueueEmpty: queue 1 is empty\n" +
		"6 True\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
