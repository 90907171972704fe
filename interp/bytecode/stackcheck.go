package bytecode

import "fmt"

// CheckStack proves that code, entered with start values on its stack,
// never holds more than size values there, never pops below empty, and
// leaves every exception handler a stack it can run on. The eval loop's
// fast path indexes a frame's slots without bounds checks, trusting the
// StackSize a template claims; code the compiler just made is right by
// construction, but a template read back from disk must be proven, as a
// class file is by a JVM's verifier.
//
// code must already have passed Validate (opcodes known, jump targets in
// range). handlers is the decoded exception table. Like the compiler, the
// check refuses two paths that reach one instruction with different
// depths: the compiler never makes such code. Every handler is checked,
// reached or not, at the depth the unwinder gives it: Depth values, the
// index of the raising instruction if Lasti, and the exception.
//
// The check runs for every code object the importer reads from the disk
// cache, so the common path is one pass over straight-line code with no
// calls; errors are described only once found.
func CheckStack(code []Instr, handlers []ExceptionEntry, start, size int) error {
	if start < 0 || start > size {
		return fmt.Errorf("bytecode: entry depth %d outside a stack of %d", start, size)
	}
	if len(code) == 0 {
		return nil
	}
	depth := make([]int32, len(code)) // depth before each instruction, plus one; 0: not reached yet
	work := make([]int32, 0, 2+len(handlers))
	depth[0] = int32(start) + 1
	work = append(work, 0)
	for i, h := range handlers {
		if h.Start < 0 || h.End > len(code) || h.Start >= h.End || h.Target < 0 || h.Target >= len(code) || h.Depth < 0 {
			return fmt.Errorf("bytecode: exception entry %d %+v outside the code", i, h)
		}
		d := h.Depth + 1
		if h.Lasti {
			d++
		}
		if d > size {
			return fmt.Errorf("bytecode: exception entry %d needs %d stack slots, the code claims %d", i, d, size)
		}
		switch old := int(depth[h.Target]) - 1; {
		case old < 0:
			depth[h.Target] = int32(d) + 1
			work = append(work, int32(h.Target))
		case old != d:
			return fmt.Errorf("bytecode: instruction %d is reached with stack depths %d and %d", h.Target, old, d)
		}
	}
	for len(work) > 0 {
		pc := int(work[len(work)-1])
		work = work[:len(work)-1]
		d := int(depth[pc]) - 1
		// Follow the fall-through edge in this loop; only jump targets
		// go on the work list.
		for {
			in := code[pc]
			op := in.Op()
			sh := stackShapes[op]
			pop, push := int(sh.pop), int(sh.push)
			if !sh.simple {
				jpop, jpush := int(sh.jpop), int(sh.jpush)
				if !sh.fixed {
					// Opargs reach hundreds (UNPACK_SEQUENCE of 200
					// targets), past what the table's int8s hold.
					pop, push = effect(op, in.Oparg(), false)
					jpop, jpush = effect(op, in.Oparg(), true)
				}
				flags := table[op].flags
				if flags&HasJump != 0 {
					t, low := in.Target(pc), d-jpop
					td := low + jpush
					if low < 0 || td > size || (depth[t] != 0 && int(depth[t]) != td+1) {
						return stackError(code, depth, pc, t, low, td, size)
					}
					if depth[t] == 0 {
						depth[t] = int32(td) + 1
						work = append(work, int32(t))
					}
				}
				if flags&IsTerminal != 0 {
					if d < pop {
						return stackError(code, depth, pc, pc, d-pop, d, size)
					}
					break
				}
			}
			low := d - pop
			d = low + push
			pc++
			if low < 0 || d > size || pc >= len(code) {
				return stackError(code, depth, pc-1, pc, low, d, size)
			}
			if depth[pc] != 0 {
				if int(depth[pc]) != d+1 {
					return stackError(code, depth, pc-1, pc, low, d, size)
				}
				break
			}
			depth[pc] = int32(d) + 1
		}
	}
	for i, h := range handlers {
		for pc := h.Start; pc < h.End; pc++ {
			if d := int(depth[pc]) - 1; d >= 0 && d < h.Depth {
				return fmt.Errorf("bytecode: exception entry %d keeps %d values but instruction %d has only %d", i, h.Depth, pc, d)
			}
		}
	}
	return nil
}

// stackShape is an op's stack effect on both edges when it does not
// depend on the oparg (fixed); simple ops also fall through only.
type stackShape struct {
	pop, push, jpop, jpush int8
	fixed, simple          bool
}

// stackError describes why the edge from instruction pc to next failed:
// low is the depth after pc's pops, d the depth it leaves for next.
func stackError(code []Instr, depth []int32, pc, next, low, d, size int) error {
	from := fmt.Sprintf("instruction %d (%v)", pc, code[pc])
	switch {
	case low < 0:
		return fmt.Errorf("bytecode: %s pops below the bottom of the stack", from)
	case d > size:
		return fmt.Errorf("bytecode: %s needs %d stack slots, the code claims %d", from, d, size)
	case next >= len(code):
		return fmt.Errorf("bytecode: %s runs off the end of the code", from)
	}
	return fmt.Errorf("bytecode: instruction %d is reached with stack depths %d and %d", next, depth[next]-1, d)
}
