package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The output of jobs. Each job writes into its own buffers; the printer
// decides when what it wrote reaches the process's stdout and stderr:
// whole when the job ends (--group, the default), line by line as it
// comes (--line-buffer), and, with --keep-order, in input order: a job's
// output waits until every earlier job's is out (with --line-buffer the
// oldest running job's lines still flow while it runs, as in GNU
// parallel).

// printer owns the process's standard streams while jobs run.
type printer struct {
	lineBuffer, keepOrder bool

	mu      sync.Mutex
	stdout  *bufio.Writer
	stderr  io.Writer
	next    int                // --keep-order: the sequence number to print next
	waiting map[int]*jobOutput // --keep-order: jobs started and not printed yet
}

func newPrinter(stdout, stderr io.Writer, lineBuffer, keepOrder bool) *printer {
	return &printer{
		lineBuffer: lineBuffer,
		keepOrder:  keepOrder,
		stdout:     bufio.NewWriterSize(stdout, 64<<10),
		stderr:     stderr,
		next:       1,
		waiting:    map[int]*jobOutput{},
	}
}

// jobOutput is what one job wrote that is not printed yet.
type jobOutput struct {
	p        *printer
	seq      int
	tag      string // "" or the --tag prefix, ending in a tab
	out, err bytes.Buffer
	done     bool
	// capture keeps the whole of both streams for --results, since
	// --line-buffer prints and forgets.
	capture          bool
	allOut, allErr   bytes.Buffer
	stdoutW, stderrW jobWriter
}

// start registers job seq. tag is its --tag prefix or "".
func (p *printer) start(seq int, tag string, capture bool) *jobOutput {
	j := &jobOutput{p: p, seq: seq, tag: tag, capture: capture}
	j.stdoutW = jobWriter{j, false}
	j.stderrW = jobWriter{j, true}
	if p.keepOrder {
		p.mu.Lock()
		p.waiting[seq] = j
		p.mu.Unlock()
	}
	return j
}

// jobWriter is one of a job's two streams.
type jobWriter struct {
	j     *jobOutput
	isErr bool
}

func (w jobWriter) Write(b []byte) (int, error) {
	j := w.j
	p := j.p
	p.mu.Lock()
	defer p.mu.Unlock()
	buf := &j.out
	if w.isErr {
		buf = &j.err
		if j.capture {
			j.allErr.Write(b)
		}
	} else if j.capture {
		j.allOut.Write(b)
	}
	buf.Write(b)
	if p.lineBuffer && (!p.keepOrder || p.next == j.seq) {
		p.emitLines(j, w.isErr)
	}
	return len(b), nil
}

// retry forgets what a failed attempt wrote and has not been printed,
// so that only the last attempt's output is shown.
func (j *jobOutput) retry() {
	p := j.p
	p.mu.Lock()
	defer p.mu.Unlock()
	j.out.Reset()
	j.err.Reset()
	j.allOut.Reset()
	j.allErr.Reset()
}

// finish prints what is left of the job's output, or leaves it for its
// turn with --keep-order.
func (j *jobOutput) finish() {
	p := j.p
	p.mu.Lock()
	defer p.mu.Unlock()
	j.done = true
	if !p.keepOrder {
		p.emitAll(j)
		return
	}
	p.advance()
}

// skip marks a job that will never run (a halt stopped it), so that
// --keep-order does not wait for it.
func (p *printer) skip(seq int) {
	if !p.keepOrder {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, ok := p.waiting[seq]; !ok {
		p.waiting[seq] = &jobOutput{p: p, seq: seq, done: true}
	}
	p.advance()
}

// advance prints the finished jobs at the head of the input order, and
// lets the running head job's lines through with --line-buffer.
func (p *printer) advance() {
	for {
		j, ok := p.waiting[p.next]
		if !ok {
			return
		}
		if !j.done {
			if p.lineBuffer {
				p.emitLines(j, false)
				p.emitLines(j, true)
			}
			return
		}
		p.emitAll(j)
		delete(p.waiting, p.next)
		p.next++
	}
}

// close prints whatever is still waiting, in order (jobs that never
// finished, after an interrupt), and flushes stdout.
func (p *printer) close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	seqs := make([]int, 0, len(p.waiting))
	for s := range p.waiting {
		seqs = append(seqs, s)
	}
	sort.Ints(seqs)
	for _, s := range seqs {
		p.emitAll(p.waiting[s])
		delete(p.waiting, s)
	}
	return p.stdout.Flush()
}

// message writes a line of parallel's own to stderr, after flushing
// stdout so that the two keep their order on a terminal.
func (p *printer) message(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stdout.Flush()
	fmt.Fprintf(p.stderr, "parallel: "+format+"\n", args...)
}

// emitLines prints the complete lines buffered in one of j's streams.
func (p *printer) emitLines(j *jobOutput, isErr bool) {
	buf := &j.out
	if isErr {
		buf = &j.err
	}
	b := buf.Bytes()
	end := bytes.LastIndexByte(b, '\n')
	if end < 0 {
		return
	}
	p.write(j.tag, b[:end+1], isErr)
	buf.Next(end + 1)
}

// emitAll prints all that is buffered of j: stdout first, then stderr,
// as GNU parallel's --group does.
func (p *printer) emitAll(j *jobOutput) {
	if j.out.Len() > 0 {
		p.write(j.tag, j.out.Bytes(), false)
		j.out.Reset()
	}
	if j.err.Len() > 0 {
		p.write(j.tag, j.err.Bytes(), true)
		j.err.Reset()
	}
}

// write prints b to one stream, each line prefixed with tag.
func (p *printer) write(tag string, b []byte, isErr bool) {
	if tag != "" {
		var t bytes.Buffer
		for len(b) > 0 {
			i := bytes.IndexByte(b, '\n') + 1
			if i == 0 {
				i = len(b)
			}
			t.WriteString(tag)
			t.Write(b[:i])
			b = b[i:]
		}
		b = t.Bytes()
	}
	if isErr {
		p.stdout.Flush()
		p.stderr.Write(b)
		return
	}
	p.stdout.Write(b)
	p.stdout.Flush()
}

// jobLog writes GNU parallel's --joblog: a header, then a line per job
// as it ends.
type jobLog struct {
	mu sync.Mutex
	f  *os.File
	w  *bufio.Writer
}

// jobLogHeader is GNU parallel's joblog header line.
const jobLogHeader = "Seq\tHost\tStarttime\tJobRuntime\tSend\tReceive\tExitval\tSignal\tCommand\n"

// openJobLog creates the log at path, or appends to it when path
// starts with "+" (GNU parallel's rule), writing the header only into
// an empty file.
func openJobLog(path string) (*jobLog, error) {
	flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if strings.HasPrefix(path, "+") {
		path = path[1:]
		flags = os.O_WRONLY | os.O_CREATE | os.O_APPEND
	}
	f, err := os.OpenFile(path, flags, 0o644)
	if err != nil {
		return nil, fmt.Errorf("--joblog: %w", err)
	}
	l := &jobLog{f: f, w: bufio.NewWriter(f)}
	if st, err := f.Stat(); err == nil && st.Size() == 0 {
		l.w.WriteString(jobLogHeader)
	}
	return l, nil
}

// record writes one job's line: Host is ":" (this computer), Send and
// Receive count the bytes of files transferred, none here.
func (l *jobLog) record(seq int, start time.Time, runtime time.Duration, exitval, signal int, command string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintf(l.w, "%d\t:\t%.3f\t%10.3f\t0\t0\t%d\t%d\t%s\n",
		seq, float64(start.UnixNano())/1e9, runtime.Seconds(), exitval, signal, command)
	// Flushed per job so that the log is complete even if parallel is
	// killed, and can be followed while it runs.
	return l.w.Flush()
}

// close flushes and closes the log; closing it again does nothing.
func (l *jobLog) close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f == nil {
		return nil
	}
	err := l.w.Flush()
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	l.f = nil
	return err
}

// writeResults stores a job's outputs under dir as GNU parallel's
// --results does, dir/1/<value 1>/2/<value 2>/stdout, stderr and seq,
// with exitval (the job's exit status) besides.
func writeResults(dir string, values []string, seq, exitval int, stdout, stderr []byte) error {
	parts := []string{dir}
	for i, v := range values {
		parts = append(parts, strconv.Itoa(i+1), resultsDirName(v))
	}
	d := filepath.Join(parts...)
	if err := os.MkdirAll(d, 0o755); err != nil {
		return fmt.Errorf("--results: %w", err)
	}
	for _, f := range []struct {
		name string
		data []byte
	}{
		{"stdout", stdout},
		{"stderr", stderr},
		{"seq", []byte(strconv.Itoa(seq) + "\n")},
		{"exitval", []byte(strconv.Itoa(exitval) + "\n")},
	} {
		if err := os.WriteFile(filepath.Join(d, f.name), f.data, 0o644); err != nil {
			return fmt.Errorf("--results: %w", err)
		}
	}
	return nil
}
