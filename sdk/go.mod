module github.com/purecloud-go/platform-client/sdk

go 1.24.0

require (
	github.com/coder/websocket v1.8.15
	golang.org/x/oauth2 v0.35.0
)
