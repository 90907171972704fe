package channels

import (
	"context"
	"strings"
	"testing"
	"time"
)

// Each benchmark moves the same payload through a Queue and through a
// plain buffered Go channel between two goroutines, in the same run, so
// the two rates can be compared on the machine at hand. items/s is
// reported for throughput; ns/op of the ping-pong ones is one round
// trip.

const benchBuffer = 1024

func reportRate(b *testing.B, start time.Time) {
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "items/s")
}

func BenchmarkSmallIntQueue(b *testing.B) {
	q, _ := NewQueue(QueueOptions{MaxSize: benchBuffer})
	ctx := context.Background()
	b.ReportAllocs()
	start := time.Now()
	go func() {
		for i := range b.N {
			q.Put(ctx, Int(int64(i)))
		}
	}()
	sum := int64(0)
	for range b.N {
		x, _ := q.Get(ctx)
		sum += x.AsInt()
	}
	reportRate(b, start)
	_ = sum
}

func BenchmarkSmallIntGoChan(b *testing.B) {
	c := make(chan int64, benchBuffer)
	b.ReportAllocs()
	start := time.Now()
	go func() {
		for i := range b.N {
			c <- int64(i)
		}
	}()
	sum := int64(0)
	for range b.N {
		sum += <-c
	}
	reportRate(b, start)
	_ = sum
}

var kib = strings.Repeat("x", 1024)

func BenchmarkStr1KiBQueue(b *testing.B) {
	q, _ := NewQueue(QueueOptions{MaxSize: benchBuffer})
	ctx := context.Background()
	b.ReportAllocs()
	start := time.Now()
	go func() {
		for range b.N {
			q.Put(ctx, Str(kib))
		}
	}()
	n := 0
	for range b.N {
		x, _ := q.Get(ctx)
		n += len(x.AsStr())
	}
	reportRate(b, start)
	b.SetBytes(1024)
}

func BenchmarkStr1KiBGoChan(b *testing.B) {
	c := make(chan string, benchBuffer)
	b.ReportAllocs()
	start := time.Now()
	go func() {
		for range b.N {
			c <- kib
		}
	}()
	n := 0
	for range b.N {
		n += len(<-c)
	}
	reportRate(b, start)
	b.SetBytes(1024)
}

func BenchmarkPingPongQueue(b *testing.B) {
	ping, _ := NewQueue(QueueOptions{})
	pong, _ := NewQueue(QueueOptions{})
	ctx := context.Background()
	go func() {
		for {
			x, err := ping.Get(ctx)
			if err != nil {
				return
			}
			pong.Put(ctx, x)
		}
	}()
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		ping.Put(ctx, Int(int64(i)))
		pong.Get(ctx)
	}
	b.StopTimer()
	ping.Close()
}

func BenchmarkPingPongGoChan(b *testing.B) {
	ping, pong := make(chan int64), make(chan int64)
	go func() {
		for x := range ping {
			pong <- x
		}
	}()
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		ping <- int64(i)
		<-pong
	}
	b.StopTimer()
	close(ping)
}

func BenchmarkPingPongChannel(b *testing.B) {
	ping, _ := NewChannel(ChannelOptions{})
	pong, _ := NewChannel(ChannelOptions{})
	ctx := context.Background()
	go func() {
		in, out := ping.RecvEnd(2), pong.SendEnd(2)
		for {
			x, err := in.Recv(ctx)
			if err != nil {
				return
			}
			out.SendNowait(x, SendOptions{})
		}
	}()
	out, in := ping.SendEnd(1), pong.RecvEnd(1)
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		out.SendNowait(Int(int64(i)), SendOptions{})
		in.Recv(ctx)
	}
	b.StopTimer()
	ping.Close(true)
}

// The Go counterpart of a list of 100 ints sent by copy: each item is a
// fresh copy of a 100-int slice.
func BenchmarkList100GoChan(b *testing.B) {
	src := make([]int64, 100)
	for i := range src {
		src[i] = int64(i)
	}
	c := make(chan []int64, benchBuffer)
	b.ReportAllocs()
	start := time.Now()
	go func() {
		for range b.N {
			c <- append([]int64(nil), src...)
		}
	}()
	sum := int64(0)
	for range b.N {
		sum += (<-c)[99]
	}
	reportRate(b, start)
	_ = sum
}

// The same list through a Queue as a graph built from Go data.
func BenchmarkList100Queue(b *testing.B) {
	src := make([]any, 100)
	for i := range src {
		src[i] = int64(i)
	}
	q, _ := NewQueue(QueueOptions{MaxSize: benchBuffer})
	ctx := context.Background()
	b.ReportAllocs()
	start := time.Now()
	go func() {
		for range b.N {
			x, _ := ItemOf(src)
			q.Put(ctx, x)
		}
	}()
	for range b.N {
		x, _ := q.Get(ctx)
		_ = x.Graph().Node(0).Items[99]
	}
	reportRate(b, start)
}
