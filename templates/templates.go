// Package templates holds the text/template sources of the generated SDK.
//
//   - module/: files at the root of the SDK module (go.mod, README.md).
//   - platformclient/: the runtime package, rendered once per SDK.
//   - models/: the fixed files of the models package (time types).
//   - notifications/: the notifications package (channels and their
//     WebSockets on top of the generated notificationsapi package), rendered
//     only when the spec has the Notifications operations it calls.
//   - docs/: the documentation pages, one per API and an index (rendered by
//     the generator with their own data, not as fixed files).
//   - api.go.tmpl: one API package.
//   - model.go.tmpl: one model, with its enums.
//
// Every file is rendered with the generator's data; files under the
// directories are written to the directory of the same name in the SDK, without
// their .tmpl suffix. Templates are named by their file name alone, so no two
// files may share one, even in different directories.
package templates

import "embed"

// FS holds every template.
//
//go:embed *.tmpl module platformclient models docs notifications
var FS embed.FS
