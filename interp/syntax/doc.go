// Package syntax implements the front end of the Python 3.12 language: the
// tokenizer, the parser and the abstract syntax tree, with SyntaxError,
// IndentationError and TabError reported as CPython reports them.
//
// The tree has the node kinds, fields and source positions of CPython's ast
// module (lines from 1, columns in UTF-8 bytes from 0), and Dump prints it
// byte for byte as ast.dump does, which is how the package is tested
// against CPython itself on its whole standard library.
//
// Caveats: like ast.parse, Parse accepts programs that only the compiler
// rejects ('return' outside a function, duplicate arguments, nonlocal at
// module level); type comments are not collected. The warnings CPython
// issues while it parses (invalid escape sequences, a number directly
// followed by a keyword) are recorded, not issued: see ParseWarnings and
// IssueWarnings. The package imports
// nothing else of this project and must not: every later layer parses
// through it.
package syntax
