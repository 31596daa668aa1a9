package web

import (
	"net/http"

	"planverk/plan"
)

// routes lists every route of the web application in one place.
func (s *Server) routes(mux *http.ServeMux) {
	mux.Handle("GET /static/", staticHandler())
	mux.HandleFunc("GET /healthz", s.health)
	mux.HandleFunc("POST /language", s.languageSave)

	mux.HandleFunc("GET /login", s.loginShow)
	mux.HandleFunc("POST /login", s.loginSave)
	mux.HandleFunc("POST /login/oidc", s.oidcStart)
	mux.HandleFunc("GET /login/oidc/callback", s.oidcCallback)
	mux.HandleFunc("POST /logout", s.logoutSave)
	mux.HandleFunc("GET /account", s.accountShow)
	mux.HandleFunc("POST /account/password", s.passwordSave)
	mux.HandleFunc("POST /account/tokens", s.tokenSave)
	mux.HandleFunc("POST /account/tokens/{token}/delete", s.tokenDelete)
	mux.HandleFunc("GET /invitations/{token}", s.invitationShow)
	mux.HandleFunc("POST /invitations/{token}", s.invitationSave)
	mux.HandleFunc("GET /programmes/{programme}/members", s.membersShow)
	mux.HandleFunc("POST /programmes/{programme}/members/invite", s.memberInvite)
	mux.HandleFunc("POST /programmes/{programme}/members/{user}/role", s.memberRoleSave)

	mux.HandleFunc("GET /{$}", s.home)
	mux.HandleFunc("GET /programmes/{programme}", s.programmeShow)
	mux.HandleFunc("GET /programmes/{programme}/plans/{year}", s.planShow)
	mux.HandleFunc("GET /programmes/{programme}/plans/{year}/goals/{goal}/measures/{measure}", s.measureShow)
	mux.HandleFunc("GET /programmes/{programme}/plans/{year}/measures/{id}", s.measureShowByID)
	mux.HandleFunc("GET /programmes/{programme}/plans/{year}/goals/{goal}/measures/{measure}/edit", s.measureEdit)
	mux.HandleFunc("POST /programmes/{programme}/plans/{year}/goals/{goal}/measures/{measure}/edit", s.measureSave)
	mux.HandleFunc("POST /programmes/{programme}/plans/{year}/goals/{goal}/measures/{measure}/delete", s.measureDelete)
	mux.HandleFunc("GET /programmes/{programme}/plans/{year}/goals/{goal}/measures/{measure}/history", s.historyShow)
	mux.HandleFunc("GET /programmes/{programme}/plans/{year}/goals/{goal}/measures/new", s.measureNew)
	mux.HandleFunc("POST /programmes/{programme}/plans/{year}/goals/{goal}/measures/new", s.measureCreate)
	mux.HandleFunc("POST /programmes/{programme}/plans/{year}/measures/restore", s.measureRestore)
	mux.HandleFunc("GET /programmes/{programme}/plans/{year}/history", s.historyShow)
	mux.HandleFunc("POST /programmes/{programme}/plans/{year}/publish", s.planPublish)
	mux.HandleFunc("POST /programmes/{programme}/plans/{year}/comments", s.commentSave)
	// the yearly cycle: releases, the steps that make them, next year's
	// plan and the revision report
	mux.HandleFunc("GET /programmes/{programme}/plans/{year}/cycle", s.cycleShow)
	mux.HandleFunc("GET /programmes/{programme}/plans/{year}/steps/{step}", s.stepNew)
	mux.HandleFunc("POST /programmes/{programme}/plans/{year}/steps/{step}", s.stepSave)
	mux.HandleFunc("GET /programmes/{programme}/plans/{year}/releases/{release}", s.releaseShow)
	mux.HandleFunc("GET /programmes/{programme}/plans/{year}/releases/{release}/{format}", s.releaseDownload)
	mux.HandleFunc("GET /programmes/{programme}/plans/{year}/plan.pdf", s.planPDF)
	mux.HandleFunc("GET /programmes/{programme}/plans/{year}/changes", s.planChanges)
	mux.HandleFunc("POST /programmes/{programme}/plans/{year}/next", s.planNext)
	mux.HandleFunc("GET /programmes/{programme}/plans/{year}/revision", s.revisionShow)
	mux.HandleFunc("GET /programmes/{programme}/plans/{year}/revision/edit", s.revisionEdit)
	mux.HandleFunc("POST /programmes/{programme}/plans/{year}/revision/edit", s.revisionSave)
	mux.HandleFunc("GET /waiting", s.waitingShow)
	// the final evaluation, at the end of the period, and its templates
	mux.HandleFunc("GET /programmes/{programme}/evaluation", s.evaluationShow)
	mux.HandleFunc("GET /programmes/{programme}/evaluation/edit", s.evaluationEdit)
	mux.HandleFunc("POST /programmes/{programme}/evaluation/edit", s.evaluationSave)
	mux.HandleFunc("GET /admin/evaluation-templates", s.evaluationTemplatesShow)
	mux.HandleFunc("POST /admin/evaluation-templates", s.evaluationTemplateUpload)
	// plan structure: plan fields, goals, measure order, targets, anchoring, approvals,
	// the communication plan
	mux.HandleFunc("GET /programmes/{programme}/plans/{year}/edit", s.planEdit)
	mux.HandleFunc("POST /programmes/{programme}/plans/{year}/edit", s.planSave)
	mux.HandleFunc("GET /programmes/{programme}/plans/{year}/goals/new", s.goalNew)
	mux.HandleFunc("POST /programmes/{programme}/plans/{year}/goals/new", s.goalCreate)
	mux.HandleFunc("GET /programmes/{programme}/plans/{year}/goals/{goal}/edit", s.goalEdit)
	mux.HandleFunc("POST /programmes/{programme}/plans/{year}/goals/{goal}/edit", s.goalSave)
	mux.HandleFunc("POST /programmes/{programme}/plans/{year}/goals/{goal}/delete", s.goalDelete)
	mux.HandleFunc("POST /programmes/{programme}/plans/{year}/goals/{goal}/move", s.goalMove)
	mux.HandleFunc("POST /programmes/{programme}/plans/{year}/goals/{goal}/measures/{measure}/move", s.measureMove)
	mux.HandleFunc("GET /programmes/{programme}/plans/{year}/targets/edit", s.targetsEdit)
	mux.HandleFunc("POST /programmes/{programme}/plans/{year}/targets/edit", s.targetsSave)
	mux.HandleFunc("GET /programmes/{programme}/plans/{year}/anchoring/edit", s.anchoringEdit)
	mux.HandleFunc("POST /programmes/{programme}/plans/{year}/anchoring/edit", s.anchoringSave)
	mux.HandleFunc("GET /programmes/{programme}/plans/{year}/approvals/edit", s.approvalsEdit)
	mux.HandleFunc("POST /programmes/{programme}/plans/{year}/approvals/edit", s.approvalsSave)
	mux.HandleFunc("GET /programmes/{programme}/plans/{year}/communication/edit", s.communicationEdit)
	mux.HandleFunc("POST /programmes/{programme}/plans/{year}/communication/edit", s.communicationSave)

	// money: budgets and financing
	mux.HandleFunc("GET /programmes/{programme}/plans/{year}/budgets/{budget}/edit", s.budgetEdit)
	mux.HandleFunc("POST /programmes/{programme}/plans/{year}/budgets/{budget}/edit", s.budgetSave)
	mux.HandleFunc("GET /programmes/{programme}/plans/{year}/financing/{table}/edit", s.financingEdit)
	mux.HandleFunc("POST /programmes/{programme}/plans/{year}/financing/{table}/edit", s.financingSave)
	mux.HandleFunc("GET /programmes/{programme}/plans/{year}/sources/edit", s.sourcesEdit)
	// the plan as Word and Excel, its tables as CSV, and a table back from Excel
	mux.HandleFunc("GET /programmes/{programme}/plans/{year}/plan.docx", s.planDocx)
	mux.HandleFunc("GET /programmes/{programme}/plans/{year}/plan.xlsx", s.planXlsx)
	mux.HandleFunc("GET /programmes/{programme}/plans/{year}/budgets/{budget}", s.budgetCSV)
	mux.HandleFunc("GET /programmes/{programme}/plans/{year}/financing/{table}", s.financingCSV)
	mux.HandleFunc("GET /programmes/{programme}/plans/{year}/budgets/{budget}/import", s.budgetImportShow)
	mux.HandleFunc("POST /programmes/{programme}/plans/{year}/budgets/{budget}/import", s.budgetImportCheck)
	mux.HandleFunc("POST /programmes/{programme}/plans/{year}/budgets/{budget}/import/confirm", s.budgetImportConfirm)
	mux.HandleFunc("GET /programmes/{programme}/plans/{year}/financing/{table}/import", s.financingImportShow)
	mux.HandleFunc("POST /programmes/{programme}/plans/{year}/financing/{table}/import", s.financingImportCheck)
	mux.HandleFunc("POST /programmes/{programme}/plans/{year}/financing/{table}/import/confirm", s.financingImportConfirm)
	mux.HandleFunc("POST /programmes/{programme}/plans/{year}/sources/edit", s.sourcesSave)

	// programmes, organisations and users
	mux.HandleFunc("GET /programmes/new", s.programmeNew)
	mux.HandleFunc("POST /programmes/new", s.programmeCreate)
	mux.HandleFunc("GET /programmes/{programme}/edit", s.programmeEdit)
	mux.HandleFunc("POST /programmes/{programme}/edit", s.programmeSave)
	mux.HandleFunc("GET /organisations/new", s.organisationNew)
	mux.HandleFunc("POST /organisations/new", s.organisationCreate)
	mux.HandleFunc("GET /organisations/{organisation}/edit", s.organisationEdit)
	mux.HandleFunc("POST /organisations/{organisation}/edit", s.organisationSave)
	mux.HandleFunc("GET /users", s.usersShow)
	mux.HandleFunc("POST /users/invite", s.userInvite)
	mux.HandleFunc("POST /users/lockouts/lift", s.lockoutLift)
	mux.HandleFunc("POST /users/{user}", s.userSave)

	mux.HandleFunc("GET /organisations/{organisation}", s.organisationShow)

	// support schemes: the catalogue, the finder and the glossary, open to
	// everyone; editing them is for system administrators
	mux.HandleFunc("GET /schemes", s.schemeSearch)
	mux.HandleFunc("GET /schemes/finder", s.schemeFinder)
	mux.HandleFunc("GET /schemes/{id}", s.schemeShow)
	mux.HandleFunc("GET /glossary", s.glossaryShow)
	mux.HandleFunc("GET /schemes/new", s.schemeNew)
	mux.HandleFunc("POST /schemes/new", s.schemeCreate)
	mux.HandleFunc("GET /schemes/{id}/edit", s.schemeEdit)
	mux.HandleFunc("POST /schemes/{id}/edit", s.schemeSave)
	mux.HandleFunc("POST /schemes/{id}/delete", s.schemeDelete)
	mux.HandleFunc("POST /schemes/{id}/restore", s.schemeRestore)
	mux.HandleFunc("GET /schemes/{id}/history", s.schemeHistory)
	// the catalogue in bulk: exported by anyone (it is public), imported by
	// those who edit it
	mux.HandleFunc("GET /schemes/export", s.schemeExport)
	mux.HandleFunc("GET /schemes/import", s.schemeImportShow)
	mux.HandleFunc("POST /schemes/import", s.schemeImportCheck)
	mux.HandleFunc("POST /schemes/import/confirm", s.schemeImportConfirm)
	mux.HandleFunc("GET /glossary/new", s.glossaryNew)
	mux.HandleFunc("POST /glossary/new", s.glossaryCreate)
	mux.HandleFunc("GET /glossary/{term}/edit", s.glossaryEdit)
	mux.HandleFunc("POST /glossary/{term}/edit", s.glossarySave)
	mux.HandleFunc("POST /glossary/{term}/delete", s.glossaryDelete)
	mux.HandleFunc("GET /glossary/history", s.glossaryHistory)

	mux.HandleFunc("GET /api/v1/openapi.json", s.apiOpenAPI)
	mux.HandleFunc("GET /api/v1/programmes", s.apiProgrammes)
	mux.HandleFunc("GET /api/v1/programmes/{programme}", s.apiProgramme)
	mux.HandleFunc("GET /api/v1/programmes/{programme}/plans/{year}", s.apiPlan)
	mux.HandleFunc("GET /api/v1/measures", s.apiMeasures)
	mux.HandleFunc("GET /api/v1/measures/{id}", s.apiMeasure)
	mux.HandleFunc("GET /api/v1/organisations", s.apiOrganisations)
	mux.HandleFunc("GET /api/v1/organisations/{organisation}", s.apiOrganisation)
	mux.HandleFunc("GET /api/v1/schemes", s.apiSchemes)
	mux.HandleFunc("GET /api/v1/schemes/finder", s.apiSchemeFinder)
	mux.HandleFunc("GET /api/v1/schemes/{id}", s.apiSchemeShow)
	mux.HandleFunc("GET /api/v1/glossary", s.apiGlossary)
	// write API
	mux.HandleFunc("POST /api/v1/measures", s.apiMeasureCreate)
	mux.HandleFunc("PUT /api/v1/measures/{id}", s.apiMeasurePut)
	mux.HandleFunc("PATCH /api/v1/measures/{id}", s.apiMeasurePatch)
	mux.HandleFunc("DELETE /api/v1/measures/{id}", s.apiMeasureDelete)
	mux.HandleFunc("PUT /api/v1/programmes/{programme}/plans/{year}", s.apiPlanPut)
	mux.HandleFunc("POST /api/v1/programmes/{programme}/plans/{year}/publish", s.apiPlanPublish)
	mux.HandleFunc("GET /api/v1/programmes/{programme}/plans/{year}/history", s.apiPlanHistory)
	mux.HandleFunc("POST /api/v1/programmes/{programme}/plans/{year}/comments", s.apiCommentCreate)
	// the yearly cycle: releases, steps, next year's plan, the revision
	mux.HandleFunc("GET /api/v1/programmes/{programme}/plans/{year}/cycle", s.apiCycleShow)
	mux.HandleFunc("GET /api/v1/programmes/{programme}/plans/{year}/releases", s.apiReleaseList)
	mux.HandleFunc("GET /api/v1/programmes/{programme}/plans/{year}/releases/{release}", s.apiReleaseShow)
	mux.HandleFunc("POST /api/v1/programmes/{programme}/plans/{year}/steps/{step}", s.apiStepCreate)
	mux.HandleFunc("POST /api/v1/programmes/{programme}/plans/{year}/next", s.apiPlanNext)
	mux.HandleFunc("GET /api/v1/programmes/{programme}/plans/{year}/revision", s.apiRevisionShow)
	mux.HandleFunc("GET /api/v1/programmes/{programme}/plans/{year}/revision/measures/{id}", s.apiDisposition)
	mux.HandleFunc("PUT /api/v1/programmes/{programme}/plans/{year}/revision/measures/{id}", s.apiDispositionPut)
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		s.apiFail(w, r, plan.Errorf(plan.ENotFound, "no API resource at %s", r.URL.Path))
	})

	// Everything else is the page that says there is nothing here, or
	// that the address is not used that way, in the visitor's language,
	// rather than the bare default.
	mux.HandleFunc("/", s.nothingHere(mux))
}
