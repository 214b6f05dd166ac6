// Package release is the one home of the SDK's release step, from a spec to
// a tag. `sdkgen release` and `sdkgen generate` only call it: flags in
// (Options, GenerateOptions), a Summary out.
//
// A release:
//
//  1. reads the record of the last release (ReadState): its Version and API
//     snapshot in the state directory (release/state beside sdk/ by default:
//     VersionFile, SnapshotFile), and its notes in the SDK (NotesFile). The
//     record is kept out of the SDK module, so that `go get` does not
//     download it (the snapshot is 5.5 MB no Go code reads);
//  2. loads the new spec and diffs it against the snapshot (swaggerdiff,
//     go or official rules), the removals rated as the tombstones the
//     generator keeps;
//  3. computes the version (Version.Next): the bump the changes require, or
//     a larger one forced by --bump or INCREMENT_MAJOR, INCREMENT_MINOR,
//     INCREMENT_POINT; a forced major drops the tombstones. From major 2 on
//     the module path ends in /vN (ModulePath);
//  4. generates the SDK from the spec merged with the snapshot
//     (generator.MergeLabeled, generator.Files), with its release notes;
//  5. with Options.Commit, checks the git work tree before writing anything
//     (a repository, no other uncommitted change, no such tag yet);
//  6. writes the SDK (replaced as a whole) and the new record;
//  7. with Options.Commit, commits exactly the release (the subject names
//     the version, the body is the notes) and tags it sdk/vX.Y.Z (the SDK
//     directory's path in the repository, then the version: the tag the go
//     command looks for), an annotated tag carrying the notes.
//
// Nothing is written unless every check passes; a release that changes
// nothing ends with ErrNoChange.
package release
