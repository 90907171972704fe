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
show(q.put, 1, x=1)
show(q.put, 1, obj=2)
show(q.put, 1, 2, 3, 4, unbound=1)
show(q.get_nowait, 1)
show(q.put_nowait)
show(q.put_nowait, 1, 2)
show(q.get, self=1)
show(type(q).put)
q.put(7, _delay=0.5)
print(q.get(_delay=0.5))
q.put(4, True)
q.put(5, True, None)
print(q.get(True), q.get(True, None))
show(q.get, False)
del q
import gc; gc.collect()
r.put(6)
print(r.get(), r.empty())
`)
	// The messages are those of CPython 3.14's Queue, whose methods are
	// Python functions (checked with the same signatures on 3.12).
	want := "1 2 3\n" +
		"TypeError: Queue.put() missing 1 required positional argument: 'obj'\n" +
		"TypeError: Queue.get() takes from 1 to 3 positional arguments but 4 were given\n" +
		"TypeError: Queue.put() takes from 2 to 4 positional arguments but 5 were given\n" +
		"TypeError: Queue.put() got an unexpected keyword argument 'x'\n" +
		"TypeError: Queue.put() got multiple values for argument 'obj'\n" +
		"TypeError: Queue.put() takes from 2 to 4 positional arguments but 5 positional arguments (and 1 keyword-only argument) were given\n" +
		"TypeError: Queue.get_nowait() takes 1 positional argument but 2 were given\n" +
		"TypeError: Queue.put_nowait() missing 1 required positional argument: 'obj'\n" +
		"TypeError: Queue.put_nowait() takes 2 positional arguments but 3 were given\n" +
		"TypeError: Queue.get() got multiple values for argument 'self'\n" +
		"TypeError: Queue.put() missing 2 required positional arguments: 'self' and 'obj'\n" +
		"7\n" +
		"4 5\n" +
		"QueueEmpty: queue 1 is empty\n" +
		"6 True\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
