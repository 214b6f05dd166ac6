package swaggerdiff

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
)

// The official differ is JavaScript: these give its lines the text and order
// a JavaScript program gives them.

// jsString is String(v) for a value decoded from JSON: a string as it is,
// a number as Number.prototype.toString writes it, null as "null", an
// array as its elements joined by commas, an object as "[object Object]".
func jsString(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case string:
		return v
	case bool:
		return strconv.FormatBool(v)
	case float64:
		return jsNumber(v)
	case int:
		return jsNumber(float64(v))
	case int64:
		return jsNumber(float64(v))
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			if e != nil { // null and undefined join as ""
				parts[i] = jsString(e)
			}
		}
		return strings.Join(parts, ",")
	case map[string]any:
		return "[object Object]"
	}
	return "[object Object]"
}

// jsNumber formats f as JavaScript's Number.prototype.toString does: the
// shortest digits that read back as f, in plain notation when the decimal
// exponent is from -7 to 20, else as d.ddde±n.
func jsNumber(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		return "0" // -0 too
	}
	sign := ""
	if f < 0 {
		sign, f = "-", -f
	}
	// Shortest digits and exponent: d.ddde±x.
	e := strconv.FormatFloat(f, 'e', -1, 64)
	mant, exp, _ := strings.Cut(e, "e")
	digits := strings.Replace(mant, ".", "", 1)
	x, _ := strconv.Atoi(exp)
	k := len(digits)
	n := x + 1 // the decimal point is after n digits
	var out string
	switch {
	case k <= n && n <= 21:
		out = digits + strings.Repeat("0", n-k)
	case 0 < n && n <= 21:
		out = digits[:n] + "." + digits[n:]
	case -6 < n && n <= 0:
		out = "0." + strings.Repeat("0", -n) + digits
	default:
		es := "+"
		if n-1 < 0 {
			es = "-"
		}
		d := digits[:1]
		if k > 1 {
			d += "." + digits[1:]
		}
		out = d + "e" + es + strconv.Itoa(abs(n-1))
	}
	return sign + out
}

func abs(i int) int {
	if i < 0 {
		return -i
	}
	return i
}

// jsOrder returns keys in the order a JavaScript object iterates them:
// integer-like keys (array indices) first in ascending numeric order, then
// the others in insertion order.
func jsOrder(keys []string) []string {
	var ints, rest []string
	for _, k := range keys {
		if isArrayIndex(k) {
			ints = append(ints, k)
		} else {
			rest = append(rest, k)
		}
	}
	if len(ints) == 0 {
		return keys
	}
	slices.SortStableFunc(ints, func(a, b string) int {
		x, _ := strconv.ParseUint(a, 10, 32)
		y, _ := strconv.ParseUint(b, 10, 32)
		return cmp.Compare(x, y)
	})
	return append(ints, rest...)
}

// isArrayIndex reports whether JavaScript treats k as an integer key: a
// canonical decimal below 2^32-1.
func isArrayIndex(k string) bool {
	if k == "" || (len(k) > 1 && k[0] == '0') {
		return false
	}
	n, err := strconv.ParseUint(k, 10, 32)
	return err == nil && n < 1<<32-1
}
