package generator

import (
	"sort"
	"strings"
)

// Jobs: which operations report the status of an asynchronous job that a
// POST creates, and which states end it. The templates give each such
// operation a waiter method that polls it until the job ends. Beside
// paging.go: both recognise shapes of operations by how the Platform API
// spells them.

// Job says how to wait for the job an operation reports the status of.
type Job struct {
	// Method is the name of the waiter method.
	Method string
	// Creator is the POST on the parent path that creates the job.
	Creator *Operation
	// ID is the path parameter that names the job (jobId, exportJobId...).
	ID *Param
	// State is the status model's state or status enum field.
	State *Field
	// Succeeded and Failed are the values of State that end the job, as the
	// spec spells them: well, and otherwise (failed, cancelled, expired).
	Succeeded, Failed []string
	// Handover are the values of Succeeded in which the job waits for the
	// caller's next step (Next), such as READY for a recording job, which
	// PutRecordingJob then executes.
	Handover []string
	// Next is the PATCH or PUT of the status path that takes the next step,
	// nil when Handover is empty.
	Next *Operation
	// Message is the field that holds the job's error message (a string),
	// nil when the model has none; MessageIn is the field of the status
	// model that holds Message when Message is a field of a nested error
	// object, nil when Message is the status model's own.
	Message, MessageIn *Field
}

// succeededStates and failedStates are the values of a job's state enum
// (compared without case) that end the job: a job in any other state goes
// on. They are what the Platform API's job status models spell. A partial
// completion ends it as a success: the status says what failed.
// handoverStates are the states in which a job that the caller updates
// (its status path has a PATCH or PUT) waits for the caller's next step,
// such as READY (a recording job, which PUT executes), ReadyToImport (a
// knowledge parse job) and ValidationCompleted (a knowledge import, which
// PATCH starts): the job goes no further by itself, so they end the wait
// as a success. Without a PATCH or PUT they are states like any other.
var (
	succeededStates = []string{"FULFILLED", "SUCCEEDED", "SUCCESS", "COMPLETE", "COMPLETED", "FINISHED",
		"PARTIALCOMPLETED", "IMPORTCOMPLETED", "IMPORTPARTIALCOMPLETED"}
	handoverStates = []string{"READY", "READYTOIMPORT", "VALIDATIONCOMPLETED"}
	failedStates   = []string{"FAILED", "FAILURE", "CANCELLED", "CANCELED", "EXPIRED", "ERROR", "INTERNALERROR",
		"VALIDATIONFAILED", "ABORTED", "IMPORTFAILED", "ROLLBACKFAILED", "ROLLBACKCOMPLETE", "INCOMPLETE",
		"TERMINATED", "PARTIALFAILURE"}
)

// jobMessageObjects are the status model's properties that hold the job's
// error object, whose message or errorMessage is the job's message.
var jobMessageObjects = []string{"error", "errorInformation", "errorInfo", "errorBody", "failureReason"}

// JobNote is a job status operation that has no waiter, and why.
type JobNote struct {
	API    string
	Op     *Operation
	Reason string
}

// detectJobs sets Operation.Job on every job status operation, tombstones
// included (a waiter stays while its method is kept): a GET whose
// path ends in a job ID parameter ({jobId}, {exportJobId}...), whose
// result has a state or status enum with a state that ends the job well,
// and whose parent path has a POST that creates the job. It returns the job
// status operations left without a waiter, with why.
func (b *builder) detectJobs(apis []*API) []JobNote {
	models := map[string]*Model{}
	for _, m := range b.models {
		models[m.Name] = m
	}
	enums := map[string]*Enum{}
	for _, e := range b.enums {
		enums[e.Name] = e
	}
	posts, updates := map[string]*Operation{}, map[string]*Operation{}
	for _, api := range apis {
		for _, op := range api.Operations {
			switch {
			case op.Method == "POST":
				posts[op.Path] = op
			case op.Method == "PATCH" || op.Method == "PUT":
				updates[op.Path] = op
			}
		}
	}
	var notes []JobNote
	for _, api := range apis {
		taken := map[string]bool{}
		for _, op := range api.Operations {
			taken[op.Name] = true
			if op.Paging != nil {
				taken[op.Paging.Method] = true
				taken[op.Paging.Pages] = true
			}
		}
		for _, op := range api.Operations {
			job, reason := jobOf(op, models, enums, posts, updates)
			if job == nil {
				if reason != "" {
					notes = append(notes, JobNote{api.Name, op, reason})
				}
				continue
			}
			job.Method = op.Name + "Wait"
			if taken[job.Method] {
				notes = append(notes, JobNote{api.Name, op, "the name " + job.Method + " is taken by another method"})
				continue
			}
			taken[job.Method] = true
			op.Job = job
		}
	}
	sort.SliceStable(notes, func(i, j int) bool { return notes[i].Op.Path < notes[j].Op.Path })
	return notes
}

// jobIDParam returns the path parameter that ends op's path when its name
// ends in jobId, or nil.
func jobIDParam(op *Operation) *Param {
	i := strings.LastIndex(op.Path, "/")
	last := op.Path[i+1:]
	if !strings.HasPrefix(last, "{") || !strings.HasSuffix(strings.ToLower(last), "jobid}") {
		return nil
	}
	for _, p := range op.Positional {
		if p.In == "path" && "{"+p.Name+"}" == last && !p.Tombstone {
			return p
		}
	}
	return nil
}

// jobOf returns the job whose status op reports, or nil and why a job
// status operation has no waiter ("" when op is none).
func jobOf(op *Operation, models map[string]*Model, enums map[string]*Enum, posts, updates map[string]*Operation) (*Job, string) {
	if op.Method != "GET" {
		return nil, ""
	}
	id := jobIDParam(op)
	if id == nil {
		return nil, ""
	}
	if id.Type.Kind != KindString {
		return nil, "the job ID is not a string"
	}
	if op.Result == nil || op.Result.Kind != KindModel || models[op.Result.Name] == nil {
		return nil, "the result is not a model"
	}
	m := models[op.Result.Name]
	var state *Field
	var enum *Enum
	for _, name := range []string{"state", "status"} {
		if f := fieldOf(m, name, KindEnum); f != nil && enums[f.Type.Name] != nil {
			state, enum = f, enums[f.Type.Name]
			break
		}
	}
	if state == nil {
		return nil, "the result (" + m.Name + ") has no state or status enum"
	}
	job := &Job{ID: id, State: state}
	for _, v := range enum.Values {
		switch {
		case v.Tombstone:
		case containsFold(succeededStates, v.Value):
			job.Succeeded = append(job.Succeeded, v.Value)
		case containsFold(failedStates, v.Value):
			job.Failed = append(job.Failed, v.Value)
		case containsFold(handoverStates, v.Value) && updates[op.Path] != nil:
			job.Succeeded = append(job.Succeeded, v.Value)
			job.Handover = append(job.Handover, v.Value)
			job.Next = updates[op.Path]
		}
	}
	if len(job.Succeeded) == 0 {
		return nil, "the " + state.JSON + " of " + m.Name + " (" + enumValues(enum) + ") has no state that ends the job well"
	}
	parent := op.Path[:strings.LastIndex(op.Path, "/")]
	if job.Creator = posts[parent]; job.Creator == nil {
		return nil, "no POST " + parent + " creates the job"
	}
	job.Message = fieldOf(m, "errorMessage", KindString)
	for _, name := range jobMessageObjects {
		if job.Message != nil {
			break
		}
		if in := fieldOf(m, name, KindModel); in != nil {
			for _, msg := range []string{"message", "errorMessage"} {
				if f := fieldOf(models[in.Type.Name], msg, KindString); f != nil {
					job.Message, job.MessageIn = f, in
					break
				}
			}
		}
	}
	return job, ""
}

// containsFold reports whether list holds s, ignoring case.
func containsFold(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return true
		}
	}
	return false
}

// enumValues lists the values of e, for a note.
func enumValues(e *Enum) string {
	var vs []string
	for _, v := range e.Values {
		if !v.Tombstone {
			vs = append(vs, v.Value)
		}
	}
	return strings.Join(vs, ", ")
}

// jobData is what the jobMethod template renders.
type jobData struct {
	API *API
	Op  *Operation
	J   *Job
}

func newJobData(api *API, op *Operation) jobData {
	return jobData{api, op, op.Job}
}

// Args are the arguments the waiter passes on to the status method.
func (d jobData) Args() string {
	var s strings.Builder
	for _, p := range d.Op.Positional {
		s.WriteString(", " + p.Var)
	}
	return s.String()
}

// Status is the Go type of the status model, without its pointer.
func (d jobData) Status() string {
	return goType(d.Op.Result, "models.")
}

// StateExpr is the state of the status s, as a string.
func (d jobData) StateExpr(s string) string {
	return "string(platformclient.Deref(" + s + "." + d.J.State.Name + "))"
}

// MessageExpr is the error message of the status s, "" when it has none.
func (d jobData) MessageExpr(s string) string {
	j := d.J
	switch {
	case j.Message == nil:
		return `""`
	case j.MessageIn != nil:
		return "platformclient.Deref(platformclient.Deref(" + s + "." + j.MessageIn.Name + ")." + j.Message.Name + ")"
	}
	return "platformclient.Deref(" + s + "." + j.Message.Name + ")"
}

// States is the Go list of the states in vs.
func (d jobData) States(vs []string) string {
	q := make([]string, len(vs))
	for i, v := range vs {
		q[i] = `"` + v + `"`
	}
	return "[]string{" + strings.Join(q, ", ") + "}"
}

// Doc is the documentation of the waiter method.
func (d jobData) Doc() string {
	j := d.J
	msg := ""
	if j.Message != nil {
		at := j.Message.JSON
		if j.MessageIn != nil {
			at = j.MessageIn.JSON + "." + at
		}
		msg = " and the job's " + at
	}
	failed := "."
	if len(j.Failed) > 0 {
		failed = "; when it is " + orList(j.Failed) + ", with a *platformclient.JobError that names the state" + msg + "."
	}
	handover := ""
	if len(j.Handover) > 0 {
		handover = "In " + orList(j.Handover) + " the job waits for the caller's next step, " + j.Next.Name + "."
	}
	return comment("", paragraphs(
		j.Method+" calls "+d.Op.Name+" until the job "+j.ID.Var+" (which "+j.Creator.Name+" creates) ends, and returns "+
			"its last status: when its "+j.State.JSON+" is "+orList(j.Succeeded)+", without error"+failed+" "+handover,
		"It polls as the client's WaitPolicy says (platformclient.ContextWithWaitPolicy for one call), each "+
			"poll a call like any other; it ends with ctx, which should have a deadline, or with the first "+
			"poll that fails.",
	))
}

// orList is "A", "A or B", "A, B or C".
func orList(vs []string) string {
	if len(vs) == 1 {
		return vs[0]
	}
	return strings.Join(vs[:len(vs)-1], ", ") + " or " + vs[len(vs)-1]
}

// jobWaiters counts the waiters of sdk, for the SDK README.
func jobWaiters(sdk *SDK) int {
	n := 0
	for _, api := range sdk.APIs {
		for _, op := range api.Operations {
			if op.Job != nil {
				n++
			}
		}
	}
	return n
}

// jobNotes lists the job status operations of sdk without a waiter, and
// why, as a Markdown list for the SDK README; "" when there are none.
func jobNotes(sdk *SDK) string {
	var b strings.Builder
	for _, n := range sdk.JobNotes {
		b.WriteString("- `" + n.API + "." + n.Op.Name + "` (`GET " + n.Op.Path + "`): " + n.Reason + ".\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}
