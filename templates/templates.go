// Package templates holds the text/template sources of the generated SDK.
//
//   - module/: files at the root of the SDK module (go.mod, README.md).
//   - platformclient/: the runtime package, rendered once per SDK.
//   - models/: the fixed files of the models package (time types).
//   - docs/: the documentation pages, one per API and an index (rendered by
//     the generator with their own data, not as fixed files).
//   - api.go.tmpl: one API package.
//   - model.go.tmpl: one model, with its enums.
//
// Every file is rendered with the generator's data; files under the
// directories are written to the directory of the same name in the SDK, without
// their .tmpl suffix.
package templates

import "embed"

// FS holds every template.
//
//go:embed *.tmpl module platformclient models docs
var FS embed.FS
