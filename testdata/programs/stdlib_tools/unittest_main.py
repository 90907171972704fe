import io
import unittest


class Stack:
    def __init__(self):
        self._items = []

    def push(self, x):
        self._items.append(x)

    def pop(self):
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()

    def __len__(self):
        return len(self._items)


class StackTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        print("setUpClass")

    @classmethod
    def tearDownClass(cls):
        print("tearDownClass")

    def setUp(self):
        self.s = Stack()
        self.addCleanup(print, "cleanup", self._testMethodName)

    def test_push_pop(self):
        self.s.push(1)
        self.s.push(2)
        self.assertEqual(self.s.pop(), 2)
        self.assertEqual(len(self.s), 1)

    def test_empty(self):
        with self.assertRaises(IndexError) as cm:
            self.s.pop()
        self.assertEqual(str(cm.exception), "pop from empty stack")

    def test_fail_message(self):
        self.assertEqual([1, 2, 3], [1, 2, 4], "lists differ")


stream = io.StringIO()
runner = unittest.TextTestRunner(stream=stream, verbosity=0)
prog = unittest.main(argv=["prog"], testRunner=runner, exit=False)
r = prog.result
print("ran", r.testsRun, "failed", [t.id().split(".")[-1] for t, _ in r.failures])
text = stream.getvalue()
start = text.index("FAIL:")
end = text.index("-" * 70, start + 80)
print(text[start:end].rstrip())
