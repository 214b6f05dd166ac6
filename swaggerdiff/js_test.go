package swaggerdiff

import (
	"math"
	"slices"
	"testing"
)

func TestJSNumber(t *testing.T) {
	for f, want := range map[float64]string{
		0: "0", 1: "1", -1: "-1", 10000000: "10000000", 123456789012: "123456789012",
		2147483647: "2147483647", 1e21: "1e+21", 1e20: "100000000000000000000", 1.5: "1.5",
		0.1: "0.1", 1e-6: "0.000001", 1e-7: "1e-7", 1.25e-7: "1.25e-7", 123.456: "123.456",
		1.7976931348623157e308: "1.7976931348623157e+308", math.Inf(1): "Infinity", -2.5e22: "-2.5e+22",
		9007199254740993: "9007199254740992",
	} {
		if got := jsNumber(f); got != want {
			t.Errorf("jsNumber(%v) = %q, want %q", f, got, want)
		}
	}
	if got := jsString([]any{1e7, nil, "a", true}); got != "10000000,,a,true" {
		t.Errorf("jsString(array) = %q", got)
	}
	if got := jsString(nil); got != "null" {
		t.Errorf("jsString(nil) = %q", got)
	}
}

func TestJSOrder(t *testing.T) {
	got := jsOrder([]string{"b", "10", "a", "2", "02", "4294967295", "4294967294", "-1"})
	want := []string{"2", "10", "4294967294", "b", "a", "02", "4294967295", "-1"}
	if !slices.Equal(got, want) {
		t.Errorf("jsOrder = %v, want %v", got, want)
	}
}
