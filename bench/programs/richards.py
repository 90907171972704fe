"""Richards-style OS kernel simulation: task scheduling with classes, linked packet queues and method dispatch."""

ROUNDS = 18
IDLE_COUNT = 10000

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_DEVICE, KIND_WORK = 0, 1
DATA_SIZE = 4


class Packet:
    def __init__(self, link, dest, kind):
        self.link = link
        self.dest = dest
        self.kind = kind
        self.datum = 0
        self.data = [0] * DATA_SIZE

    def append_to(self, queue):
        # Appends self to the linked list starting at queue; returns the head.
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Task:
    def __init__(self, kernel, ident, priority, queue):
        self.kernel = kernel
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.waiting = queue is None
        self.held = False
        kernel.add(self)

    def runnable(self):
        return not self.held and not (self.waiting and self.queue is None)

    def take_packet(self):
        p = self.queue
        if p is not None:
            self.queue = p.link
        return p

    def step(self, packet):
        raise NotImplementedError


class IdleTask(Task):
    def __init__(self, kernel, ident, priority, count):
        Task.__init__(self, kernel, ident, priority, None)
        self.waiting = False
        self.seed = 1
        self.count = count

    def step(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.kernel.hold_self(self)
        # A linear-feedback shift register decides which device wakes next.
        if self.seed & 1 == 0:
            self.seed >>= 1
            return self.kernel.release(DEVICE_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return self.kernel.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, kernel, ident, priority, queue):
        Task.__init__(self, kernel, ident, priority, queue)
        self.target = HANDLER_A
        self.letter = 0

    def step(self, packet):
        if packet is None:
            return self.kernel.wait(self)
        self.target = HANDLER_B if self.target == HANDLER_A else HANDLER_A
        packet.dest = self.target
        packet.datum = 0
        for i in range(DATA_SIZE):
            self.letter = self.letter + 1 if self.letter < 26 else 1
            packet.data[i] = self.letter
        return self.kernel.send(packet, self)


class HandlerTask(Task):
    def __init__(self, kernel, ident, priority, queue):
        Task.__init__(self, kernel, ident, priority, queue)
        self.work = None
        self.devices = None

    def step(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        work = self.work
        if work is not None:
            i = work.datum
            if i < DATA_SIZE:
                dev = self.devices
                if dev is not None:
                    self.devices = dev.link
                    dev.datum = work.data[i]
                    work.datum = i + 1
                    return self.kernel.send(dev, self)
            else:
                self.work = work.link
                return self.kernel.send(work, self)
        return self.kernel.wait(self)


class DeviceTask(Task):
    def __init__(self, kernel, ident, priority):
        Task.__init__(self, kernel, ident, priority, None)
        self.pending = None

    def step(self, packet):
        if packet is None:
            pending = self.pending
            if pending is None:
                return self.kernel.wait(self)
            self.pending = None
            return self.kernel.send(pending, self)
        self.pending = packet
        self.kernel.output += packet.datum
        return self.kernel.hold_self(self)


class Kernel:
    def __init__(self):
        self.tasks = {}
        self.order = []
        self.current = None
        self.queue_count = 0
        self.hold_count = 0
        self.output = 0

    def add(self, task):
        self.tasks[task.ident] = task
        self.order.append(task)
        self.order.sort(key=lambda t: -t.priority)

    def pick(self):
        for t in self.order:
            if t.runnable():
                return t
        return None

    def release(self, ident):
        t = self.tasks[ident]
        t.held = False
        return t if t.priority > self.current.priority else self.current

    def hold_self(self, task):
        self.hold_count += 1
        task.held = True
        return None

    def wait(self, task):
        task.waiting = True
        return task

    def send(self, packet, sender):
        dest = self.tasks[packet.dest]
        self.queue_count += 1
        packet.link = None
        packet.dest = sender.ident
        if dest.queue is None:
            dest.queue = packet
            dest.waiting = False
            return dest if dest.priority > self.current.priority else self.current
        packet.append_to(dest.queue)
        return self.current

    def run(self):
        task = self.pick()
        while task is not None:
            self.current = task
            packet = None
            if task.waiting and task.queue is not None:
                task.waiting = False
                packet = task.take_packet()
            nxt = task.step(packet)
            task = nxt if nxt is not None and nxt.runnable() else self.pick()


def simulate():
    k = Kernel()
    IdleTask(k, IDLE, 0, IDLE_COUNT)
    work = Packet(None, WORKER, KIND_WORK)
    work = Packet(work, WORKER, KIND_WORK)
    WorkerTask(k, WORKER, 1000, work)
    q = Packet(None, DEVICE_A, KIND_DEVICE)
    q = Packet(q, DEVICE_A, KIND_DEVICE)
    q = Packet(q, DEVICE_A, KIND_DEVICE)
    HandlerTask(k, HANDLER_A, 2000, q)
    q = Packet(None, DEVICE_B, KIND_DEVICE)
    q = Packet(q, DEVICE_B, KIND_DEVICE)
    q = Packet(q, DEVICE_B, KIND_DEVICE)
    HandlerTask(k, HANDLER_B, 3000, q)
    DeviceTask(k, DEVICE_A, 4000)
    DeviceTask(k, DEVICE_B, 5000)
    k.run()
    return k.queue_count, k.hold_count, k.output


def main():
    results = set()
    for _ in range(ROUNDS):
        results.add(simulate())
    for queued, held, out in sorted(results):
        print("queued %d held %d output %d" % (queued, held, out))


main()
