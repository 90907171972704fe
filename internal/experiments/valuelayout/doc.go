// Package valuelayout holds the benchmarks behind docs/design/values.md:
// candidate layouts of the interpreter's Value, each driven through the
// same small stack-machine loop (load two operands, check their kinds, add
// with an overflow check, store). It is an experiment kept so the numbers
// can be reproduced; nothing imports it.
package valuelayout
