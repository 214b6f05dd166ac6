module github.com/purecloud-go/platform-client/sdk

go 1.24
