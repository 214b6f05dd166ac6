module example.com/kitchen/sdk

go 1.24
