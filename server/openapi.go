package server

import (
	"net/http"
	"regexp"
	"strings"
)

var pathParam = regexp.MustCompile(`\{([a-z]+)\}`)

// OpenAPI returns the OpenAPI 3 document of the API, built from the same
// route table the server routes by.
func (s *Server) OpenAPI() map[string]any {
	errorRef := map[string]any{"$ref": "#/components/schemas/Error"}
	errResp := func(desc string) map[string]any {
		return map[string]any{"description": desc, "content": map[string]any{"application/json": map[string]any{"schema": errorRef}}}
	}
	paths := map[string]any{}
	for _, rt := range s.routes {
		item, _ := paths[rt.Pattern].(map[string]any)
		if item == nil {
			item = map[string]any{}
			paths[rt.Pattern] = item
		}
		var params []any
		for _, m := range pathParam.FindAllStringSubmatch(rt.Pattern, -1) {
			typ := "string"
			if m[1] == "id" {
				typ = "integer"
			}
			params = append(params, map[string]any{"name": m[1], "in": "path", "required": true, "schema": map[string]any{"type": typ}})
		}
		for _, p := range rt.Params {
			params = append(params, map[string]any{"name": p.Name, "in": "query", "description": p.Description,
				"schema": map[string]any{"type": p.Type}})
		}
		produce := rt.Produce
		if produce == "" {
			produce = "application/json"
		}
		ok := "200"
		switch {
		case rt.Method == "DELETE":
			ok = "204"
		case strings.HasSuffix(rt.Pattern, "/run"):
			ok = "202"
		case rt.Method == "POST" && (rt.Pattern == "/api/v1/targets" || rt.Pattern == "/api/v1/watchlist"):
			ok = "201"
		}
		responses := map[string]any{
			"401":     errResp("missing or invalid token"),
			"403":     errResp("outside the caller's role or platform; nothing changed"),
			"default": errResp("error: 400 invalid, 404 not found, 409 conflict, 500 internal"),
		}
		if ok == "204" {
			responses[ok] = map[string]any{"description": "done"}
		} else {
			responses[ok] = map[string]any{"description": "OK", "content": map[string]any{produce: map[string]any{"schema": map[string]any{}}}}
		}
		if rt.Method == "PUT" { // create or replace
			responses["201"] = map[string]any{"description": "created", "content": map[string]any{produce: map[string]any{"schema": map[string]any{}}}}
		}
		op := map[string]any{
			"summary":     rt.Summary,
			"operationId": operationID(rt),
			"tags":        []string{rt.Tag},
			"responses":   responses,
		}
		if params != nil {
			op["parameters"] = params
		}
		switch rt.Body {
		case "json":
			schema := map[string]any{"type": "object"}
			if strings.Contains(rt.Pattern, "/targets") {
				schema = map[string]any{"$ref": "#/components/schemas/Target"}
			}
			if rt.Pattern == "/api/v1/tickets/bulk" {
				schema = map[string]any{"$ref": "#/components/schemas/TicketBulk"}
			}
			content := map[string]any{"application/json": map[string]any{"schema": schema}}
			if strings.Contains(rt.Pattern, "/targets") {
				content["application/yaml"] = map[string]any{"schema": map[string]any{"type": "string", "description": "the target in the configuration file's YAML"}}
			}
			op["requestBody"] = map[string]any{"required": true, "content": content}
		case "yaml":
			op["requestBody"] = map[string]any{"required": true, "content": map[string]any{"application/yaml": map[string]any{"schema": map[string]any{"type": "string"}}}}
		}
		item[strings.ToLower(rt.Method)] = op
	}
	paths["/api/v1/openapi.json"] = map[string]any{"get": map[string]any{
		"summary": "This document", "operationId": "openapi", "tags": []string{"meta"},
		"responses": map[string]any{"200": map[string]any{"description": "OK", "content": map[string]any{"application/json": map[string]any{"schema": map[string]any{}}}},
			"401": map[string]any{"description": "missing or invalid token"}},
	}}
	return map[string]any{
		"openapi": "3.0.3",
		"info": map[string]any{"title": "precwatch API", "version": "1",
			"description": "Search listings, review tickets, configure crawl targets. Roles: admin, partner:<platform>, reviewer:<platform>, regulator. Errors are {\"error\":{\"code\",\"message\"}}."},
		"servers":  []any{map[string]any{"url": "/"}},
		"security": []any{map[string]any{"bearer": []any{}}},
		"paths":    paths,
		"components": map[string]any{
			"securitySchemes": map[string]any{"bearer": map[string]any{"type": "http", "scheme": "bearer"}},
			"schemas": map[string]any{
				"Error": map[string]any{"type": "object", "properties": map[string]any{"error": map[string]any{"type": "object",
					"properties": map[string]any{"code": map[string]any{"type": "string"}, "message": map[string]any{"type": "string"},
						"problems": map[string]any{"type": "array", "description": "every problem of an invalid target body, each naming its field",
							"items": map[string]any{"type": "object", "properties": map[string]any{"field": map[string]any{"type": "string"}, "message": map[string]any{"type": "string"}}}}}}}},
				"Target":     targetSchema(),
				"TicketBulk": ticketBulkSchema(),
			},
		},
	}
}

func operationID(rt route) string {
	p := strings.TrimPrefix(rt.Pattern, "/api/v1/")
	p = pathParam.ReplaceAllString(p, "by-$1")
	p = strings.NewReplacer("/", "-", ".", "-").Replace(p)
	return strings.ToLower(rt.Method) + "-" + p
}

func (s *Server) handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, s.OpenAPI())
}

// Routes lists the API routes as "METHOD /pattern", in table order.
func (s *Server) Routes() []string {
	out := make([]string, len(s.routes))
	for i, r := range s.routes {
		out[i] = r.Method + " " + r.Pattern
	}
	return out
}

// ticketBulkSchema is the OpenAPI schema of the body of POST
// /api/v1/tickets/bulk.
func ticketBulkSchema() map[string]any {
	str := func(desc string, enum []string) map[string]any {
		m := map[string]any{"type": "string", "description": desc}
		if enum != nil {
			m["enum"] = enum
		}
		return m
	}
	return map[string]any{
		"type":     "object",
		"required": []string{"ids"},
		"properties": map[string]any{
			"ids": map[string]any{"type": "array", "items": map[string]any{"type": "integer"}, "minItems": 1, "maxItems": MaxBulk,
				"description": "the tickets to change, at most 1000 (duplicates count once)"},
			"status":   str("the status every ticket moves to, as the workflow allows from its current status (open → in_review → confirmed | dismissed, escalated)", statuses),
			"reason":   str("why; required with status, recorded in every ticket's audit log (and with an assignment)", nil),
			"from":     str("optional: the status the caller saw the tickets in; a ticket no longer in it is 409 conflict naming its current status, and nothing changes", statuses),
			"assignee": str("optional: assign every ticket to this name (\"\" unassigns; absent leaves the assignees)", nil),
		},
	}
}
