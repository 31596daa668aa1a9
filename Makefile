# planverk: the common tasks. `make test` is what CI runs.
GO ?= go
STATICCHECK ?= $(shell $(GO) env GOPATH)/bin/staticcheck
STATICCHECK_VERSION ?= v0.8.2

.PHONY: build test lint staticcheck run clean

build:
	$(GO) build -o bin/planverk ./cmd/planverk

test:
	$(GO) test -race -count=1 -timeout 40m ./...

lint: $(STATICCHECK)
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(STATICCHECK) ./...

$(STATICCHECK):
	$(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

# Check the example plans and regenerate the plan-file schema in docs/.
examples: build
	./bin/planverk check examples/*.yaml
	./bin/planverk schema > docs/plan-file.schema.json

clean:
	rm -rf bin
