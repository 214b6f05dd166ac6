// End-to-end test of the generated OAuthApi against an httptest server. The
// generator's whole-spec test copies this file into the generated SDK at
// api/oauthapi/ and runs it there; under generator/testdata it is never
// compiled by the generator module.

package oauthapi_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/purecloud-go/platform-client/sdk/api/oauthapi"
	"github.com/purecloud-go/platform-client/sdk/models"
	"github.com/purecloud-go/platform-client/sdk/platformclient"
)

const (
	token = "e2e-token-42"

	// Path parameter values that need escaping: a space, a slash, a question
	// mark, a hash, a percent sign and a non-ASCII letter.
	clientID        = "client 1/α?#%"
	clientIDPath    = "client%201%2F%CE%B1%3F%23%25"
	executionID     = "exec/42 b"
	executionIDPath = "exec%2F42%20b"
	scopeID         = "routing:queue view"
	scopeIDPath     = "routing:queue%20view"
)

// recorded is what the server received for one request.
type recorded struct {
	Method        string
	RequestURI    string
	EscapedPath   string
	Path          string
	RawQuery      string
	Header        http.Header
	Body          []byte
	ContentLength int64
}

// server is an httptest server that records every request and answers each
// with the same status, headers and body.
type server struct {
	*httptest.Server
	mu   sync.Mutex
	reqs []recorded
}

func newServer(t *testing.T, status int, header http.Header, body string) *server {
	t.Helper()
	s := &server{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, err := io.ReadAll(r.Body)
		if err != nil {
			t.Errorf("server: reading the request body: %v", err)
		}
		s.mu.Lock()
		s.reqs = append(s.reqs, recorded{
			Method:        r.Method,
			RequestURI:    r.RequestURI,
			EscapedPath:   r.URL.EscapedPath(),
			Path:          r.URL.Path,
			RawQuery:      r.URL.RawQuery,
			Header:        r.Header.Clone(),
			Body:          b,
			ContentLength: r.ContentLength,
		})
		s.mu.Unlock()
		for name, values := range header {
			w.Header()[name] = values
		}
		w.WriteHeader(status)
		io.WriteString(w, body)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *server) requests() []recorded {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]recorded(nil), s.reqs...)
}

func newAPI(t *testing.T, s *server) *oauthapi.OAuthApi {
	t.Helper()
	c, err := platformclient.NewClient(
		platformclient.WithBaseURL(s.URL),
		platformclient.WithHTTPClient(s.Client()),
		platformclient.WithAccessToken(token),
	)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return oauthapi.New(c)
}

func dt(year int, month time.Month, day, hour, min, sec, msec int) *models.DateTime {
	return &models.DateTime{Time: time.Date(year, month, day, hour, min, sec, msec*int(time.Millisecond), time.UTC)}
}

// asJSON shows a value in failure messages (pointers print as addresses
// with %v).
func asJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "<" + err.Error() + ">"
	}
	return string(b)
}

// ---- Responses the server sends, and the results they must decode into ----

// An OAuth client with a millisecond date-time, listed enum values, nested
// DomainEntityRefs, and a state ("archived") the spec does not list.
const oauthClientJSON = `{
  "id": "0a1b2c3d-0000-4000-8000-000000000001",
  "name": "E2E client",
  "accessTokenValiditySeconds": 86400,
  "description": "Used by the <e2e> tests & nothing else",
  "registeredRedirectUri": ["https://example.com/cb?a=1&b=2"],
  "secret": "s3cr3t",
  "roleIds": [],
  "dateCreated": "2024-05-06T07:08:09.123Z",
  "dateModified": "2024-05-07T10:11:12.999Z",
  "createdBy": {"id": "user-1", "name": "Ada Lovelace", "selfUri": "/api/v2/users/user-1"},
  "modifiedBy": {"id": "user-2", "selfUri": "/api/v2/users/user-2"},
  "authorizedGrantType": "CLIENT-CREDENTIALS",
  "scope": ["users:readonly", "routing"],
  "roleDivisions": [{"roleId": "role-1", "divisionId": "div-1"}],
  "state": "archived",
  "dateToDelete": "2025-01-02T03:04:05.006Z",
  "selfUri": "/api/v2/oauth/clients/0a1b2c3d-0000-4000-8000-000000000001"
}`

func wantOAuthClient() *models.OAuthClient {
	return &models.OAuthClient{
		ID:                         platformclient.String("0a1b2c3d-0000-4000-8000-000000000001"),
		Name:                       platformclient.String("E2E client"),
		AccessTokenValiditySeconds: platformclient.Int64(86400),
		Description:                platformclient.String("Used by the <e2e> tests & nothing else"),
		RegisteredRedirectURI:      []string{"https://example.com/cb?a=1&b=2"},
		Secret:                     platformclient.String("s3cr3t"),
		RoleIDs:                    []string{},
		DateCreated:                dt(2024, time.May, 6, 7, 8, 9, 123),
		DateModified:               dt(2024, time.May, 7, 10, 11, 12, 999),
		CreatedBy: &models.DomainEntityRef{
			ID:      platformclient.String("user-1"),
			Name:    platformclient.String("Ada Lovelace"),
			SelfURI: platformclient.String("/api/v2/users/user-1"),
		},
		ModifiedBy: &models.DomainEntityRef{
			ID:      platformclient.String("user-2"),
			SelfURI: platformclient.String("/api/v2/users/user-2"),
		},
		AuthorizedGrantType: platformclient.Ptr(models.OAuthClientAuthorizedGrantTypeClientCredentials),
		Scope:               []string{"users:readonly", "routing"},
		RoleDivisions:       []models.RoleDivision{{RoleID: platformclient.String("role-1"), DivisionID: platformclient.String("div-1")}},
		State:               platformclient.Ptr(models.OAuthClientState("archived")),
		DateToDelete:        dt(2025, time.January, 2, 3, 4, 5, 6),
		SelfURI:             platformclient.String("/api/v2/oauth/clients/0a1b2c3d-0000-4000-8000-000000000001"),
	}
}

const oauthClientListingJSON = `{
  "entities": [` + oauthClientJSON + `, {"id": "c2", "name": "Second", "authorizedGrantType": "PKCE", "state": "active"}],
  "pageSize": 25,
  "pageNumber": 1,
  "total": 2,
  "firstUri": "/api/v2/oauth/clients?pageSize=25&pageNumber=1",
  "lastUri": "/api/v2/oauth/clients?pageSize=25&pageNumber=1",
  "selfUri": "/api/v2/oauth/clients?pageSize=25&pageNumber=1",
  "pageCount": 1
}`

func wantOAuthClientListing() *models.OAuthClientEntityListing {
	return &models.OAuthClientEntityListing{
		Entities: []models.OAuthClient{
			*wantOAuthClient(),
			{
				ID:                  platformclient.String("c2"),
				Name:                platformclient.String("Second"),
				AuthorizedGrantType: platformclient.Ptr(models.OAuthClientAuthorizedGrantType("PKCE")),
				State:               platformclient.Ptr(models.OAuthClientStateActive),
			},
		},
		PageSize:   platformclient.Int32(25),
		PageNumber: platformclient.Int32(1),
		Total:      platformclient.Int64(2),
		FirstURI:   platformclient.String("/api/v2/oauth/clients?pageSize=25&pageNumber=1"),
		LastURI:    platformclient.String("/api/v2/oauth/clients?pageSize=25&pageNumber=1"),
		SelfURI:    platformclient.String("/api/v2/oauth/clients?pageSize=25&pageNumber=1"),
		PageCount:  platformclient.Int32(1),
	}
}

const oauthAuthorizationJSON = `{
  "client": {"id": "c1", "name": "Authorized app", "authorizedGrantType": "CODE", "state": "active"},
  "scope": ["conversations", "users:readonly"],
  "roles": ["employee"],
  "resourceOwner": {"id": "user-9", "name": "Grace Hopper", "selfUri": "/api/v2/users/user-9"},
  "dateCreated": "2023-12-31T23:59:59.001Z",
  "dateModified": "2024-01-01T00:00:00.500Z",
  "createdBy": {"id": "user-9"},
  "pending": false,
  "state": "Authorized",
  "selfUri": "/api/v2/oauth/authorizations/c1"
}`

func wantOAuthAuthorization() *models.OAuthAuthorization {
	return &models.OAuthAuthorization{
		Client: &models.OAuthClient{
			ID:                  platformclient.String("c1"),
			Name:                platformclient.String("Authorized app"),
			AuthorizedGrantType: platformclient.Ptr(models.OAuthClientAuthorizedGrantTypeCode),
			State:               platformclient.Ptr(models.OAuthClientStateActive),
		},
		Scope: []string{"conversations", "users:readonly"},
		Roles: []string{"employee"},
		ResourceOwner: &models.DomainEntityRef{
			ID:      platformclient.String("user-9"),
			Name:    platformclient.String("Grace Hopper"),
			SelfURI: platformclient.String("/api/v2/users/user-9"),
		},
		DateCreated:  dt(2023, time.December, 31, 23, 59, 59, 1),
		DateModified: dt(2024, time.January, 1, 0, 0, 0, 500),
		CreatedBy:    &models.DomainEntityRef{ID: platformclient.String("user-9")},
		Pending:      platformclient.Bool(false),
		State:        platformclient.Ptr(models.OAuthAuthorizationStateAuthorized),
		SelfURI:      platformclient.String("/api/v2/oauth/authorizations/c1"),
	}
}

const oauthAuthorizationListingJSON = `{
  "total": 2,
  "entities": [` + oauthAuthorizationJSON + `, {"client": {"id": "c3"}, "pending": true, "state": "Expired"}],
  "selfUri": "/api/v2/oauth/authorizations"
}`

func wantOAuthAuthorizationListing() *models.OAuthAuthorizationListing {
	return &models.OAuthAuthorizationListing{
		Total: platformclient.Int64(2),
		Entities: []models.OAuthAuthorization{
			*wantOAuthAuthorization(),
			{
				Client:  &models.OAuthClient{ID: platformclient.String("c3")},
				Pending: platformclient.Bool(true),
				State:   platformclient.Ptr(models.OAuthAuthorizationState("Expired")),
			},
		},
		SelfURI: platformclient.String("/api/v2/oauth/authorizations"),
	}
}

const oauthScopeJSON = `{"id": "routing:queue view", "description": "Vues des files <d'attente> & co", "selfUri": "/api/v2/oauth/scopes/routing:queue%20view"}`

func wantOAuthScope() *models.OAuthScope {
	return &models.OAuthScope{
		ID:          platformclient.String("routing:queue view"),
		Description: platformclient.String("Vues des files <d'attente> & co"),
		SelfURI:     platformclient.String("/api/v2/oauth/scopes/routing:queue%20view"),
	}
}

const oauthScopeListingJSON = `{"total": 2, "entities": [` + oauthScopeJSON + `, {"id": "users:readonly", "description": ""}], "selfUri": "/api/v2/oauth/scopes"}`

func wantOAuthScopeListing() *models.OAuthScopeListing {
	return &models.OAuthScopeListing{
		Total: platformclient.Int64(2),
		Entities: []models.OAuthScope{
			*wantOAuthScope(),
			{ID: platformclient.String("users:readonly"), Description: platformclient.String("")},
		},
		SelfURI: platformclient.String("/api/v2/oauth/scopes"),
	}
}

const usageExecutionJSON = `{"executionId": "exec-123", "resultsUri": "/api/v2/oauth/clients/c1/usage/query/results/exec-123"}`

func wantUsageExecution() *models.UsageExecutionResult {
	return &models.UsageExecutionResult{
		ExecutionID: platformclient.String("exec-123"),
		ResultsURI:  platformclient.String("/api/v2/oauth/clients/c1/usage/query/results/exec-123"),
	}
}

const usageQueryResultJSON = `{
  "results": [
    {"clientId": "c1", "clientName": "E2E client", "organizationId": "org-1", "templateUri": "api/v2/users/{userId}",
     "httpMethod": "GET", "status200": 1200, "status300": 0, "status400": 7, "status500": 1, "status429": 3,
     "requests": 1208, "date": "2024-05-06T00:00:00.000Z"}
  ],
  "queryStatus": "Complete",
  "cursors": {"after": "cursor-2"}
}`

func wantUsageQueryResult() *models.ApiUsageQueryResult {
	return &models.ApiUsageQueryResult{
		Results: []models.ApiUsageRow{{
			ClientID:       platformclient.String("c1"),
			ClientName:     platformclient.String("E2E client"),
			OrganizationID: platformclient.String("org-1"),
			TemplateURI:    platformclient.String("api/v2/users/{userId}"),
			HTTPMethod:     platformclient.String("GET"),
			Status200:      platformclient.Int64(1200),
			Status300:      platformclient.Int64(0),
			Status400:      platformclient.Int64(7),
			Status500:      platformclient.Int64(1),
			Status429:      platformclient.Int64(3),
			Requests:       platformclient.Int64(1208),
			Date:           dt(2024, time.May, 6, 0, 0, 0, 0),
		}},
		QueryStatus: platformclient.Ptr(models.ApiUsageQueryResultQueryStatusComplete),
		Cursors:     &models.Cursors{After: platformclient.String("cursor-2")},
	}
}

// ---- Request bodies, and the exact bytes they must be sent as ----

// newClientRequest has a nil Description and Scope (left out), an empty
// RoleIDs (sent as []), characters json.Marshal would HTML-escape, and a
// DateTime not in UTC (sent in UTC with milliseconds).
func newClientRequest() *models.OAuthClientRequest {
	return &models.OAuthClientRequest{
		Name:                       platformclient.String("E2E <client> & co"),
		AccessTokenValiditySeconds: platformclient.Int64(3600),
		RegisteredRedirectURI:      []string{"https://example.com/cb?a=1&b=2"},
		RoleIDs:                    []string{},
		AuthorizedGrantType:        platformclient.Ptr(models.OAuthClientRequestAuthorizedGrantTypeClientCredentials),
		RoleDivisions: []models.RoleDivision{
			{RoleID: platformclient.String("role-1"), DivisionID: platformclient.String("div-1")},
			{RoleID: platformclient.String("role-2"), DivisionID: platformclient.String("*")},
		},
		State:        platformclient.Ptr(models.OAuthClientRequestStateActive),
		DateToDelete: &models.DateTime{Time: time.Date(2025, time.January, 2, 4, 4, 5, 600_000_000, time.FixedZone("CET", 3600))},
	}
}

const newClientRequestJSON = `{"name":"E2E <client> & co","accessTokenValiditySeconds":3600,` +
	`"registeredRedirectUri":["https://example.com/cb?a=1&b=2"],"roleIds":[],"authorizedGrantType":"CLIENT-CREDENTIALS",` +
	`"roleDivisions":[{"roleId":"role-1","divisionId":"div-1"},{"roleId":"role-2","divisionId":"*"}],` +
	`"state":"active","dateToDelete":"2025-01-02T03:04:05.600Z"}`

// updateClientRequest has an empty but non-nil Description (sent as ""), a
// zero AccessTokenValiditySeconds (sent as 0), an empty redirect list (sent as
// []), nil RoleIDs and RoleDivisions (left out) and a state the spec does not
// list (sent as it is).
func updateClientRequest() *models.OAuthClientRequest {
	return &models.OAuthClientRequest{
		Name:                       platformclient.String("Renamed"),
		AccessTokenValiditySeconds: platformclient.Int64(0),
		Description:                platformclient.String(""),
		RegisteredRedirectURI:      []string{},
		AuthorizedGrantType:        platformclient.Ptr(models.OAuthClientRequestAuthorizedGrantTypeCode),
		Scope:                      []string{"users:readonly", "routing"},
		State:                      platformclient.Ptr(models.OAuthClientRequestState("suspended")),
	}
}

const updateClientRequestJSON = `{"name":"Renamed","accessTokenValiditySeconds":0,"description":"","registeredRedirectUri":[],` +
	`"authorizedGrantType":"CODE","scope":["users:readonly","routing"],"state":"suspended"}`

func usageQuery() *models.ApiUsageClientQuery {
	return &models.ApiUsageClientQuery{
		Interval:    platformclient.String("2024-05-01T00:00:00/2024-05-08T00:00:00"),
		Granularity: platformclient.Ptr(models.ApiUsageClientQueryGranularityDay),
		Metrics:     []models.ApiUsageClientQueryMetrics{models.ApiUsageClientQueryMetricsStatus200, models.ApiUsageClientQueryMetricsRequests, "Status418"},
		GroupBy:     []models.ApiUsageClientQueryGroupBy{},
	}
}

const usageQueryJSON = `{"interval":"2024-05-01T00:00:00/2024-05-08T00:00:00","granularity":"Day",` +
	`"metrics":["Status200","Requests","Status418"],"groupBy":[]}`

// ---- The table ----

type result = any

// wireCase is one call and what must go on the wire and come back.
type wireCase struct {
	name string
	// op is the operationId, which errors name.
	op string
	do func(ctx context.Context, api *oauthapi.OAuthApi) (result, *platformclient.APIResponse, error)

	method string
	uri    string // exact RequestURI: escaped path and raw query
	path   string // the unescaped path the server decodes
	// acceptLanguage is the Accept-Language header; "" means it must be absent.
	acceptLanguage string
	// body is the exact request body; "" means no body and no Content-Type.
	body string

	status   int
	respBody string
	want     result // the decoded result; nil for DeleteOauthClient
}

func wireCases() []wireCase {
	const clients = "/api/v2/oauth/clients/"
	return []wireCase{
		{
			name: "DeleteOauthClient",
			op:   "deleteOauthClient",
			do: func(ctx context.Context, api *oauthapi.OAuthApi) (result, *platformclient.APIResponse, error) {
				resp, err := api.DeleteOauthClient(ctx, clientID, nil)
				return nil, resp, err
			},
			method: http.MethodDelete,
			uri:    clients + clientIDPath,
			path:   clients + clientID,
			status: http.StatusNoContent,
		},
		{
			name: "GetOauthAuthorization/AcceptLanguage",
			op:   "getOauthAuthorization",
			do: func(ctx context.Context, api *oauthapi.OAuthApi) (result, *platformclient.APIResponse, error) {
				return api.GetOauthAuthorization(ctx, clientID, &oauthapi.GetOauthAuthorizationOptions{AcceptLanguage: platformclient.String("fr-FR")})
			},
			method:         http.MethodGet,
			uri:            "/api/v2/oauth/authorizations/" + clientIDPath,
			path:           "/api/v2/oauth/authorizations/" + clientID,
			acceptLanguage: "fr-FR",
			status:         http.StatusOK,
			respBody:       oauthAuthorizationJSON,
			want:           wantOAuthAuthorization(),
		},
		{
			name: "GetOauthAuthorization/nilOpts",
			op:   "getOauthAuthorization",
			do: func(ctx context.Context, api *oauthapi.OAuthApi) (result, *platformclient.APIResponse, error) {
				return api.GetOauthAuthorization(ctx, "c1", nil)
			},
			method:   http.MethodGet,
			uri:      "/api/v2/oauth/authorizations/c1",
			path:     "/api/v2/oauth/authorizations/c1",
			status:   http.StatusOK,
			respBody: oauthAuthorizationJSON,
			want:     wantOAuthAuthorization(),
		},
		{
			name: "GetOauthAuthorizations/AcceptLanguage",
			op:   "getOauthAuthorizations",
			do: func(ctx context.Context, api *oauthapi.OAuthApi) (result, *platformclient.APIResponse, error) {
				return api.GetOauthAuthorizations(ctx, &oauthapi.GetOauthAuthorizationsOptions{AcceptLanguage: platformclient.String("de-DE, en;q=0.5")})
			},
			method:         http.MethodGet,
			uri:            "/api/v2/oauth/authorizations",
			path:           "/api/v2/oauth/authorizations",
			acceptLanguage: "de-DE, en;q=0.5",
			status:         http.StatusOK,
			respBody:       oauthAuthorizationListingJSON,
			want:           wantOAuthAuthorizationListing(),
		},
		{
			name: "GetOauthAuthorizations/emptyOpts",
			op:   "getOauthAuthorizations",
			do: func(ctx context.Context, api *oauthapi.OAuthApi) (result, *platformclient.APIResponse, error) {
				return api.GetOauthAuthorizations(ctx, &oauthapi.GetOauthAuthorizationsOptions{})
			},
			method:   http.MethodGet,
			uri:      "/api/v2/oauth/authorizations",
			path:     "/api/v2/oauth/authorizations",
			status:   http.StatusOK,
			respBody: oauthAuthorizationListingJSON,
			want:     wantOAuthAuthorizationListing(),
		},
		{
			name: "GetOauthClient",
			op:   "getOauthClient",
			do: func(ctx context.Context, api *oauthapi.OAuthApi) (result, *platformclient.APIResponse, error) {
				return api.GetOauthClient(ctx, clientID, nil)
			},
			method:   http.MethodGet,
			uri:      clients + clientIDPath,
			path:     clients + clientID,
			status:   http.StatusOK,
			respBody: oauthClientJSON,
			want:     wantOAuthClient(),
		},
		{
			name: "GetOauthClientUsageQueryResult",
			op:   "getOauthClientUsageQueryResult",
			do: func(ctx context.Context, api *oauthapi.OAuthApi) (result, *platformclient.APIResponse, error) {
				return api.GetOauthClientUsageQueryResult(ctx, executionID, clientID, &oauthapi.GetOauthClientUsageQueryResultOptions{})
			},
			method:   http.MethodGet,
			uri:      clients + clientIDPath + "/usage/query/results/" + executionIDPath,
			path:     clients + clientID + "/usage/query/results/" + executionID,
			status:   http.StatusOK,
			respBody: usageQueryResultJSON,
			want:     wantUsageQueryResult(),
		},
		{
			name: "GetOauthClientUsageSummary/Days",
			op:   "getOauthClientUsageSummary",
			do: func(ctx context.Context, api *oauthapi.OAuthApi) (result, *platformclient.APIResponse, error) {
				return api.GetOauthClientUsageSummary(ctx, clientID, &oauthapi.GetOauthClientUsageSummaryOptions{Days: platformclient.String("30")})
			},
			method:   http.MethodGet,
			uri:      clients + clientIDPath + "/usage/summary?days=30",
			path:     clients + clientID + "/usage/summary",
			status:   http.StatusAccepted,
			respBody: usageExecutionJSON,
			want:     wantUsageExecution(),
		},
		{
			name: "GetOauthClientUsageSummary/DaysEscaped",
			op:   "getOauthClientUsageSummary",
			do: func(ctx context.Context, api *oauthapi.OAuthApi) (result, *platformclient.APIResponse, error) {
				return api.GetOauthClientUsageSummary(ctx, "c1", &oauthapi.GetOauthClientUsageSummaryOptions{Days: platformclient.String("7 & 8+9")})
			},
			method:   http.MethodGet,
			uri:      clients + "c1/usage/summary?days=7%20%26%208%2B9",
			path:     clients + "c1/usage/summary",
			status:   http.StatusOK,
			respBody: usageExecutionJSON,
			want:     wantUsageExecution(),
		},
		{
			name: "GetOauthClientUsageSummary/nilOpts",
			op:   "getOauthClientUsageSummary",
			do: func(ctx context.Context, api *oauthapi.OAuthApi) (result, *platformclient.APIResponse, error) {
				return api.GetOauthClientUsageSummary(ctx, "c1", nil)
			},
			method:   http.MethodGet,
			uri:      clients + "c1/usage/summary",
			path:     clients + "c1/usage/summary",
			status:   http.StatusOK,
			respBody: usageExecutionJSON,
			want:     wantUsageExecution(),
		},
		{
			name: "GetOauthClientUsageSummary/nilDays",
			op:   "getOauthClientUsageSummary",
			do: func(ctx context.Context, api *oauthapi.OAuthApi) (result, *platformclient.APIResponse, error) {
				return api.GetOauthClientUsageSummary(ctx, "c1", &oauthapi.GetOauthClientUsageSummaryOptions{})
			},
			method:   http.MethodGet,
			uri:      clients + "c1/usage/summary",
			path:     clients + "c1/usage/summary",
			status:   http.StatusOK,
			respBody: usageExecutionJSON,
			want:     wantUsageExecution(),
		},
		{
			name: "GetOauthClients",
			op:   "getOauthClients",
			do: func(ctx context.Context, api *oauthapi.OAuthApi) (result, *platformclient.APIResponse, error) {
				return api.GetOauthClients(ctx, nil)
			},
			method:   http.MethodGet,
			uri:      "/api/v2/oauth/clients",
			path:     "/api/v2/oauth/clients",
			status:   http.StatusOK,
			respBody: oauthClientListingJSON,
			want:     wantOAuthClientListing(),
		},
		{
			name: "GetOauthScope/AcceptLanguage",
			op:   "getOauthScope",
			do: func(ctx context.Context, api *oauthapi.OAuthApi) (result, *platformclient.APIResponse, error) {
				return api.GetOauthScope(ctx, scopeID, &oauthapi.GetOauthScopeOptions{AcceptLanguage: platformclient.String("fr-CA")})
			},
			method:         http.MethodGet,
			uri:            "/api/v2/oauth/scopes/" + scopeIDPath,
			path:           "/api/v2/oauth/scopes/" + scopeID,
			acceptLanguage: "fr-CA",
			status:         http.StatusOK,
			respBody:       oauthScopeJSON,
			want:           wantOAuthScope(),
		},
		{
			name: "GetOauthScope/nilOpts",
			op:   "getOauthScope",
			do: func(ctx context.Context, api *oauthapi.OAuthApi) (result, *platformclient.APIResponse, error) {
				return api.GetOauthScope(ctx, scopeID, nil)
			},
			method:   http.MethodGet,
			uri:      "/api/v2/oauth/scopes/" + scopeIDPath,
			path:     "/api/v2/oauth/scopes/" + scopeID,
			status:   http.StatusOK,
			respBody: oauthScopeJSON,
			want:     wantOAuthScope(),
		},
		{
			name: "GetOauthScopes/AcceptLanguage",
			op:   "getOauthScopes",
			do: func(ctx context.Context, api *oauthapi.OAuthApi) (result, *platformclient.APIResponse, error) {
				return api.GetOauthScopes(ctx, &oauthapi.GetOauthScopesOptions{AcceptLanguage: platformclient.String("ja-JP")})
			},
			method:         http.MethodGet,
			uri:            "/api/v2/oauth/scopes",
			path:           "/api/v2/oauth/scopes",
			acceptLanguage: "ja-JP",
			status:         http.StatusOK,
			respBody:       oauthScopeListingJSON,
			want:           wantOAuthScopeListing(),
		},
		{
			name: "GetOauthScopes/nilOpts",
			op:   "getOauthScopes",
			do: func(ctx context.Context, api *oauthapi.OAuthApi) (result, *platformclient.APIResponse, error) {
				return api.GetOauthScopes(ctx, nil)
			},
			method:   http.MethodGet,
			uri:      "/api/v2/oauth/scopes",
			path:     "/api/v2/oauth/scopes",
			status:   http.StatusOK,
			respBody: oauthScopeListingJSON,
			want:     wantOAuthScopeListing(),
		},
		{
			name: "PostOauthClientSecret",
			op:   "postOauthClientSecret",
			do: func(ctx context.Context, api *oauthapi.OAuthApi) (result, *platformclient.APIResponse, error) {
				return api.PostOauthClientSecret(ctx, clientID, nil)
			},
			method:   http.MethodPost,
			uri:      clients + clientIDPath + "/secret",
			path:     clients + clientID + "/secret",
			status:   http.StatusOK,
			respBody: oauthClientJSON,
			want:     wantOAuthClient(),
		},
		{
			name: "PostOauthClientUsageQuery",
			op:   "postOauthClientUsageQuery",
			do: func(ctx context.Context, api *oauthapi.OAuthApi) (result, *platformclient.APIResponse, error) {
				return api.PostOauthClientUsageQuery(ctx, clientID, usageQuery(), nil)
			},
			method:   http.MethodPost,
			uri:      clients + clientIDPath + "/usage/query",
			path:     clients + clientID + "/usage/query",
			body:     usageQueryJSON,
			status:   http.StatusAccepted,
			respBody: usageExecutionJSON,
			want:     wantUsageExecution(),
		},
		{
			name: "PostOauthClients",
			op:   "postOauthClients",
			do: func(ctx context.Context, api *oauthapi.OAuthApi) (result, *platformclient.APIResponse, error) {
				return api.PostOauthClients(ctx, newClientRequest(), nil)
			},
			method:   http.MethodPost,
			uri:      "/api/v2/oauth/clients",
			path:     "/api/v2/oauth/clients",
			body:     newClientRequestJSON,
			status:   http.StatusOK,
			respBody: oauthClientJSON,
			want:     wantOAuthClient(),
		},
		{
			name: "PutOauthClient",
			op:   "putOauthClient",
			do: func(ctx context.Context, api *oauthapi.OAuthApi) (result, *platformclient.APIResponse, error) {
				return api.PutOauthClient(ctx, clientID, updateClientRequest(), &oauthapi.PutOauthClientOptions{})
			},
			method:   http.MethodPut,
			uri:      clients + clientIDPath,
			path:     clients + clientID,
			body:     updateClientRequestJSON,
			status:   http.StatusOK,
			respBody: oauthClientJSON,
			want:     wantOAuthClient(),
		},
	}
}

// TestAllMethodsCovered keeps the table complete: every exported method of
// OAuthApi must have at least one row.
func TestAllMethodsCovered(t *testing.T) {
	covered := map[string]bool{}
	for _, tc := range wireCases() {
		covered[strings.SplitN(tc.name, "/", 2)[0]] = true
	}
	typ := reflect.TypeOf(&oauthapi.OAuthApi{})
	if typ.NumMethod() != 13 {
		t.Errorf("OAuthApi has %d methods, want 13", typ.NumMethod())
	}
	for i := range typ.NumMethod() {
		if name := typ.Method(i).Name; !covered[name] {
			t.Errorf("no wire case for OAuthApi.%s", name)
		}
	}
	for name := range covered {
		if _, ok := typ.MethodByName(name); !ok {
			t.Errorf("wire case for %s, which OAuthApi does not have", name)
		}
	}
}

// DeleteOauthClient has no result: (*APIResponse, error).
var _ func(context.Context, string, *oauthapi.DeleteOauthClientOptions) (*platformclient.APIResponse, error) = (*oauthapi.OAuthApi)(nil).DeleteOauthClient

func TestWire(t *testing.T) {
	for _, tc := range wireCases() {
		t.Run(tc.name, func(t *testing.T) {
			correlationID := "corr-" + strings.ReplaceAll(tc.name, "/", "-")
			srv := newServer(t, tc.status, http.Header{
				"Content-Type":        {"application/json; charset=UTF-8"},
				"Inin-Correlation-Id": {correlationID},
			}, tc.respBody)
			api := newAPI(t, srv)

			got, resp, err := tc.do(context.Background(), api)
			if err != nil {
				t.Fatalf("error: %v", err)
			}

			// The request.
			reqs := srv.requests()
			if len(reqs) != 1 {
				t.Fatalf("server received %d requests, want 1", len(reqs))
			}
			r := reqs[0]
			if r.Method != tc.method {
				t.Errorf("method = %q, want %q", r.Method, tc.method)
			}
			if r.RequestURI != tc.uri {
				t.Errorf("RequestURI = %q, want %q", r.RequestURI, tc.uri)
			}
			wantEscaped, wantQuery, _ := strings.Cut(tc.uri, "?")
			if r.EscapedPath != wantEscaped {
				t.Errorf("escaped path = %q, want %q", r.EscapedPath, wantEscaped)
			}
			if r.Path != tc.path {
				t.Errorf("decoded path = %q, want %q", r.Path, tc.path)
			}
			if r.RawQuery != wantQuery {
				t.Errorf("raw query = %q, want %q", r.RawQuery, wantQuery)
			}
			checkHeader(t, r.Header, "Authorization", "Bearer "+token)
			checkHeader(t, r.Header, "Accept", "application/json")
			checkHeader(t, r.Header, "User-Agent", platformclient.UserAgent)
			checkHeader(t, r.Header, "Accept-Language", tc.acceptLanguage)
			if tc.body == "" {
				checkHeader(t, r.Header, "Content-Type", "")
				if len(r.Body) != 0 || r.ContentLength > 0 {
					t.Errorf("request body = %q (Content-Length %d), want none", r.Body, r.ContentLength)
				}
			} else {
				checkHeader(t, r.Header, "Content-Type", "application/json")
				if string(r.Body) != tc.body {
					t.Errorf("request body:\n got %s\nwant %s", r.Body, tc.body)
				}
				if r.ContentLength != int64(len(tc.body)) {
					t.Errorf("Content-Length = %d, want %d", r.ContentLength, len(tc.body))
				}
			}

			// The response.
			if resp == nil {
				t.Fatal("APIResponse is nil")
			}
			if resp.StatusCode != tc.status {
				t.Errorf("StatusCode = %d, want %d", resp.StatusCode, tc.status)
			}
			if resp.CorrelationID != correlationID {
				t.Errorf("CorrelationID = %q, want %q", resp.CorrelationID, correlationID)
			}
			if string(resp.Body) != tc.respBody {
				t.Errorf("Body = %q, want %q", resp.Body, tc.respBody)
			}
			if ct := resp.Header.Get("Content-Type"); ct != "application/json; charset=UTF-8" {
				t.Errorf("Header Content-Type = %q", ct)
			}
			if resp.Response == nil || resp.Response.StatusCode != tc.status {
				t.Errorf("Response = %v, want the *http.Response with status %d", resp.Response, tc.status)
			}

			// The result.
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("result:\n got %T %s\nwant %T %s", got, asJSON(got), tc.want, asJSON(tc.want))
			}
			// Decoding matches JSON names case-insensitively; encoding the
			// result again catches a json tag that differs from the wire name
			// only in case, and an empty list that would not be sent back.
			if tc.want != nil {
				checkSameJSON(t, "re-encoded result", got, tc.respBody)
			}
		})
	}
}

// checkSameJSON checks that v encodes to the same JSON value as want, up to
// white space and key order.
func checkSameJSON(t *testing.T, what string, v any, want string) {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Errorf("%s: %v", what, err)
		return
	}
	if g, w := normJSON(t, b), normJSON(t, []byte(want)); !reflect.DeepEqual(g, w) {
		t.Errorf("%s differs from the wire JSON:\n got %s\nwant %s", what, b, want)
	}
}

func normJSON(t *testing.T, b []byte) any {
	t.Helper()
	d := json.NewDecoder(strings.NewReader(string(b)))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatalf("bad JSON %s: %v", b, err)
	}
	return v
}

func checkHeader(t *testing.T, h http.Header, name, want string) {
	t.Helper()
	got := h.Values(name)
	switch {
	case want == "" && len(got) != 0:
		t.Errorf("header %s = %q, want it absent", name, got)
	case want != "" && (len(got) != 1 || got[0] != want):
		t.Errorf("header %s = %q, want [%q]", name, got, want)
	}
}

// TestDecodedDetails checks, field by field, the decoding the DeepEqual in
// TestWire covers as a whole: a millisecond date-time, enum values listed and
// not listed in the spec, and a nested DomainEntityRef.
func TestDecodedDetails(t *testing.T) {
	srv := newServer(t, http.StatusOK, http.Header{"Content-Type": {"application/json"}}, oauthClientJSON)
	got, _, err := newAPI(t, srv).GetOauthClient(context.Background(), "c1", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got.DateCreated == nil {
		t.Fatal("DateCreated is nil")
	}
	want := time.Date(2024, time.May, 6, 7, 8, 9, 123_000_000, time.UTC)
	if !got.DateCreated.Equal(want) || got.DateCreated.Nanosecond() != 123_000_000 {
		t.Errorf("DateCreated = %v, want %v", got.DateCreated.Time, want)
	}
	if s := got.DateCreated.String(); s != "2024-05-06T07:08:09.123Z" {
		t.Errorf("DateCreated.String() = %q", s)
	}
	if got.AuthorizedGrantType == nil || *got.AuthorizedGrantType != models.OAuthClientAuthorizedGrantTypeClientCredentials {
		t.Errorf("AuthorizedGrantType = %v, want CLIENT-CREDENTIALS", got.AuthorizedGrantType)
	}
	if got.State == nil || *got.State != "archived" {
		t.Errorf("State = %v, want the unlisted value archived", got.State)
	}
	for _, listed := range []models.OAuthClientState{models.OAuthClientStateActive, models.OAuthClientStateDisabled, models.OAuthClientStateInactive} {
		if got.State != nil && *got.State == listed {
			t.Errorf("State decoded as the listed %q", listed)
		}
	}
	if got.CreatedBy == nil || got.CreatedBy.ID == nil || *got.CreatedBy.ID != "user-1" ||
		got.CreatedBy.Name == nil || *got.CreatedBy.Name != "Ada Lovelace" ||
		got.CreatedBy.SelfURI == nil || *got.CreatedBy.SelfURI != "/api/v2/users/user-1" {
		t.Errorf("CreatedBy = %s", asJSON(got.CreatedBy))
	}
	if got.ModifiedBy == nil || got.ModifiedBy.Name != nil {
		t.Errorf("ModifiedBy = %s, want a ref without name", asJSON(got.ModifiedBy))
	}
	if got.RoleIDs == nil || len(got.RoleIDs) != 0 {
		t.Errorf("RoleIDs = %#v, want an empty non-nil slice from []", got.RoleIDs)
	}
}

// ---- Errors ----

const errorBodyJSON = `{
  "message": "OAuth client c1 not found",
  "code": "not.found",
  "status": 404,
  "entityId": "c1",
  "entityName": "OAuthClient",
  "messageWithParams": "OAuth client {id} not found",
  "messageParams": {"id": "c1", "region": "us-east-1"},
  "contextId": "ctx-5678",
  "details": [
    {"errorCode": "entity.missing", "fieldName": "clientId", "entityId": "c1", "entityName": "OAuthClient"},
    {"errorCode": "other"}
  ],
  "errors": [
    {"message": "nested", "code": "nested.code", "status": 404, "messageParams": {"k": "v"}}
  ],
  "limit": {"key": "clients.max", "namespace": "oauth", "value": 9007199254740993}
}`

func TestNotFoundError(t *testing.T) {
	srv := newServer(t, http.StatusNotFound, http.Header{
		"Content-Type":        {"application/json"},
		"Inin-Correlation-Id": {"corr-404"},
	}, errorBodyJSON)
	got, resp, err := newAPI(t, srv).GetOauthClient(context.Background(), clientID, nil)
	if got != nil {
		t.Errorf("result = %s, want nil", asJSON(got))
	}
	var apiErr *platformclient.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("error %T %v is not a *platformclient.APIError", err, err)
	}
	wantBody := platformclient.ErrorBody{
		Message:           "OAuth client c1 not found",
		Code:              "not.found",
		Status:            404,
		EntityID:          "c1",
		EntityName:        "OAuthClient",
		MessageWithParams: "OAuth client {id} not found",
		MessageParams:     map[string]string{"id": "c1", "region": "us-east-1"},
		ContextID:         "ctx-5678",
		Details: []platformclient.ErrorDetail{
			{ErrorCode: "entity.missing", FieldName: "clientId", EntityID: "c1", EntityName: "OAuthClient"},
			{ErrorCode: "other"},
		},
		Errors: []platformclient.ErrorBody{
			{Message: "nested", Code: "nested.code", Status: 404, MessageParams: map[string]string{"k": "v"}},
		},
		Limit: &platformclient.ErrorLimit{Key: "clients.max", Namespace: "oauth", Value: 9007199254740993},
	}
	if !reflect.DeepEqual(apiErr.ErrorBody, wantBody) {
		t.Errorf("ErrorBody:\n got %s\nwant %s", asJSON(apiErr.ErrorBody), asJSON(wantBody))
	}
	checkSameJSON(t, "re-encoded ErrorBody", apiErr.ErrorBody, errorBodyJSON)
	// Field by field too, so that a failure names the field.
	checks := []struct {
		field     string
		got, want any
	}{
		{"Message", apiErr.Message, wantBody.Message},
		{"Code", apiErr.Code, wantBody.Code},
		{"Status", apiErr.Status, wantBody.Status},
		{"EntityID", apiErr.EntityID, wantBody.EntityID},
		{"EntityName", apiErr.EntityName, wantBody.EntityName},
		{"MessageWithParams", apiErr.MessageWithParams, wantBody.MessageWithParams},
		{"MessageParams", apiErr.MessageParams, wantBody.MessageParams},
		{"ContextID", apiErr.ContextID, wantBody.ContextID},
		{"Details", apiErr.Details, wantBody.Details},
		{"Errors", apiErr.Errors, wantBody.Errors},
		{"Limit", apiErr.Limit, wantBody.Limit},
		{"StatusCode", apiErr.StatusCode, http.StatusNotFound},
		{"Operation", apiErr.Operation, "getOauthClient"},
		{"Method", apiErr.Method, http.MethodGet},
		{"URL", apiErr.URL, srv.URL + "/api/v2/oauth/clients/" + clientIDPath},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("APIError.%s = %s, want %s", c.field, asJSON(c.got), asJSON(c.want))
		}
	}
	if resp == nil {
		t.Fatal("APIResponse is nil, want the 404 response")
	}
	if apiErr.Response != resp {
		t.Errorf("APIError.Response = %p, want the returned APIResponse %p", apiErr.Response, resp)
	}
	if resp.StatusCode != http.StatusNotFound || resp.CorrelationID != "corr-404" || string(resp.Body) != errorBodyJSON {
		t.Errorf("APIResponse = status %d, correlation %q, body %q", resp.StatusCode, resp.CorrelationID, resp.Body)
	}
	wantMsg := "platformclient: GET " + srv.URL + "/api/v2/oauth/clients/" + clientIDPath +
		": 404 Not Found: not.found: OAuth client c1 not found (correlation ID corr-404)"
	if err.Error() != wantMsg {
		t.Errorf("Error() =\n %q\nwant\n %q", err.Error(), wantMsg)
	}
	if n := len(srv.requests()); n != 1 {
		t.Errorf("server received %d requests, want 1", n)
	}
}

// TestErrorEveryMethod sends every row's call to a server that answers 404
// and checks the *APIError names the operation and no result comes back.
func TestErrorEveryMethod(t *testing.T) {
	for _, tc := range wireCases() {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t, http.StatusNotFound, http.Header{
				"Content-Type":        {"application/json"},
				"Inin-Correlation-Id": {"corr-err"},
			}, `{"message":"nope","code":"not.found","status":404}`)
			got, resp, err := tc.do(context.Background(), newAPI(t, srv))
			if got != nil && !reflect.ValueOf(got).IsNil() {
				t.Errorf("result = %s, want nil", asJSON(got))
			}
			var apiErr *platformclient.APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("error %T %v is not a *platformclient.APIError", err, err)
			}
			if apiErr.StatusCode != http.StatusNotFound || apiErr.Status != 404 || apiErr.Code != "not.found" || apiErr.Message != "nope" {
				t.Errorf("APIError = status %d, body status %d, code %q, message %q", apiErr.StatusCode, apiErr.Status, apiErr.Code, apiErr.Message)
			}
			if apiErr.Operation != tc.op || apiErr.Method != tc.method || apiErr.URL != srv.URL+tc.uri {
				t.Errorf("APIError names %s %s %s, want %s %s %s", apiErr.Operation, apiErr.Method, apiErr.URL, tc.op, tc.method, srv.URL+tc.uri)
			}
			if resp == nil || apiErr.Response != resp || resp.StatusCode != http.StatusNotFound || resp.CorrelationID != "corr-err" {
				t.Errorf("APIResponse = %+v, APIError.Response = %p", resp, apiErr.Response)
			}
		})
	}
}

// TestParamErrors checks that an empty required path parameter or a nil
// required body fails with a *ParamError before anything is sent.
func TestParamErrors(t *testing.T) {
	type call func(ctx context.Context, api *oauthapi.OAuthApi) (result, *platformclient.APIResponse, error)
	cases := []struct {
		name  string
		op    string
		param string
		do    call
	}{
		{"DeleteOauthClient/emptyClientId", "deleteOauthClient", "clientId", func(ctx context.Context, api *oauthapi.OAuthApi) (result, *platformclient.APIResponse, error) {
			resp, err := api.DeleteOauthClient(ctx, "", nil)
			return nil, resp, err
		}},
		{"GetOauthAuthorization/emptyClientId", "getOauthAuthorization", "clientId", func(ctx context.Context, api *oauthapi.OAuthApi) (result, *platformclient.APIResponse, error) {
			return api.GetOauthAuthorization(ctx, "", &oauthapi.GetOauthAuthorizationOptions{AcceptLanguage: platformclient.String("fr-FR")})
		}},
		{"GetOauthClient/emptyClientId", "getOauthClient", "clientId", func(ctx context.Context, api *oauthapi.OAuthApi) (result, *platformclient.APIResponse, error) {
			return api.GetOauthClient(ctx, "", nil)
		}},
		{"GetOauthClientUsageQueryResult/emptyExecutionId", "getOauthClientUsageQueryResult", "executionId", func(ctx context.Context, api *oauthapi.OAuthApi) (result, *platformclient.APIResponse, error) {
			return api.GetOauthClientUsageQueryResult(ctx, "", clientID, nil)
		}},
		{"GetOauthClientUsageQueryResult/emptyClientId", "getOauthClientUsageQueryResult", "clientId", func(ctx context.Context, api *oauthapi.OAuthApi) (result, *platformclient.APIResponse, error) {
			return api.GetOauthClientUsageQueryResult(ctx, executionID, "", nil)
		}},
		{"GetOauthClientUsageSummary/emptyClientId", "getOauthClientUsageSummary", "clientId", func(ctx context.Context, api *oauthapi.OAuthApi) (result, *platformclient.APIResponse, error) {
			return api.GetOauthClientUsageSummary(ctx, "", &oauthapi.GetOauthClientUsageSummaryOptions{Days: platformclient.String("7")})
		}},
		{"GetOauthScope/emptyScopeId", "getOauthScope", "scopeId", func(ctx context.Context, api *oauthapi.OAuthApi) (result, *platformclient.APIResponse, error) {
			return api.GetOauthScope(ctx, "", nil)
		}},
		{"PostOauthClientSecret/emptyClientId", "postOauthClientSecret", "clientId", func(ctx context.Context, api *oauthapi.OAuthApi) (result, *platformclient.APIResponse, error) {
			return api.PostOauthClientSecret(ctx, "", nil)
		}},
		{"PostOauthClientUsageQuery/emptyClientId", "postOauthClientUsageQuery", "clientId", func(ctx context.Context, api *oauthapi.OAuthApi) (result, *platformclient.APIResponse, error) {
			return api.PostOauthClientUsageQuery(ctx, "", usageQuery(), nil)
		}},
		{"PostOauthClientUsageQuery/nilBody", "postOauthClientUsageQuery", "body", func(ctx context.Context, api *oauthapi.OAuthApi) (result, *platformclient.APIResponse, error) {
			return api.PostOauthClientUsageQuery(ctx, clientID, nil, nil)
		}},
		{"PostOauthClients/nilBody", "postOauthClients", "body", func(ctx context.Context, api *oauthapi.OAuthApi) (result, *platformclient.APIResponse, error) {
			return api.PostOauthClients(ctx, nil, nil)
		}},
		{"PutOauthClient/emptyClientId", "putOauthClient", "clientId", func(ctx context.Context, api *oauthapi.OAuthApi) (result, *platformclient.APIResponse, error) {
			return api.PutOauthClient(ctx, "", updateClientRequest(), nil)
		}},
		{"PutOauthClient/nilBody", "putOauthClient", "body", func(ctx context.Context, api *oauthapi.OAuthApi) (result, *platformclient.APIResponse, error) {
			return api.PutOauthClient(ctx, clientID, nil, nil)
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t, http.StatusOK, nil, oauthClientJSON)
			got, resp, err := tc.do(context.Background(), newAPI(t, srv))
			if got != nil && !reflect.ValueOf(got).IsNil() {
				t.Errorf("result = %s, want nil", asJSON(got))
			}
			if resp != nil {
				t.Errorf("APIResponse = %+v, want nil", resp)
			}
			var pe *platformclient.ParamError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T %v is not a *platformclient.ParamError", err, err)
			}
			if pe.Operation != tc.op || pe.Param != tc.param || pe.Reason == "" {
				t.Errorf("ParamError = %+v, want operation %s, param %s and a reason", *pe, tc.op, tc.param)
			}
			if msg := err.Error(); !strings.Contains(msg, tc.op) || !strings.Contains(msg, tc.param) {
				t.Errorf("Error() = %q, want it to name %s and %s", msg, tc.op, tc.param)
			}
			if n := len(srv.requests()); n != 0 {
				t.Errorf("server received %d requests, want none", n)
			}
		})
	}
}

// TestEmptySuccessBody sends every row's call to a server that answers 202
// without a body: no error, a nil result and the response.
func TestEmptySuccessBody(t *testing.T) {
	for _, tc := range wireCases() {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t, http.StatusAccepted, http.Header{"Inin-Correlation-Id": {"corr-empty"}}, "")
			got, resp, err := tc.do(context.Background(), newAPI(t, srv))
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			if got != nil && !reflect.ValueOf(got).IsNil() {
				t.Errorf("result = %s, want nil", asJSON(got))
			}
			if resp == nil || resp.StatusCode != http.StatusAccepted || resp.CorrelationID != "corr-empty" || len(resp.Body) != 0 {
				t.Errorf("APIResponse = %+v, want status 202, correlation ID corr-empty, no body", resp)
			}
		})
	}
}

// TestDeleteIgnoresBody checks DeleteOauthClient succeeds when the server
// sends a body it has no result for.
func TestDeleteIgnoresBody(t *testing.T) {
	srv := newServer(t, http.StatusOK, http.Header{"Content-Type": {"application/json"}}, oauthClientJSON)
	resp, err := newAPI(t, srv).DeleteOauthClient(context.Background(), "c1", nil)
	if err != nil {
		t.Fatalf("error: %v", err)
	}
	if resp == nil || resp.StatusCode != http.StatusOK || string(resp.Body) != oauthClientJSON {
		t.Errorf("APIResponse = %+v, want status 200 with the body", resp)
	}
}

// TestDecodeError checks a success body that does not decode (a date-time
// that is not one) gives a *DecodeError with the response, and no result.
func TestDecodeError(t *testing.T) {
	const body = `{"id": "c1", "dateCreated": "yesterday"}`
	srv := newServer(t, http.StatusOK, http.Header{"Inin-Correlation-Id": {"corr-bad"}}, body)
	got, resp, err := newAPI(t, srv).GetOauthClient(context.Background(), "c1", nil)
	if got != nil {
		t.Errorf("result = %s, want nil", asJSON(got))
	}
	var de *platformclient.DecodeError
	if !errors.As(err, &de) {
		t.Fatalf("error %T %v is not a *platformclient.DecodeError", err, err)
	}
	if de.Operation != "getOauthClient" || de.Response == nil || de.Response != resp || de.Err == nil {
		t.Errorf("DecodeError = %+v, want operation getOauthClient, the response and a cause", *de)
	}
	if resp == nil || resp.StatusCode != http.StatusOK || resp.CorrelationID != "corr-bad" || string(resp.Body) != body {
		t.Errorf("APIResponse = %+v", resp)
	}
	if !strings.Contains(err.Error(), "yesterday") {
		t.Errorf("Error() = %q, want it to quote the bad value", err.Error())
	}
}
