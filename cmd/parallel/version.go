package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/parallel-py/parallel/interp/stdlib"
	"github.com/urfave/cli/v2"
)

// version is the release this binary was built from. Release builds set
// it at link time:
//
//	go build -ldflags "-X main.version=v0.1.0" ./cmd/parallel
//
// When it is empty, versionString falls back on the module version the go
// command recorded in the binary.
var version string

func versionCommand() *cli.Command {
	return &cli.Command{
		Name:      "version",
		Usage:     "print the version of parallel and of the Go toolchain that built it",
		ArgsUsage: " ",
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				return usageError{c.Command.HelpName, fmt.Errorf("unexpected argument %q", c.Args().First())}
			}
			if _, err := fmt.Fprintf(c.App.Writer, "parallel %s %s %s/%s\n",
				versionString(), runtime.Version(), runtime.GOOS, runtime.GOARCH); err != nil {
				return err
			}
			// Which standard library `parallel run` will import from.
			lib, err := stdlib.Find()
			if err != nil {
				_, err = fmt.Fprintf(c.App.Writer, "standard library: none found (set %s)\n", stdlib.EnvVar)
				return err
			}
			_, err = fmt.Fprintf(c.App.Writer, "standard library: %s (%s)\n", lib.Dir, lib.Source)
			return err
		},
	}
}

// versionString returns the version set at link time, else the main
// module's version from the build information (a tag or pseudo-version
// when built from a VCS checkout), else "(devel)".
func versionString() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(devel)"
}
