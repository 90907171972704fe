package modules

import "github.com/parallel-py/parallel/interp"

// Every module of this package registers here, once, when the package
// is initialized; importing the package (for its side effect) makes
// them importable in every interpreter created afterwards.
func init() {
	interp.RegisterModule("math", initMath)
	interp.RegisterModule("time", initTime)
	interp.RegisterModule("itertools", initItertools)
	interp.RegisterModule("_operator", initOperator)
	interp.RegisterModule("_functools", initFunctools)
	interp.RegisterModule("_sre", initSre)
	interp.RegisterModule("_stat", initStat)
	interp.RegisterModule("_collections", initCollections)
	interp.RegisterModule("_string", initString)
}
