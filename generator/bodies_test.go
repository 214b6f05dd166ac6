package generator

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestNullFieldsAndStringBodies: NullFields is an option of the operations
// whose body is a JSON object model, no parameter takes its Go name, and a
// string body is sent as it is.
func TestNullFieldsAndStringBodies(t *testing.T) {
	sdk := mustBuild(t, doc(`
"/a":{"patch":{"tags":["Things"],"operationId":"patchA","parameters":[
  {"name":"nullFields","in":"query","type":"string"},
  {"name":"body","in":"body","required":true,"schema":{"$ref":"#/definitions/A"}}],"responses":{"200":{"description":"ok"}}}},
"/b":{"post":{"tags":["Things"],"operationId":"postB","parameters":[
  {"name":"body","in":"body","schema":{"type":"string"}}],"responses":{"200":{"description":"ok"}}}},
"/c":{"post":{"tags":["Things"],"operationId":"postC","parameters":[
  {"name":"body","in":"body","required":true,"schema":{"type":"array","items":{"$ref":"#/definitions/A"}}}],"responses":{"200":{"description":"ok"}}}},
"/d":{"put":{"tags":["Things"],"operationId":"putD","consumes":["text/plain"],"parameters":[
  {"name":"body","in":"body","required":true,"schema":{"$ref":"#/definitions/A"}}],"responses":{"200":{"description":"ok"}}}},
"/e":{"post":{"tags":["Things"],"operationId":"postE","parameters":[
  {"name":"body","in":"body","required":true,"schema":{"type":"string"}}],"responses":{"200":{"description":"ok"}}}}`,
		`"A":{"type":"object","properties":{"manager":{"type":"string"}}}`))
	got := map[string]string{}
	for _, op := range sdk.APIs[0].Operations {
		line := "no NullFields"
		if nullFields(op) {
			line = "NullFields"
		}
		for _, p := range op.Options {
			line += "; option " + p.Field
			if p.In == "body" {
				line += ": " + setParam(p, optionValue(p, "opts."+p.Field))
			}
		}
		for _, p := range op.Positional {
			line += "; " + setParam(p, p.Var)
		}
		got[op.ID] = line
	}
	want := map[string]string{
		"patchA": `NullFields; option NullFields2; req.SetBody(body)`,
		"postB":  `no NullFields; option Body: req.SetRawBody(*opts.Body)`,
		"postC":  `no NullFields; req.SetBody(body)`,
		"putD":   `NullFields; req.SetBody(body)`,
		"postE":  `no NullFields; req.SetRawBody(body)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("bodies (-want +got):\n%s", diff)
	}
	for _, op := range sdk.APIs[0].Operations {
		text := strings.Join(strings.Fields(strings.ReplaceAll(opDoc(op), "//", "")), " ")
		if raw := op.ID == "postB" || op.ID == "postE"; raw != strings.Contains(text, "it is sent as it is, not encoded as a JSON string") {
			t.Errorf("%s: doc %q", op.ID, text)
		}
		if nullFields(op) && len(op.Options) == 0 && !strings.Contains(text, "NullFields") {
			t.Errorf("%s: doc %q", op.ID, text)
		}
	}
}
