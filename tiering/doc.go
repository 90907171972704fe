// Package tiering implements tier 2: hot-spot hooks called from the tier-1
// loop, projection of superblocks from specialized instructions into
// micro-ops, the optimizer passes (type propagation, constant and global
// promotion with invalidation watchers, reference-count elision, virtual
// frames for inlined calls), guards, side exits and executors.
//
// An executor must produce exactly the output tier 1 would; a failed guard
// leaves through a side exit that rebuilds the tier-1 frame. Package
// tiering may import interp and interp/bytecode. interp must not import it:
// the runtime plugs tiering into an interpreter through an interface that
// interp declares.
package tiering
