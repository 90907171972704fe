//go:build linux && !amd64

package modules

import "syscall"

// sysFstatat is the number of fstatat(2) on the 64-bit architectures
// whose system calls follow the generic table (arm64, riscv64, loong64).
const sysFstatat = syscall.SYS_FSTATAT
