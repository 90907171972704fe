package interp

// Import extensions: Go code that runs on a module of the standard
// library (loaded from disk) right after its source has run, before the
// import returns it. The runtime extends CPython 3.12's
// concurrent.futures with 3.14's InterpreterPoolExecutor this way,
// without shipping a copy of the package.

// importExtensions maps a module's full name to what extends it. Like
// builtinModules, it is filled by init functions only.
var importExtensions = map[string]func(in *Interp, m *Module) error{}

// RegisterImportExtension makes extend run on module name each time an
// interpreter loads it from a file (not for built-in modules). An error
// fails the import. Call it from an init function only.
func RegisterImportExtension(name string, extend func(in *Interp, m *Module) error) {
	importExtensions[name] = extend
}

// extendImported runs the extension of the module just loaded, if any.
func (in *Interp) extendImported(fullname string, m Value) error {
	extend, ok := importExtensions[fullname]
	if !ok || m.Type() != moduleType {
		return nil
	}
	return extend(in, asObject[Module](m))
}
