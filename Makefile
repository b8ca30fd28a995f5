# precwatch — see README.md.
GO      ?= go
BIN     := bin/precwatch
PKGS    := ./...

.PHONY: all build test test-short bench fuzz lint demo deps clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/precwatch

# deps installs what the tests need on a fresh machine (Debian's headless
# Chromium for the web UI tests). It is a no-op when they are present.
deps:
	@./scripts/deps.sh

test: deps
	$(GO) test -race -timeout 45m $(PKGS)

test-short:
	$(GO) test -short $(PKGS)

bench: build
	./scripts/bench.sh

fuzz:
	./scripts/fuzz.sh

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet $(PKGS)

demo: build
	./$(BIN) demo

clean:
	rm -rf bin
