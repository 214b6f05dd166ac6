package generator

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"selfUri", []string{"self", "Uri"}},
		{"OAuthClient", []string{"O", "Auth", "Client"}},
		{"HTTPServer", []string{"HTTP", "Server"}},
		{"v1Http", []string{"v1", "Http"}},
		{"Accept-Language", []string{"Accept", "Language"}},
		{"supportedContent.id", []string{"supported", "Content", "id"}},
		{"ACD_VOICEMAIL", []string{"ACD", "VOICEMAIL"}},
		{"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", []string{"urn", "ietf", "params", "scim", "schemas", "extension", "enterprise", "2", "0", "User"}},
		{"$ref", []string{"ref"}},
		{"e164", []string{"e164"}},
		{"", nil},
		{"*", nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, words(tt.in)); diff != "" {
			t.Errorf("words(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestExportedName(t *testing.T) {
	tests := map[string]string{
		"id":                    "ID",
		"selfUri":               "SelfURI",
		"roleIds":               "RoleIDs",
		"dateCreated":           "DateCreated",
		"apiKey":                "APIKey",
		"ipAddress":             "IPAddress",
		"uiVisible":             "UIVisible",
		"identity":              "Identity", // not ID + entity
		"Accept-Language":       "AcceptLanguage",
		"X-Journey-Session-Id":  "XJourneySessionID",
		"lines.loggedInUser.id": "LinesLoggedInUserID",
		"phone_hardwareId":      "PhoneHardwareID",
		"$schema":               "Schema",
		"CLIENT-CREDENTIALS":    "ClientCredentials",
		"SAML2-BEARER":          "Saml2Bearer",
		"in-progress":           "InProgress",
		"urls":                  "URLs",
		"3DS":                   "3Ds",
		"":                      "",
		"---":                   "",
	}
	for in, want := range tests {
		if got := exportedName(in); got != want {
			t.Errorf("exportedName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUnexportedName(t *testing.T) {
	tests := map[string]string{
		"clientId":        "clientID",
		"Accept-Language": "acceptLanguage",
		"ID":              "id",
		"URLPattern":      "urlPattern",
		"pageSize":        "pageSize",
		"":                "",
	}
	for in, want := range tests {
		if got := unexportedName(in); got != want {
			t.Errorf("unexportedName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTypeName(t *testing.T) {
	tests := map[string]string{
		"OAuthClient":                        "OAuthClient",
		"Oauthclient":                        "Oauthclient",
		"getOauthClients":                    "GetOauthClients",
		"Speech & Text Analytics":            "SpeechTextAnalytics",
		"Infrastructure as Code":             "InfrastructureAsCode",
		"AI Studio":                          "AIStudio",
		"General Data Protection Regulation": "GeneralDataProtectionRegulation",
		"foo-bar_baz":                        "FooBarBaz",
		"&&":                                 "",
	}
	for in, want := range tests {
		if got := typeName(in); got != want {
			t.Errorf("typeName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestVarName(t *testing.T) {
	tests := map[string]string{
		"clientId": "clientID",
		"type":     "typeParam", // keyword
		"range":    "rangeParam",
		"string":   "stringParam", // predeclared
		"ctx":      "ctxParam",    // the method's own context
		"opts":     "optsParam",
		"req":      "reqParam",
		"models":   "modelsParam", // an imported package
		"body":     "body",
		"3d":       "p3d",
		"$":        "",
	}
	for in, want := range tests {
		if got := varName(in); got != want {
			t.Errorf("varName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestValidIdent(t *testing.T) {
	for name, want := range map[string]bool{"Foo": true, "foo2": true, "2foo": false, "": false, "a-b": false, "type": false} {
		if got := validIdent(name); got != want {
			t.Errorf("validIdent(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestEnumConstName(t *testing.T) {
	tests := []struct{ typ, value, want string }{
		{"UserState", "active", "UserStateActive"},
		{"UserState", "ACTIVE", "UserStateActive"},
		{"Format", "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent", "FormatUrnOasisNamesTcSaml20NameidFormatPersistent"},
		{"Code", "1", "Code1"},
		{"Any", "*", ""},
	}
	for _, tt := range tests {
		if got := enumConstName(tt.typ, tt.value); got != tt.want {
			t.Errorf("enumConstName(%q, %q) = %q, want %q", tt.typ, tt.value, got, tt.want)
		}
	}
}

func TestUniqueName(t *testing.T) {
	taken := map[string]bool{}
	var got []string
	for _, n := range []string{"Type", "Type", "Type", "Type2"} {
		got = append(got, uniqueName(taken, n))
	}
	if diff := cmp.Diff([]string{"Type", "Type2", "Type3", "Type22"}, got); diff != "" {
		t.Errorf("uniqueName sequence (-want +got):\n%s", diff)
	}
}
