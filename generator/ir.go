package generator

// The intermediate model: what the templates render. Build fills it from a
// spec; every name in it is already a valid, unique Go identifier and every
// list is in output order, so rendering makes no decisions of its own.

// SDK is the whole generated module.
type SDK struct {
	// Module is the Go module path of the generated SDK.
	Module string
	// Title and Description come from the spec's info object.
	Title       string
	Description string
	// Host is the spec's API host (api.mypurecloud.com for the Platform API).
	Host string
	// APIs are sorted by Name.
	APIs []*API
	// Models are sorted by Name.
	Models []*Model
	// Names are the Go names given to the definitions, tags and methods
	// (what the release record keeps, see Names.Overrides).
	Names *Names
	// JobNotes are the job status operations without a waiter, with why
	// (see jobs.go).
	JobNotes []JobNote
}

// API is the set of operations under one tag: one Go package and type.
type API struct {
	Tag         string // tag as in the spec: "Speech & Text Analytics"
	Name        string // Go type: SpeechTextAnalyticsApi
	Package     string // Go package: speechtextanalyticsapi
	Description string
	// Operations are sorted by Name.
	Operations []*Operation
	// Enums are the enum types of the operations' non-body parameters,
	// declared in the API's package (their Types are Local), in the order of
	// the operations and their parameters.
	Enums []*Enum
}

// Operation is one method of an API.
type Operation struct {
	ID          string // operationId
	Name        string // Go method name, from x-purecloud-method-name
	Method      string // HTTP method, upper case
	Path        string // path template: /api/v2/oauth/clients/{clientId}
	Summary     string
	Description string
	Deprecated  bool
	// Tombstone is set for an operation the spec no longer has, kept from
	// the last release (see Merge) so that code calling it still compiles.
	Tombstone bool
	// RemovedIn is the SDK version that first kept the tombstone, "" when
	// unknown (see MergeLabeled); the same in Param, Model, Field and EnumValue.
	RemovedIn string
	// Permissions from x-inin-requires-permissions; nil when the spec has none.
	Permissions *Permissions
	// Scopes are the OAuth scopes the operation's security requirement names.
	Scopes []string
	// APIKeyHeader is the header of an API key the operation is authorized
	// with instead of an OAuth token (the spec's apiKey security scheme,
	// such as "Guest Chat JWT" in Authorization), "" for none.
	APIKeyHeader string
	// APIKeyScheme names that scheme.
	APIKeyScheme string
	// Params lists every parameter in spec order.
	Params []*Param
	// Positional are the required parameters, in spec order: the method's
	// arguments after the context.
	Positional []*Param
	// Options are the optional parameters, in spec order: the fields of the
	// operation's options struct.
	Options []*Param
	// OptionsType is the name of the options struct type. Every operation has
	// one, so that optional parameters can be added without changing the
	// method's signature.
	OptionsType string
	// Result is the type of the success body, nil when there is none.
	Result *Type
	// ResultStatus is the status code whose schema gave Result.
	ResultStatus string
	// OtherResults are the other 2xx responses whose body has another type.
	OtherResults []AltResult
	// Accept is the media type the method asks for.
	Accept string
	// ContentType is the media type of the request body ("" without a body).
	ContentType string
	// Paging says how to walk the pages of a paged listing result; nil for
	// other results (see paging.go).
	Paging *Paging
	// PagingNote says why a result that holds one page of a listing has
	// no iterator, "" when there is nothing to say (see paging.go).
	PagingNote string
	// Job says how to wait for the job whose status the operation reports;
	// nil for other operations (see jobs.go).
	Job *Job
}

// Permissions is the x-inin-requires-permissions extension.
type Permissions struct {
	All  bool // ALL: every permission is needed; otherwise ANY one of them
	List []string
}

// AltResult is a success response whose body type differs from the method's
// result type, listed in the method's documentation.
type AltResult struct {
	Status string
	Type   *Type // nil: no body
}

// Param is an operation parameter.
type Param struct {
	Name        string // name on the wire
	In          string // path, query, header or body
	Field       string // Go field name in the options struct
	Var         string // Go variable name as a positional argument
	Required    bool
	Type        *Type
	Collection  string // collectionFormat of array query parameters: csv or multi
	Description string
	Enum        []string // allowed values (of each item, for an array), for the documentation
	Default     string   // default value as the spec writes it, "" when none
	// TombstoneEnum holds the values of Enum the spec no longer has, kept
	// from the last release (their constants stay), with the release label
	// of each ("" when unknown).
	TombstoneEnum map[string]string
	// Tombstone is set for a parameter the operation no longer has, kept from
	// the last release so that the method's signature stays; it is not sent.
	Tombstone bool
	RemovedIn string
}

// Model is a definition: a struct, or an alias of json.RawMessage for a
// definition that declares no properties.
type Model struct {
	Name        string // Go type name
	SpecName    string // definition name (or location of an inline schema)
	File        string // file name in the models package
	Description string
	// Freeform is set for a definition without properties: its JSON is kept
	// as is, unless Underlying is set.
	Freeform bool
	// Underlying is set for a definition without properties that is an
	// array or a map (additionalProperties): a named slice or map type of
	// it, KindArray or KindMap.
	Underlying *Type
	// Inline is set for a model built from an inline object schema.
	Inline bool
	// Tombstone is set for a definition the spec no longer has, kept from the
	// last release.
	Tombstone bool
	RemovedIn string
	Fields    []*Field
	// Enums are the enum types of the model's properties, in field order.
	Enums []*Enum
}

// Field is one property of a model.
type Field struct {
	Name        string // Go field name
	JSON        string // property name
	Type        *Type
	Description string
	Format      string // the spec's format, for the documentation
	ReadOnly    bool
	Required    bool
	Enum        []string // allowed values of an integer enum, for the documentation
	// Tombstone is set for a property the definition no longer has, kept
	// from the last release.
	Tombstone bool
	RemovedIn string
}

// Enum is a named string type with one constant per allowed value.
type Enum struct {
	Name   string // Go type name
	Model  string // owning model's Go name; for a parameter's, the options type or method
	Field  string // owning field's Go name; for a positional parameter, its argument
	Values []EnumValue
	// Param is set for the enum of a parameter, declared in its API's
	// package; Arg for a positional parameter's, whose Model is the method
	// and Field the argument.
	Param, Arg bool
}

// EnumValue is one constant of an Enum.
type EnumValue struct {
	Name  string // Go constant name
	Value string
	// Tombstone is set for a value the enum no longer has, kept from the last
	// release.
	Tombstone bool
	RemovedIn string
}

// Kind is the shape of a Type.
type Kind int

// The kinds of types.
const (
	KindString        Kind = iota + 1
	KindInt32              // integer, format int32
	KindInt64              // integer, format int64 or no format
	KindFloat32            // number, format float
	KindFloat64            // number, format double or no format
	KindBool               // boolean
	KindDateTime           // string, format date-time
	KindDate               // string, format date
	KindLocalDateTime      // string, format local-date-time
	KindLocalTime          // string, format local-time
	KindModel              // a definition (Name) that is a struct
	KindFreeform           // a definition (Name) without properties
	KindEnum               // a string enum (Name)
	KindAny                // an object without properties: any JSON value
	KindArray              // array of Elem
	KindMap                // object with additionalProperties of Elem
)

// Type is the type of a field, parameter or result.
type Type struct {
	Kind Kind
	Name string // for KindModel, KindFreeform and KindEnum
	Elem *Type  // for KindArray and KindMap
	// Local is set for a KindEnum declared in the API's package (a
	// parameter's enum, see API.Enums) rather than in models.
	Local bool
	// Format is the spec's format of a string ("uri", "interval", ...), kept
	// for the documentation.
	Format string
}
