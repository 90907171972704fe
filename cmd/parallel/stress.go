package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/parallel-py/parallel/stress"
)

func stressCommand() *cli.Command {
	return &cli.Command{
		Name:  "stress",
		Usage: "hammer concurrent code with interpreters, threads, channels and faults",
		Description: "Runs a built-in scenario by NAME (--list names them) or a Python\n" +
			"   scenario FILE with module-level functions setup(), worker(i) and\n" +
			"   check(): worker runs over and over from --threads N threads of one\n" +
			"   interpreter (sharing its globals) or in --interps N interpreters, and\n" +
			"   check() failing with an exception fails the run. Every run is driven\n" +
			"   by --seed and checks its invariants (nothing lost or duplicated, no\n" +
			"   goroutine left behind, no Go panic, no stall past --watchdog); a\n" +
			"   failing run prints the command line that replays it and exits 1.\n\n" +
			"   Examples:\n" +
			"     parallel stress --list\n" +
			"     parallel stress channel-storm --duration 10s --fault-cancel 0.05 --fault-close 0.01\n" +
			"     parallel stress scenario.py --threads 8 --switch-interval 1us --iterations 100000",
		ArgsUsage: "NAME|FILE",
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "list", Usage: "name the built-in scenarios and exit"},
			&cli.DurationFlag{Name: "duration", Usage: "stop after `D` (default: the scenario's operation count)", EnvVars: []string{"PARALLEL_STRESS_DURATION"}},
			&cli.IntFlag{Name: "iterations", Usage: "aim for `N` operations", EnvVars: []string{"PARALLEL_STRESS_ITERATIONS"}},
			&cli.Uint64Flag{Name: "seed", Usage: "drive every random choice from `SEED`", Value: 1, EnvVars: []string{"PARALLEL_STRESS_SEED"}},
			&cli.IntFlag{Name: "threads", Usage: "`N` threads in one interpreter", EnvVars: []string{"PARALLEL_STRESS_THREADS"}},
			&cli.IntFlag{Name: "interps", Usage: "`N` interpreters", EnvVars: []string{"PARALLEL_STRESS_INTERPS"}},
			&cli.DurationFlag{Name: "switch-interval", Usage: "the interpreters' switch interval `D` (down to 1us)", EnvVars: []string{"PARALLEL_STRESS_SWITCH_INTERVAL"}},
			&cli.Float64Flag{Name: "fault-cancel", Usage: "cancel operations at `RATE` (0 to 1)", EnvVars: []string{"PARALLEL_STRESS_FAULT_CANCEL"}},
			&cli.Float64Flag{Name: "fault-close", Usage: "close channel-storm's channel mid-stream at `RATE`", EnvVars: []string{"PARALLEL_STRESS_FAULT_CLOSE"}},
			&cli.Float64Flag{Name: "fault-switch", Usage: "give interpreters random switch intervals at `RATE`", EnvVars: []string{"PARALLEL_STRESS_FAULT_SWITCH"}},
			&cli.Float64Flag{Name: "fault-gc", Usage: "force cycle collections at `RATE`", EnvVars: []string{"PARALLEL_STRESS_FAULT_GC"}},
			&cli.Float64Flag{Name: "fault-drop", Usage: "force GIL and run-slot drops: every 100us each interpreter switches with probability `RATE`", EnvVars: []string{"PARALLEL_STRESS_FAULT_DROP"}},
			&cli.DurationFlag{Name: "watchdog", Usage: "fail when nothing progresses for `D`", Value: 30 * time.Second, EnvVars: []string{"PARALLEL_STRESS_WATCHDOG"}},
			&cli.BoolFlag{Name: "deterministic", Usage: "one run slot, every switch from the seed, virtual time: the same seed replays the same interleaving (prints its trace hash)", EnvVars: []string{"PARALLEL_STRESS_DETERMINISTIC"}},
			&cli.StringFlag{Name: "json", Usage: "also write the report to `FILE` as JSON", EnvVars: []string{"PARALLEL_STRESS_JSON"}},
			&cli.BoolFlag{Name: "progress", Usage: "print operations and elapsed time every second on stderr", EnvVars: []string{"PARALLEL_STRESS_PROGRESS"}},
		},
		Action: stressAction,
	}
}

// stressNameLast moves the scenario of `parallel stress NAME --flags...`
// after the flags, where the flag parser (which stops at the first
// argument) expects it.
func stressNameLast(args []string) []string {
	if len(args) < 4 || args[1] != "stress" || strings.HasPrefix(args[2], "-") {
		return args
	}
	out := append([]string{args[0], args[1]}, args[3:]...)
	return append(out, args[2])
}

func stressAction(c *cli.Context) error {
	out := c.App.Writer
	if c.Bool("list") {
		tw := tabwriter.NewWriter(out, 0, 8, 2, ' ', 0)
		for _, s := range stress.Scenarios() {
			fmt.Fprintf(tw, "%s\t%s\n", s.Name(), s.Describe())
		}
		return tw.Flush()
	}
	usage := func(format string, args ...any) error {
		return usageError{c.Command.HelpName, fmt.Errorf(format, args...)}
	}
	if c.NArg() != 1 {
		return usage("stress takes one scenario NAME or FILE, with the flags before it or right after it (parallel stress --list names them)")
	}
	cfg := stress.Config{
		Seed:           c.Uint64("seed"),
		Duration:       c.Duration("duration"),
		Iterations:     c.Int("iterations"),
		Threads:        c.Int("threads"),
		Interps:        c.Int("interps"),
		SwitchInterval: c.Duration("switch-interval"),
		Watchdog:       c.Duration("watchdog"),
		Deterministic:  c.Bool("deterministic"),
		Faults: stress.Faults{
			Cancel:         c.Float64("fault-cancel"),
			CloseEnd:       c.Float64("fault-close"),
			SwitchInterval: c.Float64("fault-switch"),
			GC:             c.Float64("fault-gc"),
			Drop:           c.Float64("fault-drop"),
		},
	}
	for _, f := range []struct {
		name string
		rate float64
	}{{"fault-cancel", cfg.Faults.Cancel}, {"fault-close", cfg.Faults.CloseEnd}, {"fault-switch", cfg.Faults.SwitchInterval}, {"fault-gc", cfg.Faults.GC}, {"fault-drop", cfg.Faults.Drop}} {
		if f.rate < 0 || f.rate > 1 {
			return usage("--%s must be between 0 and 1, got %g", f.name, f.rate)
		}
	}
	if cfg.Duration < 0 || cfg.Iterations < 0 || cfg.Threads < 0 || cfg.Interps < 0 || cfg.SwitchInterval < 0 || cfg.Watchdog <= 0 {
		return usage("--duration, --iterations, --threads, --interps and --switch-interval must not be negative, and --watchdog must be positive")
	}
	if cfg.SwitchInterval > 0 && cfg.SwitchInterval < time.Microsecond {
		return usage("--switch-interval must be at least 1us")
	}
	if c.Bool("progress") {
		errw := c.App.ErrWriter
		cfg.Progress = func(ops int64, elapsed time.Duration) {
			fmt.Fprintf(errw, "stress: %d operations in %v\n", ops, elapsed.Round(time.Second))
		}
	}
	name := c.Args().First()
	scenario, ok := stress.Lookup(name)
	if !ok {
		if !strings.HasSuffix(name, ".py") {
			if _, err := os.Stat(name); err != nil {
				return usage("no scenario named %q (parallel stress --list names them)", name)
			}
		}
		s, err := stress.UserScenario(name)
		if err != nil {
			return err
		}
		scenario = s
	}
	ctx, stop := signal.NotifyContext(c.Context, os.Interrupt)
	defer stop()
	report := stress.Run(ctx, scenario, cfg, "parallel stress "+name)
	report.WriteTable(out)
	if path := c.String("json"); path != "" {
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		werr := report.WriteJSON(f)
		if cerr := f.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			return werr
		}
	}
	if report.Failed() {
		return exitError{1}
	}
	if err := context.Cause(ctx); err != nil {
		return fmt.Errorf("interrupted: %w", err)
	}
	return nil
}
