package interp

// More of the exported API, for the unicodedata module
// (interp/modules/unicodedata*.go), which checks its one-character
// arguments without copying long strs.

// StrLen returns the length in code points of the str v (a str
// subclass's own __len__ is not called, as PyUnicode_GET_LENGTH).
func StrLen(v Value) int { return asObject[Str](v).length }
