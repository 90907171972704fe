//go:build linux

package modules

import "syscall"

// sysFstatat is the number of fstatat(2), which amd64 calls newfstatat.
const sysFstatat = syscall.SYS_NEWFSTATAT
