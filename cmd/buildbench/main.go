// Command buildbench measures what the generated SDK costs the applications
// that use it, each figure beside a baseline measured in the same run (the
// machine is shared, so absolute numbers drift between runs):
//
//   - a cold build (empty GOCACHE) of a bare app that imports only net/http,
//     encoding/json and time: the baseline;
//   - a cold build of the whole SDK module (go build ./...);
//   - a cold build of a small app that calls one OAuthApi method, and the
//     size of its binary against the baseline app's;
//   - a cold build of a small app that follows a presence topic through the
//     notifications package (channels, WebSockets), and its binary, against
//     the OAuthApi app's;
//   - sdkgen generate on the whole spec, sdkgen diff of the spec against a
//     copy of it, and sdkgen release of the same spec again (the daily
//     pipeline's usual run: diff, generation, no change), against
//     encoding/json decoding both files into any (and kin-openapi decoding
//     the spec on its own, for reference).
//
// Wall time comes from the clock; peak memory is the largest sum of the
// resident memory of the go command and all its children, sampled from /proc
// every 20 ms (on Linux), together with the largest single process.
//
//	go run ./cmd/buildbench -sdk sdk -spec ../shared/swagger/platform-api-v2.json
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/getkin/kin-openapi/openapi2"
	modpath "golang.org/x/mod/module"
)

const baselineApp = `package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"time"
)

func main() {
	c := &http.Client{Timeout: 10 * time.Second}
	resp, err := c.Get("https://api.mypurecloud.com/api/v2/oauth/clients")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer resp.Body.Close()
	var v map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&v); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(len(v))
}
`

const oauthApp = `package main

import (
	"context"
	"fmt"
	"os"

	"MODULE/api/oauthapi"
	"MODULE/platformclient"
)

func main() {
	client, err := platformclient.NewClient(platformclient.WithAccessToken(os.Getenv("GENESYS_CLOUD_ACCESS_TOKEN")))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	clients, _, err := oauthapi.New(client).GetOauthClients(context.Background(), nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(len(clients.Entities))
}
`

// notificationsApp follows the presence of a user: the SDK's notifications
// package and what it pulls in (notificationsapi, github.com/coder/websocket).
const notificationsApp = `package main

import (
	"context"
	"fmt"
	"os"

	"MODULE/notifications"
	"MODULE/platformclient"
)

type presence struct {
	PresenceDefinition struct {
		SystemPresence string ` + "`json:\"systemPresence\"`" + `
	} ` + "`json:\"presenceDefinition\"`" + `
}

func main() {
	client, err := platformclient.NewClient(platformclient.WithAccessToken(os.Getenv("GENESYS_CLOUD_ACCESS_TOKEN")))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	ctx := context.Background()
	stream, err := notifications.Open(ctx, client, []string{"v2.users." + os.Getenv("USER_ID") + ".presence"})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer stream.Close()
	for ev, err := range stream.Events(ctx) {
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return
		}
		p, err := notifications.Decode[presence](ev)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			continue
		}
		fmt.Println(p.PresenceDefinition.SystemPresence)
	}
}
`

type result struct {
	wall    time.Duration
	peak    int64 // bytes, sum over the process tree
	largest int64 // bytes, one process
}

func main() {
	sdkDir := flag.String("sdk", "sdk", "the generated SDK module")
	spec := flag.String("spec", "../shared/swagger/platform-api-v2.json", "the spec, for the generation timing")
	runs := flag.Int("runs", 3, "runs of the generation timing (the median is reported)")
	genOnly := flag.Bool("gen-only", false, "skip the cold builds: only generation and diff")
	flag.Parse()
	log.SetFlags(0)

	sdk, err := filepath.Abs(*sdkDir)
	check(err)
	module := readModule(filepath.Join(sdk, "go.mod"))
	work, err := os.MkdirTemp("", "buildbench-")
	check(err)
	defer os.RemoveAll(work)

	if !*genOnly {
		coldBuilds(work, sdk, module)
	}

	fmt.Printf("\ngeneration and diff (median of %d runs, each run alternating with the baseline)\n", *runs)
	sdkgen := buildSdkgen(work)
	// The spec beside a copy of itself: diff compares the two.
	copyPath := filepath.Join(work, "copy.json")
	data, err := os.ReadFile(*spec)
	check(err)
	check(os.WriteFile(copyPath, data, 0o644))
	// sdkgen takes the module path without its /vN suffix: the version adds it.
	sdkBase, _, _ := modpath.SplitPathVersion(module)
	var gens, rels, diffs, bases, kins []time.Duration
	for range max(*runs, 1) {
		bases = append(bases, timeDecodeAny(*spec, copyPath))
		gens = append(gens, timeGenerate(sdkgen, work, *spec, sdkBase))
		rels = append(rels, timeRelease(sdkgen, work, *spec, sdkBase))
		diffs = append(diffs, timeDiff(sdkgen, *spec, copyPath))
		kins = append(kins, timeKinLoad(*spec))
	}
	baseline := medianOf(bases)
	fmt.Printf("  %-46s %6.2f s\n", "baseline: encoding/json decodes spec and copy into any", baseline.Seconds())
	for _, r := range []struct {
		name string
		d    time.Duration
	}{
		{"sdkgen diff, spec against a copy (go rules)", medianOf(diffs)},
		{"sdkgen generate, whole spec", medianOf(gens)},
		{"sdkgen release, same spec again (no change)", medianOf(rels)},
		{"kin-openapi decoding the spec in one call", medianOf(kins)},
	} {
		fmt.Printf("  %-46s %6.2f s    %.2fx the baseline\n", r.name, r.d.Seconds(), r.d.Seconds()/baseline.Seconds())
	}
}

// coldBuilds measures the cold builds of the baseline app, the SDK and an
// app using one API, and the size of the binaries.
func coldBuilds(work, sdk, module string) {
	base := writeApp(work, "base", "example.com/base", baselineApp, "", "")
	app := writeApp(work, "oauth", "example.com/oauth", strings.ReplaceAll(oauthApp, "MODULE", module), module, sdk)
	notif := writeApp(work, "notif", "example.com/notif", strings.ReplaceAll(notificationsApp, "MODULE", module), module, sdk)

	fmt.Println("cold builds (empty GOCACHE for each)")
	b := coldBuild(work, base, "-o", filepath.Join(work, "base.bin"), ".")
	s := coldBuild(work, sdk, "./...")
	o := coldBuild(work, app, "-o", filepath.Join(work, "oauth.bin"), ".")
	n := coldBuild(work, notif, "-o", filepath.Join(work, "notif.bin"), ".")
	baseSize, appSize := size(filepath.Join(work, "base.bin")), size(filepath.Join(work, "oauth.bin"))
	notifSize := size(filepath.Join(work, "notif.bin"))
	report("baseline app (net/http, encoding/json, time)", b, b)
	report("whole SDK module, go build ./...", s, b)
	report("app using OAuthApi only", o, b)
	report("app using notifications", n, b)
	fmt.Printf("  %-46s %+5.1f s, %.2fx time of the OAuthApi app\n", "notifications app vs OAuthApi app",
		(n.wall - o.wall).Seconds(), n.wall.Seconds()/o.wall.Seconds())
	fmt.Printf("  %-46s %6.2f MB   baseline %6.2f MB   +%.2f MB\n", "binary of the OAuthApi app",
		mb(appSize), mb(baseSize), mb(appSize-baseSize))
	fmt.Printf("  %-46s %6.2f MB   baseline %6.2f MB   +%.2f MB (OAuthApi app +%.2f MB)\n", "binary of the notifications app",
		mb(notifSize), mb(baseSize), mb(notifSize-baseSize), mb(notifSize-appSize))
}

// timeDecodeAny is the baseline of generate and diff: reading the spec and
// its copy and decoding both with encoding/json into any.
func timeDecodeAny(files ...string) time.Duration {
	start := time.Now()
	for _, f := range files {
		data, err := os.ReadFile(f)
		check(err)
		var v any
		check(json.Unmarshal(data, &v))
	}
	return time.Since(start)
}

// timeDiff runs sdkgen diff on the spec against a copy of itself (exit
// status 3: no change).
func timeDiff(sdkgen, spec, copyPath string) time.Duration {
	cmd := exec.Command(sdkgen, "diff", "--old", spec, "--new", copyPath)
	cmd.Stderr = os.Stderr
	start := time.Now()
	err := cmd.Run()
	elapsed := time.Since(start)
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 3 {
		log.Fatalf("sdkgen diff of the spec against its copy: %v (want exit status 3)", err)
	}
	return elapsed
}

func medianOf(ds []time.Duration) time.Duration {
	ds = slices.Clone(ds)
	slices.Sort(ds)
	return ds[len(ds)/2]
}

func report(name string, r, base result) {
	fmt.Printf("  %-46s %6.1f s    peak %6.0f MB (largest process %5.0f MB)   vs baseline: %+5.1f s, %.2fx time\n",
		name, r.wall.Seconds(), mb(r.peak), mb(r.largest), (r.wall - base.wall).Seconds(), r.wall.Seconds()/base.wall.Seconds())
}

func writeApp(work, name, module, src, sdkModule, sdkDir string) string {
	dir := filepath.Join(work, name)
	check(os.MkdirAll(dir, 0o755))
	mod := "module " + module + "\n\ngo 1.24\n"
	if sdkModule != "" {
		mod += "\nrequire " + sdkModule + " v0.0.0\n\nreplace " + sdkModule + " => " + sdkDir + "\n"
	}
	check(os.WriteFile(filepath.Join(dir, "go.mod"), []byte(mod), 0o644))
	check(os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644))
	return dir
}

// coldBuild runs go build with a new, empty GOCACHE and measures it.
func coldBuild(work, dir string, args ...string) result {
	cache, err := os.MkdirTemp(work, "gocache-")
	check(err)
	defer os.RemoveAll(cache)
	cmd := exec.Command("go", append([]string{"build"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOCACHE="+cache, "GOFLAGS=-mod=mod", "GOWORK=off")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	start := time.Now()
	check(cmd.Start())
	done := make(chan struct{})
	peak := make(chan int64)
	go func() { peak <- samplePeak(cmd.Process.Pid, done) }()
	err = cmd.Wait()
	wall := time.Since(start)
	close(done)
	if err != nil {
		log.Fatalf("go build in %s: %v", dir, err)
	}
	largest := int64(0)
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		largest = ru.Maxrss * 1024
	}
	return result{wall: wall, peak: <-peak, largest: largest}
}

// samplePeak returns the largest sum of VmRSS over pid and its descendants
// seen until done is closed.
func samplePeak(pid int, done <-chan struct{}) int64 {
	var peak int64
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		if total := treeRSS(pid); total > peak {
			peak = total
		}
		select {
		case <-done:
			return peak
		case <-tick.C:
		}
	}
}

func treeRSS(root int) int64 {
	children := map[int][]int{}
	rss := map[int]int64{}
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		status, err := os.ReadFile(filepath.Join("/proc", e.Name(), "status"))
		if err != nil {
			continue
		}
		var ppid int
		for _, line := range strings.Split(string(status), "\n") {
			fields := strings.Fields(line)
			switch {
			case len(fields) >= 2 && fields[0] == "PPid:":
				ppid, _ = strconv.Atoi(fields[1])
			case len(fields) >= 2 && fields[0] == "VmRSS:":
				kb, _ := strconv.ParseInt(fields[1], 10, 64)
				rss[pid] = kb * 1024
			}
		}
		children[ppid] = append(children[ppid], pid)
	}
	var total int64
	stack := []int{root}
	for len(stack) > 0 {
		pid := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		total += rss[pid]
		stack = append(stack, children[pid]...)
	}
	return total
}

// buildSdkgen builds the generator once, so that only generation is timed.
func buildSdkgen(work string) string {
	bin := filepath.Join(work, "sdkgen")
	build := exec.Command("go", "build", "-o", bin, "./cmd/sdkgen")
	build.Stderr = os.Stderr
	check(build.Run())
	return bin
}

// timeGenerate runs sdkgen generate into work/generated: the first run
// creates the tree, each later one regenerates the tree the run before wrote,
// as make generate does into sdk/ (the median is that case).
func timeGenerate(sdkgen, work, spec, module string) time.Duration {
	cmd := exec.Command(sdkgen, "generate", "--spec", spec, "--out", filepath.Join(work, "generated"), "--module", module)
	cmd.Stderr = os.Stderr
	start := time.Now()
	check(cmd.Run())
	return time.Since(start)
}

// timeRelease releases the spec timeGenerate generated from, again: the
// diff against the record generate wrote, the generation and the comparison
// with the SDK, ending with exit status 3 (no change).
func timeRelease(sdkgen, work, spec, module string) time.Duration {
	cmd := exec.Command(sdkgen, "release", "--spec", spec, "--out", filepath.Join(work, "generated"), "--module", module)
	cmd.Stderr = os.Stderr
	start := time.Now()
	err := cmd.Run()
	elapsed := time.Since(start)
	if exit, ok := err.(*exec.ExitError); !ok || exit.ExitCode() != 3 {
		log.Fatalf("sdkgen release of the generated spec: %v, want exit status 3 (no change)", err)
	}
	return elapsed
}

// timeKinLoad decodes the spec with kin-openapi's openapi2 types in one call,
// what the generator would cost if it did nothing else.
func timeKinLoad(spec string) time.Duration {
	start := time.Now()
	data, err := os.ReadFile(spec)
	check(err)
	var doc openapi2.T
	check(json.Unmarshal(data, &doc))
	return time.Since(start)
}

func readModule(goMod string) string {
	data, err := os.ReadFile(goMod)
	check(err)
	for _, line := range strings.Split(string(data), "\n") {
		if m, ok := strings.CutPrefix(line, "module "); ok {
			return strings.TrimSpace(m)
		}
	}
	log.Fatalf("%s has no module line", goMod)
	return ""
}

func size(path string) int64 {
	info, err := os.Stat(path)
	check(err)
	return info.Size()
}

func mb(n int64) float64 { return float64(n) / 1e6 }

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
