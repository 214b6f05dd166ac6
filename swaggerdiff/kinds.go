package swaggerdiff

// Kind names a kind of change. The names are stable: tools may match them.
type Kind string

// The change kinds the official differ reports (the row of its catalogue in
// parentheses), used by both rule sets.
const (
	PathRemoved                 Kind = "path-removed"                  // (1)
	PathAdded                   Kind = "path-added"                    // (2) "Path was added"
	PathKeyAdded                Kind = "path-key-added"                // (2) "Operation M was added" under an added path
	OperationRemoved            Kind = "operation-removed"             // (3)
	OperationAdded              Kind = "operation-added"               // (4, 5)
	OperationIDChanged          Kind = "operation-id-changed"          // (6)
	MethodNameChanged           Kind = "method-name-changed"           // (7) x-purecloud-method-name
	DescriptionChanged          Kind = "description-changed"           // (8)
	SummaryChanged              Kind = "summary-changed"               // (9)
	Deprecated                  Kind = "deprecated"                    // (10)
	Undeprecated                Kind = "undeprecated"                  // (11)
	ParameterRemoved            Kind = "parameter-removed"             // (12)
	ParameterAdded              Kind = "parameter-added"               // (13)
	ParameterInChanged          Kind = "parameter-in-changed"          // (14)
	ParameterTypeChanged        Kind = "parameter-type-changed"        // (15)
	ParameterDescriptionChanged Kind = "parameter-description-changed" // (16)
	ParameterMadeRequired       Kind = "parameter-made-required"       // (17)
	ParameterMadeOptional       Kind = "parameter-made-optional"       // (18)
	ResponseRemoved             Kind = "response-removed"              // (19)
	ResponseAdded               Kind = "response-added"                // (20)
	ResponseDescriptionChanged  Kind = "response-description-changed"  // (21)
	ResponseTypeChanged         Kind = "response-type-changed"         // (22)
	TagRemoved                  Kind = "tag-removed"                   // (23)
	TagAdded                    Kind = "tag-added"                     // (24)
	ModelRemoved                Kind = "model-removed"                 // (25)
	ModelAdded                  Kind = "model-added"                   // (26)
	PropertyRemoved             Kind = "property-removed"              // (27)
	RequiredPropertyAdded       Kind = "required-property-added"       // (28)
	OptionalPropertyAdded       Kind = "optional-property-added"       // (29)
	PropertyTypeChanged         Kind = "property-type-changed"         // (30)
	PropertyMadeReadOnly        Kind = "property-made-readonly"        // (31)
	PropertyNoLongerReadOnly    Kind = "property-no-longer-readonly"   // (32)
	PropertyEnumAdded           Kind = "property-enum-added"           // (33)
	PropertyEnumRemoved         Kind = "property-enum-removed"         // (34)
	EnumValueRemoved            Kind = "enum-value-removed"            // (35)
	EnumValueAdded              Kind = "enum-value-added"              // (36)
)

// The kinds only RulesGo reports: what the official differ does not see.
// Each is rated by what it does to the generated Go API.
const (
	// A property's format changed (int32 -> int64, date-time -> string, ...).
	PropertyFormatChanged Kind = "property-format-changed"
	// A property's array items or map values changed type (the official type
	// string does not see it, e.g. a format inside).
	PropertyItemsChanged Kind = "property-items-changed"
	// A property joined or left the model's required list.
	PropertyRequiredChanged Kind = "property-required-changed"
	// A property's or a model's description changed.
	PropertyDescriptionChanged Kind = "property-description-changed"
	ModelDescriptionChanged    Kind = "model-description-changed"
	// A definition lost or gained all its properties (struct <-> raw JSON),
	// which the official differ skips.
	ModelShapeChanged Kind = "model-shape-changed"
	// A parameter's format, array items or collectionFormat changed.
	ParameterFormatChanged Kind = "parameter-format-changed"
	// A body parameter's schema changed.
	ParameterSchemaChanged Kind = "parameter-schema-changed"
	// A parameter's enum (or its items') changed: a constant of its Go enum
	// type removed (major) or added (minor); values of other types (integers)
	// are no Go constants (patch).
	ParameterEnumChanged Kind = "parameter-enum-changed"
	// A response's schema changed in a way the official differ does not
	// compare (array items, inline schemas, formats).
	ResponseSchemaChanged Kind = "response-schema-changed"
	// The generated Go API changed in a way no spec-level change above
	// explains (a renamed Go identifier after a name collision, ...).
	GoAPIChanged Kind = "go-api-changed"
)
