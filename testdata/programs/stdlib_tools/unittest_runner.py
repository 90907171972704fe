import io
import sys
import unittest


def slugify(s):
    return "-".join(s.lower().split())


class SlugTests(unittest.TestCase):
    def setUp(self):
        self.cases = {"Hello World": "hello-world", "  a  b ": "a-b"}

    def test_cases(self):
        for src, want in self.cases.items():
            with self.subTest(src=src):
                self.assertEqual(slugify(src), want)

    def test_empty(self):
        self.assertEqual(slugify(""), "")

    def test_wrong_on_purpose(self):
        self.assertEqual(slugify("X Y"), "x_y")

    def test_raises(self):
        with self.assertRaises(AttributeError):
            slugify(None)
        with self.assertRaisesRegex(TypeError, "argument"):
            slugify()

    @unittest.skip("not ready")
    def test_skipped(self):
        pass

    @unittest.expectedFailure
    def test_expected(self):
        self.assertTrue(False)

    def test_error(self):
        raise RuntimeError("boom")


class MathTests(unittest.TestCase):
    def test_almost(self):
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertIn(3, [1, 2, 3])
        self.assertIsNone(None)
        self.assertGreater(2, 1)
        self.assertCountEqual([1, 2, 2], [2, 1, 2])


suite = unittest.TestSuite()
loader = unittest.TestLoader()
suite.addTests(loader.loadTestsFromTestCase(SlugTests))
suite.addTests(loader.loadTestsFromTestCase(MathTests))
print("tests:", suite.countTestCases(), sorted(loader.getTestCaseNames(SlugTests)))
stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
print("run", result.testsRun, "failures", len(result.failures), "errors", len(result.errors),
      "skipped", len(result.skipped), "expected failures", len(result.expectedFailures), "ok", result.wasSuccessful())
for test, tb in result.failures + result.errors:
    print(test.id(), "->", tb.strip().splitlines()[-1])
for line in stream.getvalue().splitlines():
    if " ... " in line:
        print(line)
sys.exit(0 if result.wasSuccessful() else 1)
